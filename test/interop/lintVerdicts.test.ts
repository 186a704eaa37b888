// The weak-key and weak-signature lints against the real tools: OpenSSL's security levels (`openssl verify
// -auth_level 1/2`; Node.js, and so Kibana, runs at level 1), keytool's verdict from the JDK's java.security
// ("is disabled" vs "will be disabled in a future update"), and Node's own TLS refusing SHA-1 and MD5.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as tls from 'node:tls';
import { weakKeyLint, weakSignatureLint } from '../../server/src/pki/lint';
import { readPkiFile } from '../../server/src/pki/readPkiFile';
import type { CertSummary } from '../../server/src/pki/types';
import { hasTool, keytoolPath, openssl, run, tmpDir } from './helpers/tools';

const clock = { now: () => new Date() };
const haveTools = hasTool('openssl') && hasTool(keytoolPath(), ['-help']);

interface Made {
  cert: string;
  key: string;
  summary: CertSummary;
}

describe('weak key and signature lints agree with openssl, keytool and Node', { skip: !haveTools && 'openssl or keytool not installed' }, () => {
  const dir = tmpDir('estls-lints-');
  const made: Record<string, Made> = {};

  /** A key and a certificate issued by the root with `digest`, both made by openssl. */
  function leaf(name: string, keyArgs: string[], digest: string): Made {
    const key = dir.file(`${name}.key`);
    const csr = dir.file(`${name}.csr`);
    const cert = dir.file(`${name}.crt`);
    openssl(['genpkey', ...keyArgs, '-out', key]);
    openssl(['req', '-new', '-key', key, '-subj', `/CN=${name}`, '-out', csr]);
    openssl(['x509', '-req', '-in', csr, '-CA', dir.file('root.crt'), '-CAkey', dir.file('root.key'), '-CAcreateserial', '-days', '30', `-${digest}`, '-out', cert]);
    return { cert, key, summary: readPkiFile(fs.readFileSync(cert), { clock }).certificates[0].summary };
  }

  before(() => {
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', dir.file('root.key'), '-subj', '/CN=Lint Root', '-days', '30', '-out', dir.file('root.crt')]);
    const rsa = (bits: number) => ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`];
    made.md5 = leaf('md5', rsa(2048), 'md5');
    made.sha1 = leaf('sha1', rsa(2048), 'sha1');
    made.sha256 = leaf('sha256', rsa(2048), 'sha256');
    made.rsa1024 = leaf('rsa1024', rsa(1024), 'sha256');
    made.rsa512 = leaf('rsa512', rsa(512), 'sha256');
    made.p224 = leaf('p224', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-224'], 'sha256');
  });
  after(() => dir.cleanup());

  const verifies = (m: Made, level: number) => run('openssl', ['verify', '-auth_level', String(level), '-CAfile', dir.file('root.crt'), m.cert], { allowFailure: true }).status === 0;
  /** keytool's verdict on the certificate under this JDK's java.security: disabled, legacy (to be disabled), or none. */
  function keytoolVerdict(m: Made): 'disabled' | 'legacy' | 'none' {
    const r = run(keytoolPath(), ['-printcert', '-file', m.cert], { allowFailure: true });
    const out = r.stdout + r.stderr;
    if (/considered a security risk and is disabled/.test(out)) return 'disabled';
    if (/will be disabled in a future update/.test(out)) return 'legacy';
    return 'none';
  }
  const severity = (l: { severity: string } | undefined) => l?.severity ?? 'none';

  it('a signature lint exactly where openssl at security level 1 (Node.js, Kibana) refuses the digest', () => {
    for (const name of ['md5', 'sha1', 'sha256', 'rsa1024']) {
      const m = made[name];
      assert.equal(weakSignatureLint(m.summary) !== undefined, !verifies(m, 1), name);
    }
  });

  it('a weak RSA key lint exactly where level 2 refuses the key, an error exactly where level 1 does', () => {
    for (const name of ['rsa512', 'rsa1024', 'sha256']) {
      const m = made[name];
      assert.equal(weakKeyLint(m.summary) !== undefined, !verifies(m, 2), name);
      assert.equal(weakKeyLint(m.summary)?.severity === 'error', !verifies(m, 1), name);
    }
  });

  it('errors where the JDK disables the algorithm, warnings where it only calls it a risk', () => {
    const expected: Record<string, [string, string]> = { md5: ['error', 'disabled'], sha1: ['warning', 'legacy'], sha256: ['none', 'none'], rsa1024: ['warning', 'legacy'], rsa512: ['error', 'disabled'] };
    for (const [name, [ours, jdk]] of Object.entries(expected)) {
      const m = made[name];
      assert.equal(severity(weakSignatureLint(m.summary) ?? weakKeyLint(m.summary)), ours, name);
      assert.equal(keytoolVerdict(m), jdk, name);
    }
  });

  it('P-224: the JDK accepts it ("EC keySize < 224" spares it); we warn for TLS 1.3, not err', () => {
    assert.equal(keytoolVerdict(made.p224), 'none');
    assert.equal(weakKeyLint(made.p224.summary)?.severity, 'warning');
    assert.match(weakKeyLint(made.p224.summary)?.message ?? '', /RFC 8446/);
  });

  it('Node.js refuses to load a SHA-1 or MD5 signed certificate as its own, as the Kibana rule says', () => {
    for (const name of ['sha1', 'md5']) {
      const m = made[name];
      assert.throws(() => tls.createSecureContext({ cert: fs.readFileSync(m.cert), key: fs.readFileSync(m.key) }), /md too weak/i, name);
    }
    assert.doesNotThrow(() => tls.createSecureContext({ cert: fs.readFileSync(made.sha256.cert), key: fs.readFileSync(made.sha256.key) }));
  });
});
