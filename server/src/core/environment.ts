import type { ReadKind } from '../core/fileGate';

/** What a rule may know about a file on disk. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

/** One entry of a folder listing. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * The outside world, injected: rules read files only through this, so tests pass an in-memory one.
 * Methods return undefined when the path does not exist; other I/O failures throw, and a refused read throws
 * core/fileGate's FileGateError (not a regular file, over the kind's limit, outside an untrusted workspace).
 */
export interface FileSystem {
  stat(path: string): FileStat | undefined;
  /** The file's bytes, at most READ_LIMITS[kind]; call it through readBounded so every reader keeps the limit. */
  readFile(path: string, kind: ReadKind): Uint8Array | undefined;
  /** The folder's entries (at most `max`), for path completion; absent where listing is not possible. */
  listDir?(path: string, max: number): DirEntry[] | undefined;
}

/** Time, injected so expiry rules are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
