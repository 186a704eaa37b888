import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChunkCache } from '../../../server/src/config/chunkCache';
import { CountingChunkCache } from '../helpers/counting';
import { planChunks } from '../../../server/src/config/chunks';
import { parseConfig } from '../../../server/src/config/parse';
import type { ConfigModel } from '../../../server/src/config/types';

/** Line shapes real settings files use, and broken ones, each with a top-level key `k<i>` where it has one. */
const SHAPES: Array<(i: number) => string> = [
  (i) => `k${i}.a.b: value-${i}`,
  (i) => `k${i}: -1`,
  (i) => `k${i}: ${i}`,
  (i) => `k${i}: true # on`,
  (i) => `k${i}:`,
  (i) => `k${i}: ~`,
  (i) => `k${i}: "quoted ${i}"`,
  (i) => `k${i}: 'single'`,
  (i) => `k${i}: [a, b]`,
  (i) => `k${i}: a,b,c`,
  (i) => `k${i}: \${VAR_${i}}`,
  (i) => `k${i}: {{ .Values.v${i} }}`,
  (i) => `k${i}:\n  nested.x: 1\n  nested.y: [1, 2]`,
  (i) => `k${i}:\n  - a\n  - b`,
  (i) => `k${i}:\n- a`,
  (i) => `k${i}:\n- |\n  x`,
  (i) => `k${i}: |\n  block\n  text`,
  (i) => `k${i}: >-\n  folded\n\n  text\n`,
  (i) => `k${i}: |+\n  kept\n\n`,
  (i) => `k${i}: plain\n  continued`,
  (i) => `k${i}: plain\ncontinued`,
  (i) => `# comment ${i}`,
  () => '',
  (i) => `  # indented comment ${i}`,
  (i) => `k${i}: a#b`,
  (i) => `k${i}: http://h:9200/x`,
  (i) => `k${i}: b: c`,
  (i) => `k${i}: [unclosed`,
  (i) => `k${i}: [a,\n  b]`,
  (i) => `k${i}: [a,\nb: c]`,
  (i) => `k${i}: {a: 1,\nb: 2}`,
  (i) => `k${i}: "open\nk${i}x: 1"`,
  (i) => `k${i}: 'open\n  still'`,
  (i) => `k${i}: "two\n  lines"`,
  (i) => `"k${i}.q": v`,
  (i) => `'k${i}': v`,
  (i) => `k${i}: {a: 1}`,
  (i) => `k${i}: v\r`,
  (i) => `{{- if .Values.x${i} }}`,
  (i) => `k${i}.a: 1   `,
  (i) => `k${i}: @bad`,
  (i) => `k${i}: "with: colon # and hash"   # comment`,
  (i) => `k${i}: 'it''s'`,
  (i) => `k${i}: "esc\\"aped"`,
  (i) => `k${i}: ""`,
  (i) => `k${i}: "a" b`,
  (i) => `k${i}: "{{ .Values.q }}"`,
  (i) => `k${i}`,
  (i) => `k${i} x`,
  (i) => `- item${i}`,
  (i) => `k${i}: !!str ${i}`,
  (i) => `k${i}: !custom x`,
  (i) => `[k${i}, x]`,
  (i) => `{k${i}: x}`,
  (i) => `k${i}:: x`,
  (i) => `k${i}:x: 1`,
  (i) => `null: ${i}`,
  (i) => `${i}: number key`,
  (i) => `k${i}: "unterminated`,
  (i) => `k${i}: '`,
  (i) => `k${i}:\n  a: 1\n b: 2`,
  (i) => `k${i}:\n    a: 1\n  b: 2`,
  (i) => `  k${i}: indented`,
  (i) => `k${i}: "a\\`,
  (i) => `k${i}: |\nk${i}y: 2`,
  (i) => `k${i}: ]`,
  (i) => `k${i}: }`,
];

const ES = { product: 'elasticsearch' as const };

