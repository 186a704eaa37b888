// ASN.1 shapes of the password-based algorithms PKCS#12 and encrypted PKCS#8 use (RFC 8018, RFC 7292, RFC 9579),
// plus the OIDs that name them. The peculiar packages define the containers but not these parameters.
import 'reflect-metadata';
import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { EncryptedContent, EncryptedContentInfo } from '@peculiar/asn1-cms';

/** Object identifiers of the password-based schemes, ciphers and digests we read or write. */
export const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
  pbeSha1Rc4_128: '1.2.840.113549.1.12.1.1',
  pbeSha1Rc4_40: '1.2.840.113549.1.12.1.2',
  pbeSha1TripleDes: '1.2.840.113549.1.12.1.3',
  pbeSha1TwoKeyTripleDes: '1.2.840.113549.1.12.1.4',
  pbeSha1Rc2_128: '1.2.840.113549.1.12.1.5',
  pbeSha1Rc2_40: '1.2.840.113549.1.12.1.6',
  hmacSha1: '1.2.840.113549.2.7',
  hmacSha224: '1.2.840.113549.2.8',
  hmacSha256: '1.2.840.113549.2.9',
  hmacSha384: '1.2.840.113549.2.10',
  hmacSha512: '1.2.840.113549.2.11',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** `pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }` */
export class Pkcs12PbeParams {
  @AsnProp({ type: OctetString })
  salt = new OctetString();

  @AsnProp({ type: AsnPropTypes.Integer })
  iterations = 0;

  constructor(params: Partial<Pkcs12PbeParams> = {}) {
    Object.assign(this, params);
  }
}

/** `PBKDF2-params`; only the `specified` salt choice is supported (the only one in use). */
export class Pbkdf2Params {
  @AsnProp({ type: OctetString })
  salt = new OctetString();

  @AsnProp({ type: AsnPropTypes.Integer })
  iterationCount = 0;

  @AsnProp({ type: AsnPropTypes.Integer, optional: true })
  keyLength?: number;

  @AsnProp({ type: AlgorithmIdentifier, optional: true })
  prf?: AlgorithmIdentifier;

  constructor(params: Partial<Pbkdf2Params> = {}) {
    Object.assign(this, params);
  }
}

/** `PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }` */
export class Pbes2Params {
  @AsnProp({ type: AlgorithmIdentifier })
  keyDerivationFunc = new AlgorithmIdentifier();

  @AsnProp({ type: AlgorithmIdentifier })
  encryptionScheme = new AlgorithmIdentifier();

  constructor(params: Partial<Pbes2Params> = {}) {
    Object.assign(this, params);
  }
}

/** `PBMAC1-params ::= SEQUENCE { keyDerivationFunc, messageAuthScheme }` (RFC 8018 A.5, RFC 9579). */
export class Pbmac1Params {
  @AsnProp({ type: AlgorithmIdentifier })
  keyDerivationFunc = new AlgorithmIdentifier();

  @AsnProp({ type: AlgorithmIdentifier })
  messageAuthScheme = new AlgorithmIdentifier();

  constructor(params: Partial<Pbmac1Params> = {}) {
    Object.assign(this, params);
  }
}

/**
 * CMS `EncryptedData ::= SEQUENCE { version, encryptedContentInfo, unprotectedAttrs [1] OPTIONAL }`: the
 * password-encrypted SafeContents of a PFX (content type 1.2.840.113549.1.7.6). Attributes are not read.
 */
export class EncryptedData {
  @AsnProp({ type: AsnPropTypes.Integer })
  version = 0;

  @AsnProp({ type: EncryptedContentInfo })
  encryptedContentInfo = new EncryptedContentInfo();

  constructor(params: Partial<EncryptedData> = {}) {
    Object.assign(this, params);
  }
}

/** The ciphertext bytes of an EncryptedContentInfo, whether primitive or constructed (BER) on the wire. */
export function encryptedContentBytes(content: EncryptedContent | undefined): Buffer | undefined {
  if (!content) return undefined;
  if (content.value) return Buffer.from(content.value.buffer);
  if (content.constructedValue) return Buffer.concat(content.constructedValue.map((part) => Buffer.from(part.buffer)));
  return undefined;
}

/** DER of ASN.1 NULL, the parameters HMAC and digest algorithm identifiers carry. */
export const DER_NULL: ArrayBuffer = new Uint8Array([0x05, 0x00]).buffer;
