// Deployment files in a folder's model: a compose file's services and an ECK manifest's resources become
// components named as others reach them (service names, ECK's <name>-es-http service), beside plain files;
// `estls map` prints them as JSON and mermaid, and `estls check DIR` checks every form.
import 'reflect-metadata';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../server/src/cli';
import { nodeIo } from '../../../server/src/cli/io';
import type { StackModelData } from '../../../server/src/workspace/types';
import { tempWorkspace } from './fixtures';

const cleanups: Array<() => void> = [];
after(() => cleanups.forEach((c) => c()));

const COMPOSE = `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      - node.name=es01
      - cluster.name=docker-cluster
      - discovery.seed_hosts=es02
      - xpack.security.transport.ssl.enabled=true
  kibana:
    image: docker.elastic.co/kibana/kibana:8.15.0
    environment:
      - ELASTICSEARCH_HOSTS=https://es01:9200
      - ELASTICSEARCH_SSL_VERIFICATIONMODE=full
`;

const ECK = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
  namespace: search
spec:
  version: 8.15.0
  nodeSets:
    - name: default
      count: 1
      config:
        node.store.allow_mmap: false
`;

async function run(root: string, args: string[]): Promise<string> {
  let out = '';
  await runCli(args, { ...nodeIo(), cwd: root, out: (t: string) => void (out += t), err: () => undefined });
  return out;
}

describe('workspace: deployment files', () => {
  it('compose services and ECK resources are components with the names others reach them by', async () => {
    const w = tempWorkspace();
    cleanups.push(w.cleanup);
    w.write('docker-compose.yml', COMPOSE);
    w.write('k8s/elasticsearch.yaml', ECK);
    w.write('ci/workflow.yml', 'on: push\njobs: {}\n');
    const data = JSON.parse(await run(w.root, ['map', '--format', 'json', '.'])) as StackModelData;
    const byName = new Map(data.components.map((c) => [c.name, c]));
    assert.deepEqual([...byName.keys()].sort(), ['es01', 'kibana', 'quickstart']);
    assert.equal(byName.get('es01')?.form, 'compose');
    assert.ok(byName.get('es01')?.names.some((n) => n.name === 'es01' && n.source === 'compose service'));
    assert.deepEqual(byName.get('es01')?.hosts.map((h) => h.host), ['es02']);
    assert.deepEqual(byName.get('kibana')?.hosts.map((h) => h.host), ['es01']);
    assert.deepEqual(byName.get('quickstart')?.names.map((n) => n.name), ['quickstart', 'quickstart-es-http', 'quickstart-es-http.search.svc']);
    assert.deepEqual(data.clusters.map((c) => c.name).sort(), ['docker-cluster', 'elasticsearch']);
    const mermaid = await run(w.root, ['map', '--format', 'mermaid', '.']);
    assert.match(mermaid, /^flowchart LR\n/);
    assert.match(mermaid, /subgraph elasticsearch_es01\["elasticsearch es01"\]/);
  });

  it('estls check DIR checks a deployment file as estls check FILE does', async () => {
    const w = tempWorkspace();
    cleanups.push(w.cleanup);
    w.write('docker-compose.yml', COMPOSE.replace('ELASTICSEARCH_SSL_VERIFICATIONMODE=full', 'ELASTICSEARCH_SSL_VERIFICATIONMODE=nonee'));
    const folder = JSON.parse(await run(w.root, ['check', '--format', 'json', '.'])) as Array<{ file: string; ruleId: string }>;
    const single = JSON.parse(await run(w.root, ['check', '--format', 'json', 'docker-compose.yml'])) as Array<{ file: string; ruleId: string }>;
    assert.ok(single.some((r) => r.ruleId === 'invalid-value'), JSON.stringify(single));
    assert.deepEqual(folder.map((r) => r.ruleId), single.map((r) => r.ruleId));
  });
});
