// compareKeys must order exactly as localeCompare does, which the did-you-mean list used before it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFor } from '../../../server/src/catalog';
import { compareKeys } from '../../../server/src/catalog/lookup';

const sign = (n: number) => Math.sign(n);

describe('compareKeys', () => {
  test('agrees with localeCompare on every pair of catalog keys', () => {
    const keys = [...catalogFor('elasticsearch').defs, ...catalogFor('kibana').defs].map((d) => d.key);
    const sample = keys.filter((_, i) => i % 3 === 0);
    for (const a of sample) for (const b of keys) assert.equal(sign(compareKeys(a, b)), sign(a.localeCompare(b)), `${a} vs ${b}`);
  });

  test('agrees with localeCompare on random strings, with characters outside its table too', () => {
    const alphabet = '_-.<>0123456789abcdefghijklmnopqrstuvwxyzAZ ~\u00e9\u0000*';
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const word = () => Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 50_000; i++) {
      const stem = word();
      const [a, b] = [stem + word(), stem + word()];
      assert.equal(sign(compareKeys(a, b)), sign(a.localeCompare(b)), JSON.stringify([a, b]));
    }
  });
});
