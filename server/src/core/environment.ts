/** What a rule may know about a file on disk. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

/**
 * The outside world, injected: rules read files only through this, so tests pass an in-memory one.
 * Methods return undefined when the path does not exist; other I/O failures throw.
 */
export interface FileSystem {
  stat(path: string): FileStat | undefined;
  readFile(path: string): Uint8Array | undefined;
}

/** Time, injected so expiry rules are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
