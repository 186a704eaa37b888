// RC2 (RFC 2268) in CBC mode. Old PKCS#12 files (Java 8, `openssl pkcs12 -legacy`, older certutil) encrypt
// their certificates with 40-bit RC2, and Node's default OpenSSL provider no longer offers RC2, so it lives here.
import { PkiError } from '../errors';

// The RFC's PITABLE: a permutation of 0..255 derived from the digits of pi.
const PITABLE = Uint8Array.from(
  Buffer.from(
    'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2' +
      '179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e82' +
      '54d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
      '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed7' +
      '08e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ec' +
      'c2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
      '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a9' +
      '0d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
    'hex',
  ),
);

const BLOCK = 8;
const ROTATIONS = [1, 2, 3, 5];

/** Expands a key (1..128 bytes) into RC2's 64 16-bit subkeys with the given effective key length in bits. */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  if (key.length < 1 || key.length > 128) throw new PkiError('UNSUPPORTED', 'RC2 keys must be 1 to 128 bytes long.');
  if (effectiveBits < 1 || effectiveBits > 1024) throw new PkiError('UNSUPPORTED', 'RC2 effective key length must be 1 to 1024 bits.');
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i++) l[i] = PITABLE[(l[i - 1] + l[i - t]) & 0xff];
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = PITABLE[l[128 - t8] & tm];
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[l[i + 1] ^ l[i + t8]];
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = l[2 * i] | (l[2 * i + 1] << 8);
  return k;
}

function rol16(x: number, s: number): number {
  return ((x << s) | (x >>> (16 - s))) & 0xffff;
}

function ror16(x: number, s: number): number {
  return ((x >>> s) | (x << (16 - s))) & 0xffff;
}

function readWords(block: Uint8Array, offset: number): number[] {
  const r: number[] = [];
  for (let i = 0; i < 4; i++) r.push(block[offset + 2 * i] | (block[offset + 2 * i + 1] << 8));
  return r;
}

function writeWords(r: number[], out: Uint8Array, offset: number): void {
  for (let i = 0; i < 4; i++) {
    out[offset + 2 * i] = r[i] & 0xff;
    out[offset + 2 * i + 1] = r[i] >>> 8;
  }
}

/** Encrypts one 8-byte block in place (ECB). */
export function rc2EncryptBlock(k: Uint16Array, data: Uint8Array, offset = 0): void {
  const r = readWords(data, offset);
  let j = 0;
  const mix = (): void => {
    for (let i = 0; i < 4; i++) {
      const sum = r[i] + k[j++] + (r[(i + 3) & 3] & r[(i + 2) & 3]) + (~r[(i + 3) & 3] & 0xffff & r[(i + 1) & 3]);
      r[i] = rol16(sum & 0xffff, ROTATIONS[i]);
    }
  };
  const mash = (): void => {
    for (let i = 0; i < 4; i++) r[i] = (r[i] + k[r[(i + 3) & 3] & 63]) & 0xffff;
  };
  for (const rounds of [5, -1, 6, -1, 5]) {
    if (rounds < 0) mash();
    else for (let n = 0; n < rounds; n++) mix();
  }
  writeWords(r, data, offset);
}

/** Decrypts one 8-byte block in place (ECB). */
export function rc2DecryptBlock(k: Uint16Array, data: Uint8Array, offset = 0): void {
  const r = readWords(data, offset);
  let j = 63;
  const rmix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const x = ror16(r[i], ROTATIONS[i]);
      r[i] = (x - k[j--] - (r[(i + 3) & 3] & r[(i + 2) & 3]) - (~r[(i + 3) & 3] & 0xffff & r[(i + 1) & 3])) & 0xffff;
    }
  };
  const rmash = (): void => {
    for (let i = 3; i >= 0; i--) r[i] = (r[i] - k[r[(i + 3) & 3] & 63]) & 0xffff;
  };
  for (const rounds of [5, -1, 6, -1, 5]) {
    if (rounds < 0) rmash();
    else for (let n = 0; n < rounds; n++) rmix();
  }
  writeWords(r, data, offset);
}

/** RC2-CBC decryption with PKCS#7 padding; a bad pad throws BAD_PASSWORD (the usual sign of a wrong key). */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Buffer {
  if (iv.length !== BLOCK) throw new PkiError('BAD_PKCS12', 'RC2 needs an 8-byte IV.');
  if (data.length === 0 || data.length % BLOCK !== 0) throw new PkiError('BAD_PASSWORD', 'The encrypted data is not a whole number of RC2 blocks.');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = Buffer.from(data);
  let prev = Uint8Array.from(iv);
  for (let off = 0; off < out.length; off += BLOCK) {
    const cipherBlock = Uint8Array.from(out.subarray(off, off + BLOCK));
    rc2DecryptBlock(k, out, off);
    for (let i = 0; i < BLOCK; i++) out[off + i] ^= prev[i];
    prev = cipherBlock;
  }
  return stripPadding(out);
}

/** RC2-CBC encryption with PKCS#7 padding (for tests and completeness; writers use AES or 3DES). */
export function rc2CbcEncrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Buffer {
  if (iv.length !== BLOCK) throw new PkiError('INVALID_INPUT', 'RC2 needs an 8-byte IV.');
  const k = rc2ExpandKey(key, effectiveBits);
  const pad = BLOCK - (data.length % BLOCK);
  const out = Buffer.alloc(data.length + pad, pad);
  out.set(data);
  let prev: Uint8Array = iv;
  for (let off = 0; off < out.length; off += BLOCK) {
    for (let i = 0; i < BLOCK; i++) out[off + i] ^= prev[i];
    rc2EncryptBlock(k, out, off);
    prev = out.subarray(off, off + BLOCK);
  }
  return out;
}

function stripPadding(out: Buffer): Buffer {
  const pad = out[out.length - 1];
  if (pad < 1 || pad > BLOCK) throw new PkiError('BAD_PASSWORD', 'The data did not decrypt (bad padding).');
  for (let i = out.length - pad; i < out.length; i++) {
    if (out[i] !== pad) throw new PkiError('BAD_PASSWORD', 'The data did not decrypt (bad padding).');
  }
  return out.subarray(0, out.length - pad);
}
