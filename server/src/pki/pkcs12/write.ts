// Writes PKCS#12 (PFX) files: key entries as PKCS8ShroudedKeyBag with their certificates, and trusted
// certificates marked the way Java's keytool marks a trustedCertEntry.
import 'reflect-metadata';
import { createHash, type KeyObject } from 'node:crypto';
import { ContentInfo, EncryptedContent, EncryptedContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  PFX,
  PKCS12Attribute,
  PKCS8ShroudedKeyBag,
  SafeBag,
  SafeContents,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
} from '@peculiar/asn1-pfx';
import { EncryptedData as Pkcs8EncryptedData } from '@peculiar/asn1-pkcs8';
import { FriendlyName, LocalKeyId, id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from '@peculiar/asn1-pkcs9';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { PkiError } from '../errors';
import { concatBytes, derTlv } from '../../core/der';
import { computeMac, encryptPbes2, encryptPkcs12TripleDes, type PbeResult } from './crypto';

/** A private key with its chain (leaf first); the alias becomes the friendlyName. */
export interface Pkcs12KeyEntry {
  alias: string;
  key: KeyObject;
  chain: Uint8Array[];
}

/** A certificate stored as trusted (keytool lists it as trustedCertEntry). */
export interface Pkcs12TrustedEntry {
  alias: string;
  certDer: Uint8Array;
}

/** Protection: modern (PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, SHA-256 MAC) or legacy (3DES, SHA-1 MAC). */
export interface Pkcs12WriteOptions {
  /** May be empty, but only ASCII: Java and OpenSSL disagree on how to encode anything else. */
  password: string;
  legacy?: boolean;
  /** Iterations for the encryption and the MAC (modern 10000, legacy 2048). */
  iterations?: number;
}

/** Java's "trusted key usage" attribute (ORACLE_TrustedKeyUsage) that turns a cert bag into a trustedCertEntry. */
const OID_JAVA_TRUSTED_KEY_USAGE = '2.16.840.1.113894.746875.1.1';
/** DER of the OID 2.5.29.37.0 (anyExtendedKeyUsage), the value keytool writes for that attribute. */
const ANY_EKU_DER = Uint8Array.of(0x06, 0x04, 0x55, 0x1d, 0x25, 0x00);

/** Throws INVALID_INPUT unless the password is plain ASCII (certutil's rule). */
export function checkPkcs12Password(password: string): void {
  if ([...password].some((ch) => ch.charCodeAt(0) > 0x7f)) {
    throw new PkiError('INVALID_INPUT', 'PKCS#12 passwords must be plain ASCII');
  }
}

function attribute(attrId: string, value: ArrayBuffer): PKCS12Attribute {
  // PKCS12Attribute's constructor drops its params (asn1-pfx 2.x), so the fields are set afterwards.
  return Object.assign(new PKCS12Attribute(), { attrId, attrValues: [value] });
}

function friendlyName(alias: string): PKCS12Attribute {
  return attribute(id_pkcs9_at_friendlyName, AsnConvert.serialize(new FriendlyName(alias)));
}

function localKeyId(id: Uint8Array): PKCS12Attribute {
  return attribute(id_pkcs9_at_localKeyId, AsnConvert.serialize(new LocalKeyId(id)));
}

function certBag(certDer: Uint8Array, attributes: PKCS12Attribute[]): SafeBag {
  const bag = new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(certDer)) });
  return new SafeBag({ bagId: id_certBag, bagValue: AsnConvert.serialize(bag), bagAttributes: attributes });
}

function encrypt(data: Uint8Array, options: Pkcs12WriteOptions): PbeResult {
  if (options.legacy) return encryptPkcs12TripleDes(data, options.password, { iterations: options.iterations ?? 2048 });
  return encryptPbes2(data, options.password, { prf: 'sha256', cipher: 'aes-256-cbc', iterations: options.iterations ?? 10000 });
}

function keyBag(entry: Pkcs12KeyEntry, id: Uint8Array, options: Pkcs12WriteOptions): SafeBag {
  const pkcs8 = new Uint8Array(entry.key.export({ type: 'pkcs8', format: 'der' }));
  const enc = encrypt(pkcs8, options);
  const shrouded = new PKCS8ShroudedKeyBag({ encryptionAlgorithm: enc.algorithm, encryptedData: new Pkcs8EncryptedData(enc.data) });
  return new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: AsnConvert.serialize(shrouded),
    bagAttributes: [friendlyName(entry.alias), localKeyId(id)],
  });
}

function dataContent(bytes: ArrayBuffer): ContentInfo {
  return new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(bytes)) });
}

/** CMS EncryptedData { version 0, encryptedContentInfo } around the encrypted SafeContents. */
function encryptedContent(safeContents: ArrayBuffer, options: Pkcs12WriteOptions): ContentInfo {
  const enc = encrypt(new Uint8Array(safeContents), options);
  const eci = new EncryptedContentInfo({
    contentType: id_data,
    contentEncryptionAlgorithm: enc.algorithm,
    encryptedContent: new EncryptedContent({ value: new OctetString(enc.data) }),
  });
  const der = derTlv(0x30, concatBytes([Uint8Array.of(0x02, 0x01, 0x00), new Uint8Array(AsnConvert.serialize(eci))]));
  return new ContentInfo({ contentType: id_encryptedData, content: der.slice().buffer });
}

/** Builds the DER of a password-protected PKCS#12 file with the given key and trusted entries. */
export function writePkcs12(keys: Pkcs12KeyEntry[], trusted: Pkcs12TrustedEntry[], options: Pkcs12WriteOptions): Uint8Array {
  checkPkcs12Password(options.password);
  const certBags: SafeBag[] = [];
  const keyBags: SafeBag[] = [];
  for (const entry of keys) {
    if (entry.chain.length === 0) throw new PkiError('INVALID_INPUT', 'A key entry needs its certificate.');
    // localKeyId ties the key to its leaf certificate; the leaf's SHA-1 is what openssl uses.
    const id = new Uint8Array(createHash('sha1').update(entry.chain[0]).digest());
    keyBags.push(keyBag(entry, id, options));
    certBags.push(certBag(entry.chain[0], [friendlyName(entry.alias), localKeyId(id)]));
    for (const extra of entry.chain.slice(1)) certBags.push(certBag(extra, []));
  }
  for (const t of trusted) {
    certBags.push(certBag(t.certDer, [friendlyName(t.alias), attribute(OID_JAVA_TRUSTED_KEY_USAGE, ANY_EKU_DER.slice().buffer)]));
  }
  const safes: ContentInfo[] = [];
  if (certBags.length) safes.push(encryptedContent(AsnConvert.serialize(new SafeContents(certBags)), options));
  if (keyBags.length) safes.push(dataContent(AsnConvert.serialize(new SafeContents(keyBags))));
  const authSafeDer = new Uint8Array(AsnConvert.serialize(new AuthenticatedSafe(safes)));
  const macData = computeMac(authSafeDer, options.password, {
    hash: options.legacy ? 'sha1' : 'sha256',
    iterations: options.iterations ?? (options.legacy ? 2048 : 10000),
  });
  const pfx = new PFX({ version: 3, authSafe: dataContent(authSafeDer.slice().buffer), macData });
  return new Uint8Array(AsnConvert.serialize(pfx));
}
