// The one gate every file read of the engine goes through: it opens the file without blocking, refuses what is
// not a regular file (FIFO, device, socket, folder, /proc and /sys entries), reads from the open descriptor at
// most the limit of the file's kind plus one byte (stat sizes lie: /proc files say 0 and never end, a sparse
// file says 500 MB), and, confined to a workspace, refuses any real path outside the workspace folders.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a file is read as; each kind has its own byte limit (READ_LIMITS). */
export type ReadKind = 'settings' | 'instances' | 'pki';

/**
 * Bytes read at most per kind. Settings: 2 M characters (config/limits MAX_FILE_CHARS) of UTF-8 are at most 6 MB.
 * Instances files: certutil's YAML of names and addresses; 1 MB holds tens of thousands. Certificates, keys and
 * keystores: 10 MB (pki/limits MAX_FILE_BYTES), far above the largest public CA bundle (about 250 KB).
 */
export const READ_LIMITS: Readonly<Record<ReadKind, number>> = {
  settings: 6 * 1024 * 1024,
  instances: 1024 * 1024,
  pki: 10 * 1024 * 1024,
};

/** Why the gate refused a file. */
export type FileGateCode = 'TOO_LARGE' | 'NOT_A_FILE' | 'OUTSIDE_WORKSPACE';

/** A refused read. The message is a sentence for people; it names no file content. */
export class FileGateError extends Error {
  constructor(
    readonly code: FileGateCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileGateError';
  }
}

export function isFileGateError(e: unknown): e is FileGateError {
  return e instanceof FileGateError;
}

/** Anything with the gate's read method (the FileSystem interface, or an in-memory one in tests). */
export interface BoundedReader {
  readFile(filePath: string, kind: ReadKind): Uint8Array | undefined;
}

/**
 * Reads `filePath` as `kind` through `reader` and holds any reader to the kind's limit (an in-memory file
 * system in a test, too). Undefined when the file does not exist; FileGateError when refused.
 */
export function readBounded(reader: BoundedReader, filePath: string, kind: ReadKind): Uint8Array | undefined {
  const bytes = reader.readFile(filePath, kind);
  if (bytes && bytes.length > READ_LIMITS[kind]) throw tooLarge(kind);
  return bytes;
}

/**
 * The text of a file read as `kind` through `reader` (UTF-8), or undefined when it is missing, refused or
 * unreadable: for the many places that look at a neighbouring file and have nothing to say when they cannot.
 */
export function readBoundedText(reader: BoundedReader, filePath: string, kind: ReadKind): string | undefined {
  try {
    const bytes = readBounded(reader, filePath, kind);
    return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
  } catch {
    return undefined;
  }
}

export function tooLarge(kind: ReadKind): FileGateError {
  return new FileGateError('TOO_LARGE', `The file is larger than ${formatBytes(READ_LIMITS[kind])} and is not read.`);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / 1024 / 1024} MB` : `${n / 1024} KB`;
}

const SYSTEM_TREES = ['/proc', '/sys'];

/** True for a real path inside /proc or /sys, whose files report sizes that mean nothing. */
export function isSystemPath(realPath: string): boolean {
  return SYSTEM_TREES.some((tree) => realPath === tree || realPath.startsWith(`${tree}/`));
}

/** What a non-regular file is, for a message. */
function describeKind(s: fs.Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function notAFile(what: string): FileGateError {
  return new FileGateError('NOT_A_FILE', `The path is ${what}, not a regular file, so it is not read.`);
}

const systemFile = (): FileGateError =>
  new FileGateError('NOT_A_FILE', 'The path is a system file under /proc or /sys, not a regular file, so it is not read.');

// O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused after fstat). O_NOCTTY: a terminal
// device must never become our controlling terminal. Both are 0 where the platform lacks them.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/**
 * Opens `realPath` (already resolved), refuses non-regular files, and reads at most `limit + 1` bytes from the
 * descriptor. Undefined when it does not exist.
 */
export function readRegularFile(realPath: string, kind: ReadKind): Uint8Array | undefined {
  if (isSystemPath(realPath)) throw systemFile();
  let fd: number;
  try {
    fd = fs.openSync(realPath, OPEN_FLAGS);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw notAFile(describeKind(stat));
    return readAtMost(fd, READ_LIMITS[kind], kind);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads until end of file or limit + 1 bytes, whichever comes first; more than the limit is refused. */
function readAtMost(fd: number, limit: number, kind: ReadKind): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
    const n = readSome(fd, chunk);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  if (total > limit) throw tooLarge(kind);
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** One read; EAGAIN (a descriptor that turned non-blocking on us) counts as the end. */
function readSome(fd: number, chunk: Buffer): number {
  try {
    return fs.readSync(fd, chunk, 0, chunk.length, null);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return 0;
    throw e;
  }
}

export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Keeps reads inside the real paths of the workspace folders (an untrusted workspace). Every link, file or
 * folder, is resolved before the comparison, so `certs/link.crt -> /etc/secret.crt` is outside.
 */
export class Confinement {
  private cachedRoots: { key: string; real: string[] } | undefined;

  /** `roots` is read on each check, so folders added later count; undefined there means no confinement (trusted). */
  constructor(private readonly roots: () => readonly string[] | undefined) {}

  /**
   * The real path of `filePath`, or FileGateError OUTSIDE_WORKSPACE. A path that does not exist resolves through
   * its nearest existing folder (so a missing file under a linked folder is outside too); undefined then.
   */
  resolve(filePath: string): string | undefined {
    const absolute = path.resolve(filePath);
    const real = realPathOrMissing(absolute);
    const roots = this.roots();
    if (roots === undefined) return real;
    const existing = real ?? nearestExistingReal(absolute);
    if (!this.inside(existing, roots)) {
      throw new FileGateError('OUTSIDE_WORKSPACE', 'The file is outside the workspace (after following links), and the workspace is not trusted, so it is not read.');
    }
    return real;
  }

  /** False while trusted: then nothing is refused and a stat needs no real path. */
  active(): boolean {
    return this.roots() !== undefined;
  }

  /** True when the real path of `filePath` is inside a workspace folder. */
  allows(filePath: string): boolean {
    try {
      this.resolve(filePath);
      return true;
    } catch {
      return false;
    }
  }

  private inside(realPath: string, roots: readonly string[]): boolean {
    return this.realRoots(roots).some((root) => {
      const rel = path.relative(root, realPath);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  }

  private realRoots(roots: readonly string[]): string[] {
    const key = roots.join('\0');
    if (this.cachedRoots?.key !== key) {
      this.cachedRoots = { key, real: roots.map((r) => realPathOrMissing(path.resolve(r)) ?? path.resolve(r)) };
    }
    return this.cachedRoots.real;
  }
}

/** fs.realpath, or undefined when the path (or a folder on it) does not exist. */
export function realPathOrMissing(absolute: string): string | undefined {
  try {
    return fs.realpathSync.native(absolute);
  } catch (e) {
    if (isMissing(e) || (e as NodeJS.ErrnoException).code === 'ELOOP') return undefined;
    throw e;
  }
}

function nearestExistingReal(absolute: string): string {
  let dir = path.dirname(absolute);
  for (;;) {
    const real = realPathOrMissing(dir);
    if (real) return path.join(real, path.relative(dir, absolute));
    const parent = path.dirname(dir);
    if (parent === dir) return absolute;
    dir = parent;
  }
}
