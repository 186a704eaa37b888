// The snippets, expanded the way VS Code inserts them (every placeholder at its default), must be
// valid YAML whose every key the settings catalog knows. Run with `node --import tsx --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { catalogFor } from '../../server/src/catalog/index.ts';
import { repoRoot } from '../../scripts/lib/codeServer.mjs';

/** Replaces tab stops by what VS Code inserts before the user types: defaults, first choices, mirrors. */
export function expandSnippet(body) {
  const values = new Map();
  let text = body.join('\n');
  // innermost placeholders first, so nested defaults resolve
  for (let pass = 0; pass < 10; pass++) {
    const next = text
      .replace(/\$\{(\d+):((?:[^${}]|\$\d+)*)\}/g, (_, n, value) => { values.set(n, value); return value; })
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n, choices) => { values.set(n, choices.split(',')[0]); return values.get(n); })
      .replace(/\$\{(\d+)\}/g, (whole, n) => values.get(n) ?? whole);
    if (next === text) break;
    text = next;
  }
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a, b) => values.get(a ?? b) ?? '');
}

/** Dotted keys of every leaf in a parsed YAML mapping. */
function leafKeys(value, prefix = '') {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

const files = [
  { file: 'elasticsearch', product: 'elasticsearch', prefix: 'es' },
  { file: 'kibana', product: 'kibana', prefix: 'kb' },
];

for (const { file, product, prefix } of files) {
  const snippets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', `${file}.json`), 'utf8'));

  test(`${file} snippets: unique kebab-case prefixes and a description each`, () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const s of Object.values(snippets)) {
      assert.match(s.prefix, new RegExp(`^${prefix}(-[a-z0-9]+)+$`));
      assert.ok(s.description.length >= 40, `${s.prefix}: description`);
    }
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`${snippet.prefix}: expands to YAML the ${product} catalog knows`, () => {
      const yamlText = expandSnippet(snippet.body);
      assert.doesNotMatch(yamlText, /\$\{|\t/, `${name}: no leftover tab stops or tabs`);
      const doc = parse(yamlText);
      assert.equal(typeof doc, 'object', `${name}: a mapping`);
      const unknown = leafKeys(doc).filter((key) => !catalogFor(product).lookup(key));
      assert.deepEqual(unknown, [], `${name}: keys unknown to the catalog`);
    });
  }
}

test('expandSnippet resolves defaults, choices, nested placeholders and mirrors', () => {
  const body = ['a: ${1|x,y|}', 'b: ${2:certs/${3:n1}/${3}.key}', 'c: $2', '$0'];
  assert.equal(expandSnippet(body), 'a: x\nb: certs/n1/n1.key\nc: certs/n1/n1.key\n');
});
