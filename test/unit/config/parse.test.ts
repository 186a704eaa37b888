import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChunkCache } from '../../../server/src/config/chunkCache';
import { parseConfig } from '../../../server/src/config/parse';
import type { ConfigModel, Setting } from '../../../server/src/config/types';

const es = (text: string): ConfigModel => parseConfig(text, { product: 'elasticsearch' });
const slice = (m: ConfigModel, r: { start: number; end: number }) => m.text.slice(r.start, r.end);

function summary(m: ConfigModel, s: Setting) {
  return { key: s.key, keyText: slice(m, s.keyRange), value: slice(m, s.value.range), pair: slice(m, s.pairRange) };
}

describe('parseConfig: forms and ranges', () => {
  const cases: Array<{ name: string; text: string; want: Array<ReturnType<typeof summary>> }> = [
    {
      name: 'flat',
      text: 'xpack.security.enabled: true\n',
      want: [{ key: 'xpack.security.enabled', keyText: 'xpack.security.enabled', value: 'true', pair: 'xpack.security.enabled: true' }],
    },
    {
      name: 'nested',
      text: 'xpack:\n  security:\n    enabled: true\n',
      want: [{ key: 'xpack.security.enabled', keyText: 'enabled', value: 'true', pair: 'enabled: true' }],
    },
    {
      name: 'mixed with dotted nested keys',
      text: 'xpack.security:\n  http.ssl:\n    enabled: true   # on\n  enabled: true\n',
      want: [
        { key: 'xpack.security.http.ssl.enabled', keyText: 'enabled', value: 'true', pair: 'enabled: true' },
        { key: 'xpack.security.enabled', keyText: 'enabled', value: 'true', pair: 'enabled: true' },
      ],
    },
    {
      name: 'flow map',
      text: 'xpack.security.http.ssl: {enabled: true, key: "a b.key"}\n',
      want: [
        { key: 'xpack.security.http.ssl.enabled', keyText: 'enabled', value: 'true', pair: 'enabled: true' },
        { key: 'xpack.security.http.ssl.key', keyText: 'key', value: '"a b.key"', pair: 'key: "a b.key"' },
      ],
    },
    {
      name: 'quoted keys',
      text: '"xpack.security.enabled": true\n\'node.name\': n1\n',
      want: [
        { key: 'xpack.security.enabled', keyText: '"xpack.security.enabled"', value: 'true', pair: '"xpack.security.enabled": true' },
        { key: 'node.name', keyText: "'node.name'", value: 'n1', pair: "'node.name': n1" },
      ],
    },
    {
      name: 'block, flow and comma lists',
      text: 'a:\n  - x\n  - y\nb: [x, y]\nc: x,y\n',
      want: [
        { key: 'a', keyText: 'a', value: '- x\n  - y', pair: 'a:\n  - x\n  - y' },
        { key: 'b', keyText: 'b', value: '[x, y]', pair: 'b: [x, y]' },
        { key: 'c', keyText: 'c', value: 'x,y', pair: 'c: x,y' },
      ],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const m = es(c.text);
      assert.deepEqual(m.findings, []);
      assert.deepEqual(m.settings.map((s) => summary(m, s)), c.want);
      // Followed by enough lines to be cut into pieces and read through a cache, it gives the same settings.
      const big = `${c.text}${Array.from({ length: 100 }, (_, i) => `filler${i}: ${i}`).join('\n')}\n`;
      const chunked = parseConfig(big, { product: 'elasticsearch' }, new ChunkCache());
      assert.deepEqual(chunked.settings.slice(0, c.want.length).map((s) => summary(chunked, s)), c.want);
      assert.deepEqual(chunked.settings, es(big).settings);
    });
  }

  test('value kinds and texts', () => {
    const m = es('a: 9200\nb: "quoted"\nc:\nd: ~\ne: [1, "2"]\nf: ${HOME}/x\ng: |\n  line\nh: [{x: 1}]\n');
    const v = (k: string) => m.byKey.get(k)!.value;
    assert.deepEqual(v('a'), { kind: 'scalar', text: '9200', source: '9200', range: { start: 3, end: 7 }, quoted: false, templated: false });
    assert.equal(v('b').kind === 'scalar' && v('b').kind === 'scalar' ? (v('b') as { text: string }).text : '', 'quoted');
    assert.equal(v('c').kind, 'null');
    assert.equal(v('d').kind, 'null');
    const e = v('e');
    assert.ok(e.kind === 'list');
    assert.deepEqual(e.items.map((i) => [i.text, i.quoted]), [['1', false], ['2', true]]);
    assert.ok(v('f').kind === 'scalar' && (v('f') as { templated: boolean }).templated);
    assert.ok(v('g').kind === 'scalar' && (v('g') as { text: string }).text === 'line\n');
    assert.ok(v('h').kind === 'list' && (v('h') as { hasNonScalarItems: boolean }).hasNonScalarItems);
  });

  test('key parts spell the full key with their ranges', () => {
    const m = es('xpack.security:\n  http.ssl:\n    key: k\n');
    const s = m.settings[0];
    assert.deepEqual(s.keyParts.map((p) => [p.text, slice(m, p.range)]), [['xpack.security', 'xpack.security'], ['http.ssl', 'http.ssl'], ['key', 'key']]);
  });

  test('several documents', () => {
    const m = es('a: 1\n---\nb: 2\n---\n# empty\n');
    assert.deepEqual(m.settings.map((s) => [s.key, s.document]), [['a', 0], ['b', 1]]);
    assert.deepEqual(m.findings, []);
  });

  test('aliases take the anchored value and keep their own range', () => {
    const m = es('a: &x hello\nb: *x\n');
    const b = m.byKey.get('b')!;
    assert.ok(b.value.kind === 'scalar');
    assert.equal(b.value.text, 'hello');
    assert.equal(slice(m, b.value.range), '*x');
  });

  test('a top level that is not a map', () => {
    const m = es('- a\n- b\n');
    assert.deepEqual(m.findings.map((f) => f.ruleId), ['yaml-syntax']);
  });

  test('an empty file', () => {
    assert.deepEqual(es('').findings, []);
    assert.deepEqual(es('# only a comment\n').settings, []);
  });
});

