// Deployment files over stdio: settings inside ECK manifests, Helm values, ConfigMaps and compose files get
// diagnostics, hovers, completion and quick fixes on the host file's own lines and columns.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyTextEdits, positionOf, startServer, uriOf } from './lspClient.mjs';

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: es-config
data:
  elasticsearch.yml: |
    xpack.security.transport.ssl.verification_mode: fulll
  kibana.yml: |-
    server.ssl.enabled: maybe
`;

const VALUES = `clusterName: logs
esConfig:
  elasticsearch.yml: |2
    xpack.security.http.ssl:
      verification_mode: nonee
`;

const COMPOSE = `services:
  kibana:
    image: docker.elastic.co/kibana/kibana:8.11.0
    environment:
      - SERVER_NAME=kb
      - ELASTICSEARCH_SSL_VERIFICATIONMODE=ful
`;

const ECK = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
spec:
  version: 8.15.0
  nodeSets:
  - name: default
    count: 1
    config:
      xpack.security.transport.ssl.verfication_mode: full
      xpack.security.audit.enabled: true
      xpack.security.
`;

const OTHER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
`;

describe('deployment files', () => {
  let server;
  let dir;
  const uris = {};
  const published = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-forms-'));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
    const files = { configMap: ['es-config.yaml', CONFIG_MAP], values: ['values.yaml', VALUES], compose: ['docker-compose.yml', COMPOSE, 'dockercompose'], eck: ['cluster.yaml', ECK] };
    for (const [name, [file, text, language]] of Object.entries(files)) {
      const full = path.join(dir, file);
      fs.writeFileSync(full, text);
      uris[name] = uriOf(full);
      server.open(uris[name], text, 1, language);
      published[name] = await server.waitForDiagnostics(uris[name]);
    }
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const range = (text, needle, nth = 0) => ({ start: positionOf(text, needle, nth), end: positionOf(text, needle, nth, needle.length) });
  const one = (name, code) => {
    const found = published[name].diagnostics.filter((d) => d.code === code);
    assert.equal(found.length, 1, JSON.stringify(published[name].diagnostics.map((d) => [d.code, d.range])));
    return found[0];
  };

  test('inside a | block scalar, at the exact line and column', () => {
    const d = published.configMap.diagnostics.filter((x) => x.code === 'invalid-value');
    assert.equal(d.length, 2);
    assert.deepEqual(d[0].range, range(CONFIG_MAP, 'fulll'));
  });

  test('inside a |- block scalar of another product (kibana.yml)', () => {
    const d = published.configMap.diagnostics.filter((x) => x.code === 'invalid-value');
    assert.deepEqual(d[1].range, range(CONFIG_MAP, 'maybe'));
  });

  test('inside a |2 block scalar with nested keys', () => {
    assert.deepEqual(one('values', 'invalid-value').range, range(VALUES, 'nonee'));
  });

  test('in a compose environment list, on the value, and the fix edits only the value', async () => {
    const d = one('compose', 'invalid-value');
    assert.deepEqual(d.range, { start: positionOf(COMPOSE, '=ful', 0, 1), end: positionOf(COMPOSE, '=ful', 0, 4) });
    const actions = await server.codeActions(uris.compose, d.range, [d]);
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, 'no quick fix');
    assert.match(applyTextEdits(COMPOSE, fix.edit.changes[uris.compose]), /- ELASTICSEARCH_SSL_VERIFICATIONMODE=full\n/);
  });

  test('ECK: the typo is reported on its key, and the quick fix renames exactly it', async () => {
    const d = published.eck.diagnostics.find((x) => x.code === 'unknown-setting' && x.range.start.line === 10);
    assert.ok(d, JSON.stringify(published.eck.diagnostics.map((x) => [x.code, x.range.start])));
    assert.deepEqual(d.range, range(ECK, 'xpack.security.transport.ssl.verfication_mode'));
    const actions = await server.codeActions(uris.eck, d.range, [d]);
    const fix = actions.find((a) => a.edit && a.isPreferred) ?? actions.find((a) => a.edit);
    const fixed = applyTextEdits(ECK, fix.edit.changes[uris.eck]);
    assert.equal(fixed.split('\n')[10], '      xpack.security.transport.ssl.verification_mode: full');
    assert.equal(fixed.split('\n').length, ECK.split('\n').length);
  });

  test('ECK: hover on a config key explains the setting, over its own characters', async () => {
    const hover = await server.hover(uris.eck, positionOf(ECK, 'xpack.security.audit.enabled', 0, 5));
    assert.match(hover.contents.value, /xpack\.security\.audit\.enabled/);
    assert.deepEqual(hover.range, range(ECK, 'xpack.security.audit.enabled'));
    // Outside the embedded settings the manifest is Kubernetes' business: no hover.
    assert.equal(await server.hover(uris.eck, positionOf(ECK, 'count: 1', 0, 2)), null);
  });

  test('ECK: completion inside nodeSets[].config proposes settings that replace the typed word', async () => {
    const at = positionOf(ECK, 'xpack.security.\n', 0, 'xpack.security.'.length);
    const list = await server.completion(uris.eck, at);
    const item = list.items.find((i) => /^transport/.test(i.label) || /transport\.ssl/.test(i.label));
    assert.ok(item, JSON.stringify(list.items.slice(0, 5).map((i) => i.label)));
    assert.equal(item.textEdit.range.start.line, at.line);
    assert.equal(item.textEdit.range.end.character, at.character);
    const outside = await server.completion(uris.eck, positionOf(ECK, 'count: 1', 0, 2));
    assert.deepEqual(outside.items, []);
  });

  test('YAML of no known form gets no diagnostics', async () => {
    const file = path.join(dir, 'deployment.yaml');
    const uri = uriOf(file);
    server.open(uri, OTHER);
    // A known file opened after it: once its diagnostics arrive, the other one has been handled too.
    const marker = uriOf(path.join(dir, 'elasticsearch.yml'));
    server.open(marker, 'xpack.security.enabled: maybe\n');
    await server.waitForDiagnostics(marker);
    assert.equal(server.diagnostics.filter((d) => d.uri === uri && d.diagnostics.length > 0).length, 0);
    assert.equal(await server.hover(uri, { line: 5, character: 4 }), null);
  });
});

describe('templates of a settings file, over stdio', () => {
  // An Ansible role's template: the editor gives `.j2` no YAML language, and the name is not `elasticsearch*.yml`.
  const TEMPLATE = `# {{ ansible_managed }}
