// No password and no private key may reach anything the server sends or prints: logs, stderr, telemetry,
// diagnostics, hovers, code actions, completion, or the messages of estls/* answers. The test makes a
// password-protected PKCS#12 and an encrypted key with openssl, hands the passwords over, and exercises every
// feature that touches them; then it scans everything it captured. The client's side is covered too: its
// verbose trace of every message (elasticTls.trace.server: verbose) goes through the client's redaction, as
// the output channel does, and must hold no password and no key, generated ones included.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { Trace } from 'vscode-jsonrpc/node';
import { cliPath, positionOf, startServer, uriOf } from './lspClient.mjs';

// The client's own redaction (client/src/redact.ts), which its output channel applies to every trace line.
const { redact } = await tsImport('../../client/src/redact.ts', import.meta.url);

const tag = crypto.randomBytes(6).toString('hex');
const P12_PASSWORD = `P12pw-${tag}`;
const KEY_PASSPHRASE = `KeyPass-${tag}`;
const SECURE_VALUE = `S3cr3t-${tag}`;
const WRONG_PASSWORD = `Wrong-${tag}`;
const GENERATE_PASSWORD = `GenPw-${tag}`;
const URL_PASSWORD = `UrlPw-${tag}`;
const RPC_PASSWORD = `RpcPw-${tag}`;
const KEYSTORE_VALUE = `KsVal-${tag}`;
const BOOTSTRAP_VALUE = `Boot-${tag}`;
// A number as the password: Node's type errors would quote it.
const NUMBER_PASSWORD = 900_000_000 + crypto.randomInt(99_999_999);
const PASSWORDS = { P12_PASSWORD, KEY_PASSPHRASE, SECURE_VALUE, WRONG_PASSWORD, GENERATE_PASSWORD, URL_PASSWORD, RPC_PASSWORD, NUMBER_PASSWORD: String(NUMBER_PASSWORD), KEYSTORE_VALUE, BOOTSTRAP_VALUE };

