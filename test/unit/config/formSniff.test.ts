// The incremental content sniff (config/forms/formSniff.ts) must answer what a fresh sniff of the whole text
// answers. Random edit sequences start from plain settings files and insert, delete and edit lines that make
// and break the patterns' lines (keys, values on later lines, the blank lines and indentation between them).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { BEATS_PATTERNS, beatsContentWhere } from '../../../server/src/config/forms/beats';
import { candidateForms, changedSlice, FormSniff } from '../../../server/src/config/forms/formSniff';
import { formsWhere, SNIFF_PATTERNS } from '../../../server/src/config/forms/sniff';

const PATTERNS = [...SNIFF_PATTERNS, ...BEATS_PATTERNS];

/** A deterministic random source, so a failure can be replayed from its seed. */
function randomFrom(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const PLAIN = [
  'cluster.name: prod', 'node.name: es01', 'path.data: /var/lib/elasticsearch', 'xpack.security.enabled: true',
  'network.host: 0.0.0.0', '# a comment', 'discovery.seed_hosts:', '  - es02', '  - es03', 'http.port: 9200',
];
/** Lines that make a pattern match, alone or with others (a key here, its value lines below). */
const TRIGGERS = [
  'apiVersion: elasticsearch.k8s.elastic.co/v1', 'apiVersion:', '  elasticsearch.k8s.elastic.co/v1', '  "kibana.k8s.elastic.co/v1"',
  'services:', 'image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0', '    image:', '  elasticsearch', '  kibana:8.15.0',
  'kind: ConfigMap', 'kind:', '  Secret', '  elasticsearch.yml: |', 'elasticsearch.yml: |', 'kibana.yml:',
  'outputs:', 'outputs:   ', '  type: elasticsearch', 'type:', '  kafka', 'inputs:', 'agent:',
  'output.elasticsearch.hosts: [x]', 'filebeat.inputs:', 'esConfig:', 'kibanaConfig:', 'esJavaOpts: "-Xmx1g"',
  'apiVersio:', 'kin:', 'typ:', '  imag:', '  elasticsearch.k8s.elastic.c/v1', '  elasticsearc', '  kafk', '  Secre', 'elasticsearch.ym: |',
];
/** Words of the patterns and the same one character short: an edit turns one into the other. */
const TOGGLES: Array<[string, string]> = [
  ['apiVersion:', 'apiVersio:'], ['kind:', 'kin:'], ['type:', 'typ:'], ['image:', 'imag:'], ['elastic.co/', 'elastic.c/'],
  ['kafka', 'kafk'], ['Secret', 'Secre'], ['ConfigMap', 'ConfigMa'], ['elasticsearch.yml:', 'elasticsearch.ym:'],
  ['services:', 'service:'], ['outputs:', 'output:'], ['inputs:', 'input:'], ['esConfig:', 'esConfi:'], ['elasticsearch', 'elasticsearc'],
];
const BLANKS = ['', ' ', '   ', '\t', '  \u00a0'];
/** A key whose value may sit on a later line, and such values. */
const KEYS = ['apiVersion:', 'kind:', 'type:', '  type:', 'image:', '    image:', '  elasticsearch.yml: |', 'elasticsearch.yml:', 'outputs:'];
const VALUES = ['  elasticsearch.k8s.elastic.co/v1', '  ConfigMap', '  kafka', '  elasticsearch', 'elasticsearch', '  "kibana:8"', '    a.b: c'];
/** Pieces typed into a line: characters of the trigger words, whitespace and line breaks. */
const TYPED = ['x', 'e', 'h', ':', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u2028', '"', '/', '-', 'type:', 'image:', 'kind:', 'services:'];

function plainText(random: () => number): string {
  const lines: string[] = [];
  const n = 3 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) lines.push(pick(random, PLAIN));
  return lines.join('\n') + (random() < 0.5 ? '\n' : '');
}

/** One random edit, mostly near the last one, so that keys, blank lines and values meet. */
function edit(random: () => number, text: string, near: number): { text: string; at: number } {
  const lines = text.split('\n');
  const at = random() < 0.7 ? Math.max(0, Math.min(lines.length - 1, near + Math.floor(random() * 5) - 2)) : Math.floor(random() * lines.length);
  const roll = random();
  if (roll < 0.1) {
    // A key, blank lines, a value, the line after it; the key or value often one edit from matching.
    const block = [random() < 0.5 ? pick(random, BLANKS) : 'x', pick(random, KEYS), ...BLANKS.slice(0, 1 + Math.floor(random() * 2)), pick(random, VALUES), pick(random, PLAIN)];
    lines.splice(at, 0, ...block.map((line) => (random() < 0.4 ? toggle(random, line) : line)));
  } else if (roll < 0.25) lines.splice(at, 0, pick(random, TRIGGERS));
  else if (roll < 0.4) lines.splice(at, 0, pick(random, BLANKS));
  else if (roll < 0.5) lines.splice(at, 0, pick(random, PLAIN));
  else if (roll < 0.65) lines.splice(at, 1 + Math.floor(random() * 2));
  else if (roll < 0.7) lines[at] = pick(random, TRIGGERS);
  else if (roll < 0.8) lines[at] = toggle(random, lines[at] ?? '');
  else if (roll < 0.85) lines[at] = /^\s/.test(lines[at] ?? '') ? (lines[at] ?? '').trimStart() : `  ${lines[at] ?? ''}`;
  else if (roll < 0.9) {
    // Blank a line, most often the one above a key (a key at column 0 then starts a `^\s+` match).
    const key = lines.findIndex((line, i) => Math.abs(i - at) <= 4 && i > 0 && /^(?:type|elasticsearch\.yml|kibana\.yml):/.test(line));
    lines[key > 0 && random() < 0.7 ? key - 1 : at] = '';
  }
  else {
    // Type or delete a few characters inside a line (a line break joins or splits lines).
    const line = lines[at] ?? '';
    const col = Math.floor(random() * (line.length + 1));
    lines[at] = random() < 0.6 ? line.slice(0, col) + pick(random, TYPED) + line.slice(col) : line.slice(0, col) + line.slice(col + 1 + Math.floor(random() * 2));
  }
  return { text: lines.join('\n'), at };
}

/** Breaks a pattern's word in a line, or mends a broken one. */
function toggle(random: () => number, line: string): string {
  const options = TOGGLES.filter(([whole, short]) => line.includes(whole) || line.includes(short));
  if (options.length === 0) return line;
  const [whole, short] = pick(random, options);
  return line.includes(whole) ? line.replace(whole, short) : line.replace(short, whole);
}

describe('incremental form sniff', () => {
  it('tests, after a text that matched no pattern, exactly what the whole text would match', () => {
    let compared = 0;
    let hits = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const random = randomFrom(seed);
      let text = plainText(random);
      let near = 0;
      for (let step = 0; step < 60; step++) {
        const next = edit(random, text, near);
        near = next.at;
        if (!PATTERNS.some((p) => p.test(text))) {
          const slice = changedSlice(text, next.text);
          for (const p of PATTERNS) {
            const whole = p.test(next.text);
            assert.equal(p.test(slice), whole, `seed ${seed} step ${step} ${p}\n${JSON.stringify(text)}\n-> ${JSON.stringify(next.text)}\nslice ${JSON.stringify(slice)}`);
            if (whole) hits++;
          }
          compared++;
        }
        text = next.text;
      }
    }
    // The sequences reach the cases the slice is for: texts without a match, and edits that make one.
    assert.ok(compared > 8000, `compared ${compared}`);
    assert.ok(hits > 1500, `hits ${hits}`);
  });

  it('answers what a fresh sniff and recognizeForms answer after every edit', () => {
    let formed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const random = randomFrom(seed * 7919);
      const sniff = new FormSniff();
      const withMemo = new FormSniff();
      const fileName = random() < 0.1 ? '/etc/filebeat/filebeat.yml' : '/etc/elasticsearch/elasticsearch.yml';
      let text = plainText(random);
      let near = 0;
      for (let step = 0; step < 60; step++) {
        const expected = candidateForms(text, fileName);
        assert.deepEqual(sniff.candidates(text, fileName), expected, `seed ${seed} step ${step}\n${JSON.stringify(text)}`);
        assert.deepEqual(recognizeForms(text, undefined, fileName, withMemo), recognizeForms(text, undefined, fileName), `seed ${seed} step ${step}`);
        if (expected.length > 0) formed++;
        const next = edit(random, text, near);
        [text, near] = [next.text, next.at];
      }
    }
    assert.ok(formed > 1000, `formed ${formed}`);
  });

  it('lists every pattern the verdict asks about', () => {
    // Random answers take every branch of the conjunctions.
    const random = randomFrom(3);
    const asked = new Set<RegExp>();
    for (let i = 0; i < 200; i++) {
      const answers = new Map<RegExp, boolean>();
      const has = (pattern: RegExp) => {
        asked.add(pattern);
        if (!answers.has(pattern)) answers.set(pattern, random() < 0.5);
        return answers.get(pattern)!;
      };
      formsWhere(has);
      beatsContentWhere(has);
    }
    assert.equal(asked.size, PATTERNS.length);
    assert.deepEqual([...asked].filter((p) => !PATTERNS.includes(p)), []);
  });

  it('starts over when the file name changes', () => {
    const sniff = new FormSniff();
    assert.deepEqual(sniff.candidates('a: 1\n', '/x/elasticsearch.yml'), []);
    assert.deepEqual(sniff.candidates('a: 2\n', '/x/filebeat.yml'), ['beats']);
    assert.deepEqual(sniff.candidates('a: 3\n', '/x/elasticsearch.yml'), []);
  });

  // Each widening step, on the edit that needs it.
  const cases: Array<[string, string, string, RegExp]> = [
    ['back over blank lines to the key', 'a: 1\napiVersion:\n\n  elasticsearch.k8s.elastic.cx/v1\n', 'a: 1\napiVersion:\n\n  elasticsearch.k8s.elastic.co/v1\n', SNIFF_PATTERNS[0]],
    ['back to the blank line before a key at column 0', 'a: 1\n\ntype:\n\n  kafkx\nb: 2\n', 'a: 1\n\ntype:\n\n  kafka\nb: 2\n', BEATS_PATTERNS[2]],
    ['on over blank lines to the value', 'apiVersio:\n\n  elasticsearch.k8s.elastic.co/v1\nb: 2\n', 'apiVersion:\n\n  elasticsearch.k8s.elastic.co/v1\nb: 2\n', SNIFF_PATTERNS[0]],
    ['on to the line break after the value', 'imag:\n\n  elasticsearch\nb: 2\n', 'image:\n\n  elasticsearch\nb: 2\n', SNIFF_PATTERNS[3]],
    ['from a new blank line on to the key and value', 'a: 1\nx\ntype:\n\n  kafka\n', 'a: 1\n\ntype:\n\n  kafka\n', BEATS_PATTERNS[2]],
    ['with \\r as a line break', 'a: 1\r\rtype:\r\r  kafkx\rb: 2', 'a: 1\r\rtype:\r\r  kafka\rb: 2', BEATS_PATTERNS[2]],
  ];
  for (const [name, before, after, pattern] of cases) {
    it(`widens the slice ${name}`, () => {
      assert.ok(!PATTERNS.some((p) => p.test(before)));
      assert.ok(pattern.test(after));
      assert.ok(pattern.test(changedSlice(before, after)), JSON.stringify(changedSlice(before, after)));
      const sniff = new FormSniff();
      sniff.candidates(before);
      assert.deepEqual(sniff.candidates(after), candidateForms(after));
    });
  }
});