cluster.name: {{ es_cluster_name }}
{% if es_tls %}
xpack.security.http.ssl.verfication_mode: full
{% endif %}
`;

  test('elasticsearch.yml.j2 opened as Jinja is checked as elasticsearch.yml: the typo gets its diagnostic and fix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-template-'));
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      const file = path.join(dir, 'elasticsearch.yml.j2');
      fs.writeFileSync(file, TEMPLATE);
      const uri = uriOf(file);
      server.open(uri, TEMPLATE, 1, 'jinja-yaml');
      const { diagnostics } = await server.waitForDiagnostics(uri);
      const typo = diagnostics.find((d) => d.code === 'unknown-setting');
      assert.ok(typo, JSON.stringify(diagnostics.map((d) => [d.code, d.range.start])));
      assert.equal(typo.range.start.line, 3);
      // The template's own syntax is not the product's business: nothing on the Jinja lines.
      assert.ok(diagnostics.every((d) => ![0, 1, 2, 4].includes(d.range.start.line) || d.severity === 4), JSON.stringify(diagnostics));
      const actions = await server.codeActions(uri, typo.range, [typo]);
      const fix = actions.find((a) => a.edit && a.isPreferred) ?? actions.find((a) => a.edit);
      assert.equal(applyTextEdits(TEMPLATE, fix.edit.changes[uri]).split('\n')[3], 'xpack.security.http.ssl.verification_mode: full');
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a settings file known by where compose mounts it, over stdio', () => {
  test('es01.yml, mounted as a node\'s elasticsearch.yml, is checked as one; a file nothing mounts is left alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-mounted-'));
    fs.mkdirSync(path.join(dir, 'etc', 'es'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), 'services:\n  es01:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    volumes:\n      - ./etc/es/es01.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro\n');
    const text = 'cluster.name: logs\nxpack.security.transport.ssl.enabled: true\n';
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      const mounted = path.join(dir, 'etc', 'es', 'es01.yml');
      const loose = path.join(dir, 'etc', 'es', 'es02.yml');
      for (const file of [mounted, loose]) fs.writeFileSync(file, text);
      server.open(uriOf(loose), text, 1);
      server.open(uriOf(mounted), text, 1);
      const { diagnostics } = await server.waitForDiagnostics(uriOf(mounted));
      assert.ok(diagnostics.some((d) => d.code === 'ssl-missing-companion' && d.range.start.line === 1), JSON.stringify(diagnostics.map((d) => d.code)));
      const hover = await server.hover(uriOf(mounted), { line: 1, character: 20 });
      assert.match(hover.contents.value, /xpack\.security\.transport\.ssl\.enabled/);
      // Handled in order: the file opened first has had its turn, and nothing was published for it.
      assert.equal(server.diagnostics.filter((p) => p.uri === uriOf(loose) && p.diagnostics.length > 0).length, 0);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('large deployment files in the server', () => {
  let server;
  let dir;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-forms-big-'));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    ['a 5,000-document manifest', 'many.yaml', () => Array.from({ length: 5000 }, () => 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  nodeSets:\n  - config:\n      xpack.security.http.ssl.verification_mode: none\n').join('---\n')],
    ['a 10 MB compose file', 'docker-compose.yml', () => `services:\n  es:\n    image: elasticsearch:8.1.0\n${'# filler line of a large file\n'.repeat(360_000)}`],
    ['a block scalar of 100,000 lines', 'cm.yaml', () => `kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n${Array.from({ length: 100_000 }, (_, i) => `    k${i}: x`).join('\n')}\n`],
  ];
  for (const [name, file, make] of cases) {
    test(`${name} gets its diagnostics in bounded time, and the server keeps answering`, async () => {
      const uri = uriOf(path.join(dir, file));
      const started = Date.now();
      server.open(uri, make());
      const published = await server.waitForDiagnostics(uri, () => true, 60_000);
      assert.ok(published.diagnostics.length > 0);
      assert.ok(Date.now() - started < 60_000);
      assert.equal(await server.hover(uri, { line: 0, character: 0 }), null);
      server.close(uri);
    });
  }
});

describe('compose environment paths through the service volumes, over stdio', () => {
  let server;
  let dir;
  const COMPOSE_TLS = `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      - xpack.security.http.ssl.enabled=true
      - xpack.security.http.ssl.certificate=certs/http.crt
      - xpack.security.http.ssl.key=certs/http.key
    volumes:
      - ./certs:/usr/share/elasticsearch/config/certs:ro
