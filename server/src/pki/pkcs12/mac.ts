// The integrity MAC of a PFX: HMAC keyed by the PKCS#12 KDF (what openssl and Java write), or PBMAC1 (RFC 9579).
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { DigestInfo } from '@peculiar/asn1-rsa';
import { MacData } from '@peculiar/asn1-pfx';
import { PkiError } from '../errors';
import { DER_NULL, OID, Pbkdf2Params, Pbmac1Params } from './pbeParams';
import { HASH_BY_HMAC_OID, HASH_BY_OID, HASH_OID, HASH_SIZES, HMAC_OID, bmpPassword, parseParams, pbkdf2Key, pkcs12Kdf, pkcs12PasswordCandidates } from './kdf';
import type { HashName, WorkBudget } from './kdf';

/** MAC choices; defaults are openssl 3's: HMAC-SHA256 keyed by the PKCS#12 KDF, 2048 iterations. */
export interface MacOptions {
  hash?: HashName;
  iterations?: number;
  salt?: Uint8Array;
  /** Use PBMAC1 (RFC 9579: PBKDF2 key, HMAC) instead of the PKCS#12 KDF. Read by OpenSSL 3.4+. */
  pbmac1?: boolean;
}

/** Computes the MacData of a PFX over `data` (the authSafe content octets). */
export function computeMac(data: Uint8Array, password: string, opts: MacOptions = {}): MacData {
  const hash = opts.hash ?? 'sha256';
  const iterations = opts.iterations ?? 2048;
  const salt = Buffer.from(opts.salt ?? crypto.randomBytes(HASH_SIZES[hash].u));
  if (opts.pbmac1) return pbmac1MacData(data, password, hash, iterations, salt);
  const key = pkcs12Kdf(bmpPassword(password), salt, 3, iterations, HASH_SIZES[hash].u, hash);
  const mac = crypto.createHmac(hash, key).update(data).digest();
  return new MacData({
    mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OID[hash], parameters: DER_NULL }), digest: new OctetString(mac) }),
    macSalt: new OctetString(salt),
    iterations,
  });
}

function pbmac1MacData(data: Uint8Array, password: string, hash: HashName, iterations: number, salt: Buffer): MacData {
  const keyLength = HASH_SIZES[hash].u;
  const hmac = new AlgorithmIdentifier({ algorithm: HMAC_OID[hash], parameters: DER_NULL });
  const kdf = new Pbkdf2Params({ salt: new OctetString(salt), iterationCount: iterations, keyLength, prf: hmac });
  const params = new Pbmac1Params({ keyDerivationFunc: new AlgorithmIdentifier({ algorithm: OID.pbkdf2, parameters: AsnConvert.serialize(kdf) }), messageAuthScheme: hmac });
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, keyLength, hash);
  const mac = crypto.createHmac(hash, key).update(data).digest();
  return new MacData({
    mac: new DigestInfo({ digestAlgorithm: new AlgorithmIdentifier({ algorithm: OID.pbmac1, parameters: AsnConvert.serialize(params) }), digest: new OctetString(mac) }),
    macSalt: new OctetString(salt),
    iterations,
  });
}

/**
 * Checks a PFX MAC. Returns true when some encoding of the password reproduces it, false when none does
 * (a wrong password). Throws UNSUPPORTED for unknown MAC algorithms and LIMIT past the work budget.
 */
export function verifyMac(macData: MacData, data: Uint8Array, password: string, budget?: WorkBudget): boolean {
  const expected = Buffer.from(macData.mac.digest.buffer);
  const algorithm = macData.mac.digestAlgorithm;
  if (algorithm.algorithm === OID.pbmac1) return safeEqual(pbmac1Compute(algorithm, data, password, budget), expected);
  const hash = HASH_BY_OID[algorithm.algorithm];
  if (!hash) throw new PkiError('UNSUPPORTED', `MAC digest ${algorithm.algorithm || '(none named)'} is not supported.`);
  const salt = Buffer.from(macData.macSalt.buffer);
  for (const pw of pkcs12PasswordCandidates(password)) {
    const key = pkcs12Kdf(pw, salt, 3, macData.iterations, HASH_SIZES[hash].u, hash, budget);
    if (safeEqual(crypto.createHmac(hash, key).update(data).digest(), expected)) return true;
  }
  return false;
}

function pbmac1Compute(algorithm: AlgorithmIdentifier, data: Uint8Array, password: string, budget?: WorkBudget): Buffer {
  const params = parseParams(algorithm, Pbmac1Params, 'PBMAC1');
  const hash = HASH_BY_HMAC_OID[params.messageAuthScheme.algorithm];
  if (!hash) throw new PkiError('UNSUPPORTED', `PBMAC1 with ${params.messageAuthScheme.algorithm || '(none named)'} is not supported.`);
  const kdf = parseParams(params.keyDerivationFunc, Pbkdf2Params, 'PBKDF2');
  const key = pbkdf2Key(params.keyDerivationFunc, Buffer.from(password, 'utf8'), kdf.keyLength ?? HASH_SIZES[hash].u, budget);
  return crypto.createHmac(hash, key).update(data).digest();
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** A display name for a PFX MAC, such as `HMAC-SHA256` or `PBMAC1/HMAC-SHA256`, and its iterations. */
export function describeMac(macData: MacData): { name: string; iterations: number } {
  const oid = macData.mac.digestAlgorithm.algorithm;
  if (oid === OID.pbmac1) {
    try {
      const p = AsnConvert.parse(macData.mac.digestAlgorithm.parameters as ArrayBuffer, Pbmac1Params);
      const kdf = AsnConvert.parse(p.keyDerivationFunc.parameters as ArrayBuffer, Pbkdf2Params);
      const hash = HASH_BY_HMAC_OID[p.messageAuthScheme.algorithm];
      return { name: `PBMAC1/HMAC-${(hash ?? p.messageAuthScheme.algorithm).toUpperCase()}`, iterations: Number(kdf.iterationCount) };
    } catch {
      return { name: 'PBMAC1', iterations: Number(macData.iterations) };
    }
  }
  const hash = HASH_BY_OID[oid];
  return { name: hash ? `HMAC-${hash.toUpperCase()}` : oid, iterations: Number(macData.iterations) };
}
