import 'reflect-metadata';
import { createHash, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { PkiError } from '../errors';
import { publicKeyInfo } from '../keys';
import type { KeySpec } from './types';

const generateKeyPairAsync = promisify(generateKeyPair);

/** A private key with its public half, as Node key objects. */
export interface KeyPairObjects {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** certutil's default key: RSA 2048. */
export const DEFAULT_KEY: KeySpec = { type: 'rsa', bits: 2048 };

/** Refuses key specs outside the supported set (the type allows only these, but requests arrive as JSON). */
export function checkKeySpec(spec: KeySpec): void {
  if (spec.type === 'rsa' && [2048, 3072, 4096].includes(spec.bits)) return;
  if (spec.type === 'ec' && ['P-256', 'P-384'].includes(spec.curve)) return;
  throw new PkiError('INVALID_INPUT', 'Key must be RSA 2048, 3072 or 4096, or EC P-256 or P-384.');
}

/** Makes a fresh key pair with native OpenSSL (RSA public exponent 65537). */
export async function newKeyPair(spec: KeySpec = DEFAULT_KEY): Promise<KeyPairObjects> {
  checkKeySpec(spec);
  if (spec.type === 'rsa') return generateKeyPairAsync('rsa', { modulusLength: spec.bits, publicExponent: 0x10001 });
  return generateKeyPairAsync('ec', { namedCurve: spec.curve === 'P-256' ? 'prime256v1' : 'secp384r1' });
}

/** Signature algorithm for a signing key: SHA-256 with RSA, ECDSA with a hash matched to the curve. */
export interface SignatureChoice {
  hash: 'sha256' | 'sha384' | 'sha512';
  algorithm: AlgorithmIdentifier;
}

const OID_SHA256_RSA = '1.2.840.113549.1.1.11';
const ECDSA_OIDS = { sha256: '1.2.840.10045.4.3.2', sha384: '1.2.840.10045.4.3.3', sha512: '1.2.840.10045.4.3.4' };

export function signatureFor(signingKey: KeyObject): SignatureChoice {
  const type = signingKey.asymmetricKeyType;
  if (type === 'rsa') {
    // RSA signature AlgorithmIdentifiers carry an explicit NULL parameter (RFC 4055).
    return { hash: 'sha256', algorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256_RSA, parameters: null }) };
  }
  if (type === 'ec') {
    // Read through publicKeyInfo: a malformed EC key's raw details would abort the process.
    const curve = publicKeyInfo(signingKey).curve;
    const hash = curve === 'P-384' ? 'sha384' : curve === 'P-521' ? 'sha512' : 'sha256';
    return { hash, algorithm: new AlgorithmIdentifier({ algorithm: ECDSA_OIDS[hash] }) };
  }
  throw new PkiError('UNSUPPORTED', `A ${type ?? 'unknown'} key cannot sign here; use an RSA or EC key.`);
}

/** The SubjectPublicKeyInfo DER of a public (or private) key. */
export function spkiDer(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return new Uint8Array(pub.export({ type: 'spki', format: 'der' }));
}

export function parseSpki(key: KeyObject): SubjectPublicKeyInfo {
  return AsnConvert.parse(spkiDer(key), SubjectPublicKeyInfo);
}

/** RFC 5280 method 1 key identifier: SHA-1 of the subjectPublicKey bits (what certutil's BouncyCastle computes). */
export function keyIdentifier(key: KeyObject): Uint8Array {
  const spki = parseSpki(key);
  return new Uint8Array(createHash('sha1').update(new Uint8Array(spki.subjectPublicKey)).digest());
}