/** Everything the model says, ranges and messages included. */
function view(m: ConfigModel) {
  return {
    settings: m.settings,
    first: [...m.byKey.values()],
    findings: m.findings,
  };
}

function sameAsWhole(text: string, cache = new ChunkCache()): void {
  const whole = parseConfig(text, ES);
  const chunked = parseConfig(text, ES, cache);
  assert.deepEqual(view(chunked), view(whole), JSON.stringify(text));
}

/** A deterministic random source, so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const INSERTS = ['x', ':', ' ', '\n', '"', "'", '[', ']', '#', '-', '{', '|', 'k: v\n', '  '];

/** One random edit: a character or a short text inserted, or one character deleted. */
function editAt(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.4 && text.length > 0) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
}

/** Lines of random shapes indented by `indent`, with nested sections big enough to be cut inside. */
function mapBody(random: () => number, indent: number, lines: number, id: number, broken: number): string[] {
  const out: string[] = [];
  const pad = ' '.repeat(indent);
  const valid = SHAPES.slice(0, 20);
  while (out.length < lines) {
    const i = id * 1000 + out.length;
    if (indent < 6 && random() < 0.05) {
      out.push(`${pad}sec${i}:${random() < 0.3 ? ' # about' : ''}`, ...mapBody(random, indent + 2 + (random() < 0.2 ? 2 : 0), 60 + Math.floor(random() * 80), i, broken));
    } else {
      const shape = random() < broken ? SHAPES[Math.floor(random() * SHAPES.length)] : valid[Math.floor(random() * valid.length)];
      out.push(...shape(i).split('\n').map((l) => (l === '' ? l : pad + l)));
    }
  }
  return out;
}

function nestedFile(random: () => number, round: number, broken = 0.05): string {
  const top = mapBody(random, 0, 20, round, broken);
  const lines = [...top, `xpack${round}:`, ...mapBody(random, 2, 250, round + 1, broken), ...mapBody(random, 0, 20, round + 2, broken)];
  return `${lines.join('\n')}\n`;
}

/** For each shape, an index whose key ends a chunk (so a cut falls right after it), where one exists. */
function cutIndexes(): Map<number, number> {
  const found = new Map<number, number>();
  SHAPES.forEach((shape, s) => {
    for (let i = 0; i < 400 && !found.has(s); i++) {
      const text = `${shape(i)}\nzz: 1\n`;
      const spans = planChunks(text);
      if (spans && spans.length === 2 && text.slice(spans[1].start).startsWith('zz: 1')) found.set(s, i);
    }
  });
  return found;
}