/** An elasticsearch.keystore (format 6, empty password) holding `settings`, laid out as KeyStoreWrapper writes it. */
function esKeystore(settings) {
  const int = (n, le) => {
    const b = Buffer.alloc(4);
    if (le) b.writeInt32LE(n);
    else b.writeInt32BE(n);
    return b;
  };
  const utf = (t) => Buffer.concat([Buffer.from([Buffer.byteLength(t) >> 8, Buffer.byteLength(t) & 255]), Buffer.from(t, 'utf8')]);
  const body = [int(Object.keys(settings).length, false)];
  for (const [name, value] of Object.entries(settings)) body.push(utf(name), int(Buffer.byteLength(value), false), Buffer.from(value, 'utf8'));
  const salt = crypto.randomBytes(64);
  const iv = crypto.randomBytes(12);
  const key = crypto.pbkdf2Sync(Buffer.alloc(0), salt, 210_000, 16, 'sha512');
  const cipher = crypto.createCipheriv('aes-128-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(salt);
  const sealed = Buffer.concat([cipher.update(Buffer.concat(body)), cipher.final(), cipher.getAuthTag()]);
  const data = Buffer.concat([int(salt.length, true), salt, int(iv.length, true), iv, int(sealed.length, true), sealed]);
  const head = Buffer.concat([int(0x3fd76c17, false), Buffer.from([22]), Buffer.from('elasticsearch.keystore', 'latin1'), int(6, false), Buffer.from([0]), int(data.length, true), data]);
  const footer = Buffer.concat([int(~0x3fd76c17 | 0, false), int(0, false)]);
  const crc = Buffer.alloc(8);
  crc.writeUInt32BE(crc32(Buffer.concat([head, footer])), 4);
  return Buffer.concat([head, footer, crc]);
}

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const KIBANA_SETTINGS = `elasticsearch.hosts: [ "https://kibana_system:${URL_PASSWORD}@es01:9200" ]
server.publicBaseUrl: "https://admin:${URL_PASSWORD}@kibana.example.com"
`;

/** Writes one JSON-RPC message as the client's transport would, whatever it holds. */
function sendRaw(server, json) {
  server.child.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
}

const SETTINGS = `xpack.security.transport.ssl:
  enabled: true
  keystore.path: certs/node.p12
  keystore.secure_password: ${SECURE_VALUE}
  truststore.path: certs/node.p12
  truststore.password: ${P12_PASSWORD}
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.certificate: certs/http.crt
xpack.security.http.ssl.key: certs/http.key
xpack.security.http.ssl.key_passphrase: ${KEY_PASSPHRASE}
xpack.security.http.ssl.secure_key_passphrase: ${SECURE_VALUE}
`;

function openssl(args, cwd) {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

/** Certificates and keys in `dir`/certs; returns the private key material that must never be echoed. */
function makeCertificates(dir) {
  const certs = path.join(dir, 'certs');
  fs.mkdirSync(certs, { recursive: true });
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'plain.key', '-out', 'http.crt',
    '-days', '30', '-subj', '/CN=es01', '-addext', 'subjectAltName=DNS:es01'], certs);
  openssl(['pkey', '-in', 'plain.key', '-aes256', '-passout', `pass:${KEY_PASSPHRASE}`, '-out', 'http.key'], certs);
  openssl(['pkcs12', '-export', '-in', 'http.crt', '-inkey', 'plain.key', '-name', 'es01', '-passout', `pass:${P12_PASSWORD}`, '-out', 'node.p12'], certs);
  const pem = fs.readFileSync(path.join(certs, 'plain.key'), 'utf8');
  fs.rmSync(path.join(certs, 'plain.key'));
  const key = crypto.createPrivateKey(pem);
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
  const sec1 = key.export({ type: 'sec1', format: 'der' }).toString('base64');
  const d = key.export({ format: 'jwk' }).d;
  // Any 24-character run of a key's base64 (PKCS#8 or SEC1) or its private scalar counts as key material.
  const chunks = [...body, sec1, d, Buffer.from(d, 'base64url').toString('hex')].flatMap((s) => s.match(/.{24}/g) ?? []);
  return { chunks, files: { p12: path.join(certs, 'node.p12'), key: path.join(certs, 'http.key'), crt: path.join(certs, 'http.crt') } };
}

/** 24-character runs of the private files an estls/generate answer holds: the file's base64 and its PEM body. */
function generatedKeyChunks(answer) {
  const files = answer?.ok ? answer.result.files.filter((f) => f.private) : [];
  return files.flatMap((f) => {
    const body = Buffer.from(f.contentBase64, 'base64').toString('latin1').split('\n').filter((l) => l && !l.startsWith('-----'));
    return [f.contentBase64, ...body].flatMap((t) => t.match(/.{24}/g) ?? []);
  });
}

/** Where a secret was found, or undefined. */
function findSecret(text, keyChunks) {
  for (const [name, value] of Object.entries(PASSWORDS)) if (text.includes(value)) return `password ${name}`;
  if (/PRIVATE KEY/.test(text)) return 'a PRIVATE KEY line';
  const chunk = keyChunks.find((c) => text.includes(c));
  return chunk ? `private key material ${chunk}` : undefined;
}

const positionsOf = (text, needle) => [positionOf(text, needle), positionOf(text, needle, 0, Math.floor(needle.length / 2))];

