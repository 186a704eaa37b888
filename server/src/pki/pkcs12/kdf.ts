// Key derivation for PKCS#12: the RFC 7292 appendix B KDF, password encodings, PBKDF2 from an
// AlgorithmIdentifier, and a work budget that bounds what a hostile file can make us compute.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { PkiError } from '../errors';
import { OID, Pbkdf2Params } from './pbeParams';

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/**
 * The most key-derivation work one file may cost, in iterations. PBKDF2 runs natively and counts one unit per
 * iteration and output block; the PKCS#12 KDF calls Node's hash once per round, about five times slower than a
 * PBKDF2 iteration (1.1 µs against 0.2 µs, measured on the 2-core build machine under load), and counts four.
 * Real files cost little (openssl writes 2048 iterations, Java 10000 for the key, the certificates and the MAC:
 * about 100,000 units with both empty-password encodings tried). 2,000,000 units leave twenty times that, while a
 * crafted file is refused after well under a second of hashing (10,000,000 let one take about 4.5 s of CPU).
 */
export const MAX_PBE_WORK = 2_000_000;

/** Counts key-derivation work across one file so a hostile iteration count fails fast with LIMIT. */
export class WorkBudget {
  private spent = 0;
  constructor(readonly limit: number = MAX_PBE_WORK) {}

  /** Reserves work before doing it; throws PkiError('LIMIT') when the file would exceed the budget. */
  spend(units: number): void {
    if (!Number.isSafeInteger(units) || units < 0 || this.spent + units > this.limit) {
      throw new PkiError('LIMIT', `The file asks for more password-hashing work than allowed (${this.limit.toLocaleString('en-US')} iterations).`);
    }
    this.spent += units;
  }
}

export const HASH_BY_OID: Record<string, HashName> = {
  [OID.sha1]: 'sha1', [OID.sha224]: 'sha224', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512',
};
export const HASH_BY_HMAC_OID: Record<string, HashName> = {
  [OID.hmacSha1]: 'sha1', [OID.hmacSha224]: 'sha224', [OID.hmacSha256]: 'sha256', [OID.hmacSha384]: 'sha384', [OID.hmacSha512]: 'sha512',
};
export const HASH_OID: Record<HashName, string> = { sha1: OID.sha1, sha224: OID.sha224, sha256: OID.sha256, sha384: OID.sha384, sha512: OID.sha512 };
export const HMAC_OID: Record<HashName, string> = { sha1: OID.hmacSha1, sha224: OID.hmacSha224, sha256: OID.hmacSha256, sha384: OID.hmacSha384, sha512: OID.hmacSha512 };
export const HASH_SIZES: Record<HashName, { u: number; v: number }> = {
  sha1: { u: 20, v: 64 }, sha224: { u: 28, v: 64 }, sha256: { u: 32, v: 64 }, sha384: { u: 48, v: 128 }, sha512: { u: 64, v: 128 },
};

// One-shot hashing (Node 20.12+) avoids a Hash object per call, which halves the cost of a KDF round; older
// Node falls back to createHash.
const oneShot = (crypto as unknown as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;

/** The digest of `data` with Node's hash. */
export function nodeDigest(hash: string, data: Uint8Array): Buffer {
  return oneShot ? oneShot(hash, data, 'buffer') : crypto.createHash(hash).update(data).digest();
}

/** H applied `rounds` more times to `digest` (already one H output): RFC 7292 B.2 step 6, A = H^c(D||I). */
export function rehash(hash: string, digest: Buffer, rounds: number): Buffer {
  let a = digest;
  for (let r = 0; r < rounds; r++) a = nodeDigest(hash, a);
  return a;
}

/** The password as PKCS#12 wants it for its own KDF: UTF-16 big-endian plus two zero bytes ("" gives 00 00). */
export function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/**
 * Password encodings to try with the PKCS#12 KDF. An empty password is written either as an empty BMPString
 * (two zero bytes, as openssl does) or as zero bytes (some Java and other writers), so both are tried.
 */
export function pkcs12PasswordCandidates(password: string): Buffer[] {
  return password === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(password)];
}

