import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, lineColumnAt } from '../../../server/src/core/lineIndex';

describe('offsets and LSP positions', () => {
  const cases: Array<[string, string, number, { line: number; character: number }]> = [
    ['start', 'a: 1\nb: 2\n', 0, { line: 0, character: 0 }],
    ['after \\n', 'a: 1\nb: 2\n', 5, { line: 1, character: 0 }],
    ['after \\r\\n', 'a: 1\r\nb: 2\r\n', 6, { line: 1, character: 0 }],
    ['after a lone \\r', 'a: 1\rb: 2', 5, { line: 1, character: 0 }],
    ['end of text', 'a: 1\nb', 6, { line: 1, character: 1 }],
    ['UTF-16: an emoji is two units', 'k: "😀x"', 6, { line: 0, character: 6 }],
    ['past the end clamps', 'ab', 99, { line: 0, character: 2 }],
    ['negative clamps', 'ab', -4, { line: 0, character: 0 }],
  ];
  for (const [name, text, offset, position] of cases) {
    test(name, () => assert.deepEqual(new LineIndex(text).positionAt(offset), position));
  }

  test('round trip for every offset of a mixed text', () => {
    const text = 'x: 1\r\ny: "é😀"\rz:\n  - a\n';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
      assert.equal(index.offsetAt(index.positionAt(o)), o, `offset ${o}`);
    }
  });

  test('a character past the end of a line stops before its line break', () => {
    const index = new LineIndex('ab\r\ncd\n');
    assert.equal(index.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 7);
  });

  test('ranges convert both ways', () => {
    const index = new LineIndex('a\nbcd\n');
    const range = index.rangeOf({ start: 2, end: 5 });
    assert.deepEqual(range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.deepEqual(index.offsetRangeOf(range), { start: 2, end: 5 });
  });

  test('1-based line and column for the CLI', () => {
    assert.deepEqual(lineColumnAt(new LineIndex('a\nbcd'), 3), { line: 2, column: 2 });
  });
});
