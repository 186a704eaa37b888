// Re-signs a test certificate with MD5 or SHA-1, which WebCrypto cannot: the signature algorithm is rewritten
// in the TBS and the outer certificate, and Node's crypto (OpenSSL) signs the new TBS with the issuer's RSA key.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import type { TestCert } from './certs';

const RSA_OIDS = { md5: '1.2.840.113549.1.1.4', sha1: '1.2.840.113549.1.1.5' } as const;

/** The same certificate signed by `issuer` (its RSA key) with `hash`; the subject's key stays. */
export function resign(cert: TestCert, issuer: TestCert, hash: keyof typeof RSA_OIDS): TestCert {
  const parsed = AsnConvert.parse(cert.der, Certificate);
  parsed.tbsCertificate.signature.algorithm = RSA_OIDS[hash];
  parsed.signatureAlgorithm.algorithm = RSA_OIDS[hash];
  const tbs = Buffer.from(AsnConvert.serialize(parsed.tbsCertificate));
  parsed.signatureValue = new Uint8Array(crypto.sign(hash, tbs, issuer.key)).buffer;
  const der = Buffer.from(AsnConvert.serialize(parsed));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { ...cert, der, pem };
}
