// Shared helpers for tests that drive the real `openssl` and `keytool`: run a tool, make a temp dir, skip
// cleanly when a tool is absent.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for DER output. */
  stdoutBytes: Buffer;
}

export interface RunOptions {
  input?: string | Uint8Array;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** When true a non-zero exit is returned instead of thrown. */
  allowFailure?: boolean;
  timeoutMs?: number;
}

/** Runs a command synchronously; throws with its stderr when it fails, unless allowFailure is set. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): RunResult {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const result: RunResult = {
    status: r.status ?? -1,
    stdout: r.stdout.toString('utf8'),
    stderr: r.stderr.toString('utf8'),
    stdoutBytes: r.stdout,
  };
  if (result.status !== 0 && !opts.allowFailure) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr.trim()}`);
  }
  return result;
}

/** `openssl <args>`; the stdout text. */
export function openssl(args: string[], opts: RunOptions = {}): string {
  return run('openssl', args, opts).stdout;
}

/** Where keytool lives: JAVA_HOME's, else /usr/bin/keytool, else the PATH's. */
export function keytoolPath(): string {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'keytool') : undefined;
  if (fromHome && fs.existsSync(fromHome)) return fromHome;
  return fs.existsSync('/usr/bin/keytool') ? '/usr/bin/keytool' : 'keytool';
}

/** `keytool <args>` (non-interactive; pass -noprompt where keytool would ask). */
export function keytool(args: string[], opts: RunOptions = {}): string {
  return run(keytoolPath(), args, opts).stdout;
}

/** True when the command can be started (tests skip otherwise). */
export function hasTool(cmd: string, versionArgs: string[] = ['version']): boolean {
  const r = spawnSync(cmd, versionArgs, { timeout: 20_000 });
  return !r.error;
}

/** True when this openssl can load the legacy provider (needed for `pkcs12 -legacy`). */
export function hasLegacyProvider(): boolean {
  const r = spawnSync('openssl', ['list', '-providers', '-provider', 'legacy'], { timeout: 20_000 });
  return !r.error && r.status === 0;
}

export interface TempDir {
  path: string;
  /** Joins a name onto the dir. */
  file(name: string): string;
  cleanup(): void;
}

/** A fresh temp dir under os.tmpdir(); call cleanup() in an after hook. */
export function tmpDir(prefix = 'estls-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    path: dir,
    file: (name: string) => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
