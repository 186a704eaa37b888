import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { caAsNodeLint, chainIncompleteLint, chainOrderLint, keyUsageLint, validityLint, weakKeyLint, weakSignatureLint } from '../../../server/src/pki/lint';
import { inspectFile } from '../../../server/src/pki/inspect';
import type { CertSummary } from '../../../server/src/pki/types';
import { parseCertificate, type ParsedCertificate } from '../../../server/src/pki/x509/summary';
import { makeCa, makeCert, x509, type TestCert } from './helpers/certs';
import { resign } from './helpers/resign';

const clock = { now: () => new Date() };
const DAY = 86_400_000;

const base: CertSummary = {
  subject: 'CN=es01', issuer: 'CN=CA', serialNumber: '01', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2026-12-01T00:00:00.000Z', daysLeft: 100,
  sans: [], publicKey: { algorithm: 'RSA', size: 2048 }, isCA: false, keyUsage: [], extendedKeyUsage: [], signatureAlgorithm: 'sha256WithRSAEncryption',
  fingerprints: { sha256: 'AA', sha1: 'BB' }, selfSigned: false,
};
const cert = (o: Partial<CertSummary>): CertSummary => ({ ...base, ...o });
const parsed = (c: TestCert): ParsedCertificate => parseCertificate(c.der, clock);

describe('weak keys', () => {
  it('refuses RSA below 1024 bits and EC below 224 as the JDK does, warns below 2048 / P-256', () => {
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'RSA', size: 512 } }))?.severity, 'error');
    assert.match(weakKeyLint(cert({ publicKey: { algorithm: 'RSA', size: 512 } }))?.message ?? '', /RSA keySize < 1024/);
    const rsa1024 = weakKeyLint(cert({ publicKey: { algorithm: 'RSA', size: 1024 } }));
    assert.equal(rsa1024?.severity, 'warning');
    assert.match(rsa1024?.message ?? '', /1024 bits.*security level 2/);
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'EC', size: 192, curve: 'P-192' } }))?.severity, 'error');
    const p224 = weakKeyLint(cert({ publicKey: { algorithm: 'EC', size: 224, curve: 'P-224' } }));
    assert.equal(p224?.severity, 'warning');
    assert.match(p224?.message ?? '', /P-224.*RFC 8446/);
    // Curves the summary leaves unsized are sized from their name.
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'EC', curve: 'secp224r1' } }))?.severity, 'warning');
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'EC', curve: 'prime192v1' } }))?.severity, 'error');
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'EC', curve: 'brainpoolP256r1' } })), undefined);
  });

  it('stays silent from 2048-bit RSA and P-256 up, and for Ed25519', () => {
    assert.equal(weakKeyLint(base), undefined);
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'EC', size: 256, curve: 'P-256' } })), undefined);
    assert.equal(weakKeyLint(cert({ publicKey: { algorithm: 'Ed25519', size: 256 } })), undefined);
  });
});

