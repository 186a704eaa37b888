// Workspace fixtures made in the test: CAs and leaves from the project's generator, written as PEM files
// beside the settings files that name them, and a test-only elasticsearch.keystore writer.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeCa, makeSignedCertificate, type CaMaterial } from '../../../server/src/pki/generate/index';
import type { CertificateProfile } from '../../../server/src/pki/generate/issue';
import { certificateToPem, privateKeyToPem } from '../../../server/src/pki/pemWrite';
import { encodeJavaUtf } from '../../../server/src/pki/binary';
import { crc32 } from '../../../server/src/pki/esKeystore/crc32';
import { writePkcs12 } from '../../../server/src/pki/pkcs12/write';

export const NOW = new Date();

/** A temporary folder removed by `cleanup`. */
export function tempWorkspace(): { root: string; write: (rel: string, body: string | Uint8Array) => string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-ws-'));
  const write = (rel: string, body: string | Uint8Array) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body, { mode: 0o600 });
    return file;
  };
  return { root, write, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A CA with its certificate PEM. */
export async function ca(cn: string): Promise<CaMaterial & { pem: string }> {
  const m = await makeCa({ now: NOW, dn: `CN=${cn}`, key: { type: 'ec', curve: 'P-256' } });
  return { ...m, pem: certificateToPem(m.certDer) };
}

/** A leaf issued by `issuer` for `dns`/`ip`, as certificate and key PEM. */
export async function leaf(issuer: CaMaterial, name: string, dns: string[], ip: string[] = [], profile: CertificateProfile = 'transport'): Promise<{ cert: string; key: string }> {
  const c = await makeSignedCertificate({ instance: { name, dns, ip }, ca: issuer, profile, key: { type: 'ec', curve: 'P-256' }, days: 300, now: NOW });
  return { cert: certificateToPem(c.certDer), key: privateKeyToPem(c.key) };
}

function int(n: number, le: boolean): Buffer {
  const b = Buffer.alloc(4);
  if (le) b.writeInt32LE(n);
  else b.writeInt32BE(n);
  return b;
}

/** An elasticsearch.keystore (format 3 to 6) holding `settings`, with the empty password; few KDF rounds are not allowed. */
export function esKeystore(version: 3 | 4 | 5 | 6, settings: Record<string, string>): Buffer {
  const body: Buffer[] = [int(Object.keys(settings).length, false)];
  for (const [name, value] of Object.entries(settings)) {
    body.push(encodeJavaUtf(name));
    if (version === 3) body.push(encodeJavaUtf('STRING'));
    body.push(int(Buffer.byteLength(value), false), Buffer.from(value, 'utf8'));
  }
  const salt = crypto.randomBytes(64);
  const iv = crypto.randomBytes(12);
  const key = crypto.pbkdf2Sync(Buffer.alloc(0), salt, version >= 6 ? 210_000 : 10_000, 16, 'sha512');
  const cipher = crypto.createCipheriv('aes-128-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(salt);
  const ciphertext = Buffer.concat([cipher.update(Buffer.concat(body)), cipher.final(), cipher.getAuthTag()]);
  const le = version >= 5;
  const data = Buffer.concat([int(salt.length, le), salt, int(iv.length, le), iv, int(ciphertext.length, le), ciphertext]);
  const name = Buffer.from('elasticsearch.keystore', 'latin1');
  const head = Buffer.concat([int(0x3fd76c17, false), Buffer.from([name.length]), name, int(version, false), Buffer.from([0]), int(data.length, le), data]);
  // Lucene's footer: magic, algorithm 0, then the checksum as a long over everything before it.
  const footer = Buffer.concat([int(~0x3fd76c17 | 0, false), int(0, false)]);
  const crc = Buffer.alloc(8);
  crc.writeUInt32BE(crc32(Buffer.concat([head, footer])), 4);
  return Buffer.concat([head, footer, crc]);
}

/** A PKCS#12 keystore of one key entry issued by `issuer`, with `password`. */
export async function p12(issuer: CaMaterial, name: string, password: string): Promise<Uint8Array> {
  const c = await makeSignedCertificate({ instance: { name, dns: [name], ip: [] }, ca: issuer, profile: 'transport', key: { type: 'ec', curve: 'P-256' }, days: 300, now: NOW });
  return writePkcs12([{ alias: name, key: c.key, chain: [c.certDer, issuer.certDer] }], [], { password });
}
