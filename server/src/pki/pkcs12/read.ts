// PKCS#12 bytes -> bags (certificates and PKCS#8 keys with their attributes) and how the file is protected.
// Handles openssl 3 and Java 17+ defaults (PBES2/AES + SHA-256 MAC), `-legacy` (3DES/RC2 + SHA-1),
// files without a MAC, empty passwords, keytool truststores and nested safe contents.
import 'reflect-metadata';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AuthenticatedSafe, CertBag, PFX, PKCS8ShroudedKeyBag, SafeContents } from '@peculiar/asn1-pfx';
import type { SafeBag } from '@peculiar/asn1-pfx';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { elementContent } from '../../core/der';
import { PkiError } from '../errors';
import { Deadline, MAX_PKCS12_BAGS, MAX_PKCS12_DEPTH } from '../limits';
import type { InspectResult } from '../types';
import { WorkBudget, decryptPbe, describeMac, describePbe, verifyMac } from './crypto';
import { EncryptedData, encryptedContentBytes } from './pbeParams';

const ID_DATA = '1.2.840.113549.1.7.1';
const ID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};
const ATTR = {
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  /** Java's "trusted key usage" attribute: keytool marks a trustedCertEntry with it. */
  javaTrusted: '2.16.840.1.113894.746875.1.1',
};
const X509_CERT_TYPE = '1.2.840.113549.1.9.22.1';

/** One certificate or key found in a PKCS#12 file, with the attributes that pair and name them. */
export interface Pkcs12Bag {
  kind: 'certificate' | 'key';
  /** Certificate DER, or PKCS#8 PrivateKeyInfo DER (decrypted). */
  der: Buffer;
  /** friendlyName: the alias Java and openssl show. */
  alias?: string;
  /** localKeyId as hex: pairs a key with its certificate. */
  localKeyId?: string;
  /** Carries Java's trusted-certificate attribute (a keytool trustedCertEntry). */
  trusted: boolean;
  /** The key was stored encrypted (shrouded). */
  encrypted: boolean;
}

export interface Pkcs12Contents {
  bags: Pkcs12Bag[];
  protection: NonNullable<InspectResult['protection']>;
  hasMac: boolean;
}

interface ReadState {
  password: string;
  budget: WorkBudget;
  deadline: Deadline;
  bags: Pkcs12Bag[];
  protection: NonNullable<InspectResult['protection']>;
  iterations: { key?: number; cert?: number };
  /** Without a MAC nothing vouches for the password, so decrypted data that does not parse means a wrong one. */
  hasMac: boolean;
}

function badPkcs12(): PkiError {
  return new PkiError('BAD_PKCS12', 'The file is not a valid PKCS#12 keystore.');
}

function passwordError(given: string | undefined): PkiError {
  return given === undefined
    ? new PkiError('PASSWORD_REQUIRED', 'The keystore is password-protected and the empty password does not open it; a password is needed.')
    : new PkiError('BAD_PASSWORD', 'The keystore password is wrong.');
}

/**
 * Reads a PKCS#12 file. With no password the empty one is tried (certutil's default). Throws PkiError:
 * PASSWORD_REQUIRED, BAD_PASSWORD, BAD_PKCS12, UNSUPPORTED, LIMIT.
 */
