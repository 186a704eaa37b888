// The readers of issue 14 against the real tools as oracles: JKS and JCEKS made by keytool (every field agrees
// with `keytool -list -v`), PKCS#7 bundles from `openssl crl2pkcs7`, CRLs from `openssl ca -gencrl` (agreeing with
// `openssl crl -text`), and distinguished names agreeing with `openssl x509 -nameopt RFC2253,utf8,-esc_msb`.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readPkiFile } from '../../server/src/pki/readPkiFile';
import type { InspectResult } from '../../server/src/pki/types';
import { hasTool, keytool, keytoolPath, openssl, tmpDir } from './helpers/tools';
import { issue } from './helpers/opensslPki';

const clock = { now: () => new Date() };
const readPath = (p: string, password?: string): InspectResult => readPkiFile(fs.readFileSync(p), { clock, password, fileName: p }).result;
const haveTools = hasTool(keytoolPath(), ['-help']) && hasTool('openssl');
const NAMEOPT = ['-nameopt', 'RFC2253,utf8,-esc_msb'];

interface ListedEntry {
  alias: string;
  type: string;
  owners: string[];
  serials: string[];
  sha256: string[];
}

/** The entries of `keytool -list -v`, by alias. */
function keytoolList(store: string, storetype: string, password: string): Map<string, ListedEntry> {
  const text = keytool(['-J-Duser.language=en', '-list', '-v', '-storetype', storetype, '-keystore', store, '-storepass', password]);
  const out = new Map<string, ListedEntry>();
  let cur: ListedEntry | undefined;
  for (const line of text.split('\n')) {
    const m = /^(Alias name|Entry type|Owner|Serial number|\s*SHA256): (.*)$/.exec(line);
    if (!m) continue;
    const [key, value] = [m[1].trim(), m[2].trim()];
    if (key === 'Alias name') out.set(value, (cur = { alias: value, type: '', owners: [], serials: [], sha256: [] }));
    else if (cur && key === 'Entry type') cur.type = value;
    else if (cur && key === 'Owner') cur.owners.push(value);
    else if (cur && key === 'Serial number') cur.serials.push(value);
    else if (cur && key === 'SHA256') cur.sha256.push(value);
  }
  return out;
}

function assertAgreesWithKeytool(r: InspectResult, listed: Map<string, ListedEntry>): void {
  assert.deepEqual(r.entries.map((e) => e.alias).sort(), [...listed.keys()].sort());
  for (const e of r.entries) {
    const k = listed.get(e.alias as string) as ListedEntry;
    assert.equal(k.type, e.hasKey ? 'PrivateKeyEntry' : 'trustedCertEntry', `${e.alias} type`);
    assert.deepEqual(e.certificates.map((c) => c.fingerprints.sha256), k.sha256, `${e.alias} fingerprints`);
    assert.deepEqual(e.certificates.map((c) => c.serialNumber.toLowerCase().replace(/^0+(?=.)/, '')), k.serials, `${e.alias} serials`);
    // keytool separates RDNs with ", "; the names here need no escaping.
    assert.deepEqual(e.certificates.map((c) => c.subject), k.owners.map((o) => o.split(', ').join(',')), `${e.alias} owners`);
  }
}