`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-compose-mounts-'));
    fs.mkdirSync(path.join(dir, 'certs'));
    fs.writeFileSync(path.join(dir, 'certs', 'http.key'), 'not a key\n');
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), COMPOSE_TLS);
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a missing mounted certificate: a warning with the Generate fix; hover says what is mounted where', async () => {
    const uri = uriOf(path.join(dir, 'docker-compose.yml'));
    server.open(uri, COMPOSE_TLS, 1, 'dockercompose');
    const { diagnostics } = await server.waitForDiagnostics(uri);
    const missing = diagnostics.filter((d) => d.code === 'missing-file');
    assert.equal(missing.length, 1, JSON.stringify(diagnostics));
    assert.equal(missing[0].severity, 2);
    assert.deepEqual(missing[0].range.start, positionOf(COMPOSE_TLS, 'certs/http.crt'));
    const actions = await server.codeActions(uri, missing[0].range, missing);
    assert.ok(actions.some((a) => a.command && /generate/i.test(a.command.command)), JSON.stringify(actions.map((a) => a.title)));
    const hover = await server.hover(uri, positionOf(COMPOSE_TLS, 'certs/http.key', 0, 3));
    assert.match(hover.contents.value, /service `es01` in `docker-compose\.yml` mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`/);
  });
});
