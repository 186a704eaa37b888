// Certificates, keys and keystores made by the real openssl and keytool, for interop tests, plus readers of
// what `openssl x509` prints, so tests can compare our summaries field by field.
import * as fs from 'node:fs';
import { keytool, openssl } from './tools';
import type { TempDir } from './tools';

export type KeyKind = 'rsa' | 'p256' | 'p384' | 'ed25519';

/** Makes a private key file with openssl; returns its path. */
export function genKey(dir: TempDir, name: string, kind: KeyKind): string {
  const out = dir.file(`${name}.key`);
  if (kind === 'rsa') openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', out]);
  else if (kind === 'ed25519') openssl(['genpkey', '-algorithm', 'ED25519', '-out', out]);
  else openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${kind === 'p256' ? 'P-256' : 'P-384'}`, '-out', out]);
  return out;
}

export interface IssueOptions {
  subject: string;
  kind: KeyKind;
  /** Extension lines for the `[ext]` section, such as `basicConstraints=critical,CA:TRUE`. */
  ext: string[];
  issuer?: { cert: string; key: string };
  days?: number;
}

/** A certificate (and its key) made with `openssl req`/`openssl x509`; returns both paths. */
export function issue(dir: TempDir, name: string, o: IssueOptions): { cert: string; key: string } {
  const key = genKey(dir, name, o.kind);
  const cnf = dir.file(`${name}.cnf`);
  fs.writeFileSync(cnf, `[req]\ndistinguished_name=dn\n[dn]\n[ext]\n${o.ext.join('\n')}\n`);
  const cert = dir.file(`${name}.crt`);
  const days = String(o.days ?? 30);
  if (!o.issuer) {
    openssl(['req', '-x509', '-new', '-key', key, '-subj', o.subject, '-days', days, '-config', cnf, '-extensions', 'ext', '-out', cert]);
  } else {
    const csr = dir.file(`${name}.csr`);
    openssl(['req', '-new', '-key', key, '-subj', o.subject, '-config', cnf, '-out', csr]);
    openssl(['x509', '-req', '-in', csr, '-CA', o.issuer.cert, '-CAkey', o.issuer.key, '-CAcreateserial', '-days', days, '-extfile', cnf, '-extensions', 'ext', '-out', cert]);
  }
  return { cert, key };
}

/** `openssl pkcs12 -export` with extra flags; returns the file path. */
export function exportP12(dir: TempDir, name: string, args: string[], password: string): string {
  const out = dir.file(`${name}.p12`);
  openssl(['pkcs12', '-export', ...args, '-out', out, '-passout', `pass:${password}`]);
  return out;
}

/** A keytool PKCS#12 keystore with one generated key pair (Java's defaults). */
export function keytoolKeystore(dir: TempDir, name: string, alias: string, password: string, keyalg = 'RSA'): string {
  const out = dir.file(`${name}.p12`);
  keytool(['-genkeypair', '-storetype', 'PKCS12', '-keystore', out, '-storepass', password, '-alias', alias, '-keyalg', keyalg, '-dname', `CN=${alias}`, '-validity', '30', '-noprompt']);
  return out;
}

/** Adds a trusted certificate to a keytool PKCS#12 store (creating it when absent). */
export function keytoolImportTrusted(store: string, alias: string, certPath: string, password: string): void {
  keytool(['-importcert', '-storetype', 'PKCS12', '-keystore', store, '-storepass', password, '-alias', alias, '-file', certPath, '-noprompt']);
}

/** The text after `label=` in `openssl x509 -noout -<flag>` output. */
export function x509Field(cert: string, args: string[]): string {
  const out = openssl(['x509', '-in', cert, '-noout', ...args]).trim();
  return out.slice(out.indexOf('=') + 1).trim();
}

/** The body lines of one extension as `openssl x509 -noout -ext <name>` prints it ('' when absent). */
export function x509Ext(cert: string, name: string): string {
  const out = openssl(['x509', '-in', cert, '-noout', '-ext', name]).trim();
  return out.split('\n').slice(1).map((l) => l.trim()).join(' ');
}

/** `openssl x509 -noout -text`. */
export function x509Text(cert: string): string {
  return openssl(['x509', '-in', cert, '-noout', '-text']);
}

/** openssl's long key usage names mapped to RFC 5280's. */
export const KEY_USAGE_LONG: Record<string, string> = {
  'Digital Signature': 'digitalSignature',
  'Non Repudiation': 'nonRepudiation',
  'Key Encipherment': 'keyEncipherment',
  'Data Encipherment': 'dataEncipherment',
  'Key Agreement': 'keyAgreement',
  'Certificate Sign': 'keyCertSign',
  'CRL Sign': 'cRLSign',
  'Encipher Only': 'encipherOnly',
  'Decipher Only': 'decipherOnly',
};

/** openssl's long EKU names mapped to the short ones. */
export const EKU_LONG: Record<string, string> = {
  'TLS Web Server Authentication': 'serverAuth',
  'TLS Web Client Authentication': 'clientAuth',
  'Code Signing': 'codeSigning',
  'E-mail Protection': 'emailProtection',
  'Time Stamping': 'timeStamping',
  'OCSP Signing': 'OCSPSigning',
};
