// JKS and JCEKS keystores -> certificates, keys and entries. Certificates are not encrypted in these formats, so
// they are listed without a password; the store password is checked against the integrity digest, and key
// entries are decrypted only with a password known to be right (for the key/certificate match).
import * as crypto from 'node:crypto';
import type { Deadline } from './limits';
import { PkiError } from './errors';
import type { ParsedEntry, ParsedFile } from './parsed';
import type { WorkBudget } from './pkcs12/crypto';
import { addKey, emptyFile } from './fileBuild';
import type { ReadOptions } from './parsed';
import { parseCertificate } from './x509/summary';
import { jksIntegrityHolds, readJksLayout } from './jks/read';
import type { JksRaw, JksRawEntry } from './jks/read';
import { keyProtection, recoverKey } from './jks/keyProtector';
import { selectKeyEntry } from './keySelection';
import { pkcs12ConversionCommand, sniffFormat } from './sniff';
import type { KeystoreEntry } from './types';

/**
 * Reads a JKS or JCEKS file. With a password, a digest that disagrees is BAD_PASSWORD (Java's "Keystore was
 * tampered with, or password was incorrect"); without one, the empty password is tried and the entries are
 * listed either way.
 */
export function readJksFile(bytes: Uint8Array, opts: ReadOptions, budget: WorkBudget, deadline: Deadline): ParsedFile {
  const raw = layout(bytes, opts, deadline);
  const verified = jksIntegrityHolds(raw, opts.password ?? '');
  if (!verified && opts.password !== undefined) {
    throw new PkiError('BAD_PASSWORD', 'The keystore password is wrong (or the keystore was changed): its integrity check fails.');
  }
  const file = emptyFile(opts.fileName, raw.type === 'JKS' ? 'jks' : 'jceks');
  // Keys are decrypted only when the store password is known to be right: the key password is the store
  // password unless set apart (Elasticsearch's keystore.key_password defaults to keystore.password).
  const keyPassword = verified ? (opts.password ?? '') : undefined;
  for (const entry of raw.entries) {
    deadline.check();
    addEntry(file, readEntry(file, entry, opts, keyPassword, budget));
  }
  file.result.keystore = {
    type: raw.type,
    integrity: verified ? 'verified' : 'not-verified',
    entryCount: raw.declaredEntries,
    ...(raw.unlisted > 0 ? { unlistedEntries: raw.unlisted } : {}),
    keyProtection: protections(raw),
    selection: selectKeyEntry(file.result.format, file.result.entries),
  };
  return file;
}

/** The layout, with a malformed file reported as a Java keystore problem (code JKS) and the conversion hint. */
function layout(bytes: Uint8Array, opts: ReadOptions, deadline: Deadline): JksRaw {
  try {
    return readJksLayout(bytes, deadline);
  } catch (e) {
    if (!(e instanceof PkiError) || e.code === 'LIMIT') throw e;
    const kind = sniffFormat(bytes) === 'jceks' ? 'JCEKS' : 'JKS';
    throw new PkiError('JKS', `This Java keystore (${kind}) cannot be read: ${e.message} If keytool reads it, convert it to PKCS#12: ${pkcs12ConversionCommand(opts.fileName)}`);
  }
}

function readEntry(file: ParsedFile, entry: JksRawEntry, opts: ReadOptions, keyPassword: string | undefined, budget: WorkBudget): ParsedEntry {
  const chain = entry.certificates.map((der) => parseCertificate(der, opts.clock));
  for (const cert of chain) {
    file.certificates.push(cert);
    file.result.certificates.push(cert.summary);
  }
  const summary: KeystoreEntry = { alias: entry.alias, hasKey: entry.kind === 'key', certificates: chain.map((c) => c.summary), trusted: entry.kind === 'trusted', created: entry.created.toISOString() };
  if (entry.kind === 'secret') summary.secretKey = true;
  if (entry.kind !== 'key' || !entry.protectedKey) return { summary, chain };
  const key = keyPassword === undefined ? undefined : tryRecover(entry.protectedKey, keyPassword, budget);
  if (!key) {
    summary.keyLocked = true;
    return { summary, chain };
  }
  const parsedKey = addKey(file, key, chain[0], true);
  summary.keyMatchesCertificate = parsedKey.summary.matchesCertificate ?? false;
  return { summary, key: parsedKey, chain };
}

function tryRecover(protectedKey: Uint8Array, password: string, budget: WorkBudget): crypto.KeyObject | undefined {
  try {
    return crypto.createPrivateKey({ key: recoverKey(protectedKey, password, budget), format: 'der', type: 'pkcs8' });
  } catch (e) {
    // A key with its own password stays locked; a key whose plaintext is not PKCS#8 is the file's fault.
    if (e instanceof PkiError && (e.code === 'BAD_PASSWORD' || e.code === 'UNSUPPORTED')) return undefined;
    if (e instanceof PkiError) throw e;
    throw new PkiError('BAD_DER', 'A private key in the Java keystore is malformed or of an unsupported type.');
  }
}

function addEntry(file: ParsedFile, entry: ParsedEntry): void {
  file.entries.push(entry);
  file.result.entries.push(entry.summary);
}

function protections(raw: JksRaw): string[] {
  return [...new Set(raw.entries.filter((e) => e.protectedKey).map((e) => keyProtection(e.protectedKey as Uint8Array)))];
}

