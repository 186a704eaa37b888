// Reads and parses certificate/key/keystore files through the injected FileSystem, remembering results
// by (path, size, mtime, password, day) so a file is parsed once until it changes. One instance per server
// or CLI run; nothing is module-level.
import { nodeCrypto } from '../core/nodeCrypto';
import type { Clock, DirEntry, FileSystem } from '../core/environment';
import { readBounded } from '../core/fileGate';
import { PkiError, asPkiError, isPkiError } from './errors';
import { MAX_FILE_BYTES } from './limits';
import type { ParsedFile } from './parsed';
import type { SniffedFormat } from './sniff';

/**
 * The readers, loaded on the first file read rather than with this module: they bring the ASN.1 schemas,
 * PKCS#12 and JKS code, which `estls check` on a file that names no readable certificate never needs (they
 * were a third of its start-up).
 */
let readers: { readPkiFile: typeof import('./readPkiFile').readPkiFile; sniffFormat: typeof import('./sniff').sniffFormat } | undefined;

function loadReaders(): NonNullable<typeof readers> {
  if (!readers) {
    /* eslint-disable @typescript-eslint/no-require-imports -- a synchronous lazy load; the bundler keeps both */
    const { readPkiFile } = require('./readPkiFile') as typeof import('./readPkiFile');
    const { sniffFormat } = require('./sniff') as typeof import('./sniff');
    /* eslint-enable @typescript-eslint/no-require-imports */
    readers = { readPkiFile, sniffFormat };
  }
  return readers;
}

/** The outcome of reading one path: parsed, a typed error, or not there (missing-file reports that). */
export type CertificateFileRead =
  | { kind: 'parsed'; path: string; file: ParsedFile }
  | { kind: 'error'; path: string; error: PkiError; format?: SniffedFormat }
  | { kind: 'missing'; path: string };

/** What rules use to read certificate files; RuleContext.certificates holds one. */
export interface CertificateFiles {
  /** Reads `path` (absolute) with an optional password; absent password tries the empty one. */
  read(path: string, password?: string): CertificateFileRead;
  /** A folder's entries (at most `max`), when the cache can list folders. */
  listDir?(path: string, max: number): DirEntry[] | undefined;
}

const DAY_MS = 86_400_000;

/** A bounded LRU cache of parsed files. */
export class CertificateFileCache implements CertificateFiles {
  private readonly entries = new Map<string, CertificateFileRead>();
  /** Folder listings by path, with the folder's mtime (it changes when an entry is added, removed or renamed). */
  private readonly listings = new Map<string, { mtimeMs: number; max: number; entries: DirEntry[] | undefined }>();

  constructor(
    private readonly fs: FileSystem,
    private readonly clock: Clock,
    private readonly maxEntries = 128,
  ) {}

  read(path: string, password?: string): CertificateFileRead {
    let stat;
    try {
      stat = this.fs.stat(path);
    } catch (e) {
      const refused = asPkiError(e);
      if (isPkiError(refused)) return { kind: 'error', path, error: refused };
      return { kind: 'error', path, error: new PkiError('UNSUPPORTED', 'The file could not be read (permission or I/O error).') };
    }
    // A folder is not the file a setting names; a FIFO or device is, and the read below refuses it.
    if (!stat || stat.isDirectory) return { kind: 'missing', path };
    const key = this.cacheKey(path, stat.size, stat.mtimeMs, password);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = this.load(path, stat.size, password);
    this.entries.set(key, result);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  /** A folder's entries, listed again only when the folder's mtime changed; errors are thrown, not kept. */
  listDir(path: string, max: number): DirEntry[] | undefined {
    const stat = this.fs.stat(path);
    if (!stat?.isDirectory || !this.fs.listDir) return this.fs.listDir?.(path, max);
    const hit = this.listings.get(path);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.max === max) return hit.entries;
    const entries = this.fs.listDir(path, max);
    this.listings.set(path, { mtimeMs: stat.mtimeMs, max, entries });
    if (this.listings.size > this.maxEntries) this.listings.delete(this.listings.keys().next().value as string);
    return entries;
  }

  /** Forgets everything (for example after the user changes a password). */
  clear(): void {
    this.entries.clear();
    this.listings.clear();
  }

  private cacheKey(path: string, size: number, mtimeMs: number, password: string | undefined): string {
    // The password is hashed so the key never holds it in clear; the day keeps daysLeft current.
    const pw = password === undefined ? '-' : nodeCrypto().createHash('sha256').update(password).digest('hex');
    const day = Math.floor(this.clock.now().getTime() / DAY_MS);
    return JSON.stringify([path, size, mtimeMs, pw, day]);
  }

  private load(path: string, size: number, password: string | undefined): CertificateFileRead {
    if (size > MAX_FILE_BYTES) return { kind: 'error', path, error: new PkiError('TOO_LARGE', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and is not read.`) };
    let bytes: Uint8Array | undefined;
    try {
      bytes = readBounded(this.fs, path, 'pki');
      if (!bytes) return { kind: 'missing', path };
      return { kind: 'parsed', path, file: loadReaders().readPkiFile(bytes, { fileName: path, password, clock: this.clock }) };
    } catch (thrown) {
      const e = asPkiError(thrown);
      // The sniffed format lets rules say "a PKCS#12 file where PEM belongs" even when the file stays locked.
      const format = bytes && bytes.length > 0 ? loadReaders().sniffFormat(bytes) : undefined;
      if (isPkiError(e)) return { kind: 'error', path, error: e, format };
      return { kind: 'error', path, error: new PkiError('UNKNOWN_FORMAT', 'The file could not be read as a certificate, key or keystore.'), format };
    }
  }
}
