import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../../server/src/config/parse';
import { removeSettingsEdits, renameKeyEdit, wholeLines } from '../../../server/src/rules/fixes';
import { applyEdits } from '../helpers/edits';
import { valueItems } from '../../../server/src/rules/ssl/contexts';
import { allRules } from '../../../server/src/rules';
import { contextFor } from './helpers';

function remove(text: string, keys: string[]): string {
  const model = parseConfig(text, { product: 'elasticsearch' });
  const targets = keys.map((k) => model.byKey.get(k)!);
  return applyEdits(text, removeSettingsEdits(model, targets));
}

describe('removeSettingsEdits', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['flat line', 'a: 1\nb: 2\nc: 3\n', ['b'], 'a: 1\nc: 3\n'],
    ['last line without newline', 'a: 1\nb: 2', ['b'], 'a: 1\n'],
    ['trailing comment goes with the line', 'a: 1\nb: 2 # secret\nc: 3\n', ['b'], 'a: 1\nc: 3\n'],
    ['nested with a sibling keeps the parent', 'x:\n  a: 1\n  b: 2\n', ['x.b'], 'x:\n  a: 1\n'],
    ['nested only child removes the parent', 'x:\n  y:\n    a: 1\nz: 2\n', ['x.y.a'], 'z: 2\n'],
    ['only the emptied levels go', 'x:\n  k: 0\n  y:\n    a: 1\n', ['x.y.a'], 'x:\n  k: 0\n'],
    ['two children together empty their parent', 'x:\n  a: 1\n  b: 2\nz: 3\n', ['x.a', 'x.b'], 'z: 3\n'],
    ['block list value', 'a:\n  - 1\n  - 2\nb: 3\n', ['a'], 'b: 3\n'],
    ['flow map pair in the middle', 'x: {a: 1, b: 2, c: 3}\n', ['x.b'], 'x: {a: 1, c: 3}\n'],
    ['flow map last pair', 'x: {a: 1, b: 2}\n', ['x.b'], 'x: {a: 1}\n'],
    ['CRLF lines', 'a: 1\r\nb: 2\r\nc: 3\r\n', ['b'], 'a: 1\r\nc: 3\r\n'],
  ];
  for (const [name, text, keys, want] of cases) test(name, () => assert.equal(remove(text, keys), want));

  test('wholeLines refuses a line shared with other text', () => {
    assert.equal(wholeLines('x: {a: 1}\n', 4, 8), undefined);
  });
});

describe('renameKeyEdit', () => {
  test('renames the last part when the parents match', () => {
    const text = 'xpack.security:\n  http.ssl.keyy: k\n';
    const s = parseConfig(text, { product: 'elasticsearch' }).settings[0];
    assert.equal(applyEdits(text, [renameKeyEdit(s, 'xpack.security.http.ssl.key', text)!]), 'xpack.security:\n  http.ssl.key: k\n');
    assert.equal(renameKeyEdit(s, 'xpack.other.key', text), undefined);
  });
});

describe('valueItems', () => {
  test('splits comma lists with exact ranges', () => {
    const text = 'a: " x ,y,, z"\nb: p,q\n';
    const model = parseConfig(text, { product: 'elasticsearch' });
    const items = valueItems(model.byKey.get('b'), true);
    assert.deepEqual(items.map((i) => text.slice(i.range.start, i.range.end)), ['p', 'q']);
    const quoted = valueItems(model.byKey.get('a'), true);
    assert.deepEqual(quoted.map((i) => [i.text, text.slice(i.range.start, i.range.end)]), [['x', 'x'], ['y', 'y'], ['z', 'z']]);
  });
});

describe('rules never throw', () => {
  const odd = [
    '', '---\n---\n', 'a: b: c\n', '- 1\n- 2\n', 'xpack.security:\n', 'xpack.security.transport.ssl: null\n',
    'xpack.security.transport.ssl:\n  - a\n', 'xpack.security.transport.ssl.certificate: [a, {b: 1}]\n',
    'xpack.security.transport.ssl.enabled: !!binary aGVsbG8=\n', '? [complex, key]\n: value\n',
    'xpack.security.transport.ssl.{{ x }}: y\n', 'elasticsearch.hosts: [{x: 1}]\n', 'a: &x {b: *x}\n',
    '"": 1\n', '\uFFFD: \uFFFD\n', 'x.ssl.: 1\n', 'ssl.key: k\n',
  ];
  for (const product of ['elasticsearch', 'kibana'] as const) {
    for (const text of odd) {
      test(`${product}: ${JSON.stringify(text)}`, () => {
        const ctx = contextFor(text, { product, filePath: '/x/config/file.yml' });
        for (const rule of allRules) assert.doesNotThrow(() => rule(ctx));
      });
    }
  }
});
