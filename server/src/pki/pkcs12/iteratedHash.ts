// Re-hashing a digest many times over, as the PKCS#12 KDF does (RFC 7292 B.2 step 6: A = H^c(D||I)).
// Each round hashes one short digest, which fits a single SHA-1 or SHA-256 block; a native hash call costs
// about 3 µs of call overhead for that, while one compression in JavaScript costs a fraction of it. So for
// SHA-1 and SHA-256 the rounds after the first run here on preallocated words; other hashes use Node's.
import * as crypto from 'node:crypto';

// One-shot hashing (Node 20.12+) avoids a Hash object per call; older Node falls back to createHash.
const oneShot = (crypto as unknown as { hash?: (alg: string, data: Uint8Array, enc: 'buffer') => Buffer }).hash;

/** The digest of `data` with a Node hash. */
export function nodeDigest(hash: string, data: Uint8Array): Buffer {
  return oneShot ? oneShot(hash, data, 'buffer') : crypto.createHash(hash).update(data).digest();
}

/** Returns H applied `rounds` more times to `digest` (which is already one H output). */
export function rehash(hash: string, digest: Buffer, rounds: number): Buffer {
  if (rounds <= 0) return digest;
  if (hash === 'sha256' && digest.length === 32) return fromWords(rehashSha256(toWords(digest), rounds));
  if (hash === 'sha1' && digest.length === 20) return fromWords(rehashSha1(toWords(digest), rounds));
  let a = digest;
  for (let r = 0; r < rounds; r++) a = nodeDigest(hash, a);
  return a;
}

function toWords(bytes: Buffer): Int32Array {
  const words = new Int32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readInt32BE(i * 4);
  return words;
}

function fromWords(words: Int32Array): Buffer {
  const out = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) out.writeInt32BE(words[i], i * 4);
  return out;
}

const K256 = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H256 = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/** SHA-256 of a 32-byte message, `rounds` times; `h` holds the message words in and the digest words out. */
function rehashSha256(h: Int32Array, rounds: number): Int32Array {
  const w = new Int32Array(64);
  for (let r = 0; r < rounds; r++) {
    // The single padded block: 8 message words, the 1 bit, zeros, and the bit length 256.
    for (let i = 0; i < 8; i++) w[i] = h[i];
    w[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) w[i] = 0;
    w[15] = 256;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15], y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    compress256(h, w);
  }
  return h;
}

function compress256(h: Int32Array, w: Int32Array): void {
  let a = H256[0], b = H256[1], c = H256[2], d = H256[3], e = H256[4], f = H256[5], g = H256[6], k = H256[7];
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (k + s1 + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] = (H256[0] + a) | 0; h[1] = (H256[1] + b) | 0; h[2] = (H256[2] + c) | 0; h[3] = (H256[3] + d) | 0;
  h[4] = (H256[4] + e) | 0; h[5] = (H256[5] + f) | 0; h[6] = (H256[6] + g) | 0; h[7] = (H256[7] + k) | 0;
}

const H1 = Int32Array.from([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);

/** SHA-1 of a 20-byte message, `rounds` times; `h` holds the message words in and the digest words out. */
function rehashSha1(h: Int32Array, rounds: number): Int32Array {
  const w = new Int32Array(80);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 5; i++) w[i] = h[i];
    w[5] = 0x80000000 | 0;
    for (let i = 6; i < 15; i++) w[i] = 0;
    w[15] = 160;
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    compress1(h, w);
  }
  return h;
}

function compress1(h: Int32Array, w: Int32Array): void {
  let a = H1[0], b = H1[1], c = H1[2], d = H1[3], e = H1[4];
  for (let i = 0; i < 80; i++) {
    const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
    const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc | 0 : 0xca62c1d6 | 0;
    const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  h[0] = (H1[0] + a) | 0; h[1] = (H1[1] + b) | 0; h[2] = (H1[2] + c) | 0; h[3] = (H1[3] + d) | 0; h[4] = (H1[4] + e) | 0;
}
