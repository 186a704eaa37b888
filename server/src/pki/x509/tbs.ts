// A fast split of a certificate's DER into the parts the summary needs. Decoding a whole certificate with the
// ASN.1 schema library costs milliseconds; decoding only the names and extensions costs a fraction of that,
// which matters for CA bundles with hundreds of certificates.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Extensions, Name } from '@peculiar/asn1-x509';
import { children, readElement, type DerElement } from '../../core/der';

/** The decoded parts of a certificate the summary reads. */
export interface TbsParts {
  subject: Name;
  issuer: Name;
  extensions: Extensions;
  signatureAlgorithm: AlgorithmIdentifier;
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
    issuer: AsnConvert.parse(slice(issuer), Name),
    subject: AsnConvert.parse(slice(subject), Name),
    extensions: extSeq ? AsnConvert.parse(slice(extSeq), Extensions) : new Extensions(),
    signatureAlgorithm: AsnConvert.parse(slice(sigAlg), AlgorithmIdentifier),
  };
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