function repeatTo(source: Uint8Array, length: number): Buffer {
  const out = Buffer.alloc(length);
  if (source.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = source[i % source.length];
  return out;
}

/**
 * The PKCS#12 key derivation (RFC 7292 B.2). `id` 1 derives a cipher key, 2 an IV, 3 a MAC key.
 * `password` is already encoded (see `bmpPassword`). Spends `iterations * blocks * 4` units of `budget`.
 */
export function pkcs12Kdf(password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterationsValue: number | string, length: number, hash: HashName, budget?: WorkBudget): Buffer {
  const { u, v } = HASH_SIZES[hash];
  const blocks = Math.ceil(length / u);
  const iterations = iterationCount(iterationsValue);
  budget?.spend(iterations * blocks * 4);
  if (!Number.isSafeInteger(iterations)) throw new PkiError('LIMIT', 'The iteration count is too large.');
  const d = Buffer.alloc(v, id);
  const s = repeatTo(salt, v * Math.ceil(salt.length / v));
  const p = repeatTo(password, v * Math.ceil(password.length / v));
  const input = Buffer.concat([s, p]);
  const out: Buffer[] = [];
  for (let i = 0; i < blocks; i++) {
    const a = rehash(hash, nodeDigest(hash, Buffer.concat([d, input])), iterations - 1);
    out.push(a);
    if (i === blocks - 1) break;
    const b = repeatTo(a, v);
    for (let j = 0; j < input.length; j += v) addBlock(input, j, v, b);
  }
  return Buffer.concat(out).subarray(0, length);
}

/**
 * An ASN.1 INTEGER iteration count as a number. The schema library hands large values over as decimal strings;
 * huge counts stay huge (so the budget answers LIMIT), and zero, negative or non-numeric ones are BAD_PKCS12.
 */
export function iterationCount(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1) || !Number.isInteger(n)) throw new PkiError('BAD_PKCS12', 'The iteration count is not a positive number.');
  return n;
}

/** input[off..off+v) = (input[off..off+v) + b + 1) mod 2^(8v), big-endian. */
function addBlock(input: Buffer, off: number, v: number, b: Buffer): void {
  let carry = 1;
  for (let k = v - 1; k >= 0; k--) {
    const sum = input[off + k] + b[k] + carry;
    input[off + k] = sum & 0xff;
    carry = sum >>> 8;
  }
}

/** Parses an AlgorithmIdentifier's parameters; malformed or missing ones are BAD_PKCS12. */
export function parseParams<T>(alg: AlgorithmIdentifier, type: new () => T, what: string): T {
  if (!alg.parameters) throw new PkiError('BAD_PKCS12', `The ${what} parameters are missing.`);
  try {
    return AsnConvert.parse(alg.parameters, type);
  } catch {
    throw new PkiError('BAD_PKCS12', `The ${what} parameters are malformed.`);
  }
}

/** Derives a key with PBKDF2 from its AlgorithmIdentifier (any PRF we know), spending `budget`. */
export function pbkdf2Key(kdf: AlgorithmIdentifier, password: Buffer, keyLength: number, budget?: WorkBudget): Buffer {
  if (kdf.algorithm !== OID.pbkdf2) throw new PkiError('UNSUPPORTED', `Key derivation ${kdf.algorithm || '(none named)'} is not supported (only PBKDF2).`);
  const p = parseParams(kdf, Pbkdf2Params, 'PBKDF2');
  const hash = p.prf ? HASH_BY_HMAC_OID[p.prf.algorithm] : 'sha1';
  if (!hash) throw new PkiError('UNSUPPORTED', `PBKDF2 with PRF ${p.prf?.algorithm || '(none named)'} is not supported.`);
  if (p.keyLength !== undefined && p.keyLength !== keyLength) throw new PkiError('BAD_PKCS12', 'The PBKDF2 key length does not fit the cipher.');
  const iterations = iterationCount(p.iterationCount);
  budget?.spend(iterations * Math.ceil(keyLength / HASH_SIZES[hash].u));
  if (!Number.isSafeInteger(iterations)) throw new PkiError('LIMIT', 'The iteration count is too large.');
  return crypto.pbkdf2Sync(password, Buffer.from(p.salt.buffer), iterations, keyLength, hash);
}

