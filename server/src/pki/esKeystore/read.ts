// The Elasticsearch secure-settings keystore (`elasticsearch.keystore`), read without a JVM, after
// KeyStoreWrapper.java in elastic/elasticsearch (server/src/main/java/org/elasticsearch/common/settings):
//
//   Lucene codec header (big-endian): magic 0x3FD76C17, codec name "elasticsearch.keystore", format version
//   hasPassword byte (0 or 1)
//   data length, then data: salt length, salt, IV length, IV, ciphertext length, ciphertext
//     (these integers are big-endian before version 5 and little-endian from 5, when Lucene 9 switched)
//   Lucene footer (big-endian): magic ~0x3FD76C17, algorithm 0, CRC-32 of every byte before the CRC
//
// The ciphertext is AES-128-GCM (tag 128 bits, the salt as additional data) under a PBKDF2-HMAC-SHA512 key of
// the password (10,000 iterations before version 6, 210,000 from 6). Its plaintext, in Java DataOutput form:
// entry count, then per entry the setting name (Java UTF), in version 3 the entry type (Java UTF), the value
// length and the value bytes. Versions 1 and 2 (PKCS#12 inside) are refused, as Elasticsearch refuses them.
//
// Only setting NAMES leave this module: values are skipped in place and the plaintext is zeroed.
import { nodeCrypto } from '../../core/nodeCrypto';
import { ByteCursor } from '../binary';
import { PkiError } from '../errors';
import { MAX_ES_KEYSTORE_SETTINGS } from '../limits';
import type { WorkBudget } from '../pkcs12/crypto';
import type { ElasticsearchKeystoreSummary } from '../types';
import { crc32 } from './crc32';

const CODEC_MAGIC = 0x3fd76c17;
const FOOTER_MAGIC = ~CODEC_MAGIC | 0;
const CODEC_NAME = 'elasticsearch.keystore';
/** Versions whose layout was read at source (format changelog in KeyStoreWrapper: 3 ES 6.3 ... 6 ES 8.14). */
const MIN_VERSION = 3;
const MAX_VERSION = 6;
const LE_VERSION = 5;
const HIGHER_KDF_VERSION = 6;

/** True when the bytes start with the Lucene codec header of an Elasticsearch keystore. */
export function looksLikeElasticsearchKeystore(b: Uint8Array): boolean {
  if (b.length < 27) return false;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  return buf.readUInt32BE(0) === CODEC_MAGIC && b[4] === CODEC_NAME.length && buf.toString('latin1', 5, 5 + CODEC_NAME.length) === CODEC_NAME;
}

interface Layout {
  formatVersion: number;
  hasPassword: boolean;
  salt: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
}

/**
 * Reads an Elasticsearch keystore and returns its setting names. The empty password is used when the keystore
 * has none; otherwise `password` is needed (PASSWORD_REQUIRED) and must be right (BAD_PASSWORD).
 */
export function readElasticsearchKeystore(bytes: Uint8Array, password: string | undefined, budget: WorkBudget): ElasticsearchKeystoreSummary {
  const layout = readLayout(bytes);
  if (layout.hasPassword && !password) throw new PkiError('PASSWORD_REQUIRED', 'This Elasticsearch keystore is password-protected.');
  const kdfIterations = layout.formatVersion < HIGHER_KDF_VERSION ? 10_000 : 210_000;
  const plain = decrypt(layout, layout.hasPassword ? (password as string) : '', kdfIterations, budget);
  try {
    return { formatVersion: layout.formatVersion, hasPassword: layout.hasPassword, kdfIterations, settingNames: settingNames(plain, layout.formatVersion) };
  } finally {
    plain.fill(0);
  }
}

function readLayout(bytes: Uint8Array): Layout {
  if (!looksLikeElasticsearchKeystore(bytes)) throw new PkiError('BAD_DER', 'The file is not an Elasticsearch keystore.');
  checkFooter(bytes);
  const cur = new ByteCursor(bytes.subarray(0, bytes.length - 16), 'BAD_DER', 'Elasticsearch keystore');
  cur.take(5 + CODEC_NAME.length);
  const formatVersion = cur.i32be();
  if (formatVersion < MIN_VERSION) throw new PkiError('UNSUPPORTED', `This Elasticsearch keystore is format version ${formatVersion}, too old for Elasticsearch 7 and later; recreate it with elasticsearch-keystore create.`);
  if (formatVersion > MAX_VERSION) throw new PkiError('UNSUPPORTED', `This Elasticsearch keystore is format version ${formatVersion}; versions ${MIN_VERSION} to ${MAX_VERSION} are read.`);
  const flag = cur.u8();
  if (flag !== 0 && flag !== 1) throw new PkiError('BAD_DER', 'The Elasticsearch keystore is corrupt (its password flag is neither 0 nor 1).');
  const le = formatVersion >= LE_VERSION;
  const data = new ByteCursor(cur.take(cur.length(le)), 'BAD_DER', 'Elasticsearch keystore');
  if (cur.remaining !== 0) throw new PkiError('BAD_DER', 'The Elasticsearch keystore has extra bytes before its footer.');
  const salt = Buffer.from(data.take(data.length(le)));
  const iv = Buffer.from(data.take(data.length(le)));
  const ciphertext = Buffer.from(data.take(data.length(le)));
  if (data.remaining !== 0 || iv.length === 0 || ciphertext.length < 16) throw new PkiError('BAD_DER', 'The Elasticsearch keystore has been corrupted or tampered with.');
  return { formatVersion, hasPassword: flag === 1, salt, iv, ciphertext };
}

