import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPkiError, type PkiError } from '../../../server/src/pki/errors';
import { generate } from '../../../server/src/pki/generate';
import { MAX_INSTANCES, MAX_KEY_WORK, checkKeyWork, checkRequestShape, keyWork } from '../../../server/src/pki/generate/requestShape';
import type { GenerateRequestSpec } from '../../../server/src/pki/generate/types';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const ec = { type: 'ec', curve: 'P-256' } as const;

function rejectsWith(code: PkiError['code'], pattern: RegExp, hidden?: string): (e: unknown) => boolean {
  return (e) => {
    assert.ok(isPkiError(e), String(e));
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    if (hidden !== undefined) assert.equal(e.message.includes(hidden), false, 'the message quotes the value');
    return true;
  };
}

const instances = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `node${i}`, dns: [], ip: [] }));

describe('the shape of a generation request', () => {
  const bad: Array<[string, unknown, RegExp]> = [
    ['a number as the password', { kind: 'ca', password: 987654321 }, /"password" must be a string/],
    ['a number as the CA password', { kind: 'cert', ca: { kind: 'pkcs12', path: 'ca.p12', password: 987654321 } }, /"ca.password" must be a string/],
    ['an object as the key passphrase', { kind: 'cert', ca: { kind: 'pem', certPath: 'a', keyPath: 'b', keyPassword: { secret: '987654321' } } }, /"ca.keyPassword" must be a string/],
    ['instances that are not a list', { kind: 'cert', instances: '987654321' }, /"instances" must be a list/],
    ['a number among the DNS names', { kind: 'cert', instances: [{ name: 'a', dns: [987654321], ip: [] }] }, /instance 1's "dns" must be a list of strings/],
    ['no name', { kind: 'cert', instances: [{ dns: [], ip: [] }] }, /instance 1's "name" must be a string/],
    ['an unknown kind', { kind: 987654321 }, /"kind" must be ca, cert/],
    ['a string as the days', { kind: 'ca', days: '987654321' }, /"days" must be a number/],
    ['an odd key', { kind: 'ca', key: { type: 'rsa', bits: 987654321 } }, /Key must be RSA 2048/],
    ['null', null, /body must be an object/],
  ];
  for (const [name, spec, message] of bad) {
    test(`refuses ${name}, naming the field and never the value`, async () => {
      assert.throws(() => checkRequestShape(spec), rejectsWith('INVALID_INPUT', message, '987654321'));
      await assert.rejects(generate(spec as GenerateRequestSpec, { clock }), rejectsWith('INVALID_INPUT', message, '987654321'));
    });
  }

  test('accepts every well-formed request', () => {
    checkRequestShape({ kind: 'cert', ca: { kind: 'selfSigned' }, instances: [{ name: 'a', filename: 'a', dns: ['a'], ip: ['127.0.0.1'], cn: ['a'] }], key: ec, days: 30, format: 'pem', password: 'x', legacyPkcs12: false, extendedKeyUsage: true });
    checkRequestShape({ kind: 'http', caPassword: '', caDn: 'CN=x' });
  });
});

describe('bounds on the work of one request', () => {
  test(`at most ${MAX_INSTANCES} instances, refused before any key is made`, async () => {
    const spec: GenerateRequestSpec = { kind: 'cert', ca: { kind: 'selfSigned' }, key: ec, instances: instances(MAX_INSTANCES + 1) };
    await assert.rejects(generate(spec, { clock }), rejectsWith('LIMIT', new RegExp(`names ${MAX_INSTANCES + 1} instances; at most ${MAX_INSTANCES}`)));
  });

  test('key work: RSA costs (bits / 1024)^3 units, EC one', () => {
    assert.deepEqual([keyWork(undefined), keyWork({ type: 'rsa', bits: 3072 }), keyWork({ type: 'rsa', bits: 4096 }), keyWork(ec)], [8, 27, 64, 1]);
    const rsa4096: GenerateRequestSpec = { kind: 'cert', key: { type: 'rsa', bits: 4096 } };
    checkKeyWork(rsa4096, MAX_KEY_WORK / 64, false);
    assert.throws(() => checkKeyWork(rsa4096, MAX_KEY_WORK / 64 + 1, false), rejectsWith('LIMIT', /makes 51 keys of this kind; at most 50/));
    assert.throws(() => checkKeyWork({ kind: 'http', key: { type: 'rsa', bits: 4096 } }, 50, true), rejectsWith('LIMIT', /makes 51 keys of this kind; at most 49/));
    checkKeyWork({ kind: 'cert', key: ec }, MAX_INSTANCES, false);
  });

  test('200 RSA-4096 instances are refused at once instead of taking minutes', async () => {
    const spec: GenerateRequestSpec = { kind: 'cert', ca: { kind: 'selfSigned' }, key: { type: 'rsa', bits: 4096 }, instances: instances(200) };
    await assert.rejects(generate(spec, { clock }), rejectsWith('LIMIT', /at most 50/));
  });

  test('reports progress after each key', async () => {
    const seen: string[] = [];
    const spec: GenerateRequestSpec = { kind: 'cert', ca: { kind: 'selfSigned' }, key: ec, instances: instances(3), format: 'pem' };
    const result = await generate(spec, { clock, progress: (done, total) => seen.push(`${done}/${total}`) });
    assert.deepEqual(seen, ['1/3', '2/3', '3/3']);
    assert.equal(result.files.length, 6);
  });

  test('counts the CA a run makes', async () => {
    const seen: string[] = [];
    await generate({ kind: 'http', key: ec, instances: instances(2), password: '' }, { clock, progress: (done, total) => seen.push(`${done}/${total}`) });
    assert.deepEqual(seen, ['1/3', '2/3', '3/3']);
  });

  test('stops between keys once cancelled', async () => {
    let made = 0;
    let cancelled = false;
    const spec: GenerateRequestSpec = { kind: 'cert', ca: { kind: 'selfSigned' }, key: ec, instances: instances(40), format: 'pem' };
    await assert.rejects(
      generate(spec, {
        clock,
        cancelled: () => cancelled,
        progress: (done) => {
          made = done;
          if (done === 2) cancelled = true;
        },
      }),
      rejectsWith('CANCELLED', /cancelled; nothing was made/),
    );
    // Keys already under way finish (at most four at a time); no new one starts.
    assert.ok(made >= 2 && made <= 6, `made ${made}`);
  });

  test('a request cancelled before it starts makes no key', async () => {
    let made = 0;
    await assert.rejects(generate({ kind: 'ca', key: ec }, { clock, cancelled: () => true, progress: () => made++ }), rejectsWith('CANCELLED', /cancelled/));
    assert.equal(made, 0);
  });
});
