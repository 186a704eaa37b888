// Drives dist/server.js over stdio like an editor: diagnostics, hover, completion, quick fixes, changes, bad input.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDecoder } from 'node:util';
import { applyTextEdits, positionOf, startServer, uriOf } from './lspClient.mjs';

const TYPO_KEY = 'xpack.security.transport.ssl.verfication_mode';
const SETTINGS = `${TYPO_KEY}: full
xpack.security:
  transport.ssl.enabled: true
  transport.ssl.keystore.secure_password: changeme
  transport.ssl.keystore.path: certs/node.p12
`;

function tempWorkspace() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'estls-lsp-'));
}

const byCode = (d, code) => d.diagnostics.filter((x) => x.code === code);

describe('a settings file with known mistakes', () => {
  let server;
  let dir;
  let uri;
  let published;

  before(async () => {
    dir = tempWorkspace();
    const file = path.join(dir, 'elasticsearch.yml');
    fs.writeFileSync(file, SETTINGS);
    // A live config directory (as an installed node has), so its missing keystore is an error.
    fs.writeFileSync(path.join(dir, 'jvm.options'), '-Xms1g\n');
    uri = uriOf(file);
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
    server.open(uri, SETTINGS);
    published = await server.waitForDiagnostics(uri);
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('registers file watchers for certificates and yml files', () => {
    const reg = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(reg, 'no dynamic registration');
    const globs = reg.registerOptions.watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.{p12,pfx,jks,pem,crt,cer,key,der}'));
    assert.ok(globs.includes('**/*.yml'));
    // Deployment files and .env name the stack version the verdicts follow.
    assert.ok(globs.includes('**/*.yaml'));
    assert.ok(globs.some((g) => g.includes('.env')));
  });

  test('publishes the unknown key with its range, rule id, docs link and version', () => {
    assert.equal(published.version, 1);
    const [unknown] = byCode(published, 'unknown-setting');
    assert.ok(unknown, JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.deepEqual(unknown.range, { start: { line: 0, character: 0 }, end: { line: 0, character: TYPO_KEY.length } });
    assert.equal(unknown.severity, 1);
    assert.match(unknown.codeDescription.href, /^https:\/\//);
    assert.equal(unknown.data.ruleId, 'unknown-setting');
  });

  test('publishes the secure setting on its nested key', () => {
    const [secure] = byCode(published, 'secure-setting-in-yml');
    assert.ok(secure);
    const start = positionOf(SETTINGS, 'transport.ssl.keystore.secure_password');
    assert.deepEqual(secure.range.start, start);
    assert.equal(secure.range.end.character, start.character + 'transport.ssl.keystore.secure_password'.length);
  });

  test('publishes the missing keystore file', () => {
    const [missing] = byCode(published, 'missing-file');
    assert.ok(missing, JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.equal(missing.range.start.line, 4);
  });

  test('hover on a key explains the setting', async () => {
    const hover = await server.hover(uri, positionOf(SETTINGS, 'transport.ssl.enabled', 0, 16));
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /xpack\.security\.transport\.ssl\.enabled/);
    assert.match(hover.contents.value, /Type: boolean/);
  });

  test('hover on a nested segment names the settings below it', async () => {
    const hover = await server.hover(uri, positionOf(SETTINGS, 'xpack.security:', 0, 3));
    assert.match(hover.contents.value, /^\*\*`xpack\.security`\*\*/);
    assert.match(hover.contents.value, /`ssl`/);
  });

  test('the quick fix renames the typo, and its edit applied gives the known key', async () => {
    const [unknown] = byCode(published, 'unknown-setting');
    const actions = await server.codeActions(uri, unknown.range, [unknown]);
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, 'no quick fix with an edit');
    assert.equal(fix.kind, 'quickfix');
    const fixed = applyTextEdits(SETTINGS, fix.edit.changes[uri]);
    assert.equal(fixed.split('\n')[0], 'xpack.security.transport.ssl.verification_mode: full');
  });

  test('a fix with a shell command offers to copy it through the client command', async () => {
    const [secure] = byCode(published, 'secure-setting-in-yml');
    const actions = await server.codeActions(uri, secure.range, [secure]);
    const copy = actions.find((a) => a.command?.command === 'elasticTls.copyCommand');
    assert.ok(copy, JSON.stringify(actions.map((a) => a.title)));
    assert.match(copy.command.arguments[0], /elasticsearch-keystore add xpack\.security\.transport\.ssl\.keystore\.secure_password/);
    const removal = actions.find((a) => a.edit);
    assert.ok(removal);
    assert.doesNotMatch(applyTextEdits(SETTINGS, removal.edit.changes[uri]), /secure_password/);
  });

  test('code actions ignore diagnostics whose data is missing or from another version', async () => {
    const [unknown] = byCode(published, 'unknown-setting');
    const stale = { ...unknown, data: { ...unknown.data, version: 99 } };
    const noData = { ...unknown, data: undefined };
    const bogus = { ...unknown, data: { ruleId: 'x', version: 1, fixes: [{ title: 'bad', edits: [{ range: { start: 5, end: 1 }, newText: '' }] }] } };
    assert.deepEqual(await server.codeActions(uri, unknown.range, [stale, noData, bogus]), []);
  });

  test('completes full keys at the top level', async () => {
    const text = `${SETTINGS}xpack.security.transport.ssl.ver`;
    server.change(uri, text, 2);
    const list = await server.completion(uri, { line: 5, character: 32 });
    const item = list.items.find((i) => i.label === 'xpack.security.transport.ssl.verification_mode');
    assert.ok(item, 'flat key missing');
    assert.equal(item.insertTextFormat, 2);
    assert.match(item.textEdit.newText, /^xpack\.security\.transport\.ssl\.verification_mode: \$\{1\|/);
    assert.deepEqual(item.textEdit.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 32 } });
    assert.equal(item.documentation, undefined, 'documentation comes on resolve, keeping the list small');
    const resolved = await server.connection.sendRequest('completionItem/resolve', item);
    assert.match(resolved.documentation.value, /verification_mode`\*\*/);
    assert.match(resolved.documentation.value, /Default: `full`/);
  });

  test('completes the rest of a key and the next segment inside a nested map', async () => {
    const text = `${SETTINGS}  `;
    server.change(uri, text, 3);
    const list = await server.completion(uri, { line: 5, character: 2 });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('transport.ssl.verification_mode'), 'flat remainder missing');
    assert.ok(!labels.includes('transport.ssl.enabled'), 'a key already set is offered again');
    const segment = list.items.find((i) => i.label === 'http' && i.kind === 9);
    assert.ok(segment, 'nested segment missing');
    assert.match(segment.textEdit.newText, /^http:\n {4}\$0$/);
  });

  test('completes placeholders as snippets to fill in', async () => {
    const text = `${SETTINGS}  authc.realms.`;
    server.change(uri, text, 4);
    const list = await server.completion(uri, { line: 5, character: 15 });
    const realm = list.items.find((i) => i.label === 'authc.realms.ldap.<name>.order');
    assert.ok(realm, 'no realm key with a placeholder');
    assert.match(realm.textEdit.newText, /^authc\.realms\.ldap\.\$\{1:name\}\.order: \$\{2\}$/);
  });

  test('completes enum values with their meaning', async () => {
    const text = `${SETTINGS}  transport.ssl.verification_mode: `;
    server.change(uri, text, 5);
    const list = await server.completion(uri, { line: 5, character: 35 });
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['certificate', 'full', 'none']);
    assert.match(list.items.find((i) => i.label === 'full').documentation.value, /host name/);
  });

  test('completes files relative to the config folder for path settings', async () => {
    fs.mkdirSync(path.join(dir, 'certs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'certs', 'http.p12'), 'x');
    fs.writeFileSync(path.join(dir, 'certs', 'notes.txt'), 'x');
    const text = `${SETTINGS}  http.ssl.keystore.path: certs/`;
    server.change(uri, text, 6);
    const list = await server.completion(uri, { line: 5, character: 32 });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('http.p12'), JSON.stringify(labels));
    assert.ok(!labels.includes('notes.txt'));
    assert.equal(list.items.find((i) => i.label === 'http.p12').textEdit.newText, 'certs/http.p12');
  });

  test('re-checks open files when a referenced file appears on disk', async () => {
    server.change(uri, SETTINGS, 7);
    const before = await server.waitForDiagnostics(uri, (p) => p.version === 7);
    assert.equal(byCode(before, 'missing-file').length, 1);
    const keystore = path.join(dir, 'certs', 'node.p12');
    fs.writeFileSync(keystore, Buffer.from([0x30, 0x03, 0x02, 0x01, 0x03]));
    const count = server.diagnostics.length;
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(keystore), type: 1 }] });
    const afterChange = await server.waitForDiagnostics(uri, (p) => server.diagnostics.indexOf(p) >= count);
    assert.equal(byCode(afterChange, 'missing-file').length, 0);
  });
});

describe('changes', () => {
  test('a change re-checks the file, and a superseded version is never published', async () => {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
    // A long delay keeps the two quick changes inside one wait, so only the newest may be published.
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 1000 } });
    try {
      server.open(uri, 'xpack.security.enabled: true\n');
      const first = await server.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.equal(first.diagnostics.length, 0);
      server.change(uri, `${TYPO_KEY}: full\n`, 2);
      server.change(uri, `${TYPO_KEY}: full\nxpack.security.enabled: maybe\n`, 3);
      const latest = await server.waitForDiagnostics(uri, (p) => p.version === 3);
      assert.ok(byCode(latest, 'unknown-setting').length === 1);
      assert.ok(byCode(latest, 'invalid-value').length === 1, JSON.stringify(latest.diagnostics.map((d) => d.code)));
      assert.deepEqual(server.diagnostics.filter((p) => p.uri === uri).map((p) => p.version), [1, 3]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('incremental changes: ranged edits give the diagnostics the same text sent whole gives', async () => {
    const dir = tempWorkspace();
    const [edited, whole] = ['elasticsearch.yml', 'other/elasticsearch.yml'].map((f) => path.join(dir, f));
    fs.mkdirSync(path.dirname(whole));
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      assert.equal(server.init.capabilities.textDocumentSync.change, 2, 'the server asks for incremental changes');
      const [uri, other] = [uriOf(edited), uriOf(whole)];
      server.open(uri, 'xpack.security.enabled: true\ncluster.name: one\n');
      await server.waitForDiagnostics(uri, (p) => p.version === 1);
      // Two changes in one notification, applied in order: a typo typed into a key on line 1, then a line
      // added at the end (its position counts the first change).
      server.edit(uri, [
        { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: 'x' },
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'xpack.security.http.ssl.enabled: maybe\n' },
      ], 2);
      const text = 'xpack.security.enabled: true\nclusxter.name: one\nxpack.security.http.ssl.enabled: maybe\n';
      server.open(other, text);
      const [a, b] = await Promise.all([server.waitForDiagnostics(uri, (p) => p.version === 2), server.waitForDiagnostics(other, (p) => p.version === 1)]);
      const shape = (p) => p.diagnostics.map((d) => [d.code, d.range.start, d.range.end, d.message]);
      assert.ok(a.diagnostics.some((d) => d.code === 'invalid-value' && d.range.start.line === 2), JSON.stringify(shape(a)));
      assert.deepEqual(shape(a), shape(b));
      // A deletion across a line end joins two lines; the result again equals the whole text's.
      server.edit(uri, [{ range: { start: { line: 1, character: 17 }, end: { line: 2, character: 0 } }, text: '' }], 3);
      server.change(other, 'xpack.security.enabled: true\nclusxter.name: onexpack.security.http.ssl.enabled: maybe\n', 2);
      const [c, d] = await Promise.all([server.waitForDiagnostics(uri, (p) => p.version === 3), server.waitForDiagnostics(other, (p) => p.version === 2)]);
      assert.deepEqual(shape(c), shape(d));
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a duplicate points at the first occurrence, and a deprecated setting carries the deprecated tag', async () => {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
    const text = 'xpack.security.enabled: true\nxpack:\n  security.enabled: false\nxpack.security.transport.ssl.enabled: true\nxpack.security.transport.ssl.keystore.password: changeme\n';
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      server.open(uri, text);
      const published = await server.waitForDiagnostics(uri);
      const [duplicate] = byCode(published, 'duplicate-setting');
      assert.ok(duplicate, JSON.stringify(published.diagnostics.map((d) => d.code)));
      assert.equal(duplicate.range.start.line, 2);
      assert.deepEqual(duplicate.relatedInformation.map((r) => [r.location.uri, r.location.range.start]), [[uri, { line: 0, character: 0 }]]);
      const deprecated = published.diagnostics.find((d) => d.tags?.includes(2));
      assert.ok(deprecated, 'no diagnostic tagged deprecated');
      assert.equal(deprecated.range.start.line, 4);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('closing a file clears its diagnostics', async () => {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      server.open(uri, `${TYPO_KEY}: full\n`);
      await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      const count = server.diagnostics.length;
      server.close(uri);
      const cleared = await server.waitForDiagnostics(uri, (p) => server.diagnostics.indexOf(p) >= count);
      assert.deepEqual(cleared.diagnostics, []);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('settings from workspace/didChangeConfiguration apply to the next check', async () => {
    const dir = tempWorkspace();
    const file = path.join(dir, 'node-a.yaml');
    const uri = uriOf(file);
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      server.open(uri, `${TYPO_KEY}: full\n`);
      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { elasticTls: { files: { '**/node-*.yaml': 'elasticsearch' }, validationDelay: 0 } } });
      const published = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.equal(byCode(published, 'unknown-setting').length, 1);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a kibana.yml', () => {
  test('gets its own catalog: diagnostics, value meaning on hover, nested completion', async () => {
    const dir = tempWorkspace();
    const uri = uriOf(path.join(dir, 'kibana.yml'));
    const text = 'elasticsearch.ssl.verificationMode: none\nserver.ssl:\n  \n';
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    try {
      server.open(uri, text);
      const published = await server.waitForDiagnostics(uri);
      assert.ok(byCode(published, 'insecure-setting').length >= 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
      const hover = await server.hover(uri, positionOf(text, 'none', 0, 1));
      assert.match(hover.contents.value, /^`none`: Checks nothing/);
      const list = await server.completion(uri, { line: 2, character: 2 });
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('enabled') && labels.includes('certificate') && labels.includes('key'), JSON.stringify(labels.slice(0, 20)));
      assert.ok(!labels.some((l) => l.startsWith('xpack.security.transport')), 'Elasticsearch keys offered in kibana.yml');
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input', () => {
  let server;
  let dir;
  before(async () => {
    dir = tempWorkspace();
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases = [
    { name: 'binary data', text: () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0xff, 0xfe]).toString('latin1'), code: 'not-text' },
    { name: 'a 10 MB file', text: () => `${'# filler line for size\n'.repeat(480_000)}xpack.security.enabled: true\n`, code: 'file-too-large' },
    { name: '10,000-deep flow nesting', text: () => `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, code: 'yaml-too-deep' },
    { name: '10,000-deep block sequences', text: () => `a:\n  ${'- '.repeat(10_000)}x\n`, code: 'yaml-too-deep' },
    { name: 'invalid UTF-8 as an editor decodes it', text: () => new TextDecoder().decode(Buffer.from([0x78, 0x3a, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0x0a, 0xed, 0xa0, 0x80, 0x0a])) },
    { name: 'an alias bomb', text: () => ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`), 'xpack.security.enabled: *i', ''].join('\n') },
    { name: 'lone surrogates', text: () => 'xpack.security.enabled: "\ud800"\n\udfff: x\n' },
  ];

  for (const [i, c] of cases.entries()) {
    test(`${c.name} gets diagnostics and the server still answers`, async () => {
      const uri = uriOf(path.join(dir, `elasticsearch-${i}.yml`));
      server.open(uri, c.text());
      const published = await server.waitForDiagnostics(uri, () => true, 30_000);
      if (c.code) assert.ok(byCode(published, c.code).length >= 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
      await server.hover(uri, { line: 0, character: 1 });
      await server.completion(uri, { line: 0, character: 1 });
      server.close(uri);
      const alive = uriOf(path.join(dir, 'elasticsearch.yml'));
      server.open(alive, 'xpack.security.enabled: true\n', i + 1);
      const hover = await server.hover(alive, { line: 0, character: 3 });
      assert.match(hover.contents.value, /xpack\.security\.enabled/);
      server.close(alive);
    });
  }

  test('no handler logged a failure', () => {
    assert.deepEqual(server.logs.filter((l) => l.type === 1), []);
  });
});

describe('fix all of one rule', () => {
  // A 6.x node's global TLS settings, checked as 7.17: three removed keys that must move together.
  const OLD = 'xpack.security.transport.ssl.enabled: true\nxpack.ssl.key: certs/node.key\nxpack.ssl.certificate: certs/node.crt\nxpack.ssl.certificate_authorities: [ certs/ca.crt ]\n';

  test('beside each rename, one action renames all three, and the text it gives has no error left', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-fixall-'));
    const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, stackVersion: '7.17.0' } });
    try {
      const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
      server.open(uri, OLD, 1);
      const removed = byCode(await server.waitForDiagnostics(uri, (p) => p.version === 1), 'removed-setting');
      assert.equal(removed.length, 3);
      const actions = await server.codeActions(uri, removed[1].range, [removed[1]]);
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred === true]), [
        ['Rename to `xpack.security.transport.ssl.certificate`', true],
        ['Fix all 3 removed-setting problems in this file', false],
      ]);
      const fixed = applyTextEdits(OLD, actions[1].edit.changes[uri]);
      assert.equal(fixed, OLD.replace(/xpack\.ssl\./g, 'xpack.security.transport.ssl.'));
      server.change(uri, fixed, 2);
      const after = await server.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(after.diagnostics.filter((d) => d.severity === 1).map((d) => d.code), []);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
