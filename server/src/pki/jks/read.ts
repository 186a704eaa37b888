// The layout of Java's JKS and JCEKS keystores, read by hand: no maintained JavaScript library reads them
// (node-forge and @peculiar read PKCS#12 only), and the format is small and stable (sun.security.provider
// .JavaKeyStore and com.sun.crypto.provider.JceKeyStore in the JDK). This file only splits the bytes into
// entries; key decryption is in keyProtector.ts.
//
// Layout (big-endian): magic (FEEDFEED for JKS, CECECECE for JCEKS), version (1 or 2), entry count, entries,
// then a 20-byte SHA-1 over password (UTF-16BE) + "Mighty Aphrodite" + every byte before it.
// An entry is a tag (1 private key, 2 trusted certificate, 3 JCEKS secret key), the alias (Java UTF), the
// creation time (ms since 1970), then for a key the protected key and its chain, for a certificate the
// certificate. Version 2 writes each certificate's type ("X.509") before it.
import * as crypto from 'node:crypto';
import { ByteCursor } from '../binary';
import { PkiError } from '../errors';
import type { Deadline } from '../limits';
import { MAX_JKS_CHAIN, MAX_JKS_ENTRIES } from '../limits';

/** One entry as stored; the key is still protected. */
export interface JksRawEntry {
  kind: 'key' | 'trusted' | 'secret';
  alias: string;
  created: Date;
  /** EncryptedPrivateKeyInfo DER of a key entry. */
  protectedKey?: Uint8Array;
  /** DER certificates: the chain of a key entry (leaf first) or the one trusted certificate. */
  certificates: Uint8Array[];
}

/** A JKS or JCEKS keystore split into entries, before any password is used. */
export interface JksRaw {
  type: 'JKS' | 'JCEKS';
  version: number;
  /** How many entries the header declares. */
  declaredEntries: number;
  entries: JksRawEntry[];
  /**
   * Entries after a JCEKS secret-key entry are not listed: that entry is a Java-serialized object whose length
   * is only known by deserializing it, which this reader does not do.
   */
  unlisted: number;
  body: Uint8Array;
  digest: Uint8Array;
}

const MAGIC: Record<string, JksRaw['type']> = { feedfeed: 'JKS', cececece: 'JCEKS' };
const WHITENER = Buffer.from('Mighty Aphrodite', 'utf8');

/** Splits a JKS/JCEKS file; throws PkiError('BAD_DER') when the bytes do not follow the layout. */
export function readJksLayout(bytes: Uint8Array, deadline: Deadline): JksRaw {
  if (bytes.length < 32) throw new PkiError('BAD_DER', 'The Java keystore is truncated.');
  const body = bytes.subarray(0, bytes.length - 20);
  const cur = new ByteCursor(body, 'BAD_DER', 'Java keystore');
  const type = MAGIC[Buffer.from(cur.take(4)).toString('hex')];
  if (!type) throw new PkiError('BAD_DER', 'The file is not a Java keystore.');
  const version = cur.i32be();
  if (version !== 1 && version !== 2) throw new PkiError('UNSUPPORTED', `Java keystore version ${version} is not known (1 and 2 are).`);
  const declared = cur.i32be();
  // The smallest entry (tag, empty alias, date, empty certificate) takes 18 bytes: more cannot fit.
  if (declared < 0 || declared * 18 > cur.remaining) throw new PkiError('BAD_DER', 'The Java keystore declares more entries than it holds.');
  if (declared > MAX_JKS_ENTRIES) throw new PkiError('LIMIT', `The Java keystore declares ${declared} entries; at most ${MAX_JKS_ENTRIES} are read.`);
  const raw: JksRaw = { type, version, declaredEntries: declared, entries: [], unlisted: 0, body, digest: bytes.subarray(bytes.length - 20) };
  for (let i = 0; i < declared; i++) {
    deadline.check();
    const entry = readEntry(cur, type, version);
    raw.entries.push(entry);
    if (entry.kind === 'secret') {
      raw.unlisted = declared - i - 1;
      return raw;
    }
  }
  if (cur.remaining !== 0) throw new PkiError('BAD_DER', 'The Java keystore has extra bytes after its entries.');
  return raw;
}

function readEntry(cur: ByteCursor, type: JksRaw['type'], version: number): JksRawEntry {
  const tag = cur.i32be();
  const alias = cur.javaUtf();
  const created = new Date(cur.i64be());
  if (tag === 1) {
    const protectedKey = cur.take(cur.length());
    const count = cur.i32be();
    if (count < 0 || count > MAX_JKS_CHAIN) throw new PkiError('LIMIT', `The entry ${JSON.stringify(alias)} declares a chain of ${count} certificates.`);
    const certificates: Uint8Array[] = [];
    for (let i = 0; i < count; i++) certificates.push(readCertificate(cur, version));
    return { kind: 'key', alias, created, protectedKey, certificates };
  }
  if (tag === 2) return { kind: 'trusted', alias, created, certificates: [readCertificate(cur, version)] };
  if (tag === 3 && type === 'JCEKS') return { kind: 'secret', alias, created, certificates: [] };
  throw new PkiError('BAD_DER', `The Java keystore holds an entry of unknown kind ${tag}.`);
}

function readCertificate(cur: ByteCursor, version: number): Uint8Array {
  if (version === 2) {
    const certType = cur.javaUtf();
    if (certType !== 'X.509') throw new PkiError('UNSUPPORTED', `The Java keystore holds a certificate of type ${JSON.stringify(certType)}; only X.509 is read.`);
  }
  return cur.take(cur.length());
}

/** The keystore's integrity digest for a password: SHA-1(password as UTF-16BE, "Mighty Aphrodite", body). */
export function jksDigest(password: string, body: Uint8Array): Buffer {
  const h = crypto.createHash('sha1');
  h.update(utf16be(password));
  h.update(WHITENER);
  h.update(body);
  return h.digest();
}

/** True when `password` is the store password (the digest at the end of the file agrees). */
export function jksIntegrityHolds(raw: JksRaw, password: string): boolean {
  return crypto.timingSafeEqual(jksDigest(password, raw.body), Buffer.from(raw.digest));
}

/** Java's char-by-char big-endian password bytes (no terminator), as JKS hashes them. */
export function utf16be(password: string): Buffer {
  const out = Buffer.alloc(password.length * 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}
