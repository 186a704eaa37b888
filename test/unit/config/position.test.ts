import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyPathAt } from '../../../server/src/config/keyPath';
import { parseConfig } from '../../../server/src/config/parse';
import { settingAt } from '../../../server/src/config/position';

/** `|` marks the cursor. */
function at(marked: string): [string, number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}

describe('settingAt', () => {
  const text = 'xpack.security:\n  http.ssl:\n    enabled: true\n    certificate_authorities: [a.crt, b.crt]\n';
  const model = parseConfig(text, { product: 'elasticsearch' });
  const cases: Array<[string, string | undefined, string, number | undefined]> = [
    ['enab', 'xpack.security.http.ssl.enabled', 'key', 2],
    ['xpack.sec', 'xpack.security.http.ssl.enabled', 'key', 0],
    ['tr', 'xpack.security.http.ssl.enabled', 'value', undefined],
    ['b.c', 'xpack.security.http.ssl.certificate_authorities', 'value', 1],
  ];
  for (const [needle, key, on, index] of cases) {
    test(`on ${needle}`, () => {
      const hit = settingAt(model, text.indexOf(needle) + 1);
      assert.equal(hit?.setting.key, key);
      assert.equal(hit?.on, on);
      assert.equal(hit?.on === 'key' ? hit.keyPart : hit?.item, index);
    });
  }
  test('outside any setting', () => assert.equal(settingAt(parseConfig('# c\na: 1\n', { product: 'elasticsearch' }), 1), undefined));
});

describe('keyPathAt', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['xp|', { position: 'key', parent: '', partial: 'xp' }],
    ['xpack:\n  security:\n    transport.ssl.ve|', { position: 'key', parent: 'xpack.security', partial: 'transport.ssl.ve' }],
    ['xpack:\n  security:\n    |', { position: 'key', parent: 'xpack.security', partial: '' }],
    ['xpack:\n  security:\n  |', { position: 'key', parent: 'xpack', partial: '' }],
    ['xpack:\n  security:\n\n    # note\n    ht|', { position: 'key', parent: 'xpack.security', partial: 'ht' }],
    ['xpack.security.http.ssl:\n  verification_mode: fu|', { position: 'value', key: 'xpack.security.http.ssl.verification_mode', valuePrefix: 'fu' }],
    ['a:\n  b: [x, y|', { position: 'value', key: 'a.b', valuePrefix: 'y' }],
    ['a:\n  b:\n    - TLSv1.|', { position: 'value', key: 'a.b', valuePrefix: 'TLSv1.' }],
    ['a:\n  b:\n  - TL|', { position: 'value', key: 'a.b', valuePrefix: 'TL' }],
    ['"a.b":\n  "c": "x|', { position: 'value', key: 'a.b.c', valuePrefix: 'x' }],
    ['a:\n  b: [unclosed\n  c|', { position: 'key', parent: 'a', partial: 'c' }],
    ['{{- if x }}\na:\n  {{- if y }}\n  b|', { position: 'key', parent: 'a', partial: 'b' }],
    ['a: 1\n---\n  b|', { position: 'key', parent: '', partial: 'b' }],
    ['a:\r\n  b:\r\n    c|\r\n', { position: 'key', parent: 'a.b', partial: 'c' }],
    ['a:\r\n  b: x|\r\n', { position: 'value', key: 'a.b', valuePrefix: 'x' }],
    ['a: &anchor\n  b|', { position: 'key', parent: 'a', partial: 'b' }],
  ];
  for (const [marked, want] of cases) {
    test(JSON.stringify(marked), () => {
      const [text, offset] = at(marked);
      const got = keyPathAt(text, offset) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, k);
    });
  }

  test('the replace range covers the whole key word', () => {
    const [text, offset] = at('xpack.secu|rity: true\n');
    const got = keyPathAt(text, offset);
    assert.equal(got.position, 'key');
    assert.equal(text.slice(got.replaceRange.start, got.replaceRange.end), 'xpack.security');
  });

  test('long lines cost linear time', { timeout: 5000 }, () => {
    const text = `a${' '.repeat(100000)}b\nc:\n  d`;
    assert.equal(keyPathAt(text, text.length).parent, 'c');
    assert.equal(keyPathAt(text, 50000).position, 'key');
    assert.equal(keyPathAt(`"${'x'.repeat(100000)}`, 5).position, 'key');
  });

  test('out-of-range offsets are clamped', () => {
    assert.equal(keyPathAt('a', 99).partial, 'a');
    assert.equal(keyPathAt('', -5).partial, '');
  });
});
