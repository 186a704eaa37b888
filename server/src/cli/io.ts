import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeMessage } from '../core/safeText';
import type { Clock, FileSystem } from '../core/environment';
import { systemClock } from '../core/environment';
import { nodeFileSystem } from '../core/nodeFileSystem';

/** Exit codes every `estls` command uses. */
export const ExitCode = {
  /** Ran, and found nothing at error level. */
  ok: 0,
  /** Ran, and found at least one error (or the operation failed on the user's input). */
  findings: 1,
  /** Could not run: bad usage, unknown product, unreadable file. */
  usage: 2,
} as const;

/**
 * The outside world of a CLI command, injected so commands are testable in-process.
 * `out`/`err` write text as given (callers add newlines).
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths on the command line resolve against. */
  cwd: string;
  fs: FileSystem;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
  /** Writes a file, creating folders; `mode` such as 0o600 for private keys. */
  writeFile(filePath: string, bytes: Uint8Array, mode?: number): void;
}

/** The real process: stdout, stderr, the file system and the system clock. */
export function nodeIo(): CliIo {
  return {
    // Everything printed may quote a file (subjects, SANs, instance names, setting values): the terminal gets
    // control characters escaped and passwords in URLs masked, whichever command printed it.
    out: (text) => void process.stdout.write(safeMessage(text)),
    err: (text) => void process.stderr.write(safeMessage(text)),
    cwd: process.cwd(),
    fs: nodeFileSystem,
    clock: systemClock,
    env: process.env,
    writeFile(filePath, bytes, mode) {
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, bytes, mode === undefined ? undefined : { mode });
      if (mode !== undefined) fs.chmodSync(filePath, mode);
    },
  };
}

/** An in-memory io for tests: collects output, serves files from a map of absolute paths. */
export function memoryIo(files: Record<string, string | Uint8Array> = {}, cwd = '/work'): CliIo & { stdout: string; stderr: string; written: Map<string, { bytes: Uint8Array; mode?: number }> } {
  const store = new Map<string, Uint8Array>(Object.entries(files).map(([p, c]) => [p, typeof c === 'string' ? Buffer.from(c, 'utf8') : c]));
  const io = {
    stdout: '',
    stderr: '',
    written: new Map<string, { bytes: Uint8Array; mode?: number }>(),
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    cwd,
    clock: systemClock,
    env: {},
    fs: {
      stat: (p: string) => {
        const bytes = store.get(p);
        if (bytes) return { size: bytes.length, mtimeMs: 0, isFile: true, isDirectory: false };
        const isDir = [...store.keys()].some((k) => k.startsWith(p.endsWith('/') ? p : p + '/'));
        return isDir ? { size: 0, mtimeMs: 0, isFile: false, isDirectory: true } : undefined;
      },
      readFile: (p: string) => store.get(p),
    },
    writeFile(filePath: string, bytes: Uint8Array, mode?: number) {
      store.set(filePath, bytes);
      io.written.set(filePath, { bytes, mode });
    },
  };
  return io;
}
