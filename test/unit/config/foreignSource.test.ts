import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isForeignSource } from '../../../server/src/config/foreignSource';
import { parseConfig } from '../../../server/src/config/parse';

// Go source holding an elasticsearch.yml in a raw string literal: the lines around it are not YAML.
const goSource = [
  'package config',
  '',
  'const esYml = `',
  'xpack.security.enabled: true',
  '`',
  '',
  'func render(w io.Writer) error {',
  '\treturn tmpl.Execute(w, esYml)',
  '}',
  '',
].join('\n');

test('a source file of another language is foreign; YAML files and templates of YAML are not', () => {
  for (const name of ['/x/config.go', '/x/settings.py', '/x/notes.txt']) assert.equal(isForeignSource(name), true, name);
  for (const name of ['/x/elasticsearch.yml', '/x/kibana.yaml', '/x/elasticsearch.yml.j2', '/x/es.yml.tpl', '/x/es.yaml.erb', '/x/elasticsearch', undefined]) {
    assert.equal(isForeignSource(name), false, String(name));
  }
});

test('YAML syntax errors in a foreign source are hints, whatever else parses is still checked', () => {
  const model = parseConfig(goSource, { product: 'elasticsearch', filePath: '/repo/pkg/config.go' });
  const syntax = model.findings.filter((f) => f.ruleId === 'yaml-syntax');
  assert.ok(syntax.length > 0, 'the Go lines do not parse');
  assert.deepEqual([...new Set(syntax.map((f) => f.severity))], ['hint']);
  assert.match(syntax[0].message, /not YAML/);
});

test('the same text in a .yml file keeps its syntax errors as errors', () => {
  const model = parseConfig(goSource, { product: 'elasticsearch', filePath: '/repo/config/elasticsearch.yml' });
  const syntax = model.findings.filter((f) => f.ruleId === 'yaml-syntax');
  assert.ok(syntax.length > 0);
  assert.ok(syntax.every((f) => f.severity === 'error'));
});
