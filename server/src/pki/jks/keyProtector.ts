// Recovering the private keys of JKS and JCEKS entries. Both are Sun's own schemes that no library offers:
// JKS (sun.security.provider.KeyProtector) XORs the PKCS#8 key with a SHA-1 stream seeded by a 20-byte salt
// and appends SHA-1(password + key) as a check; JCEKS (com.sun.crypto.provider.KeyProtector) uses
// PBEWithMD5AndTripleDES, an MD5 key derivation of Sun's own over the two halves of an 8-byte salt.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PkiError } from '../errors';
import type { WorkBudget } from '../pkcs12/crypto';
import { Pkcs12PbeParams } from '../pkcs12/pbeParams';
import { utf16be } from './read';

export const JKS_KEY_PROTECTOR_OID = '1.3.6.1.4.1.42.2.17.1.1';
export const PBE_MD5_TRIPLE_DES_OID = '1.3.6.1.4.1.42.2.19.1';

/** The algorithm that protects a key entry, by name, without decrypting anything. */
export function keyProtection(protectedKey: Uint8Array): string {
  try {
    const oid = AsnConvert.parse(protectedKey, EncryptedPrivateKeyInfo).encryptionAlgorithm.algorithm;
    if (oid === JKS_KEY_PROTECTOR_OID) return 'JKS key protector (SHA-1 stream)';
    if (oid === PBE_MD5_TRIPLE_DES_OID) return 'PBEWithMD5AndTripleDES';
    return oid;
  } catch {
    return 'unknown';
  }
}

/**
 * The PKCS#8 DER of a protected key. Throws BAD_PASSWORD when the password does not recover it, UNSUPPORTED
 * for another scheme, BAD_DER for malformed data and LIMIT when the iteration count is beyond the budget.
 */
export function recoverKey(protectedKey: Uint8Array, password: string, budget: WorkBudget): Buffer {
  let info: EncryptedPrivateKeyInfo;
  try {
    info = AsnConvert.parse(protectedKey, EncryptedPrivateKeyInfo);
  } catch {
    throw new PkiError('BAD_DER', 'A protected key in the Java keystore is malformed.');
  }
  const data = Buffer.from(info.encryptedData.buffer);
  const oid = info.encryptionAlgorithm.algorithm;
  if (oid === JKS_KEY_PROTECTOR_OID) return jksRecover(data, password, budget);
  if (oid === PBE_MD5_TRIPLE_DES_OID) return jceksRecover(info, data, password, budget);
  throw new PkiError('UNSUPPORTED', `Key protection ${oid} is not supported.`);
}

function jksRecover(data: Buffer, password: string, budget: WorkBudget): Buffer {
  if (data.length < 41) throw new PkiError('BAD_DER', 'A protected key in the Java keystore is truncated.');
  const salt = data.subarray(0, 20);
  const encrypted = data.subarray(20, data.length - 20);
  const check = data.subarray(data.length - 20);
  const pw = utf16be(password);
  budget.spend(Math.ceil(encrypted.length / 20));
  const plain = Buffer.alloc(encrypted.length);
  let digest: Buffer = salt;
  for (let off = 0; off < encrypted.length; off += 20) {
    digest = crypto.createHash('sha1').update(pw).update(digest).digest();
    for (let i = 0; i < 20 && off + i < encrypted.length; i++) plain[off + i] = encrypted[off + i] ^ digest[i];
  }
  const expected = crypto.createHash('sha1').update(pw).update(plain).digest();
  if (!crypto.timingSafeEqual(expected, check)) throw new PkiError('BAD_PASSWORD', 'The password does not recover the private key.');
  return plain;
}

function jceksRecover(info: EncryptedPrivateKeyInfo, data: Buffer, password: string, budget: WorkBudget): Buffer {
  let params: Pkcs12PbeParams;
  try {
    params = AsnConvert.parse(info.encryptionAlgorithm.parameters as ArrayBuffer, Pkcs12PbeParams);
  } catch {
    throw new PkiError('BAD_DER', 'The PBE parameters of a JCEKS key are malformed.');
  }
  const salt = Buffer.from(params.salt.buffer);
  const iterations = Number(params.iterations);
  if (salt.length !== 8 || !Number.isSafeInteger(iterations) || iterations < 1) throw new PkiError('BAD_DER', 'The PBE parameters of a JCEKS key are malformed.');
  // Sun's PBEKey accepts printable ASCII only and keeps the low seven bits of each character.
  if (!/^[\x20-\x7e]*$/.test(password)) throw new PkiError('BAD_PASSWORD', 'JCEKS keys take printable ASCII passwords only.');
  budget.spend(iterations * 2);
  const { key, iv } = md5TripleDesKey(Buffer.from(password, 'latin1'), salt, iterations);
  let plain: Buffer;
  try {
    const d = crypto.createDecipheriv('des-ede3-cbc', key, iv);
    plain = Buffer.concat([d.update(data), d.final()]);
  } catch {
    throw new PkiError('BAD_PASSWORD', 'The password does not recover the private key.');
  }
  // A wrong password pads correctly one time in 256; a PKCS#8 structure tells it apart.
  if (plain[0] !== 0x30) throw new PkiError('BAD_PASSWORD', 'The password does not recover the private key.');
  return plain;
}

/**
 * Sun's PBEWithMD5AndTripleDES key and IV: each half of the salt is hashed with the password `iterations` times
 * (MD5(previous + password)); the two 16-byte results make 24 key bytes and 8 IV bytes. When both halves are equal
 * the JDK reverses the first half, with a long-standing slip that writes index 2 instead of 3 - i; we do the same.
 */
export function md5TripleDesKey(password: Buffer, saltIn: Buffer, iterations: number): { key: Buffer; iv: Buffer } {
  const salt = Buffer.from(saltIn);
  if (salt.subarray(0, 4).equals(salt.subarray(4, 8))) {
    for (let i = 0; i < 2; i++) {
      const tmp = salt[i];
      salt[i] = salt[3 - i];
      salt[2] = tmp;
    }
  }
  const out = Buffer.alloc(32);
  for (let half = 0; half < 2; half++) {
    let h: Buffer = salt.subarray(half * 4, half * 4 + 4);
    for (let j = 0; j < iterations; j++) h = crypto.createHash('md5').update(h).update(password).digest();
    h.copy(out, half * 16);
  }
  return { key: out.subarray(0, 24), iv: out.subarray(24, 32) };
}
