// Password-based cryptography of PKCS#12 and encrypted PKCS#8, shared by the readers and the writer of
// PKCS#12 files: PBES2 (RFC 8018) and the legacy PKCS#12 PBE schemes here, the KDF in kdf.ts, the MAC in mac.ts.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { PkiError } from '../errors';
import { rc2CbcDecrypt } from './rc2';
import { DER_NULL, OID, Pbes2Params, Pbkdf2Params, Pkcs12PbeParams } from './pbeParams';
import { HMAC_OID, bmpPassword, parseParams, pbkdf2Key, pkcs12Kdf, pkcs12PasswordCandidates } from './kdf';
import type { WorkBudget } from './kdf';

export { MAX_PBE_WORK, WorkBudget, bmpPassword, pkcs12Kdf, pkcs12PasswordCandidates } from './kdf';
export type { HashName } from './kdf';
export { computeMac, verifyMac, describeMac } from './mac';
export type { MacOptions } from './mac';
export { OID } from './pbeParams';

/** PBES2 ciphers by OID: Node cipher name, key and IV sizes, and the display name. */
const PBES2_CIPHERS: Record<string, { node: string; keyLength: number; ivLength: number; label: string }> = {
  [OID.aes128Cbc]: { node: 'aes-128-cbc', keyLength: 16, ivLength: 16, label: 'AES-128-CBC' },
  [OID.aes192Cbc]: { node: 'aes-192-cbc', keyLength: 24, ivLength: 16, label: 'AES-192-CBC' },
  [OID.aes256Cbc]: { node: 'aes-256-cbc', keyLength: 32, ivLength: 16, label: 'AES-256-CBC' },
  [OID.desEde3Cbc]: { node: 'des-ede3-cbc', keyLength: 24, ivLength: 8, label: 'DES-EDE3-CBC' },
};

/** Legacy PKCS#12 PBE schemes (SHA-1 KDF): key size, RC2 effective bits, display name. */
const PKCS12_PBE: Record<string, { cipher: 'des-ede3-cbc' | 'des-ede-cbc' | 'rc2' | 'rc4'; keyLength: number; label: string }> = {
  [OID.pbeSha1TripleDes]: { cipher: 'des-ede3-cbc', keyLength: 24, label: 'pbeWithSHAAnd3-KeyTripleDES-CBC' },
  [OID.pbeSha1TwoKeyTripleDes]: { cipher: 'des-ede-cbc', keyLength: 16, label: 'pbeWithSHAAnd2-KeyTripleDES-CBC' },
  [OID.pbeSha1Rc2_128]: { cipher: 'rc2', keyLength: 16, label: 'pbeWithSHAAnd128BitRC2-CBC' },
  [OID.pbeSha1Rc2_40]: { cipher: 'rc2', keyLength: 5, label: 'pbeWithSHAAnd40BitRC2-CBC' },
  [OID.pbeSha1Rc4_128]: { cipher: 'rc4', keyLength: 16, label: 'pbeWithSHAAnd128BitRC4' },
  [OID.pbeSha1Rc4_40]: { cipher: 'rc4', keyLength: 5, label: 'pbeWithSHAAnd40BitRC4' },
};

/** Options for decryption: a shared work budget and a check that the plaintext looks right (wrong keys often pad fine). */
export interface DecryptOptions {
  budget?: WorkBudget;
  accept?: (plain: Buffer) => boolean;
}

/**
 * Decrypts data protected by PBES2 or a legacy PKCS#12 PBE scheme. Throws PkiError: BAD_PASSWORD when no
 * password encoding gives acceptable plaintext, UNSUPPORTED for unknown schemes, LIMIT when the work is too high.
 */
export function decryptPbe(algorithm: AlgorithmIdentifier, data: Uint8Array, password: string, opts: DecryptOptions = {}): Buffer {
  const attempts = algorithm.algorithm === OID.pbes2 ? [() => pbes2Decrypt(algorithm, data, Buffer.from(password, 'utf8'), opts.budget)] : pkcs12PasswordCandidates(password).map((pw) => () => pkcs12PbeDecrypt(algorithm, data, pw, opts.budget));
  for (const attempt of attempts) {
    try {
      const plain = attempt();
      if (!opts.accept || opts.accept(plain)) return plain;
    } catch (e) {
      if (!(e instanceof PkiError) || e.code !== 'BAD_PASSWORD') throw e;
    }
  }
  throw new PkiError('BAD_PASSWORD', password === '' ? 'A password is needed to decrypt this data.' : 'The password is wrong: the data did not decrypt.');
}

function pbes2Decrypt(algorithm: AlgorithmIdentifier, data: Uint8Array, password: Buffer, budget?: WorkBudget): Buffer {
  const params = parseParams(algorithm, Pbes2Params, 'PBES2');
  const cipher = PBES2_CIPHERS[params.encryptionScheme.algorithm];
  if (!cipher) throw new PkiError('UNSUPPORTED', `PBES2 cipher ${params.encryptionScheme.algorithm || '(none named)'} is not supported.`);
  const iv = Buffer.from(parseParams(params.encryptionScheme, OctetString, 'cipher IV').buffer);
  if (iv.length !== cipher.ivLength) throw new PkiError('BAD_PKCS12', 'The cipher IV has the wrong length.');
  const key = pbkdf2Key(params.keyDerivationFunc, password, cipher.keyLength, budget);
  return nodeDecrypt(cipher.node, key, iv, data);
}