describe('parseConfig: duplicates', () => {
  const cases: Array<{ name: string; text: string; second: string; first: string }> = [
    { name: 'flat and flat', text: 'a.b: 1\na.b: 2\n', first: 'a.b', second: 'a.b' },
    { name: 'flat then nested', text: 'a.b: 1\na:\n  b: 2\n', first: 'a.b', second: 'b' },
    { name: 'nested then flat', text: 'a:\n  b: 1\na.b: 2\n', first: 'b', second: 'a.b' },
    { name: 'flat then flow map', text: 'a.b: 1\na: {b: 2}\n', first: 'a.b', second: 'b' },
    { name: 'nested twice', text: 'a:\n  b: 1\na:\n  b: 2\n', first: 'b', second: 'b' },
    { name: 'mixed dotted', text: 'a.b.c: 1\na:\n  b.c: 2\n', first: 'a.b.c', second: 'b.c' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const m = es(c.text);
      const dups = m.findings.filter((f) => f.ruleId === 'duplicate-setting');
      assert.equal(dups.length, 1);
      assert.equal(dups[0].severity, 'error');
      assert.equal(slice(m, dups[0].range), c.second);
      assert.equal(slice(m, dups[0].related![0].range), c.first);
      assert.equal(m.settings.length, 2, 'both occurrences stay in settings');
      assert.equal(m.byKey.get(m.settings[0].key), m.settings[0], 'byKey keeps the first');
    });
  }

  test('different keys are no duplicates', () => {
    assert.deepEqual(es('a.b: 1\na:\n  c: 2\n').findings, []);
  });

  test('many keys stay linear', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const m = es(`${lines}\nk0: again\n`);
    assert.equal(m.findings.filter((f) => f.ruleId === 'duplicate-setting').length, 1);
  });
});

describe('parseConfig: syntax errors', () => {
  const cases = [
    { name: 'a nested mapping on one line', text: 'a: b: c\n' },
    { name: 'an unclosed quote', text: 'a: "x\nb: 1\n' },
    { name: 'an unclosed flow list', text: 'a: [1, 2\nb: 3\n' },
    { name: 'a tab indentation', text: 'a:\n\tb: 1\n' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const m = es(c.text);
      const errors = m.findings.filter((f) => f.ruleId === 'yaml-syntax');
      assert.ok(errors.length >= 1);
      for (const e of errors) {
        assert.equal(e.severity, 'error');
        assert.ok(e.range.end > e.range.start && e.range.end <= c.text.length, 'a visible range inside the text');
        assert.doesNotMatch(e.message, /line \d+, column/);
      }
    });
  }

  test('settings before an error are still read', () => {
    const m = es('a: 1\nb: [\n');
    assert.ok(m.byKey.has('a'));
  });
});