describe('issue 14 formats against openssl and keytool', { skip: !haveTools && 'keytool or openssl not installed' }, () => {
  const dir = tmpDir('estls-formats-');
  let ca: { cert: string; key: string };
  before(() => {
    ca = issue(dir, 'ca', { subject: '/CN=Formats CA/O=Prüf GmbH', kind: 'rsa', ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign,cRLSign'] });
  });
  after(() => dir.cleanup());

  for (const storetype of ['JKS', 'JCEKS']) {
    it(`${storetype} from keytool: key entry with a CA-signed chain and a trusted entry agree with keytool -list -v`, () => {
      const store = dir.file(`node.${storetype.toLowerCase()}`);
      const base = ['-storetype', storetype, '-keystore', store, '-storepass', 'changeit'];
      keytool([...base, '-genkeypair', '-alias', 'node1', '-keypass', 'changeit', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=node1,O=Müller', '-validity', '30', '-noprompt']);
      const csr = dir.file(`${storetype}.csr`);
      const signed = dir.file(`${storetype}.crt`);
      keytool([...base, '-certreq', '-alias', 'node1', '-file', csr]);
      openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', '30', '-out', signed]);
      keytool([...base, '-importcert', '-alias', 'ca', '-file', ca.cert, '-noprompt']);
      keytool([...base, '-importcert', '-alias', 'node1', '-file', signed, '-noprompt']);
      const r = readPath(store, 'changeit');
      assertAgreesWithKeytool(r, keytoolList(store, storetype, 'changeit'));
      const node = r.entries.find((e) => e.alias === 'node1');
      assert.equal(node?.certificates.length, 2);
      assert.equal(node?.keyMatchesCertificate, true);
      assert.equal(r.keystore?.integrity, 'verified');
      // Without the password: the same aliases and certificates, the key left locked.
      const open = readPath(store);
      assert.deepEqual(open.entries.map((e) => [e.alias, e.certificates.length]), r.entries.map((e) => [e.alias, e.certificates.length]));
      assert.equal(open.entries.find((e) => e.alias === 'node1')?.keyLocked, true);
    });
  }

  it('PKCS#7 from openssl crl2pkcs7 (PEM and DER, with a CRL): certificates agree with openssl pkcs7 -print_certs', () => {
    const leaf = issue(dir, 'leaf7', { subject: '/CN=leaf7', kind: 'p256', issuer: ca, ext: ['subjectAltName=DNS:xn--mnchen-3ya.example'] });
    const crl = makeCrl(['--none--']);
    const p7b = dir.file('bundle.p7b');
    const p7c = dir.file('bundle.p7c');
    openssl(['crl2pkcs7', '-in', crl, '-certfile', leaf.cert, '-certfile', ca.cert, '-out', p7b]);
    openssl(['crl2pkcs7', '-nocrl', '-certfile', leaf.cert, '-certfile', ca.cert, '-outform', 'DER', '-out', p7c]);
    const printed = openssl(['pkcs7', '-in', p7b, '-print_certs']);
    const certs = printed.split(/(?=-----BEGIN CERTIFICATE-----)/).filter((b) => b.startsWith('-----BEGIN'));
    const field = (pem: string, args: string[]) => /=(.*)$/m.exec(openssl(['x509', '-noout', ...args], { input: pem }))?.[1];
    const subjects = certs.map((pem) => field(pem, ['-subject', ...NAMEOPT]));
    const fps = certs.map((pem) => field(pem, ['-fingerprint', '-sha256']));
    assert.equal(certs.length, 2);
    for (const file of [p7b, p7c]) {
      const r = readPath(file);
      assert.deepEqual(r.certificates.map((c) => c.subject), subjects);
      assert.deepEqual(r.certificates.map((c) => c.fingerprints.sha256), fps);
    }
    assert.equal(readPath(p7b).crls?.length, 1);
    assert.deepEqual(readPath(p7b).certificates[0].sans, [{ type: 'dns', value: 'xn--mnchen-3ya.example', unicode: 'münchen.example' }]);
  });

  /** A CRL from `openssl ca -gencrl` revoking certificates issued by the test CA; returns the PEM path. */
  function makeCrl(revokeSerials: string[]): string {
    const root = dir.file(`ca-${revokeSerials.length}-${Date.now()}`);
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(`${root}/index.txt`, '');
    fs.writeFileSync(`${root}/crlnumber`, '1000\n');
    const cnf = `${root}/ca.cnf`;
    fs.writeFileSync(cnf, `[ca]\ndefault_ca=c\n[c]\ndatabase=${root}/index.txt\ncrlnumber=${root}/crlnumber\ndefault_md=sha256\ndefault_crl_days=7\ncertificate=${ca.cert}\nprivate_key=${ca.key}\n`);
    for (const [i, serial] of revokeSerials.entries()) {
      if (serial === '--none--') continue;
      const c = issue(dir, `revoked${serial}`, { subject: `/CN=revoked ${i}`, kind: 'p256', issuer: ca, ext: ['basicConstraints=CA:FALSE'] });
      openssl(['ca', '-config', cnf, '-revoke', c.cert, '-crl_reason', i % 2 === 0 ? 'keyCompromise' : 'superseded']);
    }
    const out = `${root}/ca.crl`;
    openssl(['ca', '-config', cnf, '-gencrl', '-out', out]);
    return out;
  }

  it('CRLs from openssl ca -gencrl (PEM and DER) agree with openssl crl -text', () => {
    const pemCrl = makeCrl(['a', 'b']);
    const derCrl = `${pemCrl}.der`;
    openssl(['crl', '-in', pemCrl, '-outform', 'DER', '-out', derCrl]);
    const text = openssl(['crl', '-in', pemCrl, '-noout', '-text', ...NAMEOPT]);
    const issuer = /Issuer: (.*)$/m.exec(text)?.[1];
    const serials = [...text.matchAll(/Serial Number: (\S+)/g)].map((m) => m[1]);
    const reasons = [...text.matchAll(/CRL Reason Code:\s*\n\s*(.+)/g)].map((m) => m[1].trim());
    const number = /X509v3 CRL Number:\s*\n\s*(\S+)/.exec(text)?.[1];
    const toIso = (s: string) => new Date(s.replace(/\s+/g, ' ')).toISOString();
    for (const file of [pemCrl, derCrl]) {
      const c = readPath(file).crls?.[0];
      assert.equal(c?.issuer, issuer);
      assert.equal(c?.thisUpdate, toIso(/Last Update: (.*)$/m.exec(text)?.[1] as string));
      assert.equal(c?.nextUpdate, toIso(/Next Update: (.*)$/m.exec(text)?.[1] as string));
      assert.deepEqual(c?.revoked.map((r) => r.serialNumber), serials);
      assert.deepEqual(c?.revoked.map((r) => ({ keyCompromise: 'Key Compromise', superseded: 'Superseded' })[r.reason as string]), reasons);
      assert.equal(c?.crlNumber, Number(number).toString(16).toUpperCase().padStart(4, '0'));
    }
  });

  it('distinguished names agree with openssl -nameopt RFC2253,utf8,-esc_msb: UTF-8, multi-valued, BMP, Teletex', () => {
    const cases: Array<[string, string[]]> = [
      ['/C=DE/L=München/O=Ünïcödé, "Ltd"+OU=Dev\\+Ops/CN=#x ;<y> /CN=日本', ['-utf8', '-multivalue-rdn']],
      ['/L=München/CN=日本', ['-utf8', '-config', cnfWith('default')]],
      ['/L=München/CN=Plain', ['-utf8', '-config', cnfWith('MASK:0x0006')]],
    ];
    for (const [i, [subj, extra]] of cases.entries()) {
      const key = dir.file(`dn${i}.key`);
      const cert = dir.file(`dn${i}.crt`);
      openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', subj, '-days', '3', ...extra]);
      const expected = openssl(['x509', '-in', cert, '-noout', '-subject', ...NAMEOPT]).trim().replace(/^subject=/, '');
      assert.equal(readPath(cert).certificates[0].subject, expected, subj);
    }
  });

  function cnfWith(mask: string): string {
    const p = dir.file(`mask-${mask.replace(/\W/g, '')}.cnf`);
    fs.writeFileSync(p, `[req]\ndistinguished_name=dn\nstring_mask=${mask}\n[dn]\n`);
    return p;
  }
});