describe('weak signatures', () => {
  it('calls MD5 an error and SHA-1 a warning, citing the JDK properties', () => {
    const md5 = weakSignatureLint(cert({ signatureAlgorithm: 'md5WithRSAEncryption' }));
    assert.equal(md5?.severity, 'error');
    assert.match(md5?.message ?? '', /jdk\.certpath\.disabledAlgorithms/);
    for (const alg of ['sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'dsaWithSHA1']) {
      const l = weakSignatureLint(cert({ signatureAlgorithm: alg }));
      assert.equal(l?.severity, 'warning', alg);
      assert.match(l?.message ?? '', /SHA1 jdkCA & usage TLSServer/);
    }
  });

  it('stays silent for SHA-2 and for self-signed certificates, whose own signature nobody checks', () => {
    for (const alg of ['sha256WithRSAEncryption', 'ecdsa-with-SHA384', 'sha512WithRSAEncryption', 'ED25519']) assert.equal(weakSignatureLint(cert({ signatureAlgorithm: alg })), undefined, alg);
    assert.equal(weakSignatureLint(cert({ signatureAlgorithm: 'sha1WithRSAEncryption', selfSigned: true })), undefined);
  });
});

describe('key usage for TLS', () => {
  it('refuses an EC key without digitalSignature and an RSA key with neither usage', () => {
    assert.equal(keyUsageLint(cert({ publicKey: { algorithm: 'EC', size: 256, curve: 'P-256' }, keyUsage: ['keyAgreement'] }))?.severity, 'error');
    assert.equal(keyUsageLint(cert({ keyUsage: ['dataEncipherment'] }))?.severity, 'error');
  });

  it('warns on RSA keyEncipherment alone, an error where JDK peers negotiate TLS 1.3', () => {
    assert.equal(keyUsageLint(cert({ keyUsage: ['keyEncipherment'] }))?.severity, 'warning');
    assert.equal(keyUsageLint(cert({ keyUsage: ['keyEncipherment'] }), { jssePeers: true })?.severity, 'error');
  });

  it('stays silent without a keyUsage extension, with digitalSignature, and on CAs', () => {
    assert.equal(keyUsageLint(base), undefined);
    assert.equal(keyUsageLint(cert({ keyUsage: ['digitalSignature'] }), { jssePeers: true }), undefined);
    assert.equal(keyUsageLint(cert({ isCA: true, keyUsage: ['keyCertSign', 'cRLSign'] })), undefined);
  });
});

describe('CA as node certificate and validity', () => {
  it('flags basicConstraints CA:TRUE, not an end-entity certificate', () => {
    assert.equal(caAsNodeLint(cert({ isCA: true }))?.severity, 'warning');
    assert.equal(caAsNodeLint(base), undefined);
  });

  it('hints above 398 days, naming Apple\'s 825-day limit only beyond it', () => {
    const at = (days: number) => cert({ notBefore: '2026-01-01T00:00:00.000Z', notAfter: new Date(Date.parse('2026-01-01T00:00:00Z') + days * DAY).toISOString() });
    assert.equal(validityLint(at(398)), undefined);
    const l = validityLint(at(399));
    assert.equal(l?.severity, 'hint');
    assert.doesNotMatch(l?.message ?? '', /825/);
    assert.match(validityLint(at(1095))?.message ?? '', /1095 days.*825 days/);
    assert.equal(validityLint(cert({ ...at(3650), isCA: true })), undefined);
  });
});

describe('chain order and completeness', () => {
  let root: TestCert;
  let inter: TestCert;
  let leaf: TestCert;
  let other: TestCert;
  before(async () => {
    root = await makeCa('CN=Root');
    inter = await makeCa('CN=Intermediate', { issuer: root });
    leaf = await makeCert({ subject: 'CN=es01', issuer: inter, dns: ['es01'] });
    other = await makeCa('CN=Unrelated');
  });

  it('flags a file out of issuing order and names the right order', () => {
    for (const order of [[leaf, root, inter], [root, inter, leaf], [inter, leaf]]) {
      const l = chainOrderLint(order.map(parsed));
      assert.equal(l?.id, 'certificate-chain-order', order.map((c) => c.subject).join());
      assert.equal(l?.severity, 'warning');
      assert.match(l?.message ?? '', /CN=es01 -> CN=Intermediate/);
    }
  });

  it('stays silent for an ordered chain, one certificate, or an unrelated extra', () => {
    assert.equal(chainOrderLint([leaf, inter, root].map(parsed)), undefined);
    assert.equal(chainOrderLint([leaf].map(parsed)), undefined);
    assert.equal(chainOrderLint([leaf, other].map(parsed)), undefined);
  });

  it('flags an intermediate that only the configured CAs hold, not one the file carries', () => {
    const l = chainIncompleteLint(parsed(leaf), [], [root, inter].map(parsed));
    assert.equal(l?.id, 'certificate-chain-incomplete');
    assert.match(l?.message ?? '', /CN=Intermediate/);
    assert.equal(chainIncompleteLint(parsed(leaf), [parsed(inter)], [root, inter].map(parsed)), undefined);
    // Issued straight by the root, or by an issuer nobody holds (the chain rule reports that one).
    assert.equal(chainIncompleteLint(parsed(inter), [], [parsed(root)]), undefined);
    assert.equal(chainIncompleteLint(parsed(leaf), [], [parsed(root)]), undefined);
  });
});

describe('inspectFile lints', () => {
  it('lists the lints of a file on its own, and none for a sound one', async () => {
    const ca = await makeCa('CN=CA');
    const weak = await makeCert({ subject: 'CN=weak', issuer: ca, rsaBits: 1024, keyUsage: x509.KeyUsageFlags.keyAgreement });
    const sha1 = resign(weak, ca, 'sha1');
    const r = inspectFile(Buffer.from(ca.pem + sha1.pem), { clock });
    assert.deepEqual(r.lints?.map((l) => l.id).sort(), ['certificate-chain-order', 'certificate-key-usage', 'certificate-weak-key', 'certificate-weak-signature']);
    assert.ok(r.lints?.filter((l) => l.id !== 'certificate-chain-order').every((l) => l.subject === 'CN=weak'));
    const good = await makeCert({ subject: 'CN=good', issuer: ca, notAfter: new Date(Date.now() + 300 * DAY) });
    assert.deepEqual(inspectFile(Buffer.from(good.pem + ca.pem), { clock }).lints, []);
  });

  it('leaves the order of a CA bundle alone: only a file with an end-entity certificate is a chain', async () => {
    const root = await makeCa('CN=Bundle Root');
    const inter = await makeCa('CN=Bundle Intermediate', { issuer: root });
    assert.deepEqual(inspectFile(Buffer.from(root.pem + inter.pem), { clock }).lints, []);
    const leaf = await makeCert({ subject: 'CN=bundle-leaf', issuer: inter, notAfter: new Date(Date.now() + 300 * DAY) });
    assert.deepEqual(inspectFile(Buffer.from(root.pem + inter.pem + leaf.pem), { clock }).lints?.map((l) => l.id), ['certificate-chain-order']);
  });
});
