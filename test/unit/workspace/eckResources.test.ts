// The ECK resources the Generate commands offer a Kubernetes Secret for: every Elasticsearch and Kibana resource of
// the workspace's YAML files (with or without settings), with its namespace and the Secret it already names.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { eckResourcesIn, findEckResources } from '../../../server/src/workspace/eckResources';
import { tempWorkspace } from './fixtures';

const ES = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
  namespace: search
spec:
  version: 8.15.0
  http:
    tls:
      certificate:
        secretName: quickstart-custom
  nodeSets:
  - name: default
    count: 1
`;

describe('ECK resources of the workspace', () => {
  const w = tempWorkspace();
  after(() => w.cleanup());

  it('reads name, namespace, secretName and line of each ECK document, settings or not', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n---\n${ES}---\napiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  elasticsearchRef:\n    name: quickstart\n`;
    const found = eckResourcesIn(text, '/ws/eck.yaml');
    assert.deepEqual(found, [
      { kind: 'Elasticsearch', name: 'quickstart', namespace: 'search', secretName: 'quickstart-custom', file: '/ws/eck.yaml', line: 5 },
      { kind: 'Kibana', name: 'kb', file: '/ws/eck.yaml', line: 20 },
    ]);
  });

  it('ignores look-alikes: another API group, a kind of another group, no name, broken YAML', () => {
    assert.deepEqual(eckResourcesIn(ES.replace('elasticsearch.k8s.elastic.co', 'example.com'), 'f.yaml'), []);
    assert.deepEqual(eckResourcesIn(ES.replace('kind: Elasticsearch', 'kind: Kibana'), 'f.yaml'), []);
    assert.deepEqual(eckResourcesIn(ES.replace('  name: quickstart\n', ''), 'f.yaml'), []);
    assert.deepEqual(eckResourcesIn('apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: [\n', 'f.yaml'), []);
  });

  it('finds them in the folders under a root, and nothing in a workspace without ECK', () => {
    const clock = { now: () => new Date() };
    const env: CheckEnvironment = { fs: nodeFileSystem, clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(nodeFileSystem, clock), options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [w.root] } };
    w.write('config/elasticsearch.yml', 'cluster.name: plain\n');
    assert.deepEqual(findEckResources(env, [w.root]), []);
    const file = w.write('k8s/es.yml', ES);
    assert.deepEqual(findEckResources(env, [w.root]).map((r) => [r.name, r.namespace, path.relative(w.root, r.file)]), [['quickstart', 'search', path.relative(w.root, file)]]);
  });
});
