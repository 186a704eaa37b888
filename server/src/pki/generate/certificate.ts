import 'reflect-metadata';
import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Extensions, type Extension, type Name, Validity } from '@peculiar/asn1-x509';
import { PkiError } from '../errors';
import { concatBytes, derTlv } from '../../core/der';
import { signatureFor, spkiDer } from './keyPair';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything that goes into one certificate. */
export interface CertificateParams {
  /** Subject as an asn1 Name, or the exact DER bytes of one. */
  subject: Name | Uint8Array;
  /** Issuer DER bytes, copied from the CA's subject so they match byte for byte; the subject when self-signed. */
  issuer?: Uint8Array;
  publicKey: KeyObject;
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Extension[];
}

/** A 20-octet positive serial number from 159 random bits (RFC 5280 caps serials at 20 octets). */
export function randomSerial(): Uint8Array {
  const bytes = new Uint8Array(randomBytes(20));
  // Clear the sign bit; a non-zero first octet keeps the DER minimal, so the serial is always 20 octets.
  bytes[0] &= 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return bytes;
}

/** The validity window certutil uses: from now for `days` whole days (at least one). */
export function validityFor(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  if (!Number.isInteger(days) || days < 1) {
    throw new PkiError('INVALID_INPUT', 'the certificate must be valid for at least one day');
  }
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * DAY_MS) };
}

function nameBytes(name: Name | Uint8Array): Uint8Array {
  return name instanceof Uint8Array ? name : new Uint8Array(AsnConvert.serialize(name));
}

/** Builds, signs and returns the DER of an X.509 v3 certificate. */
export function buildCertificate(params: CertificateParams): Uint8Array {
  const sig = signatureFor(params.signingKey);
  const subject = nameBytes(params.subject);
  const tbs = derTlv(
    0x30,
    concatBytes([
      Uint8Array.of(0xa0, 0x03, 0x02, 0x01, 0x02), // [0] EXPLICIT version v3
      derTlv(0x02, randomSerial()),
      new Uint8Array(AsnConvert.serialize(sig.algorithm)),
      params.issuer ?? subject,
      new Uint8Array(AsnConvert.serialize(new Validity({ notBefore: params.notBefore, notAfter: params.notAfter }))),
      subject,
      spkiDer(params.publicKey),
      derTlv(0xa3, new Uint8Array(AsnConvert.serialize(new Extensions(params.extensions)))),
    ]),
  );
  const signature = new Uint8Array(sign(sig.hash, tbs, params.signingKey));
  return derTlv(
    0x30,
    concatBytes([
      tbs,
      new Uint8Array(AsnConvert.serialize(sig.algorithm)),
      derTlv(0x03, concatBytes([Uint8Array.of(0), signature])),
    ]),
  );
}

const HASH_BY_SIG_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** True when `issuerKey` made the certificate's signature (certutil's verifyIssuer). */
export function isSignedBy(certDer: Uint8Array, issuerKey: KeyObject): boolean {
  const cert = AsnConvert.parse(certDer, Certificate);
  const hash = HASH_BY_SIG_OID[cert.signatureAlgorithm.algorithm];
  if (!hash || !cert.tbsCertificateRaw) return false;
  try {
    return verify(hash, new Uint8Array(cert.tbsCertificateRaw), issuerKey, new Uint8Array(cert.signatureValue));
  } catch {
    return false;
  }
}
