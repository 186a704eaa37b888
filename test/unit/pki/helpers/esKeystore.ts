// A test-only writer of elasticsearch.keystore files of format versions 3 to 6, written from KeyStoreWrapper's
// layout (see server/src/pki/esKeystore/read.ts); no Elasticsearch is installed to make real ones.
import * as crypto from 'node:crypto';
import { encodeJavaUtf } from '../../../../server/src/pki/binary';
import { crc32 } from '../../../../server/src/pki/esKeystore/crc32';

export interface EsKeystoreSpec {
  version: 3 | 4 | 5 | 6 | number;
  password?: string;
  settings: Record<string, string | Uint8Array>;
  /** Override the KDF iterations (tests use few to stay fast; the reader must then fail). */
  iterations?: number;
}

function int(n: number, le: boolean): Buffer {
  const b = Buffer.alloc(4);
  if (le) b.writeInt32LE(n);
  else b.writeInt32BE(n);
  return b;
}

function plaintext(spec: EsKeystoreSpec): Buffer {
  const parts: Buffer[] = [int(Object.keys(spec.settings).length, false)];
  for (const [name, value] of Object.entries(spec.settings)) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    parts.push(encodeJavaUtf(name));
    if (spec.version === 3) parts.push(encodeJavaUtf(typeof value === 'string' ? 'STRING' : 'FILE'));
    parts.push(int(bytes.length, false), bytes);
  }
  return Buffer.concat(parts);
}

/** The bytes of an elasticsearch.keystore holding `settings`. */
export function writeEsKeystore(spec: EsKeystoreSpec): Buffer {
  const password = spec.password ?? '';
  const le = spec.version >= 5;
  const iterations = spec.iterations ?? (spec.version >= 6 ? 210_000 : 10_000);
  const salt = crypto.randomBytes(64);
  const iv = crypto.randomBytes(12);
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 16, 'sha512');
  const c = crypto.createCipheriv('aes-128-gcm', key, iv, { authTagLength: 16 });
  c.setAAD(salt);
  const encrypted = Buffer.concat([c.update(plaintext(spec)), c.final(), c.getAuthTag()]);
  const data = Buffer.concat([int(salt.length, le), salt, int(iv.length, le), iv, int(encrypted.length, le), encrypted]);
  const name = Buffer.from('elasticsearch.keystore', 'latin1');
  const head = Buffer.concat([int(0x3fd76c17, false), Buffer.from([name.length]), name, int(spec.version, false), Buffer.from([password ? 1 : 0]), int(data.length, le), data]);
  const footerHead = Buffer.concat([head, int(~0x3fd76c17, false), int(0, false)]);
  const checksum = Buffer.alloc(8);
  checksum.writeUInt32BE(crc32(footerHead), 4);
  return Buffer.concat([footerHead, checksum]);
}
