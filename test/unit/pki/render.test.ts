import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { inspectFile } from '../../../server/src/pki/inspect';
import { pemBlockTitles, renderCertificateMarkdown } from '../../../server/src/pki/render';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';
import { makeCa, makeCert } from './helpers/certs';

const DAY = 86_400_000;

describe('renderCertificateMarkdown', () => {
  it('puts names and expiry first, marks expired in bold, and shows no key material', async () => {
    const now = new Date();
    const c = await makeCert({ subject: 'CN=es01', dns: ['es01', 'es01.local'], ips: ['10.0.0.1'], notBefore: new Date(now.getTime() - 9 * DAY), notAfter: new Date(now.getTime() - 3 * DAY) });
    const result = inspectFile(Buffer.from(c.pem + c.keyPem), { clock: { now: () => now } });
    const md = renderCertificateMarkdown(result, { now });
    const lines = md.split('\n').filter((l) => l.startsWith('- '));
    assert.match(lines[0], /Names: DNS:es01, DNS:es01\.local, IP:10\.0\.0\.1/);
    assert.match(lines[1], /\*\*Expired 3 days ago\*\*/);
    assert.match(md, /SHA-256: `([0-9A-F]{2}:)+[0-9A-F]{2}`/);
    assert.match(md, /matches the certificate/);
    assert.doesNotMatch(md, /PRIVATE KEY|BEGIN/);
    const keyB64 = c.keyPem.split('\n')[1];
    assert.ok(!md.includes(keyB64));
  });

  it('lists keystore entries and protection, never the password', async () => {
    const ca = await makeCa('CN=Render CA');
    const node = await makeCert({ subject: 'CN=node', issuer: ca });
    const p12 = writePkcs12([{ alias: 'node', key: node.key, chain: [node.der, ca.der] }], [{ alias: 'ca', certDer: ca.der }], { password: 'hunter2-secret', iterations: 100 });
    const md = renderCertificateMarkdown(inspectFile(p12, { password: 'hunter2-secret', clock: { now: () => new Date() } }));
    assert.match(md, /`node`: key entry, CN=node/);
    assert.match(md, /`ca`: trusted certificate/);
    assert.match(md, /Protection: keys PBES2\/AES-256-CBC/);
    assert.ok(!md.includes('hunter2-secret'));
  });

  it('escapes Markdown in certificate text', async () => {
    const c = await makeCert({ subject: 'CN=*evil* [link](http://x)' });
    const md = renderCertificateMarkdown(inspectFile(Buffer.from(c.pem), { clock: { now: () => new Date() } }));
    assert.ok(!md.includes('[link](http://x)'));
    assert.ok(md.includes('\\*evil\\*'));
  });

  it('copes with a file holding only a key', () => {
    const key = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.match(renderCertificateMarkdown(inspectFile(Buffer.from(key), { clock: { now: () => new Date() } })), /Private key: Ed25519/);
  });
});

describe('pemBlockTitles', () => {
  it('titles each block at its offsets', async () => {
    const ca = await makeCa('CN=Lens CA');
    const text = `${ca.pem}\n${ca.keyPem}`;
    const titles = pemBlockTitles(readPkiFile(Buffer.from(text), { clock: { now: () => new Date() } }));
    assert.equal(titles.length, 2);
    assert.match(titles[0].title, /^CN=Lens CA \(CA\): expires in \d+ days$/);
    assert.equal(text.slice(titles[1].start, titles[1].end), ca.keyPem.trim());
    assert.match(titles[1].title, /^Private key: RSA 2048 bits, matches the first certificate$/);
  });
});
