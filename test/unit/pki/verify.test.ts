import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { caLint, certificateCoversHost, dnsNameMatches, keyMatchesCertificate, transportEkuProblem, verifyChain } from '../../../server/src/pki/verify';
import { parseCertificate } from '../../../server/src/pki/x509/summary';
import type { ParsedCertificate } from '../../../server/src/pki/parsed';
import type { CertSummary } from '../../../server/src/pki/types';
import { makeCa, makeCert, x509 } from './helpers/certs';
import type { TestCert } from './helpers/certs';

const NOW = new Date();
const clock = { now: () => NOW };
const DAY = 86_400_000;
const parsed = (c: TestCert): ParsedCertificate => parseCertificate(c.der, clock);

describe('verifyChain', () => {
  let root: TestCert;
  let inter: TestCert;
  let leaf: TestCert;
  let otherRoot: TestCert;
  let regenerated: TestCert;
  before(async () => {
    root = await makeCa('CN=Root CA');
    inter = await makeCa('CN=Intermediate CA', { issuer: root });
    leaf = await makeCert({ subject: 'CN=node', issuer: inter, dns: ['node'] });
    otherRoot = await makeCa('CN=Other Root');
    regenerated = await makeCa('CN=Root CA');
  });

  it('builds leaf -> intermediate -> root', () => {
    const r = verifyChain(parsed(leaf), [parsed(inter)], [parsed(root)], NOW);
    assert.equal(r.ok, true);
    assert.deepEqual(r.chain.map((c) => c.summary.subject), ['CN=node', 'CN=Intermediate CA', 'CN=Root CA']);
  });

  it('accepts an intermediate as the anchor', () => {
    assert.equal(verifyChain(parsed(leaf), [], [parsed(inter)], NOW).ok, true);
  });

  it('names the missing intermediate', () => {
    const r = verifyChain(parsed(leaf), [], [parsed(root)], NOW);
    assert.equal(r.ok, false);
    assert.equal(r.problems[0].kind, 'missing-issuer');
    assert.equal(r.problems[0].issuer, 'CN=Intermediate CA');
  });

  it('reports a root that is not trusted', () => {
    const r = verifyChain(parsed(leaf), [parsed(inter), parsed(root)], [parsed(otherRoot)], NOW);
    assert.equal(r.problems[0].kind, 'untrusted-root');
  });

  it('tells a regenerated CA (same name, other key) apart', () => {
    const r = verifyChain(parsed(inter), [], [parsed(regenerated)], NOW);
    assert.equal(r.problems[0].kind, 'signature-mismatch');
  });

  it('reports expired certificates in the chain', async () => {
    const old = await makeCert({ subject: 'CN=old', issuer: root, notBefore: new Date(NOW.getTime() - 10 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    const r = verifyChain(parsed(old), [], [parsed(root)], NOW);
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems.map((p) => p.kind), ['expired']);
  });

  it('reports an issuer that is not a CA', async () => {
    const notCa = await makeCert({ subject: 'CN=not a ca', ca: false });
    const child = await makeCert({ subject: 'CN=child', issuer: notCa });
    const kinds = verifyChain(parsed(child), [], [parsed(notCa)], NOW).problems.map((p) => p.kind);
    assert.ok(kinds.includes('issuer-not-ca') || kinds.includes('missing-issuer'));
  });
});

describe('key matches certificate', () => {
  for (const alg of ['rsa', 'p256', 'p384', 'ed25519'] as const) {
    it(alg, async () => {
      const c = await makeCert({ subject: `CN=${alg}`, alg });
      assert.equal(keyMatchesCertificate(c.key, parsed(c)), true);
      const other = await makeCert({ subject: 'CN=other', alg });
      assert.equal(keyMatchesCertificate(other.key, parsed(c)), false);
    });
  }
  it('a key of another type never matches', async () => {
    const c = await makeCert({ subject: 'CN=rsa' });
    assert.equal(keyMatchesCertificate(crypto.generateKeyPairSync('ed25519').privateKey, parsed(c)), false);
  });
});

describe('host name coverage (Java and Node rules)', () => {
  const cert = (sans: CertSummary['sans'], subject = 'CN=x'): CertSummary => ({ sans, subject } as CertSummary);
  const table: Array<[string, CertSummary, string, boolean]> = [
    ['exact DNS', cert([{ type: 'dns', value: 'es01.example.com' }]), 'es01.example.com', true],
    ['case-insensitive, trailing dot', cert([{ type: 'dns', value: 'ES01.example.com' }]), 'es01.example.com.', true],
    ['wildcard one label', cert([{ type: 'dns', value: '*.example.com' }]), 'es01.example.com', true],
    ['wildcard never two labels', cert([{ type: 'dns', value: '*.example.com' }]), 'a.b.example.com', false],
    ['wildcard not the apex', cert([{ type: 'dns', value: '*.example.com' }]), 'example.com', false],
    ['no wildcard on a public suffix', cert([{ type: 'dns', value: '*.com' }]), 'example.com', false],
    ['partial wildcard label', cert([{ type: 'dns', value: 'es*.example.com' }]), 'es01.example.com', true],
    ['IP exact', cert([{ type: 'ip', value: '10.0.0.1' }]), '10.0.0.1', true],
    ['IP never from DNS SAN', cert([{ type: 'dns', value: '10.0.0.1' }]), '10.0.0.1', false],
    ['IP never by wildcard', cert([{ type: 'dns', value: '*.0.0.1' }]), '10.0.0.1', false],
    ['IPv6 in any spelling', cert([{ type: 'ip', value: '2001:DB8:0:0:0:0:0:1' }]), '[2001:db8::1]', true],
    ['IPv6 other address', cert([{ type: 'ip', value: '2001:DB8:0:0:0:0:0:1' }]), '2001:db8::2', false],
    ['CN fallback without DNS SANs', cert([], 'CN=node1'), 'node1', true],
    ['no CN fallback when DNS SANs exist', cert([{ type: 'dns', value: 'other' }], 'CN=node1'), 'node1', false],
    ['no CN fallback for IPs', cert([], 'CN=10.0.0.1'), '10.0.0.1', false],
  ];
  for (const [name, c, host, expected] of table) {
    it(name, () => assert.equal(certificateCoversHost(c, host), expected));
  }
  it('dnsNameMatches refuses wildcards outside the first label', () => {
    assert.equal(dnsNameMatches('a.*.example.com', 'a.b.example.com'), false);
  });
});

describe('usages and CA lint', () => {
  const base = { subject: 'CN=t', extendedKeyUsage: [] as string[] } as unknown as CertSummary;
  it('transport certificates need serverAuth and clientAuth when an EKU is present', () => {
    assert.equal(transportEkuProblem({ ...base, extendedKeyUsage: [] }), undefined);
    assert.equal(transportEkuProblem({ ...base, extendedKeyUsage: ['serverAuth', 'clientAuth'] }), undefined);
    assert.equal(transportEkuProblem({ ...base, extendedKeyUsage: ['anyExtendedKeyUsage'] }), undefined);
    assert.match(transportEkuProblem({ ...base, extendedKeyUsage: ['serverAuth'] }) ?? '', /clientAuth/);
    assert.match(transportEkuProblem({ ...base, extendedKeyUsage: ['clientAuth'] }) ?? '', /serverAuth/);
  });

  it('flags CAs strict clients reject', async () => {
    const good = await makeCa('CN=Good CA');
    assert.deepEqual(caLint(parsed(good).summary), []);
    const noKu = await makeCert({ subject: 'CN=Old certutil CA', ca: true });
    assert.equal(caLint(parsed(noKu).summary).length, 1);
    assert.match(caLint(parsed(noKu).summary)[0], /keyUsage/);
    const noCertSign = await makeCert({ subject: 'CN=Bad CA', ca: true, keyUsage: x509.KeyUsageFlags.digitalSignature });
    assert.match(caLint(parsed(noCertSign).summary).join(' '), /keyCertSign/);
    const leaf = await makeCert({ subject: 'CN=leaf' });
    assert.match(caLint(parsed(leaf).summary).join(' '), /not a CA/);
  });
});
