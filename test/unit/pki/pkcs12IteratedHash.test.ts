import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { nodeDigest, rehash } from '../../../server/src/pki/pkcs12/kdf';

/** The plain definition: hash the digest again, `rounds` times, with Node's hash. */
function reference(hash: string, digest: Buffer, rounds: number): Buffer {
  let a = digest;
  for (let r = 0; r < rounds; r++) a = crypto.createHash(hash).update(a).digest();
  return a;
}

describe('rehash: a digest hashed again many times', () => {
  const cases: Array<[hash: string, rounds: number]> = [
    ['sha256', 0], ['sha256', 1], ['sha256', 2], ['sha256', 63], ['sha256', 2047], ['sha256', 9999],
    ['sha1', 0], ['sha1', 1], ['sha1', 5], ['sha1', 2047], ['sha1', 9999],
    ['sha224', 3], ['sha384', 3], ['sha512', 100],
  ];
  for (const [hash, rounds] of cases) {
    it(`${hash}, ${rounds} rounds, equals Node's hash applied in a loop`, () => {
      for (const seed of ['00', 'ff', 'estls']) {
        const first = crypto.createHash(hash).update(seed).digest();
        assert.equal(rehash(hash, Buffer.from(first), rounds).toString('hex'), reference(hash, first, rounds).toString('hex'));
      }
    });
  }

  it('matches a SHA-256 known answer: sha256(sha256("abc"))', () => {
    const once = nodeDigest('sha256', Buffer.from('abc'));
    assert.equal(once.toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(rehash('sha256', once, 1).toString('hex'), '4f8b42c22dd3729b519ba6f68d2da7cc5b2d606d05daed5ad5128cc03e6c6358');
  });

  it('matches a SHA-1 known answer: sha1(sha1("abc"))', () => {
    const once = nodeDigest('sha1', Buffer.from('abc'));
    assert.equal(once.toString('hex'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(rehash('sha1', once, 1).toString('hex'), crypto.createHash('sha1').update(once).digest('hex'));
  });

  it('leaves its input unchanged', () => {
    const first = nodeDigest('sha256', Buffer.from('input'));
    const copy = Buffer.from(first);
    rehash('sha256', first, 10);
    assert.deepEqual(first, copy);
  });
});
