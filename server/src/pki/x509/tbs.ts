// A fast split of a certificate's DER into the parts the summary needs. Decoding a whole certificate with the
// ASN.1 schema library costs milliseconds; decoding only the names and extensions costs a fraction of that,
// which matters for CA bundles with hundreds of certificates.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Extensions, Name } from '@peculiar/asn1-x509';

/** One DER element: tag, where it starts, where its content starts and where it ends. */
export interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/** Reads the element at `offset`; throws when it runs past `limit`. */
export function readTlv(buf: Uint8Array, offset: number, limit: number): Tlv {
  if (offset + 2 > limit) throw new Error('truncated');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let contentStart = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || contentStart + n > limit) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[contentStart + i];
    contentStart += n;
  }
  const end = contentStart + len;
  if (end > limit) throw new Error('truncated');
  return { tag, start: offset, contentStart, end };
}

/** The elements inside a constructed element. */
export function childrenOf(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = parent.contentStart; off < parent.end; ) {
    const el = readTlv(buf, off, parent.end);
    out.push(el);
    off = el.end;
  }
  return out;
}

/** The decoded parts of a certificate the summary reads. */
export interface TbsParts {
  subject: Name;
  issuer: Name;
  extensions: Extensions;
  signatureAlgorithm: AlgorithmIdentifier;
}

/** Splits and decodes a DER certificate; throws on anything that is not a certificate's shape. */
export function readTbsParts(der: Uint8Array): TbsParts {
  const cert = readTlv(der, 0, der.length);
  if (cert.tag !== 0x30) throw new Error('not a sequence');
  const [tbs, sigAlg] = childrenOf(der, cert);
  if (!tbs || !sigAlg || tbs.tag !== 0x30) throw new Error('not a certificate');
  const fields = childrenOf(der, tbs);
  const i = fields[0]?.tag === 0xa0 ? 1 : 0;
  // serial, signature, issuer, validity, subject, subjectPublicKeyInfo, then optional [1] [2] [3].
  const [issuer, subject] = [fields[i + 2], fields[i + 4]];
  if (!issuer || !subject) throw new Error('not a certificate');
  const extField = fields.slice(i + 6).find((f) => f.tag === 0xa3);
  const slice = (t: Tlv) => der.subarray(t.start, t.end);
  const extSeq = extField ? childrenOf(der, extField)[0] : undefined;
  return {
    issuer: AsnConvert.parse(slice(issuer), Name),
    subject: AsnConvert.parse(slice(subject), Name),
    extensions: extSeq ? AsnConvert.parse(slice(extSeq), Extensions) : new Extensions(),
    signatureAlgorithm: AsnConvert.parse(slice(sigAlg), AlgorithmIdentifier),
  };
}
