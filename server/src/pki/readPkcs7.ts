// PKCS#7 / CMS certificate bundles (.p7b, .p7c; PEM "PKCS7" or DER): the certificates and CRLs of a SignedData.
// Java's CertificateFactory.generateCertificates reads these, so Elasticsearch accepts them wherever it takes
// certificates (PemUtils.readCertificates in elastic/elasticsearch libs/ssl-config).
// @peculiar/asn1-cms decodes the ContentInfo; SignedData is split by hand because that library's
// RevocationInfoChoice has no CRL choice (it would refuse a bundle holding a CRL), and to keep each
// certificate's exact bytes for fingerprints.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, id_signedData } from '@peculiar/asn1-cms';
import { PkiError } from './errors';
import type { Deadline } from './limits';
import { MAX_PEM_BLOCKS } from './limits';
import type { ParsedFile } from './parsed';
import type { ReadOptions } from './parsed';
import { summarizeCrl } from './crl';
import { parseCertificate } from './x509/summary';
import { children as childrenOf, readElement } from '../core/der';

/** The DER certificates and CRLs of a PKCS#7 SignedData. */
export interface Pkcs7Contents {
  certificates: Uint8Array[];
  crls: Uint8Array[];
}


/** Splits a PKCS#7 SignedData; throws PkiError('BAD_DER') when it is not one. */
export function readPkcs7(der: Uint8Array): Pkcs7Contents {
  let info: ContentInfo;
  try {
    info = AsnConvert.parse(der, ContentInfo);
  } catch {
    throw new PkiError('BAD_DER', 'The data is not a PKCS#7 structure.');
  }
  if (info.contentType !== id_signedData) throw new PkiError('UNSUPPORTED', `PKCS#7 content of type ${info.contentType} holds no certificates; only signedData bundles are read.`);
  try {
    return splitSignedData(new Uint8Array(info.content));
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new PkiError('BAD_DER', 'The PKCS#7 SignedData is malformed.');
  }
}

function splitSignedData(content: Uint8Array): Pkcs7Contents {
  const seq = readElement(content, 0);
  if (seq.tag !== 0x30) throw new PkiError('BAD_DER', 'The PKCS#7 SignedData is malformed.');
  const out: Pkcs7Contents = { certificates: [], crls: [] };
  // version, digestAlgorithms, encapContentInfo, [0] IMPLICIT certificates, [1] IMPLICIT crls, signerInfos
  for (const field of childrenOf(content, seq).slice(3)) {
    const target = field.tag === 0xa0 ? out.certificates : field.tag === 0xa1 ? out.crls : undefined;
    if (!target) continue;
    for (const item of childrenOf(content, field)) {
      if (out.certificates.length + out.crls.length >= MAX_PEM_BLOCKS) throw new PkiError('LIMIT', `The PKCS#7 bundle holds more than ${MAX_PEM_BLOCKS} certificates and CRLs.`);
      // Only plain certificates (SEQUENCE); attribute certificates and other formats are tagged [1]..[3].
      if (item.tag === 0x30) target.push(content.subarray(item.start, item.end));
    }
  }
  return out;
}

/** Adds a PKCS#7 bundle's certificates and CRLs to `file`. */
export function addPkcs7(file: ParsedFile, der: Uint8Array, opts: ReadOptions, deadline: Deadline): void {
  const contents = readPkcs7(der);
  for (const [i, certDer] of contents.certificates.entries()) {
    if (i % 32 === 0) deadline.check();
    const cert = parseCertificate(certDer, opts.clock);
    file.certificates.push(cert);
    file.result.certificates.push(cert.summary);
  }
  for (const crlDer of contents.crls) (file.result.crls ??= []).push(summarizeCrl(crlDer, opts.clock, deadline));
}