describe('chunked parse agrees with one whole-file yaml parse', () => {
  test('every shape before and after a cut', () => {
    const cuts = cutIndexes();
    assert.ok(cuts.size > 40, `only ${cuts.size} shapes can end a chunk`);
    let chunked = 0;
    for (const [a, i] of cuts) {
      SHAPES.forEach((b, j) => {
        const text = `${SHAPES[a](i)}\n${b(j + 1000)}\nlast: 1\n`;
        if (planChunks(text)) chunked++;
        sameAsWhole(text);
        if ((a + j) % 5 === 0) sameAsWhole(`first.a: 1\n${text.slice(0, -1)}`);
      });
    }
    assert.ok(chunked > 1000, `only ${chunked} files were cut`);
  });

  test('random mixes, broken ones included', () => {
    const random = randomFrom(7);
    let cut = 0;
    for (let round = 0; round < 400; round++) {
      const lines = Array.from({ length: 40 }, (_, i) => SHAPES[Math.floor(random() * SHAPES.length)](round * 100 + i));
      const text = `${lines.join('\n')}\n`;
      if (planChunks(text)) cut++;
      sameAsWhole(text);
    }
    assert.ok(cut > 50, `only ${cut} random files were cut`);
  });

  test('random nested files: maps cut inside their sections', () => {
    const random = randomFrom(5);
    let clean = 0;
    for (let round = 0; round < 60; round++) {
      const text = nestedFile(random, round, round % 2 === 0 ? 0 : 0.01);
      const cache = new ChunkCache();
      sameAsWhole(text, cache);
      // Each section read in parts holds more pieces than the top level has spans.
      if (cache.size > (planChunks(text) ?? []).length + 1) clean++;
    }
    assert.ok(clean > 25, `only ${clean} files were read in parts`);
  });

  test('small edits to a nested file through one cache', () => {
    const random = randomFrom(3);
    const cache = new ChunkCache();
    const base = nestedFile(random, 1, 0);
    let text = base;
    for (let edit = 0; edit < 200; edit++) {
      // Every other version starts again from the valid file, so most versions are read in parts.
      text = editAt(edit % 2 === 0 ? base : text, random);
      sameAsWhole(text, cache);
    }
  });

  test('a sequence of small edits through one cache', () => {
    const random = randomFrom(11);
    const base = Array.from({ length: 150 }, (_, i) => SHAPES[i % 12](i)).join('\n');
    const cache = new ChunkCache();
    let text = `${base}\n`;
    for (let edit = 0; edit < 300; edit++) {
      text = editAt(edit % 3 === 0 ? `${base}\n` : text, random);
      sameAsWhole(text, cache);
    }
  });

  test('edits through one cache to a templated file, where the text yaml reads differs from the user\'s', () => {
    // Template tags are blanked before yaml reads the text and leading tags are moved: a span carried over
    // from the last parse must match both texts, or its settings would quote the old text.
    const random = randomFrom(17);
    const lines = Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? `{{- if .Values.f${i} }}` : i % 10 === 5 ? '{{- end }}' : SHAPES[i % 12](i)));
    const base = `{{ include "x" . }}\n${lines.join('\n')}\n`;
    const cache = new ChunkCache();
    let text = base;
    for (let edit = 0; edit < 200; edit++) {
      text = editAt(edit % 4 === 0 ? base : text, random);
      sameAsWhole(text, cache);
    }
  });

  test('whole-file features are never cut', () => {
    const features = ['a: 1\n---\nb: 2\n', 'a: 1\n...\nb: 2\n', '%YAML 1.2\n---\na: 1\nb: 2\n', 'a: &x 1\nb: *x\n', 'a: [*x]\nb: 1\n',
      'a:\tb\nc: 1\n', 'a: 1\rb: 2\n', '\uFEFFa: 1\nb: 2\n', '? a\n: 1\nb: 2\n', '- a\nb: 1\n', '"a": 1\nb: 2\n', '|\nfoo: x\nbar: y\n'];
    for (const text of features) {
      assert.equal(planChunks(text), undefined, JSON.stringify(text));
      sameAsWhole(text);
    }
  });

  test('cuts fall only before column-0 key lines', () => {
    const text = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? `n${i}:\n  - "x"\n  y: |\n    z` : `k${i}: v`)).join('\n');
    const spans = planChunks(text)!;
    assert.ok(spans.length > 5);
    assert.equal(spans[0].start, 0);
    assert.equal(spans[spans.length - 1].end, text.length);
    for (let s = 1; s < spans.length; s++) {
      assert.equal(spans[s].start, spans[s - 1].end);
      assert.equal(text[spans[s].start - 1], '\n');
      assert.match(text.slice(spans[s].start, text.indexOf('\n', spans[s].start)), /^[A-Za-z0-9_][\w./-]*:( |$)/);
    }
  });

  test('a large map under one key is cut before the key lines of its own indentation', () => {
    const body = Array.from({ length: 300 }, (_, i) => `    k${i}: v${i}`).join('\n');
    const text = `a: 1\nxpack:   # all of it\n  # its keys\n${body}\n    list:\n    - item at the key's indentation\nb: 2\n`;
    const spans = planChunks(text)!;
    const section = spans.find((s) => s.section)!.section!;
    assert.equal(text.slice(spans[1].start, section.headerEnd), 'xpack:   # all of it\n');
    assert.ok(section.body.length > 5);
    for (const piece of section.body.slice(1)) assert.match(text.slice(piece.start, piece.start + 6), /^ {4}k\d/);
    sameAsWhole(text);
  });

  test('entries that are no plain map of keys are not cut inside', () => {
    const body = Array.from({ length: 200 }, (_, i) => `  k${i}: v${i}`).join('\n');
    const shapes = [`xpack: value\n${body}\n`, `xpack:\n  - item\n${body}\n`, `xpack:\n${body}\n k: less indented\n`, `xpack: !tag\n${body}\n`, `"xpack":\n${body}\n`];
    for (const text of shapes) {
      assert.ok(!(planChunks(text) ?? []).some((s) => s.section), text.slice(0, 30));
      sameAsWhole(text);
    }
  });

  test('deep nesting is cut a few levels down and stays fast', { timeout: 20000 }, () => {
    const lines: string[] = [];
    for (let d = 0; d < 200; d++) {
      lines.push(`${' '.repeat(d)}s${d}:`);
      for (let k = 0; k < 30; k++) lines.push(`${' '.repeat(d + 1)}f${k}: ${'v'.repeat(30)}`);
    }
    sameAsWhole(`${lines.join('\n')}\n`);
  });

  test('long lines cost linear time', { timeout: 5000 }, () => {
    const long = [`a: x${' '.repeat(100000)}y\n`, `a: x${' '.repeat(100000)}#\n`, `a: "${' '.repeat(100000)}"${' '.repeat(100000)}x\n`, `a${'.b'.repeat(50000)}: 1\n`];
    for (const text of long) sameAsWhole(`${text}b: 1\n${text}`);
  });
});