function pkcs12PbeDecrypt(algorithm: AlgorithmIdentifier, data: Uint8Array, password: Buffer, budget?: WorkBudget): Buffer {
  const scheme = PKCS12_PBE[algorithm.algorithm];
  if (!scheme) throw new PkiError('UNSUPPORTED', `Encryption algorithm ${algorithm.algorithm || '(none named)'} is not supported.`);
  if (scheme.cipher === 'rc4') throw new PkiError('UNSUPPORTED', `${scheme.label} is not supported.`);
  const p = parseParams(algorithm, Pkcs12PbeParams, 'PKCS#12 PBE');
  const salt = Buffer.from(p.salt.buffer);
  const key = pkcs12Kdf(password, salt, 1, p.iterations, scheme.keyLength, 'sha1', budget);
  const iv = pkcs12Kdf(password, salt, 2, p.iterations, 8, 'sha1', budget);
  if (scheme.cipher === 'rc2') return rc2CbcDecrypt(key, scheme.keyLength * 8, iv, data);
  return nodeDecrypt(scheme.cipher, key, iv, data);
}

function nodeDecrypt(cipher: string, key: Buffer, iv: Buffer, data: Uint8Array): Buffer {
  try {
    const d = crypto.createDecipheriv(cipher, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new PkiError('BAD_PASSWORD', 'The data did not decrypt.');
  }
}

/** Encrypted data with the algorithm identifier that says how to decrypt it. */
export interface PbeResult {
  algorithm: AlgorithmIdentifier;
  data: Buffer;
}

/** PBES2 choices; defaults are openssl 3's: PBKDF2-HMAC-SHA256, AES-256-CBC, 2048 iterations. */
export interface Pbes2Options {
  prf?: 'sha1' | 'sha256' | 'sha512';
  cipher?: 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc';
  iterations?: number;
  salt?: Uint8Array;
  iv?: Uint8Array;
}

/** Encrypts with PBES2 (password as UTF-8, as openssl and Java do) and returns the AlgorithmIdentifier to store. */
export function encryptPbes2(data: Uint8Array, password: string, opts: Pbes2Options = {}): PbeResult {
  const cipherOid = Object.keys(PBES2_CIPHERS).find((oid) => PBES2_CIPHERS[oid].node === (opts.cipher ?? 'aes-256-cbc')) as string;
  const cipher = PBES2_CIPHERS[cipherOid];
  const prf = opts.prf ?? 'sha256';
  const salt = Buffer.from(opts.salt ?? crypto.randomBytes(16));
  const iv = Buffer.from(opts.iv ?? crypto.randomBytes(cipher.ivLength));
  const iterations = opts.iterations ?? 2048;
  const kdfParams = new Pbkdf2Params({ salt: new OctetString(salt), iterationCount: iterations, prf: new AlgorithmIdentifier({ algorithm: HMAC_OID[prf], parameters: DER_NULL }) });
  const params = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: OID.pbkdf2, parameters: AsnConvert.serialize(kdfParams) }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: cipherOid, parameters: AsnConvert.serialize(new OctetString(iv)) }),
  });
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  const enc = crypto.createCipheriv(cipher.node, key, iv);
  return { algorithm: new AlgorithmIdentifier({ algorithm: OID.pbes2, parameters: AsnConvert.serialize(params) }), data: Buffer.concat([enc.update(data), enc.final()]) };
}

/**
 * Encrypts with pbeWithSHAAnd3-KeyTripleDES-CBC, the legacy scheme every PKCS#12 reader (Java 8, OpenSSL 1.x)
 * understands. The password is encoded as a BMPString (empty gives two zero bytes, as openssl writes it).
 */
export function encryptPkcs12TripleDes(data: Uint8Array, password: string, opts: { iterations?: number; salt?: Uint8Array } = {}): PbeResult {
  const salt = Buffer.from(opts.salt ?? crypto.randomBytes(8));
  const iterations = opts.iterations ?? 2048;
  const pw = bmpPassword(password);
  const key = pkcs12Kdf(pw, salt, 1, iterations, 24, 'sha1');
  const iv = pkcs12Kdf(pw, salt, 2, iterations, 8, 'sha1');
  const enc = crypto.createCipheriv('des-ede3-cbc', key, iv);
  const params = AsnConvert.serialize(new Pkcs12PbeParams({ salt: new OctetString(salt), iterations }));
  return { algorithm: new AlgorithmIdentifier({ algorithm: OID.pbeSha1TripleDes, parameters: params }), data: Buffer.concat([enc.update(data), enc.final()]) };
}

/** A display name and iteration count for an encryption AlgorithmIdentifier, such as `PBES2/AES-256-CBC`. */
export function describePbe(algorithm: AlgorithmIdentifier): { name: string; iterations?: number } {
  try {
    if (algorithm.algorithm === OID.pbes2) {
      const p = AsnConvert.parse(algorithm.parameters as ArrayBuffer, Pbes2Params);
      const kdf = AsnConvert.parse(p.keyDerivationFunc.parameters as ArrayBuffer, Pbkdf2Params);
      return { name: `PBES2/${PBES2_CIPHERS[p.encryptionScheme.algorithm]?.label ?? p.encryptionScheme.algorithm}`, iterations: Number(kdf.iterationCount) };
    }
    const scheme = PKCS12_PBE[algorithm.algorithm];
    if (scheme) return { name: scheme.label, iterations: Number(AsnConvert.parse(algorithm.parameters as ArrayBuffer, Pkcs12PbeParams).iterations) };
  } catch {
    // Malformed parameters: fall back to the OID.
  }
  return { name: algorithm.algorithm };
}

