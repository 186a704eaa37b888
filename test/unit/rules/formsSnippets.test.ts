import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { checkForms } from '../../../server/src/rules/forms';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { fixedClock, memoryFs } from './helpers';

const env: CheckEnvironment = { fs: memoryFs({}), clock: fixedClock, options: defaultCheckOptions, passwords: { get: () => undefined } };
const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../snippets/deployments.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** A snippet's text as inserted with every placeholder left at its default (the first choice of a list). */
function expand(body: string[]): string {
  const defaults = new Map<string, string>();
  let text = body.join('\n');
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{(\d+):((?:[^{}]|\{[^{}]*\})*)\}/g, (_, n: string, def: string) => (defaults.set(n, def), def))
      .replace(/\$\{(\d+)\|([^,|]*)[^}]*\}/g, (_, n: string, first: string) => (defaults.set(n, first), first))
      .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '');
  }
  return text.replace(/\$0/g, '').replace(/\\\$/g, '$');
}

/** Snippets that are a fragment of a file, placed in the smallest file of their form. */
const HOSTS: Record<string, (body: string) => string> = {
  'eck-self-signed-sans': (b) => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n${b}`,
  'compose-elasticsearch-tls': (b) => `services:\n${b}`,
  'compose-kibana-tls': (b) => `services:\n${b}`,
};

describe('deployment snippets', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    if (snippet.prefix.startsWith('beats-')) continue;
    test(`${name}: recognised, and checked with no error or warning`, () => {
      const text = (HOSTS[snippet.prefix] ?? ((b: string) => b))(expand(snippet.body));
      const forms = recognizeForms(text);
      assert.ok(forms, text);
      const loud = checkForms(text, forms, env).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  test('the expansion keeps a placeholder default where it is repeated', () => {
    assert.equal(expand(['name: ${2:quickstart}', 'ref: ${2}-x', 'mode: ${1|full,none|}$0']), 'name: quickstart\nref: quickstart-x\nmode: full');
  });
});
