import 'reflect-metadata';
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { parsePem } from '../../../server/src/pki/pem';
import { evpBytesToKeyMd5 } from '../../../server/src/pki/pemKeys';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import type { PkiErrorCode } from '../../../server/src/pki/errors';
import { makeCa, makeCert } from './helpers/certs';
import type { TestCert } from './helpers/certs';
import { hasTool, openssl, tmpDir } from '../../interop/helpers/tools';
import * as fs from 'node:fs';

const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const read = (text: string | Uint8Array, password?: string, fileName?: string) =>
  readPkiFile(typeof text === 'string' ? Buffer.from(text) : text, { clock, password, fileName });

function throwsCode(fn: () => unknown, code: PkiErrorCode): void {
  assert.throws(fn, (e: unknown) => e instanceof PkiError && e.code === code, `expected ${code}`);
}

describe('PEM blocks', () => {
  let ca: TestCert;
  before(async () => {
    ca = await makeCa('CN=PEM CA');
  });

  it('gives each block its offsets in the text, skipping text around blocks', () => {
    const text = `Bag Attributes\n    friendlyName: ca\n${ca.pem}junk between\r\n${ca.keyPem}`;
    const blocks = parsePem(text);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0].label, 'CERTIFICATE');
    assert.ok(text.slice(blocks[0].start, blocks[0].end).startsWith('-----BEGIN CERTIFICATE-----'));
    assert.ok(text.slice(blocks[0].start, blocks[0].end).endsWith('-----END CERTIFICATE-----'));
    assert.equal(text.slice(blocks[1].start, blocks[1].end), ca.keyPem.trim());
    assert.deepEqual(blocks[0].der, ca.der);
  });

  it('reports block offsets and indexes in the parsed file', () => {
    const file = read(ca.pem + ca.keyPem);
    assert.equal(file.pemBlocks?.length, 2);
    assert.equal(file.pemBlocks?.[0].certificateIndex, 0);
    assert.equal(file.pemBlocks?.[1].keyIndex, 0);
    assert.equal(file.result.keys[0].matchesCertificate, true);
  });

  it('reads headers of traditional encrypted keys', () => {
    const key = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const pem = key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }).toString();
    const [block] = parsePem(pem);
    assert.equal(block.headers['Proc-Type'], '4,ENCRYPTED');
    assert.match(block.headers['DEK-Info'], /^AES-128-CBC,[0-9A-F]{32}$/);
  });

  it('EVP_BytesToKey matches openssl (`openssl enc -P -md md5 -pass pass:password -S 0102030405060708`)', () => {
    const salt = Buffer.from('0102030405060708', 'hex');
    assert.equal(evpBytesToKeyMd5(Buffer.from('password'), salt, 16).toString('hex').toUpperCase(), 'E7B0971E52CA5CC8D0539FB3412F6316');
    assert.equal(evpBytesToKeyMd5(Buffer.from('password'), salt, 32).toString('hex').toUpperCase(), 'E7B0971E52CA5CC8D0539FB3412F6316F7BA2E6EE293D9F3457B99436B51CE02');
  });
});

