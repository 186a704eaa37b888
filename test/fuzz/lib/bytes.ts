// Format-blind byte mutators: the classic flips, inserts, deletes, duplicates, splices and truncations.
import type { Prng } from './prng';

/** Inputs never grow past this, so one mutation chain cannot exhaust the worker's memory. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, 0x30, 0x31, 0x04, 0x02, 0x06, 0x0a, 0x0d, 0x2d, 0x3d];

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function range(rng: Prng, length: number): [number, number] {
  const start = rng.int(length + 1);
  return [start, Math.min(length, start + rng.smallSize(Math.max(1, length - start)))];
}

type ByteMutator = (input: Uint8Array, rng: Prng, corpus: readonly Uint8Array[]) => Uint8Array;

const bitFlip: ByteMutator = (input, rng) => {
  if (input.length === 0) return input;
  const out = input.slice();
  const flips = rng.smallSize(8);
  for (let i = 0; i < flips; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
  return out;
};

const setByte: ByteMutator = (input, rng) => {
  if (input.length === 0) return input;
  const out = input.slice();
  out[rng.int(out.length)] = rng.chance(0.6) ? rng.pick(INTERESTING) : rng.int(256);
  return out;
};

const insertBytes: ByteMutator = (input, rng) => {
  const at = rng.int(input.length + 1);
  const add = rng.chance(0.5) ? rng.bytes(rng.smallSize(64)) : new Uint8Array(rng.smallSize(256)).fill(rng.pick(INTERESTING));
  return concat([input.subarray(0, at), add, input.subarray(at)]);
};

const deleteBytes: ByteMutator = (input, rng) => {
  const [a, b] = range(rng, input.length);
  return concat([input.subarray(0, a), input.subarray(b)]);
};

const duplicateBytes: ByteMutator = (input, rng) => {
  const [a, b] = range(rng, input.length);
  const times = rng.chance(0.1) ? rng.smallSize(2000) : 1;
  const chunk = input.subarray(a, b);
  return concat([input.subarray(0, b), ...Array.from({ length: times }, () => chunk), input.subarray(b)]);
};

const splice: ByteMutator = (input, rng, corpus) => {
  if (corpus.length === 0) return input;
  const other = rng.pick(corpus);
  const [oa, ob] = range(rng, other.length);
  const at = rng.int(input.length + 1);
  const cut = rng.chance(0.5) ? at + rng.smallSize(Math.max(1, input.length - at)) : at;
  return concat([input.subarray(0, at), other.subarray(oa, ob), input.subarray(Math.min(cut, input.length))]);
};

const truncate: ByteMutator = (input, rng) => input.subarray(0, rng.int(input.length + 1));

const swapChunks: ByteMutator = (input, rng) => {
  const [a, b] = range(rng, input.length);
  const [c, d] = range(rng, input.length);
  if (b > c && d > a) return input;
  const [first, second] = a < c ? [[a, b], [c, d]] : [[c, d], [a, b]];
  return concat([
    input.subarray(0, first[0]), input.subarray(second[0], second[1]), input.subarray(first[1], second[0]),
    input.subarray(first[0], first[1]), input.subarray(second[1]),
  ]);
};

export const byteMutators: readonly ByteMutator[] = [
  bitFlip, setByte, insertBytes, deleteBytes, duplicateBytes, splice, truncate, swapChunks,
];

/** One to a few random byte-level mutations. */
export function mutateBytes(input: Uint8Array, rng: Prng, corpus: readonly Uint8Array[]): Uint8Array {
  let out = input;
  const rounds = rng.smallSize(4);
  for (let i = 0; i < rounds; i++) out = rng.pick(byteMutators)(out, rng, corpus);
  return clip(out);
}

export function clip(bytes: Uint8Array): Uint8Array {
  return bytes.length > MAX_INPUT_BYTES ? bytes.subarray(0, MAX_INPUT_BYTES) : bytes;
}
