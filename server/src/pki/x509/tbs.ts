// A fast split of a certificate's DER into the parts the summary needs. Decoding a whole certificate with the
// ASN.1 schema library costs milliseconds; decoding only the names and extensions costs a fraction of that,
// which matters for CA bundles with hundreds of certificates.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Extension, Extensions, Name } from '@peculiar/asn1-x509';
import { children, readElement, type DerElement } from '../../core/der';

/** The decoded parts of a certificate the summary reads. */
export interface TbsParts {
  subject: Name;
  issuer: Name;
  extensions: Extensions;
  signatureAlgorithm: AlgorithmIdentifier;
}

/**
 * Decoded ASN.1 values by their bytes. Certificates of one CA repeat the same issuer name, signature algorithm,
 * basic constraints, key usages and authority key id byte for byte (a folder of 300 node certificates decoded
 * each 300 times); a decoded value is only read, never changed, so one object serves every certificate.
 */
// Kept per type (by the class itself: a minified bundle may give two classes one name).
const decoded = new Map<new () => unknown, Map<string, unknown>>();
let decodedCount = 0;
const MAX_DECODED = 512;

/** `AsnConvert.parse(bytes, type)`, shared by equal bytes; a failure throws as the parse does and is not kept. */
export function parseShared<T>(bytes: Uint8Array | ArrayBuffer, type: new () => T): T {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const key = Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('latin1');
  let byBytes = decoded.get(type);
  if (!byBytes) decoded.set(type, (byBytes = new Map()));
  if (byBytes.has(key)) return byBytes.get(key) as T;
  const value = AsnConvert.parse(view, type);
  if (decodedCount >= MAX_DECODED) {
    decoded.clear();
    decodedCount = 0;
    decoded.set(type, (byBytes = new Map()));
  }
  byBytes.set(key, value);
  decodedCount++;
  return value;
}

/** Splits and decodes a DER certificate; throws on anything that is not a certificate's shape. */
export function readTbsParts(der: Uint8Array): TbsParts {
  const cert = readElement(der, 0);
  if (cert.tag !== 0x30) throw new Error('not a sequence');
  const [tbs, sigAlg] = children(der, cert);
  if (!tbs || !sigAlg || tbs.tag !== 0x30) throw new Error('not a certificate');
  const fields = children(der, tbs);
  const i = fields[0]?.tag === 0xa0 ? 1 : 0;
  // serial, signature, issuer, validity, subject, subjectPublicKeyInfo, then optional [1] [2] [3].
  const [issuer, subject] = [fields[i + 2], fields[i + 4]];
  if (!issuer || !subject) throw new Error('not a certificate');
  const extField = fields.slice(i + 6).find((f) => f.tag === 0xa3);
  const slice = (t: DerElement) => der.subarray(t.start, t.end);
  const extSeq = extField ? children(der, extField)[0] : undefined;
  return {
    issuer: parseShared(slice(issuer), Name),
    subject: parseShared(slice(subject), Name),
    extensions: extSeq ? readExtensions(der, extSeq) : new Extensions(),
    signatureAlgorithm: parseShared(slice(sigAlg), AlgorithmIdentifier),
  };
}

/**
 * The extension list, one element at a time: what a parse of the whole SEQUENCE OF gives (any element that fails
 * fails it), but an extension a CA puts in every certificate it issues is decoded once.
 */
function readExtensions(der: Uint8Array, seq: DerElement): Extensions {
  if (seq.tag !== 0x30) throw new Error('extensions are not a sequence');
  return new Extensions(children(der, seq).map((e) => parseShared(der.subarray(e.start, e.end), Extension)));
}

/** The exact bytes of a certificate's subject Name (so an issued certificate's issuer matches it byte for byte). */
export function certificateSubjectBytes(certDer: Uint8Array): Uint8Array {
  const cert = readElement(certDer, 0);
  const tbs = children(certDer, cert)[0];
  const fields = children(certDer, tbs);
  const skip = fields[0].tag === 0xa0 ? 1 : 0; // optional explicit version
  const subject = fields[skip + 4];
  return certDer.slice(subject.start, subject.end);
}
