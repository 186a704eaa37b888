// The modes the CLI gives generated files, for files the extension writes: keys and keystores 0600, certificates
// and other public files 0644, whatever the umask. Plain Node (no vscode) so it is unit-tested directly.
import * as fs from 'node:fs';

/** 0600 for private keys and keystores, 0644 for the rest (as `estls gen` writes them). */
export function modeFor(isPrivate: boolean): number {
  return isPrivate ? 0o600 : 0o644;
}

/** Only `file:` URIs are local files whose modes the extension can set; other file systems keep their own. */
export function canSetModes(scheme: string): boolean {
  return scheme === 'file';
}

/** Creates the (new) file empty with its mode, so no byte of a key is ever readable by others. */
export function createWithMode(fsPath: string, mode: number): void {
  fs.closeSync(fs.openSync(fsPath, 'wx', mode));
}

/** Sets the mode after writing: the umask narrowed (or an editor widened) what creation asked for. */
export function enforceMode(fsPath: string, mode: number): void {
  fs.chmodSync(fsPath, mode);
}

/** A temporary name that stays short: file names may be 255 bytes, so none is built from the target's name. */
export function tempFileName(random: string): string {
  return `.estls-${random}.tmp`;
}
