// The checker reuses parse pieces, per-setting verdicts, catalog answers, signature checks, folder listings and
// parsed certificate files from one version of a document to the next. This test makes random edit sequences
// over varied settings files (both products, several stack versions, SSL contexts naming real certificate files
// in a temp folder whose files are rewritten, removed and restored) and asserts after every step that the
// reused answer equals a fresh check of the same text with no cache at all.
import 'reflect-metadata';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Product } from '../../../server/src/catalog/types';
import { configuredStackVersion } from '../../../server/src/catalog/version';
import { checkText, DocumentChecker } from '../../../server/src/checker/documentChecker';
import { createNodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import type { CheckEnvironment } from '../../../server/src/rules/types';
import { makeCa, makeCert, x509, type TestCert } from '../pki/helpers/certs';

// One instant for the whole run: the test certificates are made relative to the real time.
const NOW = new Date();
const clock = { now: () => NOW };
const DAY = 86_400_000;

/** A deterministic random source, so a failure can be replayed from its seed. */
function randomFrom(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Lines a settings file may hold: valid and broken settings, SSL contexts naming the temp folder's files. */
function linePool(product: Product, dir: string): string[] {
  const files = ['certs/node.crt', 'certs/node.key', 'certs/ca.crt', 'certs/other.crt', 'certs/expired.crt', 'certs/node.p12', 'certs/missing.crt', `${dir}/certs/ca.crt`, 'certs'];
  const fileLines = (prefix: string) => files.flatMap((f) => [`${prefix}.certificate: ${f}`, `${prefix}.key: ${f}`, `${prefix}.certificate_authorities: [ "${f}" ]`]);
  if (product === 'kibana') {
    return [
      'server.ssl.enabled: true', 'server.ssl.enabled: flase', 'elasticsearch.hosts: [ "https://es:9200" ]', 'elasticsearch.hosts: nope',
      'elasticsearch.password: changeme', 'elasticsearch.username: elastic', 'server.ssl.keystore.path: certs/node.p12',
      'server.ssl.keystore.password: secret', 'elasticsearch.ssl.verificationMode: none', 'xpack.security.encryptionKey: short',
      'server.ssl.supportedProtocols: [ TLSv1, TLSv1.3 ]', 'server.sll.enabled: true', 'server.host: 0.0.0.0', '# a comment', 'xpack.security.experimental.fipsMode.enabled: true',
      ...fileLines('server.ssl'), ...fileLines('elasticsearch.ssl').map((l) => l.replace('.certificate_authorities', '.certificateAuthorities')),
    ];
  }
  return [
    'xpack.security.enabled: true', 'xpack.security.enabled: flase', 'xpack.security.transport.ssl.enabled: true',
    'xpack.security.transport.ssl.enabled: false', 'xpack.security.http.ssl.enabled: true', 'xpack.security.transport.ssl.verification_mode: none',
    'xpack.security.transport.ssl.verification_mode: ful', 'xpack.security.http.ssl.keystore.path: certs/node.p12',
    'xpack.security.http.ssl.keystore.password: secret', 'xpack.security.http.ssl.keystore.secure_password: x', 'xpack.security.http.ssl.truststore.path: certs/node.p12',
    'xpack.security.transport.ssl.client_authentication: optional', 'xpack.security.authc.anonymous.roles: superuser',
    'xpack.security.http.ssl.supported_protocols: [ TLSv1.1, TLSv1.2 ]', 'xpack.security.transport.ssl.enabeld: true', 'xpack.monitoring.enabled: true',
    'discovery.seed_hosts: [ "a", "b" ]', 'cluster.initial_master_nodes: [ "a", "b" ]', 'network.host: 0.0.0.0', 'http.port: 92OO', 'http.port: 9200',
    'cluster.name: demo', 'path.data: /var/lib/es', 'xpack.security.http.ssl: true', 'node.name: {{ name }}', 'xpack.security.http.ssl.key_passphrase: pw', '# a comment', '',
    ...fileLines('xpack.security.transport.ssl'), ...fileLines('xpack.security.http.ssl'),
  ];
}

/**
 * More lines for some runs: settings of the SSL contexts the certificate checks never read (edits to them keep the
 * contexts' answers), the host names and modes they do read, and passwords and files of more roles.
 */
function contextLines(product: Product): string[] {
  if (product === 'kibana') {
    return [
      'server.ssl.cipherSuites: [ TLS_AES_128_GCM_SHA256 ]', 'server.ssl.keyPassphrase: pw', 'server.ssl.truststore.path: certs/node.p12',
      'server.ssl.truststore.password: secret', 'server.ssl.clientAuthentication: required', 'elasticsearch.ssl.alwaysPresentCertificate: true',
      'elasticsearch.ssl.keystore.path: certs/node.p12', 'elasticsearch.ssl.keystore.password: secret', 'server.ssl.redirectHttpFromPort: 80',
    ];
  }
  return [
    'xpack.security.transport.ssl.cipher_suites: [ TLS_AES_128_GCM_SHA256 ]', 'xpack.security.transport.ssl.keystore.algorithm: SunX509',
    'xpack.security.http.ssl.truststore.algorithm: PKIX', 'xpack.security.transport.ssl.verification_mode: full',
    'xpack.security.transport.ssl.verification_mode: certificate', 'xpack.security.transport.ssl.client_authentication: none',
    'network.host: localhost', 'network.host: node.example', 'transport.host: 10.0.0.1', 'transport.publish_host: [ "localhost", "_local_" ]',
    'xpack.security.transport.ssl.certificate: certs/node.crt', 'xpack.security.transport.ssl.key: certs/node.key',
    'xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ]', 'xpack.security.transport.ssl.truststore.path: certs/node.p12',
    'xpack.security.transport.ssl.truststore.password: secret', 'xpack.security.http.ssl.secure_key_passphrase: pw',
  ];
}

/** A nested block large enough to be parsed in pieces, whose keys the edits also change. */
function nestedBlock(random: () => number, pool: string[]): string[] {
  const lines = ['xpack:', '  security:'];
  for (let i = 0; i < 24; i++) {
    const line = pick(random, pool);
    if (line.startsWith('xpack.security.')) lines.push(`    ${line.slice('xpack.security.'.length)}`);
  }
  return lines.length > 2 ? lines : [];
}

/** One random edit of the text: a line replaced, inserted or deleted, or one character typed or deleted. */
function edit(text: string, random: () => number, pool: string[]): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const r = random();
  if (r < 0.3) lines[at] = lines[at].startsWith('    ') && random() < 0.5 ? `    ${pick(random, pool).replace(/^xpack\.security\./, '')}` : pick(random, pool);
  else if (r < 0.45) lines.splice(at, 0, pick(random, pool));
  else if (r < 0.55) lines.splice(at, 1);
  else {
    const offset = Math.floor(random() * (text.length + 1));
    if (random() < 0.4) return text.slice(0, offset) + text.slice(offset + 1);
    return text.slice(0, offset) + pick(random, ['x', ' ', ':', '.', '\n', 's', '[', '"', '#', '1']) + text.slice(offset);
  }
  return lines.join('\n');
}

describe('a document checked version after version through one checker', () => {
  let dir: string;
  let contents: Record<string, Uint8Array>;
  let crlBytes: Uint8Array;
  let mtime = Date.parse('2026-01-01T00:00:00Z') / 1000;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-incremental-'));
    fs.mkdirSync(path.join(dir, 'certs'));
    const ca = await makeCa('CN=Test CA', { alg: 'p256' });
    const node: TestCert = await makeCert({ subject: 'CN=node', issuer: ca, alg: 'p256', dns: ['localhost'] });
    const other = await makeCert({ subject: 'CN=other', alg: 'p256' });
    const expired = await makeCert({ subject: 'CN=old', issuer: ca, alg: 'p256', notBefore: new Date(clock.now().getTime() - 400 * DAY), notAfter: new Date(clock.now().getTime() - DAY) });
    const p12 = writePkcs12([{ alias: 'node', key: node.key, chain: [node.der, ca.der] }], [], { password: 'secret' });
    // A CRL of the CA that revokes the node certificate: dropped beside it, the node certificate reads as revoked.
    const serialNumber = new x509.X509Certificate(node.der).serialNumber;
    const crl = await x509.X509CrlGenerator.create({
      issuer: ca.subject, thisUpdate: new Date(clock.now().getTime() - DAY), signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as never,
      signingKey: ca.keys.privateKey, entries: [{ serialNumber, revocationDate: new Date(clock.now().getTime() - DAY) }],
    });
    crlBytes = Buffer.from(crl.toString('pem'));
    contents = {
      'node.crt': Buffer.from(node.pem), 'node.key': Buffer.from(node.keyPem), 'ca.crt': Buffer.from(ca.pem),
      'other.crt': Buffer.from(other.pem), 'expired.crt': Buffer.from(expired.pem), 'node.p12': p12,
    };
    for (const [name, bytes] of Object.entries(contents)) write(name, bytes);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Writes a file with a new mtime each time, as a later save would have. */
  function write(name: string, bytes: Uint8Array): void {
    const file = path.join(dir, 'certs', name);
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, ++mtime, mtime);
    fs.utimesSync(path.join(dir, 'certs'), mtime, mtime);
  }

  /** A change on disk: a file rewritten with another's content, removed, restored, or a CRL-named file added. */
  function changeFiles(random: () => number): void {
    const names = Object.keys(contents);
    const name = pick(random, names);
    const r = random();
    if (r < 0.3) write(name, contents[pick(random, names)]);
    else if (r < 0.45) {
      fs.rmSync(path.join(dir, 'certs', name), { force: true });
      fs.utimesSync(path.join(dir, 'certs'), ++mtime, mtime);
    } else if (r < 0.65) write(name, contents[name]);
    else if (r < 0.85) write(`revoked${Math.floor(random() * 2)}.crl`, crlBytes);
    else {
      for (const crl of ['revoked0.crl', 'revoked1.crl']) fs.rmSync(path.join(dir, 'certs', crl), { force: true });
      fs.utimesSync(path.join(dir, 'certs'), ++mtime, mtime);
    }
  }

  function environment(stackVersion: string | undefined, certificates = new CertificateFileCache(createNodeFileSystem(), clock)): CheckEnvironment {
    const passwords = new Map([[path.join(dir, 'certs', 'node.p12'), 'secret']]);
    return {
      fs: createNodeFileSystem(),
      clock,
      passwords: { get: (p) => passwords.get(p) },
      certificates,
      options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [dir], stackVersion: configuredStackVersion(stackVersion, 'test') },
    };
  }

  const runs: Array<{ seed: number; product: Product; stackVersion?: string; contextLines?: boolean }> = [
    { seed: 1, product: 'elasticsearch' }, { seed: 2, product: 'elasticsearch', stackVersion: '7.17' }, { seed: 3, product: 'elasticsearch', stackVersion: '8.11.0' },
    { seed: 4, product: 'kibana' }, { seed: 5, product: 'kibana', stackVersion: '7.10' }, { seed: 6, product: 'elasticsearch' },
    { seed: 7, product: 'elasticsearch', stackVersion: '9.0' }, { seed: 8, product: 'kibana', stackVersion: '8.15' },
    { seed: 9, product: 'elasticsearch', contextLines: true }, { seed: 10, product: 'kibana', contextLines: true },
    { seed: 11, product: 'elasticsearch', stackVersion: '8.11.0', contextLines: true },
  ];

  /** Checks `text` through `checker` and fresh, asserting both agree; returns the rule ids found. */
  function agree(checker: DocumentChecker, product: Product, version: number, text: string, stackVersion?: string): string[] {
    const filePath = path.join(dir, `${product}.yml`);
    const got = checker.check({ uri: filePath, version, text }, product, filePath).result.findings;
    const fresh = checkText({ text, product, filePath }, environment(stackVersion)).findings;
    assert.deepEqual(got, fresh, `version ${version}`);
    return got.map((f) => f.ruleId);
  }

  test('a stack version change re-judges settings whose piece did not change', () => {
    let stackVersion = '7.10';
    const checker = new DocumentChecker(() => environment(stackVersion));
    const filler = Array.from({ length: 40 }, (_, i) => `server.name${i}: n`).join('\n');
    const text = `xpack.security.experimental.fipsMode.enabled: true\n${filler}\n`;
    assert.ok(!agree(checker, 'kibana', 1, text, stackVersion).includes('deprecated-setting'));
    stackVersion = '8.17';
    checker.environmentChanged();
    assert.ok(agree(checker, 'kibana', 2, `${text}server.port: 5601\n`, stackVersion).includes('deprecated-setting'));
  });

  test('a certificate file rewritten on disk is read again on the next edit elsewhere in the file', () => {
    const certificates = new CertificateFileCache(createNodeFileSystem(), clock);
    const checker = new DocumentChecker(() => environment(undefined, certificates));
    const filler = Array.from({ length: 40 }, (_, i) => `node.attr.rack${i}: r`).join('\n');
    const text = `xpack.security.http.ssl.certificate: certs/node.crt\nxpack.security.http.ssl.key: certs/node.key\n${filler}\n`;
    write('node.crt', contents['node.crt']);
    write('node.key', contents['node.key']);
    const before = agree(checker, 'elasticsearch', 1, text);
    assert.ok(!before.includes('certificate-expired'), before.join());
    write('node.crt', contents['expired.crt']);
    const after = agree(checker, 'elasticsearch', 2, `${text}http.port: 9200\n`);
    assert.ok(after.includes('certificate-expired'), after.join());
  });

  test('an SSL context whose settings an edit did not touch is not read again, and its findings move with it', () => {
    let reads = 0;
    const files = new CertificateFileCache(createNodeFileSystem(), clock);
    const counted = { read: (p: string, pw?: string) => (reads++, files.read(p, pw)), listDir: (p: string, max: number) => files.listDir(p, max) };
    let filesVersion = 1;
    const checker = new DocumentChecker(() => ({ ...environment(undefined), certificates: counted, filesVersion }));
    write('node.crt', contents['expired.crt']);
    write('node.key', contents['node.key']);
    const context = 'xpack.security.http.ssl.certificate: certs/node.crt\nxpack.security.http.ssl.key: certs/node.key\n';
    let text = `node.attr.rack: r1\n${context}http.port: 9200\n`;
    const before = agree(checker, 'elasticsearch', 1, text);
    assert.ok(before.includes('certificate-expired'), before.join());
    assert.ok(reads > 0);
    // Typing before the context moves it; typing after it does not: neither reads a file again.
    for (const [version, next] of [[2, text.replace('r1', 'r12')], [3, text.replace('r1', 'r')], [4, text.replace('9200', '9201')]] as const) {
      reads = 0;
      text = next;
      assert.deepEqual(agree(checker, 'elasticsearch', version, text), before);
      assert.equal(reads, 0, `version ${version}`);
    }
    // A change in the context, or on disk, reads again.
    reads = 0;
    text = text.replace('certs/node.key', '"certs/node.key"');
    agree(checker, 'elasticsearch', 5, text);
    assert.ok(reads > 0);
    reads = 0;
    filesVersion++;
    agree(checker, 'elasticsearch', 6, `${text}# end\n`);
    assert.ok(reads > 0);
    write('node.crt', contents['node.crt']);
  });

  test('an edit to a context setting the certificate checks do not read reads no file; one to a setting they read does', () => {
    let reads = 0;
    const files = new CertificateFileCache(createNodeFileSystem(), clock);
    const counted = { read: (p: string, pw?: string) => (reads++, files.read(p, pw)), listDir: (p: string, max: number) => files.listDir(p, max) };
    const checker = new DocumentChecker(() => ({ ...environment(undefined), certificates: counted, filesVersion: 1 }));
    write('node.crt', contents['node.crt']);
    write('node.key', contents['node.key']);
    const t = 'xpack.security.transport.ssl.';
    let text = [
      'node.name: a', `${t}certificate: certs/node.crt`, `${t}key: certs/node.key`, `${t}certificate_authorities: [ "certs/ca.crt" ]`,
      `${t}cipher_suites: [ TLS_AES_128_GCM_SHA256 ]`, `${t}keystore.algorithm: SunX509`, `${t}supported_protocols: [ TLSv1.2 ]`,
      `${t}verification_mode: full`, `${t}client_authentication: required`, `${t}key_passphrase: pw`, 'network.host: localhost', 'http.port: 9200', '',
    ].join('\n');
    let version = 1;
    agree(checker, 'elasticsearch', version, text);
    assert.ok(reads > 0);
    const step = (from: string, to: string) => {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      reads = 0;
      return agree(checker, 'elasticsearch', ++version, text);
    };
    // Typed into values no certificate check reads: the context's answer stays, and no file is read.
    for (const [from, to] of [['SunX509', 'SunX509x'], ['GCM_SHA256 ]', 'GCM_SHA256, TLS_AES_256_GCM_SHA384 ]'], ['TLSv1.2', 'TLSv1.3'], ['SunX509x', 'PKIX']]) {
      step(from, to);
      assert.equal(reads, 0, `${from} -> ${to}`);
    }
    // Typed into what they do read: a path, a password, the modes, a host name; a file setting added; a key
    // they looked for and did not find, added.
    const readAgain: Array<[string, string]> = [
      ['certs/node.key', '"certs/node.key"'], ['key_passphrase: pw', 'key_passphrase: pw2'], ['verification_mode: full', 'verification_mode: certificate'],
      ['verification_mode: certificate', 'verification_mode: full'], ['client_authentication: required', 'client_authentication: none'],
      ['network.host: localhost', 'network.host: node.example'], ['http.port: 9200', `${t}truststore.path: certs/node.p12\nhttp.port: 9200`],
      ['node.name: a', 'node.name: a\ntransport.host: 10.0.0.1'], [`${t}key_passphrase: pw2\n`, ''], ['http.port: 9200', `${t}secure_key_passphrase: x\nhttp.port: 9200`],
    ];
    for (const [from, to] of readAgain) {
      step(from, to);
      assert.ok(reads > 0, `${from} -> ${to}`);
    }
  });

  test('the missing-file rule looks up at most 500 paths and the first of duplicate keys, through a checker as fresh', () => {
    const checker = new DocumentChecker(() => ({ ...environment(undefined), filesVersion: 1 }));
    const realm = (i: number, files: string) => `xpack.security.authc.realms.pki.pki${i}.certificate_authorities: [ ${files} ]`;
    const lines = Array.from({ length: 300 }, (_, i) => [realm(i, `"certs/c${i}a.crt", "certs/c${i}b.crt"`), `node.attr.n${i}: x`]).flat();
    // A later duplicate of pki3's key, which the product (and the rule) ignore while the first stands.
    lines.splice(12, 0, realm(3, '"certs/dup.crt"'));
    let text = `${lines.join('\n')}\n`;
    const paths = (ids: string[]) => ids.filter((id) => id === 'missing-file' || id === 'path-not-checked').length;
    const look = (version: number, next: string) => {
      text = next;
      const ids = agree(checker, 'elasticsearch', version, text);
      assert.equal(paths(ids), 500, `version ${version}`);
      return checker.check({ uri: path.join(dir, 'elasticsearch.yml'), version, text }, 'elasticsearch', path.join(dir, 'elasticsearch.yml')).result.findings.map((f) => f.message).join('\n');
    };
    let messages = look(1, text);
    assert.ok(messages.includes('c249b.crt') && !messages.includes('c250a.crt') && !messages.includes('dup.crt'));
    // Typing in settings that name no file, then removing a path setting before the budget ran out: one more is looked up.
    look(2, text.replace('node.attr.n7: x', 'node.attr.n7: xy'));
    messages = look(3, text.replace(`${realm(0, '"certs/c0a.crt", "certs/c0b.crt"')}\n`, ''));
    assert.ok(messages.includes('c250b.crt') && !messages.includes('c251a.crt'));
    // The first pki3 removed: its duplicate now counts.
    messages = look(4, text.replace(`${realm(3, '"certs/c3a.crt", "certs/c3b.crt"')}\n`, ''));
    assert.ok(messages.includes('dup.crt'));
  });

  for (const run of runs) {
    test(`random edits and file changes, ${run.product} ${run.stackVersion ?? '(no version)'}${run.contextLines ? ', more SSL settings' : ''}, seed ${run.seed}`, () => {
      const random = randomFrom(run.seed);
      const pool = [...linePool(run.product, dir), ...(run.contextLines ? contextLines(run.product) : [])];
      const filePath = path.join(dir, `${run.product}.yml`);
      const certificates = new CertificateFileCache(createNodeFileSystem(), clock);
      // Options change now and then (the expiry warning, the stack version), as a settings change would.
      let expiryWarningDays = 30;
      let stackVersion = run.stackVersion;
      // As the server's file snapshot does, the files' version moves whenever a file may have changed on disk, so
      // answers made from files (rules/contextMemo.ts) are kept only while it stays.
      let filesVersion = 0;
      const checker = new DocumentChecker(() => ({ ...environment(stackVersion, certificates), filesVersion, options: { ...environment(stackVersion).options, expiryWarningDays } }));
      // A working SSL context to start from (its certificate revoked, expired or replaced as files change), and a
      // setting whose verdict follows the stack version.
      const anchors = run.product === 'elasticsearch'
        ? ['xpack.security.http.ssl.certificate: certs/node.crt', 'xpack.security.http.ssl.key: certs/node.key', 'xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]']
        : ['server.ssl.certificate: certs/node.crt', 'server.ssl.key: certs/node.key', 'xpack.security.experimental.fipsMode.enabled: true'];
      const head = [...anchors, ...Array.from({ length: 30 }, () => pick(random, pool))];
      let text = [...head, ...(run.product === 'elasticsearch' ? nestedBlock(random, pool) : []), ...head.slice(0, 10).reverse()].join('\n') + '\n';
      let reused = 0;
      for (let version = 1; version <= 100; version++) {
        const r = random();
        if (r < 0.2) {
          changeFiles(random);
          filesVersion++;
          // The server calls this when a watched file changes; half the time the next edit comes first.
          if (random() < 0.5) checker.environmentChanged();
        } else if (r < 0.23) {
          expiryWarningDays = expiryWarningDays === 30 ? 400 : 30;
          checker.environmentChanged();
        } else if (r < 0.3) {
          stackVersion = stackVersion === run.stackVersion ? '7.9' : run.stackVersion;
          checker.environmentChanged();
        }
        text = edit(text, random, pool);
        const got = checker.check({ uri: filePath, version, text }, run.product, filePath).result.findings;
        const env = environment(stackVersion);
        const fresh = checkText({ text, product: run.product, filePath }, { ...env, options: { ...env.options, expiryWarningDays } }).findings;
        assert.deepEqual(got, fresh, `seed ${run.seed}, version ${version}:\n${text}`);
        if (fresh.length > 0) reused++;
      }
      assert.ok(reused > 50, `only ${reused} versions had findings`);
    });
  }
});
