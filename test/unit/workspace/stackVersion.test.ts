import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { atLeast, CURRENT_STACK_VERSION, parseStackVersion } from '../../../server/src/catalog/version';
import { inferStackVersion, type StackVersionInput } from '../../../server/src/workspace/stackVersion';
import { memoryFs } from '../rules/helpers';

const ROOT = '/ws';

function infer(files: Record<string, string>, filePath: string, o: Partial<StackVersionInput> = {}) {
  return inferStackVersion({ filePath, product: 'elasticsearch', fs: memoryFs(files), workspaceRoots: [ROOT], readOutsideWorkspace: true, ...o });
}

describe('stack version literals', () => {
  test('full, short, x and pre-release versions parse; other text does not', () => {
    assert.deepEqual(parseStackVersion('8.11.0'), [8, 11, 0]);
    assert.deepEqual(parseStackVersion('7.17'), [7, 17, 0]);
    assert.deepEqual(parseStackVersion('8.x'), [8, 0, 0]);
    assert.deepEqual(parseStackVersion('8.16.0-SNAPSHOT'), [8, 16, 0]);
    for (const bad of ['latest', '${VERSION}', '', 'eight']) assert.equal(parseStackVersion(bad), undefined, bad);
  });

  test('atLeast compares release by release', () => {
    const at = (version: string) => ({ version, source: 't' });
    assert.ok(atLeast(at('8.0.0'), '8.0.0'));
    assert.ok(atLeast(at('8.10.1'), '8.9.0'));
    assert.ok(!atLeast(at('7.17.15'), '8.0.0'));
    assert.ok(!atLeast(at('7.x'), '7.8.0'), 'an unknown minor counts as .0');
  });
});

describe('inferStackVersion', () => {
  test('the configured version wins over everything', () => {
    const found = infer({ '/ws/docker-compose.yml': 'services:\n  es:\n    image: elasticsearch:7.10.1\n' }, '/ws/es/elasticsearch.yml', { configured: '8.12.0', configuredSource: '--stack-version' });
    assert.deepEqual(found, { version: '8.12.0', source: '--stack-version' });
  });

  test('the host file version comes next', () => {
    const found = infer({}, '/ws/eck.yaml', { fromHostFile: { version: '8.15.1', source: 'spec.version in eck.yaml' } });
    assert.equal(found.version, '8.15.1');
  });

  test('a compose image tag in an ancestor folder', () => {
    const compose = 'services:\n  kibana:\n    image: docker.elastic.co/kibana/kibana:8.11.0\n  es01:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.11.3\n';
    const found = infer({ '/ws/docker-compose.yml': compose }, '/ws/config/es/elasticsearch.yml');
    assert.equal(found.version, '8.11.3', "the product's own image first");
    assert.match(found.source, /image: docker\.elastic\.co\/elasticsearch\/elasticsearch:8\.11\.3 in ws\/docker-compose\.yml/);
  });

  test('a compose tag from a variable in .env, or its default', () => {
    const compose = 'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:${STACK_VERSION}\n';
    assert.equal(infer({ '/ws/compose.yaml': compose, '/ws/.env': 'STACK_VERSION=7.17.9\n' }, '/ws/elasticsearch.yml').version, '7.17.9');
    const withDefault = 'services:\n  es:\n    image: elasticsearch:${TAG:-8.5.0}\n';
    assert.equal(infer({ '/ws/compose.yaml': withDefault }, '/ws/elasticsearch.yml').version, '8.5.0');
    const unresolved = 'services:\n  es:\n    image: elasticsearch:${TAG}\n';
    assert.equal(infer({ '/ws/compose.yaml': unresolved }, '/ws/elasticsearch.yml'), CURRENT_STACK_VERSION);
  });

  test('a flavour published for one release line dates an image whose tag names no version', () => {
    const compose = 'services:\n  es01:\n    image: docker.elastic.co/elasticsearch/elasticsearch-platinum:${TAG}\n  kibana:\n    image: docker.elastic.co/kibana/kibana:${TAG}\n';
    const kibana = infer({ '/ws/docker-compose.yml': compose }, '/ws/kibana/kibana.yml', { product: 'kibana' });
    assert.equal(kibana.version, '6.x');
    assert.match(kibana.source, /elasticsearch-platinum:\$\{TAG\} in ws\/docker-compose\.yml \(published for 6\.x only\)/);
    const resolved = infer({ '/ws/docker-compose.yml': compose, '/ws/.env': 'TAG=6.8.23\n' }, '/ws/kibana/kibana.yml', { product: 'kibana' });
    assert.equal(resolved.version, '6.8.23', 'a tag .env resolves is more precise than the flavour');
  });

  test('Helm imageTag keeps its text (7.10 is not 7.1)', () => {
    assert.equal(infer({ '/ws/chart/values.yaml': 'image: docker.elastic.co/elasticsearch/elasticsearch\nimageTag: 7.10\n' }, '/ws/chart/elasticsearch.yml').version, '7.10');
  });

  test('Ansible role defaults', () => {
    const found = infer({ '/ws/roles/es/defaults/main.yml': 'es_version: "7.17.1"\nes_heap: 1g\n' }, '/ws/roles/es/templates/elasticsearch.yml.j2');
    assert.equal(found.version, '7.17.1');
    assert.match(found.source, /es_version in defaults\/main\.yml/);
  });

  test('a templated Ansible version says nothing', () => {
    assert.equal(infer({ '/ws/group_vars/all.yml': 'es_version: "{{ lookup(\'env\', \'V\') }}"\n' }, '/ws/elasticsearch.yml'), CURRENT_STACK_VERSION);
  });

  test('nothing found: the current release, marked as assumed', () => {
    const found = infer({ '/ws/README.md': '8.1.0' }, '/ws/elasticsearch.yml');
    assert.equal(found, CURRENT_STACK_VERSION);
    assert.ok(found.assumed);
  });

  test('the search stops at the workspace folder', () => {
    assert.equal(infer({ '/docker-compose.yml': 'services:\n  es:\n    image: elasticsearch:7.1.0\n' }, '/ws/elasticsearch.yml'), CURRENT_STACK_VERSION);
  });

  test('an untrusted workspace reads nothing outside its folders', () => {
    const files = { '/elsewhere/docker-compose.yml': 'services:\n  es:\n    image: elasticsearch:7.1.0\n' };
    assert.equal(infer(files, '/elsewhere/elasticsearch.yml', { readOutsideWorkspace: false }), CURRENT_STACK_VERSION);
    assert.equal(infer(files, '/elsewhere/elasticsearch.yml', { readOutsideWorkspace: true }).version, '7.1.0');
  });

  test('a broken compose file is skipped, not fatal', () => {
    assert.equal(infer({ '/ws/docker-compose.yml': 'services: [\n' }, '/ws/elasticsearch.yml'), CURRENT_STACK_VERSION);
  });
});
