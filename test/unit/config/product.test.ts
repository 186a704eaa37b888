import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectProduct, globToRegExp } from '../../../server/src/config/product';

describe('detectProduct', () => {
  const cases: Array<[string, Record<string, 'elasticsearch' | 'kibana'> | undefined, string | undefined]> = [
    ['/etc/elasticsearch/elasticsearch.yml', undefined, 'elasticsearch'],
    ['C:\\es\\config\\elasticsearch-node1.yaml', undefined, 'elasticsearch'],
    ['/opt/kibana/config/kibana.yml', undefined, 'kibana'],
    ['kibana.dev.yaml', undefined, 'kibana'],
    ['/x/docker-compose.yml', undefined, undefined],
    ['/x/my-elasticsearch.yml', undefined, undefined],
    ['/x/elasticsearch.json', undefined, undefined],
    ['/work/deploy/es-node-1.yaml', { '**/es-node-*.yaml': 'elasticsearch' }, 'elasticsearch'],
    ['/work/deploy/kb.yml', { 'kb.yml': 'kibana' }, 'kibana'],
    ['/work/deploy/kibana.yml', { 'deploy/kibana.yml': 'elasticsearch' }, 'elasticsearch'],
    ['/work/other/kibana.yml', { 'deploy/kibana.yml': 'elasticsearch' }, 'kibana'],
    ['/work/a/values.yaml', { '**/{values,overrides}.yaml': 'elasticsearch' }, 'elasticsearch'],
  ];
  for (const [file, mapping, want] of cases) {
    test(`${file} with ${JSON.stringify(mapping ?? {})}`, () => assert.equal(detectProduct(file, mapping), want));
  }

  test('globs', () => {
    assert.ok(globToRegExp('**/*.yml').test('a/b/c.yml'));
    assert.ok(globToRegExp('**/*.yml').test('c.yml'));
    assert.ok(!globToRegExp('*.yml').test('a/c.yml'));
    assert.ok(globToRegExp('conf?.yml').test('conf1.yml'));
  });
});
