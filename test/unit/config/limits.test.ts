import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChunkCache } from '../../../server/src/config/chunkCache';
import { MAX_FILE_CHARS } from '../../../server/src/config/limits';
import { parseConfig } from '../../../server/src/config/parse';

// Each input must come back with exactly one finding and no settings; node:test fails on a hang by timeout.
describe('parse limits', () => {
  const cases: Array<{ name: string; text: () => string; ruleId: string }> = [
    { name: 'a file over 2 MB', text: () => `a: ${'x'.repeat(2 * 1024 * 1024)}\n`, ruleId: 'file-too-large' },
    // The slowest shapes for yaml per character, each just under the size limit: the token limit stops them.
    { name: 'a run of empty flow lists', text: () => '[]'.repeat(1_000_000), ruleId: 'file-too-large' },
    { name: 'a run of flow map ends', text: () => '}'.repeat(2_000_000), ruleId: 'file-too-large' },
    { name: 'a run of double quotes', text: () => '"'.repeat(2_000_000), ruleId: 'file-too-large' },
    { name: 'unclosed flow lists on every line', text: () => 'a: [\n'.repeat(400_000), ruleId: 'yaml-too-deep' },
    { name: 'unclosed quotes on every line', text: () => "a: '\n".repeat(400_000), ruleId: 'file-too-large' },
    { name: 'aliases on every line', text: () => '*a\n'.repeat(600_000), ruleId: 'file-too-large' },
    { name: 'blank lines', text: () => '\n'.repeat(2_000_000), ruleId: 'file-too-large' },
    { name: 'flat settings beyond the token limit', text: () => Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n'), ruleId: 'file-too-large' },
    { name: 'NUL bytes', text: () => 'a: 1\n\0\0\0binary', ruleId: 'not-text' },
    { name: '10,000 nested flow lists', text: () => `a: ${'['.repeat(10000)}`, ruleId: 'yaml-too-deep' },
    { name: '10,000 nested flow maps', text: () => `a: ${'{b: '.repeat(10000)}`, ruleId: 'yaml-too-deep' },
    { name: '2,000 levels of indentation', text: () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), ruleId: 'yaml-too-deep' },
    { name: '10,000 nested block sequences on one line', text: () => `a:\n  ${'- '.repeat(10000)}x\n`, ruleId: 'yaml-too-deep' },
  ];
  for (const c of cases) {
    test(c.name, { timeout: 20000 }, () => {
      const text = c.text();
      // The chunked parse is checked on the shapes it can cut; the others it parses whole anyway.
      const cache = /^(a|k0): /.test(text) ? [new ChunkCache()] : [];
      for (const m of [parseConfig(text, { product: 'elasticsearch' }), ...cache.map((ch) => parseConfig(text, { product: 'elasticsearch' }, ch))]) {
        assert.deepEqual(m.findings.map((f) => [f.ruleId, f.severity]), [[c.ruleId, 'error']]);
        assert.deepEqual(m.settings, []);
      }
    });
  }

  test('the size finding names the limit', () => {
    const m = parseConfig(`a: ${'x'.repeat(MAX_FILE_CHARS)}\n`, { product: 'kibana' });
    assert.match(m.findings[0].message, /2097152 characters \(2 MB\)/);
    assert.match(parseConfig('[]'.repeat(130_000), { product: 'kibana' }).findings[0].message, /more than 250000 YAML tokens/);
  });

  test('a large real file stays under the limits', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `xpack.security.authc.realms.native.n${i}.order: ${i}`).join('\n');
    const m = parseConfig(text, { product: 'elasticsearch' });
    assert.deepEqual(m.findings, []);
    assert.equal(m.settings.length, 20_000);
  });

  test('deep but allowed nesting parses', () => {
    const text = `a: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    const m = parseConfig(text, { product: 'elasticsearch' });
    assert.deepEqual(m.findings, []);
  });

  test('brackets in quotes and comments do not count as nesting', () => {
    const text = `a: "${'['.repeat(300)}"\n# ${'{'.repeat(300)}\nb: '${'['.repeat(300)}'\n`;
    assert.deepEqual(parseConfig(text, { product: 'elasticsearch' }).findings, []);
  });

  test('alias expansion is bounded', () => {
    const anchors = 'base: &a {x: 1, y: 2}\n' + Array.from({ length: 300 }, (_, i) => `k${i}: *a`).join('\n');
    const m = parseConfig(anchors, { product: 'elasticsearch' });
    assert.equal(m.findings.filter((f) => f.ruleId === 'yaml-too-deep').length, 1);
    assert.ok(m.settings.length < 300 * 2 + 2);
  });

  test('nested alias expansion (billion laughs) is bounded', { timeout: 5000 }, () => {
    const levels = ['l0: &l0 {a: 1, b: 2}'];
    for (let i = 1; i < 30; i++) levels.push(`l${i}: &l${i} {a: *l${i - 1}, b: *l${i - 1}, c: *l${i - 1}}`);
    const m = parseConfig(`${levels.join('\n')}\n`, { product: 'elasticsearch' });
    assert.equal(m.findings.filter((f) => f.ruleId === 'yaml-too-deep').length, 1);
    assert.ok(m.settings.length < 1000);
  });

  test('replacement characters are plain text', () => {
    const m = parseConfig('node.name: caf\uFFFD\n\uFFFD: 1\n', { product: 'elasticsearch' });
    assert.deepEqual(m.findings, []);
    assert.equal(m.settings.length, 2);
  });
});
