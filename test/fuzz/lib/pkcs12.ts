// PKCS#12 mutators. A mutated keystore normally dies at its MAC check, so the main mutator changes the
// authenticated content and then computes a fresh MAC for the password the input is run with: the reader
// must then cope with the broken bags, ciphers and parameters behind the MAC.
import * as crypto from 'node:crypto';
import { clip, concat, mutateBytes } from './bytes';
import { type DerNode, mutateDer, parseDer, serialize } from './der';
import type { Prng } from './prng';

const HASHES: Record<string, { name: string; v: number }> = {
  '2b0e03021a': { name: 'sha1', v: 64 },
  '608648016503040204': { name: 'sha224', v: 64 },
  '608648016503040201': { name: 'sha256', v: 64 },
  '608648016503040202': { name: 'sha384', v: 128 },
  '608648016503040203': { name: 'sha512', v: 128 },
};

/** MAC recomputation is skipped above this count, so the mutator itself stays fast. */
const MAX_REMAC_ITERATIONS = 100_000;

function bmp(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

function repeatTo(data: Uint8Array, v: number): Buffer {
  if (data.length === 0) return Buffer.alloc(0);
  const n = v * Math.ceil(data.length / v);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = data[i % data.length];
  return out;
}

/** RFC 7292 appendix B key derivation, MAC key only (ID 3). */
function macKey(password: string, salt: Uint8Array, iterations: number, hash: { name: string; v: number }): Buffer {
  const u = crypto.createHash(hash.name).digest().length;
  const d = Buffer.alloc(hash.v, 3);
  const i = Buffer.concat([repeatTo(salt, hash.v), repeatTo(bmp(password), hash.v)]);
  let a = crypto.createHash(hash.name).update(d).update(i).digest();
  for (let k = 1; k < iterations; k++) a = crypto.createHash(hash.name).update(a).digest();
  return a.subarray(0, u);
}

function intValue(bytes: Uint8Array | undefined): number {
  if (!bytes || bytes.length === 0 || bytes.length > 6) return -1;
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

interface PfxParts { octet: DerNode; macData?: DerNode }

function pfxParts(tree: DerNode[] | undefined): PfxParts | undefined {
  const pfx = tree?.[0]?.children;
  const authSafe = pfx?.[1]?.children;
  const explicit = authSafe?.[1]?.children;
  const octet = explicit?.[0];
  if (!octet || octet.tag[0] !== 0x04) return undefined;
  return { octet, macData: pfx?.[2] };
}

function recomputeMac(macData: DerNode, content: Uint8Array, password: string): boolean {
  const [digestInfo, salt, iterNode] = macData.children ?? [];
  const [algId, digest] = digestInfo?.children ?? [];
  const oid = algId?.children?.[0]?.content;
  const hash = oid ? HASHES[Buffer.from(oid).toString('hex')] : undefined;
  const iterations = iterNode ? intValue(iterNode.content) : 1;
  if (!hash || !digest || !salt?.content || iterations < 1 || iterations > MAX_REMAC_ITERATIONS) return false;
  const key = macKey(password, salt.content, iterations, hash);
  digest.content = crypto.createHmac(hash.name, key).update(content).digest();
  delete digest.children;
  return true;
}

/** Changes the authenticated content and re-MACs it for `password`; undefined when the input is no PFX. */
export function mutateBehindMac(input: Uint8Array, password: string, rng: Prng, donors: readonly Uint8Array[]): Uint8Array | undefined {
  const tree = parseDer(input);
  const parts = pfxParts(tree);
  if (!tree || !parts) return undefined;
  const inner = parts.octet.children ? serialize(parts.octet.children) : (parts.octet.content ?? new Uint8Array(0));
  const mutated = mutateDer(inner, rng, donors);
  parts.octet.content = mutated;
  delete parts.octet.children;
  if (parts.macData) recomputeMac(parts.macData, mutated, password);
  return serialize(tree);
}

/** Sets the MAC iteration count to something huge or absurd, leaving the rest alone. */
export function tamperMacIterations(input: Uint8Array, rng: Prng): Uint8Array | undefined {
  const tree = parseDer(input);
  const iterNode = pfxParts(tree)?.macData?.children?.[2];
  if (!tree || !iterNode) return undefined;
  iterNode.content = rng.pick([
    Uint8Array.of(0x7f, 0xff, 0xff, 0xff), Uint8Array.of(0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
    Uint8Array.of(0x0f, 0x42, 0x40), Uint8Array.of(0), Uint8Array.of(0xff), new Uint8Array(0), Uint8Array.of(0x01, 0x31, 0x2d, 0x00),
  ]);
  return serialize(tree);
}

/** One mutated keystore for the given password. */
export function mutatePkcs12(input: Uint8Array, password: string, rng: Prng, corpus: readonly Uint8Array[], derDonors: readonly Uint8Array[]): Uint8Array {
  const roll = rng.int(100);
  let out: Uint8Array | undefined;
  if (roll < 65) out = mutateBehindMac(input, password, rng, derDonors);
  else if (roll < 68) out = tamperMacIterations(input, rng);
  else if (roll < 90) out = mutateDer(input, rng, corpus);
  else if (roll < 95) out = concat([input, rng.bytes(rng.smallSize(64))]);
  return clip(out ?? mutateBytes(input, rng, corpus));
}
