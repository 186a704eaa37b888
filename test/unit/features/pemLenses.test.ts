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

  test('one lens per certificate block, on its BEGIN line, with the CN and the expiry', () => {
    const text = `Bag Attributes: junk\n${cert}${key}${cert}`;
    const lenses = certificateLenses(text, clock);
    assert.equal(lenses.length, 2);
    assert.deepEqual(lenses[0].range, { start: text.indexOf('-----BEGIN CERTIFICATE-----'), end: text.indexOf('-----BEGIN CERTIFICATE-----') + 27 });
    assert.match(lenses[0].title, /^CN=Lens Test CA · expires \d{4}-\d\d-\d\d \(in 30 days\)$/);
    assert.deepEqual(lenses.map((l) => l.certificateIndex), [0, 1]);
  });

  test('an expired certificate says so', () => {
    const later = { now: () => new Date('2027-01-01T00:00:00Z') };
    assert.match(certificateLenses(cert, later)[0].title, /EXPIRED on \d{4}-\d\d-\d\d \(\d+ days ago\)$/);
  });

  test('a broken or truncated block gets a lens saying why, and the others still work', () => {
    const truncated = cert.slice(0, cert.indexOf('-----END'));
    const garbled = cert.replace(/\n[A-Za-z0-9+/]{16}/, '\nAAAAAAAAAAAAAAAA');
    const lenses = certificateLenses(`${garbled}${cert}${truncated}`, clock);
    assert.deepEqual(lenses.map((l) => l.readable), [false, true, false]);
    assert.match(lenses[0].title, /^Cannot read this certificate: /);
    assert.match(lenses[2].title, /no END line/);
  });

  test('CRLF text keeps the lens on the BEGIN line only', () => {
    const crlf = cert.replace(/\n/g, '\r\n');
    const [lens] = certificateLenses(crlf, clock);
    assert.equal(crlf.slice(lens.range.start, lens.range.end), '-----BEGIN CERTIFICATE-----');
  });

  test('no certificates, no lenses; a huge bundle stops at the cap', () => {
    assert.deepEqual(certificateLenses(`just text\n${key}`, clock), []);
    const junk = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    const lenses = certificateLenses(cert + junk.repeat(MAX_LENSES + 3), clock);
    assert.equal(lenses.length, MAX_LENSES);
    assert.equal(lenses[0].readable, true);
  });
});