describe('secrets never leave the server', () => {
  let dir;
  let server;
  let material;
  let uri;
  /** Everything captured, by channel: [channel, text]. */
  const captured = [];
  const answers = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-secrets-'));
    material = makeCertificates(dir);
    const file = path.join(dir, 'elasticsearch.yml');
    fs.writeFileSync(file, SETTINGS);
    // The keystore's value is tried against node.p12 (and fails): the one place a value is used.
    fs.writeFileSync(path.join(dir, 'elasticsearch.keystore'), esKeystore({ 'xpack.security.transport.ssl.truststore.secure_password': KEYSTORE_VALUE, 'bootstrap.password': BOOTSTRAP_VALUE }));
    uri = uriOf(file);
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0, trusted: true } });
    const { connection } = server;
    // Every notification without its own handler (telemetry/event, window/showMessage, $/logTrace ...).
    connection.onNotification((method, params) => captured.push([method, JSON.stringify(params)]));
    connection.onRequest('window/showMessageRequest', (params) => {
      captured.push(['window/showMessageRequest', JSON.stringify(params)]);
      return null;
    });
    // The client's verbose trace, as vscode-languageclient writes it to the output channel (message, then data).
    await connection.trace(Trace.Verbose, { log: (message, data) => captured.push(['client trace', redact(data ? `${message}\n${data}` : `${message}`, [])]) });

    // Before the passwords: the P12 is locked, and its hover says so.
    server.open(uri, SETTINGS);
    answers.lockedHover = await server.hover(uri, positionOf(SETTINGS, 'certs/node.p12', 0, 3));
    connection.sendNotification('estls/setPasswords', { entries: [{ path: material.files.p12, password: P12_PASSWORD }, { path: material.files.key, password: KEY_PASSPHRASE }] });
    const text2 = `${SETTINGS}# changed\n`;
    server.change(uri, text2, 2);
    const published = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    captured.push(['diagnostics', JSON.stringify(published)]);

    const hovers = [];
    for (const needle of ['keystore.secure_password', SECURE_VALUE, 'truststore.password', P12_PASSWORD, 'key_passphrase', KEY_PASSPHRASE,
      'certs/node.p12', 'certs/http.key', 'certs/http.crt', 'secure_key_passphrase']) {
      for (const position of positionsOf(text2, needle)) hovers.push(await server.hover(uri, position));
    }
    answers.hovers = hovers;
    captured.push(['hover', JSON.stringify([answers.lockedHover, ...hovers])]);

    const fullRange = { start: { line: 0, character: 0 }, end: { line: text2.split('\n').length, character: 0 } };
    answers.actions = await server.codeActions(uri, fullRange, published.diagnostics);
    captured.push(['codeAction', JSON.stringify(answers.actions)]);
    captured.push(['completion', JSON.stringify(await server.completion(uri, positionOf(text2, SECURE_VALUE, 0, 2)))]);

    const inspect = (params) => connection.sendRequest('estls/inspectFile', params);
    answers.wrong = await inspect({ path: material.files.p12, password: WRONG_PASSWORD });
    connection.sendNotification('estls/forgetPasswords');
    answers.wrongNoStore = await inspect({ path: material.files.p12, password: WRONG_PASSWORD });
    answers.noPassword = await inspect({ path: material.files.key });
    answers.right = await inspect({ path: material.files.p12, password: P12_PASSWORD });
    answers.rightKey = await inspect({ path: material.files.key, password: KEY_PASSPHRASE });
    captured.push(['inspectFile', JSON.stringify([answers.wrong, answers.wrongNoStore, answers.noPassword, answers.right, answers.rightKey])]);

    const generate = (params) => connection.sendRequest('estls/generate', params).catch((e) => ({ rpcError: e.message }));
    answers.generated = await generate({ kind: 'ca', format: 'pkcs12', password: GENERATE_PASSWORD, key: { type: 'ec', curve: 'P-256' } });
    // An unencrypted PEM CA key: the answer must carry it, the trace must not show it.
    answers.generatedPem = await generate({ kind: 'ca', format: 'pem', key: { type: 'ec', curve: 'P-256' } });
    material.chunks.push(...generatedKeyChunks(answers.generatedPem));
    answers.badCa = await generate({ kind: 'cert', instances: [{ name: 'es02', dns: [], ip: [] }], ca: { kind: 'pkcs12', path: material.files.p12, password: WRONG_PASSWORD } });
    // Generated files hold keys by design; everything around them (settings, commands, readme, errors) must not.
    const withoutFiles = (r) => (r?.ok ? { ...r, result: { ...r.result, files: r.result.files.map((f) => ({ ...f, contentBase64: '' })) } } : r);
    captured.push(['generate', JSON.stringify([withoutFiles(answers.generated), withoutFiles(answers.generatedPem), answers.badCa])]);

    answers.numberPassword = await generate({ kind: 'ca', format: 'pkcs12', password: NUMBER_PASSWORD });
    answers.numberCaPassword = await generate({ kind: 'cert', instances: [{ name: 'es03', dns: [], ip: [] }], ca: { kind: 'pkcs12', path: material.files.p12, password: NUMBER_PASSWORD } });
    captured.push(['generate', JSON.stringify([answers.numberPassword, answers.numberCaPassword])]);

    // A URL with a password in kibana.yml: findings and hovers show it masked.
    const kibanaFile = path.join(dir, 'kibana.yml');
    fs.writeFileSync(kibanaFile, KIBANA_SETTINGS);
    const kibanaUri = uriOf(kibanaFile);
    server.open(kibanaUri, KIBANA_SETTINGS);
    answers.kibanaDiagnostics = await server.waitForDiagnostics(kibanaUri);
    captured.push(['diagnostics', JSON.stringify(answers.kibanaDiagnostics)]);
    answers.urlHovers = [];
    for (const needle of ['https://kibana_system', URL_PASSWORD, 'https://admin']) {
      for (const position of positionsOf(KIBANA_SETTINGS, needle)) answers.urlHovers.push(await server.hover(uri === kibanaUri ? uri : kibanaUri, position));
    }
    captured.push(['hover', JSON.stringify(answers.urlHovers)]);

    // Messages the JSON-RPC layer cannot dispatch (an object as id, a number as method, a response without id)
    // and one it cannot parse, each holding a password; then a request to be sure they were all read.
    sendRaw(server, JSON.stringify({ jsonrpc: '2.0', id: { not: 'an id' }, method: 'estls/generate', params: { kind: 'ca', password: RPC_PASSWORD } }));
    sendRaw(server, JSON.stringify({ jsonrpc: '2.0', id: 7, method: 42, params: { password: RPC_PASSWORD } }));
    sendRaw(server, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: 1, message: RPC_PASSWORD } }));
    sendRaw(server, `{"jsonrpc":"2.0","method":"estls/generate","params":{"password":"${RPC_PASSWORD}"`);
    answers.afterRaw = await inspect({ path: material.files.crt });

    // The workspace model: its data, the certificate rows and the keystore read as a file list names only.
    answers.stackModel = await connection.sendRequest('estls/stackModel', {});
    answers.certificates = await connection.sendRequest('estls/certificates', {});
    answers.keystoreInspect = await inspect({ path: path.join(dir, 'elasticsearch.keystore') });
    captured.push(['estls/stackModel', JSON.stringify([answers.stackModel, answers.certificates, answers.keystoreInspect])]);
    for (const args of [['check', '--format', 'json', '.'], ['check', '.'], ['map', '--format', 'json', '.'], ['map', '--format', 'mermaid', '.'], ['inspect', 'elasticsearch.keystore']]) {
      const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      captured.push([`cli ${args.join(' ')}`, r.stdout + r.stderr]);
    }

    await server.stop();
    captured.push(['stderr', server.stderr]);
    captured.push(['window/logMessage', JSON.stringify(server.logs)]);
    captured.push(['diagnostics', JSON.stringify(server.diagnostics)]);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the CLI masks a password in a URL, in text and in JSON', () => {
    for (const format of ['text', 'json']) {
      const r = spawnSync(process.execPath, [cliPath, 'check', '--format', format, 'kibana.yml'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.match(r.stdout, /https:\/\/kibana_system:\*\*\*@es01:9200/, r.stdout + r.stderr);
      assert.equal(findSecret(r.stdout + r.stderr, material.chunks), undefined, `${format} output holds a secret`);
    }
  });

  test('URLs with passwords, bad generate params and invalid JSON-RPC messages were really exercised', () => {
    assert.ok(answers.kibanaDiagnostics.diagnostics.some((d) => d.message.includes('https://kibana_system:***@es01:9200')), JSON.stringify(answers.kibanaDiagnostics));
    assert.deepEqual([answers.numberPassword.ok, answers.numberPassword.code], [false, 'INVALID_INPUT']);
    assert.match(answers.numberPassword.message, /"password" must be a string/);
    assert.deepEqual([answers.numberCaPassword.ok, answers.numberCaPassword.code], [false, 'INVALID_INPUT']);
    assert.match(answers.numberCaPassword.message, /"ca.password" must be a string/);
    assert.equal(answers.afterRaw.ok, true, 'the server still answers after the invalid messages');
    const logged = server.logs.map((l) => l.message).join('\n');
    assert.match(logged, /neither a response nor a notification message: method "estls\/generate"/);
    assert.match(logged, /Received response message without id: Error is:/);
  });

  test('the workspace model and the keystore were really exercised, by name', () => {
    assert.deepEqual(answers.stackModel.keystores.map((k) => k.settingNames), [['bootstrap.password', 'xpack.security.transport.ssl.truststore.secure_password']]);
    assert.ok(answers.certificates.items.some((i) => i.kind === 'elasticsearch-keystore'));
    assert.ok(captured.some(([channel, text]) => channel === 'cli check --format json .' && text.includes('keystore-password-wrong')), 'the keystore value was tried against node.p12');
  });

  test('the features that could leak were really exercised', () => {
    assert.ok(answers.hovers.some((h) => h && /es01/.test(JSON.stringify(h))), 'no hover showed the unlocked certificate');
    assert.equal(answers.wrongNoStore.ok, false);
    assert.equal(answers.wrongNoStore.code, 'BAD_PASSWORD');
    assert.equal(answers.right.ok, true, JSON.stringify(answers.right));
    assert.equal(answers.rightKey.ok, true, JSON.stringify(answers.rightKey));
    assert.ok(captured.find(([c]) => c === 'diagnostics')[1].includes('secure'), 'no finding on the secure settings');
    assert.ok(generatedKeyChunks(answers.generatedPem).length > 0, 'no generated private key to look for');
    const traced = captured.filter(([c]) => c === 'client trace').map(([, t]) => t).join('\n');
    assert.match(traced, /estls\/generate/, 'the client trace saw no estls/generate answer');
    assert.match(traced, /"contentBase64"/, 'the client trace saw no generated file');
  });

  for (const channel of ['stderr', 'window/logMessage', 'diagnostics', 'hover', 'codeAction', 'completion', 'inspectFile', 'generate', 'client trace']) {
    test(`no password or private key in ${channel}`, () => {
      for (const [c, text] of captured.filter(([name]) => name === channel)) {
        const leak = findSecret(text ?? '', material.chunks);
        assert.equal(leak, undefined, `${c} holds ${leak}`);
      }
    });
  }

  test('no password or private key in any other notification (telemetry, showMessage, traces)', () => {
    const known = new Set(['stderr', 'window/logMessage', 'diagnostics', 'hover', 'codeAction', 'completion', 'inspectFile', 'generate', 'client trace']);
    for (const [c, text] of captured.filter(([name]) => !known.has(name))) {
      const leak = findSecret(text ?? '', material.chunks);
      assert.equal(leak, undefined, `${c} holds ${leak}`);
    }
  });

  test('the scan itself finds each kind of secret', () => {
    for (const value of Object.values(PASSWORDS)) assert.ok(findSecret(`x ${value} y`, material.chunks));
    assert.ok(findSecret('-----BEGIN PRIVATE KEY-----', material.chunks));
    for (const chunk of material.chunks) assert.ok(findSecret(`"${chunk}"`, material.chunks));
  });
});
