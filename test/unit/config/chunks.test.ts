import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitChunks } from '../../../server/src/config/chunks';
import { parseConfig, parseConfigWithYamlOnly } from '../../../server/src/config/parse';
import type { ConfigModel } from '../../../server/src/config/types';

/** Line shapes real settings files use, including ones the line reader must hand to yaml. */
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
  (i) => `k${i}: |\n  block\n  text`,
  (i) => `k${i}: plain\n  continued`,
  (i) => `# comment ${i}`,
  () => '',
  (i) => `  # indented comment ${i}`,
  (i) => `k${i}: a#b`,
  (i) => `k${i}: http://h:9200/x`,
  (i) => `k${i}: b: c`,
  (i) => `k${i}: [unclosed`,
  (i) => `"k${i}.q": v`,
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
];

function view(m: ConfigModel) {
  return {
    settings: m.settings.map((s) => ({ key: s.key, keyRange: s.keyRange, value: s.value, pairRange: s.pairRange, parts: s.keyParts })),
    findings: m.findings.map((f) => [f.ruleId, f.range.start]),
  };
}

describe('the line reader agrees with a full yaml parse', () => {
  test('each shape alone and between flat lines', () => {
    SHAPES.forEach((shape, i) => {
      for (const text of [`${shape(i)}\n`, `a.b: 1\n${shape(i)}\nc.d: 2\n`, `${shape(i)}`]) {
        const fast = parseConfig(text, { product: 'elasticsearch' });
        const full = parseConfigWithYamlOnly(text, { product: 'elasticsearch' });
        assert.equal(fast.findings.length > 0, full.findings.length > 0, `errors for ${JSON.stringify(text)}`);
        // After a syntax error yaml's recovery may attach later lines differently; valid files must agree exactly.
        if (full.findings.length === 0) assert.deepEqual(view(fast), view(full), JSON.stringify(text));
      }
    });
  });

  test('random mixes of shapes', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const valid = SHAPES.filter((shape) => parseConfigWithYamlOnly(`${shape(0)}\n`, { product: 'elasticsearch' }).findings.length === 0);
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: 12 }, (_, i) => valid[Math.floor(random() * valid.length)](round * 100 + i));
      const text = `${lines.join('\n')}\n`;
      const full = parseConfigWithYamlOnly(text, { product: 'elasticsearch' });
      if (full.findings.some((f) => f.ruleId === 'yaml-syntax')) continue; // broken files may split differently
      assert.deepEqual(view(parseConfig(text, { product: 'elasticsearch' })), view(full), JSON.stringify(text));
      compared++;
    }
    assert.ok(compared > 100, `only ${compared} random files were valid`);
  });

  test('whole-file features skip the line reader', () => {
    for (const text of ['a: 1\n---\nb: 2\n', 'a: &x 1\nb: *x\n', 'a:\tb\n', '%YAML 1.2\n---\na: 1\n']) assert.equal(splitChunks(text), undefined, text);
  });

  test('long lines cost linear time', { timeout: 5000 }, () => {
    for (const text of [`a: x${' '.repeat(100000)}y\n`, `a: x${' '.repeat(100000)}#\n`, `a: "${' '.repeat(100000)}"${' '.repeat(100000)}x\n`, `a${'.b'.repeat(50000)}: 1\n`]) {
      const fast = parseConfig(text, { product: 'elasticsearch' });
      assert.equal(fast.settings.length > 0 || fast.findings.length > 0, true);
    }
  });

  test('flat lines become line chunks', () => {
    const chunks = splitChunks('a.b: 1\n# c\nx:\n  y: 2\nz: 3\n')!;
    assert.deepEqual(chunks.map((c) => c.kind), ['line', 'yaml', 'line']);
  });
});
