// Writing generated files all or nothing: each goes to a short temporary name in its folder and is linked into
// place (never over an existing file); on any failure every file and every folder this run made is removed again,
// and the message says exactly what, if anything, could not be removed.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One file to write. */
export interface FileToWrite {
  target: string;
  bytes: Uint8Array;
  mode: number;
}

/**
 * A temporary name that fits any folder: certutil allows file names up to 255 bytes (251 plus `.p12`), so a name
 * built from the target's (`.name.p12.<hex>.tmp`) could pass the 255-byte limit of the file system.
 */
function tempName(dir: string): string {
  return path.join(dir, `.estls-${randomBytes(8).toString('hex')}.tmp`);
}

/** Folders made for `dir`, outermost first (none when it exists). */
function makeFolders(dir: string): string[] {
  const first = fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (first === undefined) return [];
  const made = [first];
  for (let d = dir; d !== first && d.startsWith(first); d = path.dirname(d)) made.splice(1, 0, d);
  return made;
}

/** Writes one file without replacing an existing one (link fails with EEXIST); the mode is set before linking. */
function writeNew(file: FileToWrite): void {
  const temp = tempName(path.dirname(file.target));
  const fd = fs.openSync(temp, 'wx', file.mode);
  try {
    try {
      fs.writeSync(fd, file.bytes);
      fs.fchmodSync(fd, file.mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(temp, file.target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** What could not be removed after a failure (empty when the run left nothing behind). */
function undo(files: string[], folders: string[]): string[] {
  const left: string[] = [];
  for (const f of files) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      left.push(f);
    }
  }
  // Innermost first; a folder someone else wrote into meanwhile stays.
  for (const d of [...folders].reverse()) {
    try {
      fs.rmdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') left.push(d);
    }
  }
  return left;
}

/** A failed write: the cause, and whatever could not be removed again. */
export class WriteFailure extends Error {
  constructor(
    readonly code: string,
    readonly left: string[],
  ) {
    super(left.length === 0 ? `could not write the files (${code}); nothing was kept` : `could not write the files (${code}); these could not be removed: ${left.join(', ')}`);
  }
}

/** Writes every file or none; `written` is told after each. Throws WriteFailure after undoing what it did. */
export function writeAllOrNothing(files: FileToWrite[], written: (file: FileToWrite) => void = () => undefined): void {
  const done: string[] = [];
  const folders: string[] = [];
  try {
    for (const file of files) {
      folders.push(...makeFolders(path.dirname(file.target)));
      writeNew(file);
      done.push(file.target);
      written(file);
    }
  } catch (e) {
    throw new WriteFailure((e as NodeJS.ErrnoException).code ?? 'error', undo(done, folders));
  }
}
