// PKCS#10 certificate requests: subject, requested SANs and key, for inspecting `.csr` files.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { Extensions, SubjectAlternativeName, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { PkiError } from './errors';
import { publicKeyInfo } from './keys';
import type { InspectResult } from './types';
import { formatName } from './x509/names';
import { generalNameToSan } from './x509/summary';
import { EXT } from './x509/oids';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

export type CsrSummary = NonNullable<InspectResult['csrs']>[number];

/** Summarizes a DER CSR; malformed input throws BAD_PEM. */
export function summarizeCsr(der: Uint8Array): CsrSummary {
  try {
    const csr = AsnConvert.parse(der, CertificationRequest);
    const info = csr.certificationRequestInfo;
    const spki = Buffer.from(AsnConvert.serialize(info.subjectPKInfo as SubjectPublicKeyInfo));
    const sans = [];
    for (const attr of info.attributes) {
      if (attr.type !== EXTENSION_REQUEST || !attr.values[0]) continue;
      const exts = AsnConvert.parse(attr.values[0], Extensions);
      const san = exts.find((e) => e.extnID === EXT.subjectAltName);
      if (san) sans.push(...Array.from(AsnConvert.parse(san.extnValue.buffer, SubjectAlternativeName), generalNameToSan));
    }
    return { subject: formatName(info.subject), sans, publicKey: publicKeyInfo(crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' })) };
  } catch {
    throw new PkiError('BAD_PEM', 'The certificate request is malformed.');
  }
}