export function readPkcs12(bytes: Uint8Array, password: string | undefined, budget = new WorkBudget(), deadline = new Deadline()): Pkcs12Contents {
  let pfx: PFX;
  let content: Buffer;
  try {
    pfx = AsnConvert.parse(bytes, PFX);
  } catch {
    throw badPkcs12();
  }
  if (pfx.authSafe.contentType !== ID_DATA) throw new PkiError('UNSUPPORTED', 'PKCS#12 files protected by a public key (not a password) are not supported.');
  try {
    content = Buffer.from(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
  } catch {
    throw badPkcs12();
  }
  const pw = password ?? '';
  const hasMac = !!pfx.macData?.mac?.digest?.byteLength;
  const state: ReadState = { password: pw, budget, deadline, bags: [], protection: {}, iterations: {}, hasMac };
  if (hasMac) {
    const mac = describeMac(pfx.macData);
    state.protection.macAlgorithm = mac.name;
    if (!verifyMac(pfx.macData, content, pw, budget)) throw passwordError(password);
  }
  let safe: AuthenticatedSafe;
  try {
    safe = AsnConvert.parse(content, AuthenticatedSafe);
  } catch {
    throw badPkcs12();
  }
  try {
    for (const ci of safe) readContentInfo(ci.contentType, ci.content, state);
  } catch (e) {
    if (e instanceof PkiError && e.code === 'BAD_PASSWORD') throw passwordError(password);
    throw e;
  }
  const macIterations = hasMac ? describeMac(pfx.macData).iterations : undefined;
  state.protection.iterations = state.iterations.key ?? state.iterations.cert ?? macIterations;
  return { bags: state.bags, protection: state.protection, hasMac };
}

function readContentInfo(type: string, content: ArrayBuffer, state: ReadState): void {
  state.deadline.check();
  if (type === ID_DATA) {
    readSafeContents(parseOr(() => Buffer.from(AsnConvert.parse(content, OctetString).buffer)), state, 0);
  } else if (type === ID_ENCRYPTED_DATA) {
    const ed = parseOr(() => AsnConvert.parse(content, EncryptedData));
    const eci = ed.encryptedContentInfo;
    const data = encryptedContentBytes(eci.encryptedContent);
    if (!data) return;
    noteAlgorithm(state, 'cert', eci.contentEncryptionAlgorithm);
    const plain = decryptPbe(eci.contentEncryptionAlgorithm, data, state.password, { budget: state.budget, accept: (b) => b[0] === 0x30 });
    try {
      readSafeContents(plain, state, 0);
    } catch (e) {
      if (!state.hasMac && e instanceof PkiError && e.code === 'BAD_PKCS12') throw new PkiError('BAD_PASSWORD', 'The data did not decrypt.');
      throw e;
    }
  } else {
    throw new PkiError('UNSUPPORTED', 'The keystore holds public-key encrypted content, which is not supported.');
  }
}

function noteAlgorithm(state: ReadState, which: 'key' | 'cert', alg: AlgorithmIdentifier): void {
  const d = describePbe(alg);
  if (which === 'key' && !state.protection.keyAlgorithm) {
    state.protection.keyAlgorithm = d.name;
    state.iterations.key = d.iterations;
  }
  if (which === 'cert' && !state.protection.certAlgorithm) {
    state.protection.certAlgorithm = d.name;
    state.iterations.cert = d.iterations;
  }
}

function parseOr<T>(fn: () => T): T {
  try {
    return fn();
  } catch {
    throw badPkcs12();
  }
}

function readSafeContents(der: Uint8Array, state: ReadState, depth: number): void {
  if (depth > MAX_PKCS12_DEPTH) throw new PkiError('LIMIT', 'The keystore nests its contents too deeply.');
  const bags = parseOr(() => AsnConvert.parse(der, SafeContents));
  for (const bag of bags) {
    if (state.bags.length >= MAX_PKCS12_BAGS) throw new PkiError('LIMIT', `The keystore holds more than ${MAX_PKCS12_BAGS} entries.`);
    state.deadline.check();
    readBag(bag, state, depth);
  }
}

function readBag(bag: SafeBag, state: ReadState, depth: number): void {
  const attrs = readAttributes(bag);
  if (bag.bagId === BAG.cert) {
    const certBag = parseOr(() => AsnConvert.parse(bag.bagValue, CertBag));
    if (certBag.certId !== X509_CERT_TYPE) return;
    const der = parseOr(() => Buffer.from(AsnConvert.parse(certBag.certValue, OctetString).buffer));
    state.bags.push({ kind: 'certificate', der, ...attrs, encrypted: false });
  } else if (bag.bagId === BAG.shroudedKey) {
    const shrouded = parseOr(() => AsnConvert.parse(bag.bagValue, PKCS8ShroudedKeyBag));
    noteAlgorithm(state, 'key', shrouded.encryptionAlgorithm);
    const der = decryptPbe(shrouded.encryptionAlgorithm, Buffer.from(shrouded.encryptedData.buffer), state.password, { budget: state.budget, accept: (b) => b[0] === 0x30 });
    state.bags.push({ kind: 'key', der, ...attrs, encrypted: true });
  } else if (bag.bagId === BAG.key) {
    state.bags.push({ kind: 'key', der: Buffer.from(bag.bagValue), ...attrs, encrypted: false });
  } else if (bag.bagId === BAG.safeContents) {
    readSafeContents(Buffer.from(bag.bagValue), state, depth + 1);
  }
  // CRL and secret bags carry nothing we report.
}

function readAttributes(bag: SafeBag): { alias?: string; localKeyId?: string; trusted: boolean } {
  const out: { alias?: string; localKeyId?: string; trusted: boolean } = { trusted: false };
  for (const attr of bag.bagAttributes ?? []) {
    const value = attr.attrValues[0];
    if (attr.attrId === ATTR.javaTrusted) out.trusted = true;
    if (!value) continue;
    if (attr.attrId === ATTR.friendlyName) out.alias = decodeBmpString(Buffer.from(value));
    if (attr.attrId === ATTR.localKeyId) out.localKeyId = decodeOctets(Buffer.from(value))?.toString('hex');
  }
  return out;
}

/** The string of a DER BMPString (tag 0x1E), or of a UTF8String some writers use instead. */
function decodeBmpString(der: Buffer): string | undefined {
  const body = tlvBody(der);
  if (!body) return undefined;
  if (der[0] === 0x0c) return body.toString('utf8');
  if (der[0] !== 0x1e) return undefined;
  let s = '';
  for (let i = 0; i + 1 < body.length; i += 2) s += String.fromCharCode(body.readUInt16BE(i));
  return s;
}

function decodeOctets(der: Buffer): Buffer | undefined {
  return der[0] === 0x04 ? tlvBody(der) : undefined;
}

function tlvBody(der: Buffer): Buffer | undefined {
  const body = elementContent(der);
  return body && Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}
