// Runs the bundled dist/cli.js on deployment files: recognised by content with no --product, --form to force a
// form, and large inputs checked in bounded time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliPath } from './lspClient.mjs';

const ECK = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: es\nspec:\n  version: 8.15.0\n  nodeSets:\n  - name: default\n    config:\n      xpack.security.http.ssl.verfication_mode: full\n';
const COMPOSE = 'services:\n  kb:\n    image: kibana:8.15.0\n    environment:\n      - ELASTICSEARCH_SSL_VERIFICATIONMODE=none\n';

describe('dist/cli.js on deployment files', () => {
  let dir;
  const run = (...args) => spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-cli-forms-'));
    fs.writeFileSync(path.join(dir, 'cluster.yaml'), ECK);
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), COMPOSE);
    fs.writeFileSync(path.join(dir, 'workflow.yml'), 'on: push\njobs: {}\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('an ECK manifest and a compose file need no --product', () => {
    const r = run('check', 'cluster.yaml', 'docker-compose.yml');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^cluster\.yaml:10:7 error unknown-setting /m);
    assert.match(r.stdout, /^docker-compose\.yml:5:44 warning insecure-setting /m);
  });

  test('YAML of no known form is still refused with a clear reason, and --form names the forms', () => {
    const r = run('check', 'workflow.yml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /deployment file/);
    const bad = run('check', '--form', 'nomad', 'cluster.yaml');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown form 'nomad' \(use plain, eck, helm, compose, configmap, beats\)/);
  });

  test('--form forces a form; --form plain with --product reads the file as settings', () => {
    assert.equal(run('check', '--form', 'compose', 'workflow.yml').status, 0);
    // Read as a settings file, the manifest's top-level keys belong to no Elasticsearch namespace: no finding.
    const plain = run('check', '--form', 'plain', '--product', 'elasticsearch', '--format', 'json', 'cluster.yaml');
    assert.equal(plain.status, 0, plain.stderr);
    assert.deepEqual(JSON.parse(plain.stdout), []);
  });

  test('every document of a 5,000-document manifest is checked; a 10 MB compose file is refused at once', () => {
    const one = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  nodeSets:\n  - config:\n      xpack.security.http.ssl.verification_mode: none\n';
    fs.writeFileSync(path.join(dir, 'many.yaml'), Array.from({ length: 5000 }, () => one).join('---\n'));
    fs.writeFileSync(path.join(dir, 'big-compose.yml'), `services:\n  es:\n    image: elasticsearch:8.1.0\n${'# filler line of a large file\n'.repeat(360_000)}`);
    const many = run('check', '--format', 'json', 'many.yaml');
    assert.equal(many.status, 0, many.stderr);
    const findings = JSON.parse(many.stdout);
    assert.equal(findings.filter((f) => f.ruleId === 'insecure-setting').length, 5000);
    assert.ok(!findings.some((f) => /only the first/.test(f.message)));
    const big = run('check', '--format', 'json', 'big-compose.yml');
    assert.equal(JSON.parse(big.stdout)[0].ruleId, 'file-too-large');
  });
});