describe('chunk cache', () => {
  const flat = (n: number, edited = -1) => Array.from({ length: n }, (_, i) => `xpack.k${i}: value${i}${i === edited ? 'x' : ''}`).join('\n');

  test('an edit re-parses one chunk and keeps the rest', () => {
    const cache = new CountingChunkCache();
    parseConfig(flat(2000), ES, cache);
    const chunks = cache.size;
    assert.ok(chunks > 50, `${chunks} chunks`);
    const before = cache.parsedCount;
    const model = parseConfig(flat(2000, 1234), ES, cache);
    assert.equal(cache.parsedCount - before, 1);
    assert.equal((model.byKey.get('xpack.k1234')!.value as { text: string }).text, 'value1234x');
    assert.deepEqual(view(model), view(parseConfig(flat(2000, 1234), ES)));
  });

  test('keeps only what the latest parse used', () => {
    const cache = new ChunkCache();
    parseConfig(flat(2000), ES, cache);
    parseConfig('a: 1\n', ES, cache);
    assert.equal(cache.size, 1);
  });

  test('a broken entry parses the rest of the file in one piece, and settings before it stay cached', () => {
    const cache = new CountingChunkCache();
    const lines = flat(1000).split('\n');
    parseConfig(lines.join('\n'), ES, cache);
    lines[900] = 'xpack.k900: [open';
    const before = cache.parsedCount;
    const model = parseConfig(lines.join('\n'), ES, cache);
    assert.ok(cache.parsedCount - before <= 2);
    assert.ok(model.findings.some((f) => f.ruleId === 'yaml-syntax'));
    assert.deepEqual(view(model), view(parseConfig(lines.join('\n'), ES)));
  });

  test('templated pieces keep the user text in their settings', () => {
    const cache = new ChunkCache();
    for (const v of ['a', 'b']) {
      const text = Array.from({ length: 300 }, (_, i) => `k${i}: {{ .Values.${v}${i} }}`).join('\n');
      const model = parseConfig(text, ES, cache);
      assert.deepEqual(view(model), view(parseConfig(text, ES)));
      assert.equal((model.byKey.get('k7')!.value as { source: string }).source, `{{ .Values.${v}7 }}`);
    }
  });
});