/** Lucene's footer: magic, algorithm id 0, and the CRC-32 of everything before the checksum. */
function checkFooter(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const at = bytes.length - 16;
  const ok = buf.readInt32BE(at) === FOOTER_MAGIC && buf.readInt32BE(at + 4) === 0 && buf.readUInt32BE(at + 8) === 0 && buf.readUInt32BE(at + 12) === crc32(bytes.subarray(0, bytes.length - 8));
  if (!ok) throw new PkiError('BAD_DER', 'The Elasticsearch keystore is corrupt: its checksum footer does not match.');
}

function decrypt(l: Layout, password: string, iterations: number, budget: WorkBudget): Buffer {
  budget.spend(iterations);
  const key = nodeCrypto().pbkdf2Sync(Buffer.from(password, 'utf8'), l.salt, iterations, 16, 'sha512');
  try {
    const d = nodeCrypto().createDecipheriv('aes-128-gcm', key, l.iv, { authTagLength: 16 });
    d.setAAD(l.salt);
    d.setAuthTag(l.ciphertext.subarray(l.ciphertext.length - 16));
    return Buffer.concat([d.update(l.ciphertext.subarray(0, l.ciphertext.length - 16)), d.final()]);
  } catch {
    throw new PkiError(password === '' ? 'PASSWORD_REQUIRED' : 'BAD_PASSWORD', password === '' ? 'This Elasticsearch keystore does not open with the empty password.' : 'The Elasticsearch keystore password is wrong (Elasticsearch: "Provided keystore password was incorrect").');
  } finally {
    key.fill(0);
  }
}

/** The names in the decrypted entries; values are stepped over, never copied. */
function settingNames(plain: Buffer, formatVersion: number): string[] {
  const cur = new ByteCursor(plain, 'BAD_DER', 'Elasticsearch keystore');
  const count = cur.i32be();
  if (count < 0 || count > MAX_ES_KEYSTORE_SETTINGS) throw new PkiError('LIMIT', `The Elasticsearch keystore declares ${count} settings.`);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    names.push(cur.javaUtf());
    if (formatVersion === 3) cur.javaUtf();
    cur.take(cur.length());
  }
  if (cur.remaining !== 0) throw new PkiError('BAD_DER', 'The Elasticsearch keystore has been corrupted or tampered with.');
  return names.sort();
}

/**
 * Decrypts the keystore and hands the value of setting `name` (as UTF-8 text) to `attempt`, which only answers
 * whether the value did what it tried (opened a file, say). Only that boolean leaves: the value is never
 * returned, stored or put in an error, and the plaintext is zeroed. Undefined when the setting is absent.
 */
export function attemptWithSetting(bytes: Uint8Array, password: string | undefined, budget: WorkBudget, name: string, attempt: (value: string) => boolean): boolean | undefined {
  const layout = readLayout(bytes);
  if (layout.hasPassword && !password) throw new PkiError('PASSWORD_REQUIRED', 'This Elasticsearch keystore is password-protected.');
  const kdfIterations = layout.formatVersion < HIGHER_KDF_VERSION ? 10_000 : 210_000;
  const plain = decrypt(layout, layout.hasPassword ? (password as string) : '', kdfIterations, budget);
  try {
    const cur = new ByteCursor(plain, 'BAD_DER', 'Elasticsearch keystore');
    const count = cur.i32be();
    if (count < 0 || count > MAX_ES_KEYSTORE_SETTINGS) throw new PkiError('LIMIT', `The Elasticsearch keystore declares ${count} settings.`);
    for (let i = 0; i < count; i++) {
      const entryName = cur.javaUtf();
      if (layout.formatVersion === 3) cur.javaUtf();
      const value = cur.take(cur.length());
      if (entryName === name) return tryValue(value, attempt);
    }
    return undefined;
  } finally {
    plain.fill(0);
  }
}

/** Calls `attempt` on the value; a throw inside counts as "did not work" and its message is dropped. */
function tryValue(value: Uint8Array, attempt: (value: string) => boolean): boolean {
  try {
    return attempt(Buffer.from(value).toString('utf8'));
  } catch {
    return false;
  }
}