describe('private key forms', () => {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const ed = crypto.generateKeyPairSync('ed25519').privateKey;
  const pem = (k: crypto.KeyObject, o: Record<string, unknown>) => k.export({ format: 'pem', ...o } as never).toString();
  const cases: Array<{ name: string; text: string; alg: string; size: number; curve?: string; password?: string; encrypted?: boolean }> = [
    { name: 'PKCS#1 RSA PRIVATE KEY', text: pem(rsa, { type: 'pkcs1' }), alg: 'RSA', size: 2048 },
    { name: 'PKCS#8 RSA', text: pem(rsa, { type: 'pkcs8' }), alg: 'RSA', size: 2048 },
    { name: 'SEC1 EC PRIVATE KEY P-256', text: pem(p256, { type: 'sec1' }), alg: 'EC', size: 256, curve: 'P-256' },
    { name: 'PKCS#8 EC P-384', text: pem(p384, { type: 'pkcs8' }), alg: 'EC', size: 384, curve: 'P-384' },
    { name: 'PKCS#8 Ed25519', text: pem(ed, { type: 'pkcs8' }), alg: 'Ed25519', size: 256 },
    { name: 'encrypted PKCS#8 (PBES2 AES-256)', text: pem(rsa, { type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' }), alg: 'RSA', size: 2048, password: 'secret', encrypted: true },
    { name: 'encrypted PKCS#8 Ed25519', text: pem(ed, { type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'secret' }), alg: 'Ed25519', size: 256, password: 'secret', encrypted: true },
    { name: 'traditional AES-128-CBC (certutil --pass)', text: pem(rsa, { type: 'pkcs1', cipher: 'aes-128-cbc', passphrase: 'secret' }), alg: 'RSA', size: 2048, password: 'secret', encrypted: true },
    { name: 'traditional AES-192-CBC', text: pem(rsa, { type: 'pkcs1', cipher: 'aes-192-cbc', passphrase: 'secret' }), alg: 'RSA', size: 2048, password: 'secret', encrypted: true },
    { name: 'traditional AES-256-CBC', text: pem(rsa, { type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'secret' }), alg: 'RSA', size: 2048, password: 'secret', encrypted: true },
    { name: 'traditional DES-EDE3-CBC', text: pem(rsa, { type: 'pkcs1', cipher: 'des-ede3-cbc', passphrase: 'secret' }), alg: 'RSA', size: 2048, password: 'secret', encrypted: true },
    { name: 'traditional SEC1 EC AES-128', text: pem(p256, { type: 'sec1', cipher: 'aes-128-cbc', passphrase: 'secret' }), alg: 'EC', size: 256, curve: 'P-256', password: 'secret', encrypted: true },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const file = read(c.text, c.password);
      assert.equal(file.keys.length, 1);
      const k = file.result.keys[0];
      assert.equal(k.algorithm, c.alg);
      assert.equal(k.size, c.size);
      assert.equal(k.curve, c.curve);
      assert.equal(k.encrypted, c.encrypted);
      assert.equal(file.keys[0].key.type, 'private');
    });
    if (c.password) {
      it(`${c.name}: no password is PASSWORD_REQUIRED, a wrong one BAD_PASSWORD`, () => {
        throwsCode(() => read(c.text), 'PASSWORD_REQUIRED');
        throwsCode(() => read(c.text, 'wrong-password'), 'BAD_PASSWORD');
      });
    }
  }
});

describe('traditional DES-CBC keys (single DES, gone from OpenSSL 3\'s default provider)', () => {
  // Made once with: openssl ec -in p.key -des -passout pass:secret1 -provider legacy -provider default
  const desKey = [
    '-----BEGIN EC PRIVATE KEY-----',
    'Proc-Type: 4,ENCRYPTED',
    'DEK-Info: DES-CBC,F82D83C995C33FFA',
    '',
    'T6sSEyz/UYOg4sbWKABSHWdhytJ2OG/ym0r4C1MwJUxdkmbDaDYhF74JVL7sALvl',
    'zjKR90G00sXmKRNhHiVCIHug9PYpeFDh6WhYu4serokdMDwuEVDbp5s7E1X2tRJJ',
    'i/8AhKcvCBPBnDJCjPPYth4YmRx4meK/001Z6y1ipZg=',
    '-----END EC PRIVATE KEY-----',
    '',
  ].join('\n');
  const publicKey = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEtIarhKVRnQqTefWEY1oZQ3QHG9FLsHdDlegw/exkqnA4YW5M95eSZHXYgkv1NMuOZt1vBQ3Idikb0Y2ETAN7DA==';

  it('decrypts with the right passphrase to the key openssl encrypted', () => {
    const file = read(desKey, 'secret1');
    assert.equal(crypto.createPublicKey(file.keys[0].key).export({ type: 'spki', format: 'der' }).toString('base64'), publicKey);
  });

  it('a wrong passphrase is BAD_PASSWORD, none is PASSWORD_REQUIRED', () => {
    throwsCode(() => read(desKey, 'secret2'), 'BAD_PASSWORD');
    throwsCode(() => read(desKey), 'PASSWORD_REQUIRED');
  });

  it('a cipher that cannot be decrypted here is UNSUPPORTED with the command that re-encrypts the key', () => {
    const blowfish = desKey.replace('DES-CBC,', 'BF-CBC,');
    assert.throws(() => read(blowfish, 'secret1'), (e: unknown) => e instanceof PkiError && e.code === 'UNSUPPORTED' && /BF-CBC/.test(e.message) && /openssl pkey .*-aes256/.test(e.message));
  });
});

describe('traditional encrypted keys made by openssl', { skip: !hasTool('openssl') && 'openssl not installed' }, () => {
  // Single DES needs OpenSSL 3's legacy provider to be written; a build without it skips that case.
  const legacy = ['-provider', 'legacy', '-provider', 'default'];
  const hasLegacy = hasTool('openssl') && (() => {
    try {
      openssl(['list', '-cipher-algorithms', ...legacy]);
      return true;
    } catch {
      return false;
    }
  })();
  for (const [flag, label, extra] of [['-aes128', 'AES-128-CBC', []], ['-des3', 'DES-EDE3-CBC', []], ['-aes256', 'AES-256-CBC', []], ['-des', 'DES-CBC', legacy]] as const) {
    it(`openssl rsa ${flag} -traditional`, { skip: extra.length > 0 && !hasLegacy && 'no legacy provider' }, () => {
      const dir = tmpDir();
      try {
        openssl(['genrsa', '-out', dir.file('k.pem'), '2048']);
        openssl(['rsa', '-in', dir.file('k.pem'), flag, '-traditional', '-passout', 'pass:opensslpw', '-out', dir.file('enc.pem'), ...extra]);
        const text = fs.readFileSync(dir.file('enc.pem'), 'utf8');
        assert.match(text, new RegExp(`DEK-Info: ${label}`));
        const file = read(text, 'opensslpw');
        const plain = crypto.createPrivateKey(fs.readFileSync(dir.file('k.pem')));
        assert.ok(crypto.createPublicKey(file.keys[0].key).export({ type: 'spki', format: 'der' }).equals(crypto.createPublicKey(plain).export({ type: 'spki', format: 'der' })));
        throwsCode(() => read(text, 'nope'), 'BAD_PASSWORD');
      } finally {
        dir.cleanup();
      }
    });
  }
});

describe('bad input gives a typed error, never a crash', () => {
  let cert: TestCert;
  before(async () => {
    cert = await makeCert({ subject: 'CN=bad input' });
  });
  const b64 = () => cert.pem.split('\n').slice(1, -2).join('\n');
  const cases: Array<[string, () => Uint8Array | string, PkiErrorCode[], string?]> = [
    ['zero bytes', () => new Uint8Array(0), ['EMPTY']],
    ['random bytes named .p12', () => crypto.randomBytes(4096), ['UNKNOWN_FORMAT', 'BAD_DER', 'BAD_PKCS12'], 'x.p12'],
    ['random bytes starting like DER', () => Buffer.concat([Buffer.from([0x30, 0x82, 0x0f, 0xff]), crypto.randomBytes(4095)]), ['BAD_DER', 'BAD_PKCS12']],
    ['truncated PEM (no END)', () => cert.pem.slice(0, cert.pem.length / 2), ['BAD_PEM']],
    ['bad base64', () => `-----BEGIN CERTIFICATE-----\n${b64().replace(/A/g, '!')}\n-----END CERTIFICATE-----\n`, ['BAD_PEM']],
    ['valid base64 but not a certificate', () => `-----BEGIN CERTIFICATE-----\n${Buffer.from('hello world, not DER').toString('base64')}\n-----END CERTIFICATE-----\n`, ['BAD_PEM']],
    ['PEM key block with garbage', () => `-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`, ['BAD_PEM']],
    ['plain text', () => 'cluster.name: demo\n', ['UNKNOWN_FORMAT']],
    ['JKS magic', () => Buffer.concat([Buffer.from('feedfeed00000002', 'hex'), crypto.randomBytes(64)]), ['JKS'], 'node.jks'],
    ['JCEKS magic', () => Buffer.concat([Buffer.from('cececece00000002', 'hex'), crypto.randomBytes(64)]), ['JKS']],
    ['PFX header with garbage', () => Buffer.concat([Buffer.from('3082010002010330', 'hex'), crypto.randomBytes(252)]), ['BAD_PKCS12']],
    ['more than 10 MB', () => Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), ['TOO_LARGE']],
  ];
  for (const [name, make, codes, fileName] of cases) {
    it(name, () => {
      assert.throws(() => read(make(), undefined, fileName), (e: unknown) => e instanceof PkiError && codes.includes(e.code));
    });
  }

  it('the JKS error explains the keytool conversion', () => {
    assert.throws(() => read(Buffer.from('feedfeed00000002', 'hex'), undefined, 'certs/node.jks'), (e: unknown) =>
      e instanceof PkiError && e.message.includes('keytool -importkeystore -srckeystore certs/node.jks -destkeystore certs/node.jks.p12 -deststoretype PKCS12'));
  });

  it('a 5 MB bundle of certificates ends in LIMIT or a result, quickly', () => {
    const text = cert.pem.repeat(Math.ceil((5 * 1024 * 1024) / cert.pem.length));
    try {
      const file = read(text);
      assert.ok(file.certificates.length > 0);
    } catch (e) {
      assert.ok(e instanceof PkiError && e.code === 'LIMIT');
    }
  });

  it('never puts the password into an error message', () => {
    const key = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const text = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }).toString();
    assert.throws(() => read(text, 'Sup3rSecretGuess'), (e: unknown) => e instanceof PkiError && !e.message.includes('Sup3rSecretGuess'));
  });
});

describe('DER files', () => {
  it('reads a DER certificate and a DER PKCS#8 key', async () => {
    const cert = await makeCert({ subject: 'CN=der', alg: 'p256' });
    assert.equal(read(cert.der).result.format, 'der');
    assert.equal(read(cert.der).result.certificates[0].subject, 'CN=der');
    const keyDer = cert.key.export({ type: 'pkcs8', format: 'der' });
    assert.equal(read(keyDer).result.keys[0].algorithm, 'EC');
  });

  it('reads an encrypted DER PKCS#8 key only with its password', () => {
    const key = crypto.generateKeyPairSync('ed25519').privateKey;
    const der = key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'pw' });
    assert.equal(read(der, 'pw').result.keys[0].algorithm, 'Ed25519');
    throwsCode(() => read(der), 'PASSWORD_REQUIRED');
  });
});
