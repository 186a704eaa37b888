import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { makeCa } from './helpers/certs';

/** A small deterministic generator so failures reproduce. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
}

describe('mutated files end in a typed error or a result, never a crash', () => {
  const seeds: Array<[string, Buffer]> = [];
  before(async () => {
    const ca = await makeCa('CN=Robust', { alg: 'p256' });
    seeds.push(['PEM cert + key', Buffer.from(ca.pem + ca.keyPem)]);
    seeds.push(['DER cert', ca.der]);
    seeds.push(['modern P12', Buffer.from(writePkcs12([{ alias: 'a', key: ca.key, chain: [ca.der] }], [{ alias: 'c', certDer: ca.der }], { password: '', iterations: 20 }))]);
    seeds.push(['legacy P12', Buffer.from(writePkcs12([{ alias: 'a', key: ca.key, chain: [ca.der] }], [], { password: '', legacy: true, iterations: 20 }))]);
    seeds.push(['deeply nested DER', Buffer.concat([Buffer.alloc(100_000).fill(Buffer.from([0x30, 0x80])), Buffer.alloc(4)])]);
    seeds.push(['deeply nested PFX', Buffer.concat([Buffer.from('3083100000020103', 'hex'), Buffer.alloc(100_000).fill(Buffer.from([0x30, 0x80]))])]);
  });

  it('for 120 mutations of each seed', () => {
    const next = lcg(42);
    for (const [name, seed] of seeds) {
      for (let i = 0; i < 120; i++) {
        const bytes = Buffer.from(seed);
        const flips = i === 0 ? 0 : 1 + (next() % 6);
        for (let j = 0; j < flips; j++) bytes[next() % bytes.length] = next() & 0xff;
        try {
          readPkiFile(bytes, { clock: { now: () => new Date() } });
        } catch (e) {
          assert.ok(e instanceof PkiError, `${name} mutation ${i}: ${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    }
  });
});
