import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choiceSnippet, escapeSnippet, hasPlaceholder, keySnippet } from '../../../server/src/features/snippet';

test('literal text is escaped only where a snippet would read it', () => {
  assert.equal(escapeSnippet('plain.key'), 'plain.key');
  assert.equal(escapeSnippet('a$b}c\\d'), 'a\\$b\\}c\\\\d');
});

test('choices escape separators', () => {
  assert.equal(choiceSnippet(2, ['a,b', 'c|d', 'e']), '${2|a\\,b,c\\|d,e|}');
});

test('placeholders become numbered tab stops', () => {
  assert.deepEqual(keySnippet('a.<type>.<name>.b'), { snippet: 'a.${1:type}.${2:name}.b', nextStop: 3 });
  assert.deepEqual(keySnippet('a.b', 4), { snippet: 'a.b', nextStop: 4 });
  assert.equal(hasPlaceholder('a.<x>.b'), true);
  assert.equal(hasPlaceholder('a.b<x>'), false);
});
