import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { certificateLenses, MAX_LENSES } from '../../../server/src/features/pemLenses';
import { generate } from '../../../server/src/pki/generate';

const now = new Date('2026-06-01T00:00:00Z');
const clock = { now: () => now };
let cert = '';
let key = '';

describe('CodeLens data for PEM text', () => {
  before(async () => {
    const result = await generate({ kind: 'ca', format: 'pem', caDn: 'CN=Lens Test CA,O=Example', days: 30 }, { clock });
    const text = (suffix: string) => Buffer.from(result.files.find((f) => f.path.endsWith(suffix))!.contentBase64, 'base64').toString('utf8');
    cert = text('.crt');
    key = text('.key');
  });

  test('a readable file gets a lens above every block: certificates with their expiry, keys with their match', () => {
    const text = `Bag Attributes: junk\n${cert}${key}${cert}`;
    const lenses = certificateLenses(text, clock);
    assert.equal(lenses.length, 3);
    const begin = text.indexOf('-----BEGIN CERTIFICATE-----');
    assert.deepEqual(lenses[0].range, { start: begin, end: begin + 27 });
    assert.match(lenses[0].title, /^CN=Lens Test CA,O=Example \(CA\): expires in 30 days$/);
    assert.match(lenses[1].title, /^Private key: RSA 2048 bits, matches the first certificate$/);
    assert.equal(text.slice(lenses[1].range.start, lenses[1].range.end), '-----BEGIN RSA PRIVATE KEY-----');
  });

  test('an expired certificate says so', () => {
    const later = { now: () => new Date('2027-01-01T00:00:00Z') };
    assert.match(certificateLenses(cert, later)[0].title, /expired \d+ days ago$/);
    assert.match(certificateLenses(`${cert}-----BEGIN CERTIFICATE-----\n`, later)[0].title, /EXPIRED on \d{4}-\d\d-\d\d \(\d+ days ago\)$/);
  });

  test('when the file does not read as a whole, each certificate is read on its own and a broken one says why', () => {
    const truncated = cert.slice(0, cert.indexOf('-----END'));
    const garbled = cert.replace(/\n[A-Za-z0-9+/]{16}/, '\nAAAAAAAAAAAAAAAA');
    const lenses = certificateLenses(`${garbled}${cert}${key}${truncated}`, clock);
    assert.deepEqual(lenses.map((l) => l.readable), [false, true, false]);
    assert.match(lenses[0].title, /^Cannot read this certificate: /);
    assert.match(lenses[1].title, /^CN=Lens Test CA · expires \d{4}-\d\d-\d\d \(in 30 days\)$/);
    assert.match(lenses[2].title, /no END line/);
  });

  test('CRLF text keeps the lens on the BEGIN line only', () => {
    const crlf = cert.replace(/\n/g, '\r\n');
    const [lens] = certificateLenses(crlf, clock);
    assert.equal(crlf.slice(lens.range.start, lens.range.end), '-----BEGIN CERTIFICATE-----');
  });

  test('no certificates, no lenses; a huge bundle stops at the cap', () => {
    assert.deepEqual(certificateLenses('just text\n', clock), []);
    const junk = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    const lenses = certificateLenses(cert + junk.repeat(MAX_LENSES + 3), clock);
    assert.equal(lenses.length, MAX_LENSES);
    assert.equal(lenses[0].readable, true);
  });
});
