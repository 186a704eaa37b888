// Structure-aware mutators for the Java and Elasticsearch keystores: mutate the body, then (usually) make the
// integrity check pass again, so the reader's layout and entry parsing are reached instead of stopping at the
// digest (JKS: SHA-1 over password + "Mighty Aphrodite" + body) or the Lucene CRC-32 footer.
import { jksDigest } from '../../../server/src/pki/jks/read';
import { crc32 } from '../../../server/src/pki/esKeystore/crc32';
import { mutateBytes } from './bytes';
import type { Prng } from './prng';

/** A mutated JKS/JCEKS keystore, its digest recomputed for `password` most of the time. */
export function mutateJavaKeystore(input: Uint8Array, password: string, rng: Prng, pool: readonly Uint8Array[]): Uint8Array {
  if (input.length < 24) return mutateBytes(input, rng, pool);
  const body = input.subarray(0, input.length - 20);
  const mutated = rng.chance(0.7) ? mutateInts(body, rng) : mutateBytes(body, rng, pool);
  if (rng.chance(0.2)) return Buffer.concat([mutated, input.subarray(input.length - 20)]);
  return Buffer.concat([mutated, jksDigest(password, mutated)]);
}

/** A mutated elasticsearch.keystore, its CRC footer recomputed most of the time. */
export function mutateEsKeystore(input: Uint8Array, rng: Prng, pool: readonly Uint8Array[]): Uint8Array {
  if (input.length < 48) return mutateBytes(input, rng, pool);
  const body = input.subarray(0, input.length - 16);
  const mutated = rng.chance(0.6) ? mutateInts(body, rng) : mutateBytes(body, rng, pool);
  const head = Buffer.concat([mutated, input.subarray(input.length - 16, input.length - 8)]);
  if (rng.chance(0.2)) return Buffer.concat([head, input.subarray(input.length - 8)]);
  const crc = Buffer.alloc(8);
  crc.writeUInt32BE(crc32(head), 4);
  return Buffer.concat([head, crc]);
}

const INTERESTING = [0, 1, 2, 3, 7, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, -1, -0x80000000, 1000, 1001, 1 << 20];

/** Overwrites a few 32-bit words (lengths, counts, tags) with boundary values. */
function mutateInts(body: Uint8Array, rng: Prng): Uint8Array {
  const out = Buffer.from(body);
  for (let n = 1 + rng.int(3); n > 0 && out.length >= 4; n--) {
    const at = rng.int(out.length - 3);
    const v = rng.pick(INTERESTING);
    if (rng.chance(0.5)) out.writeInt32BE(v | 0, at);
    else out.writeInt32LE(v | 0, at);
  }
  return out;
}
