// Where `estls gen` writes, with --out read as certutil reads it: a file path (`elastic-stack-ca.p12`), a zip
// holding certutil's layout (`certificate-bundle.zip`), or a folder (`certs/`, or one that exists) as before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, type Zippable, type ZippableFile } from 'fflate';
import type { GeneratedFile } from '../pki/generate/types';
import { writeAllOrNothing } from './safeWrite';

/** What --out asks for, decided from its shape alone (before anything is generated). */
export type OutputPlan =
  /** Every file under `dir` at its layout path (`dir` is made when its parent exists). */
  | { kind: 'folder'; dir: string }
  /** The one file a request makes, at exactly this path. */
  | { kind: 'file'; file: string }
  /** One zip at this path with the layout inside, as certutil writes `--pem`, `--in` and `http` output. */
  | { kind: 'zip'; file: string };

/** One file ready to write: absolute target, bytes, mode. */
export interface PlacedFile {
  target: string;
  bytes: Uint8Array;
  mode: number;
}

/** A refusal that names what the user can do; nothing has been written when it is thrown. */
export class OutputError extends Error {}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function exists(p: string): boolean {
  return fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;
}

/**
 * Reads --out: absent means the current folder; a trailing `/` or an existing folder is a folder; `.zip` is a zip;
 * any other name with an extension is a file. A new name without an extension (`certs`) stays a folder, since a
 * keystore without `.p12` would be read as JKS by Elasticsearch and nobody means that.
 */
export function planOutput(out: string | undefined, cwd: string): OutputPlan {
  if (out === undefined || out === '') return { kind: 'folder', dir: cwd };
  const absolute = path.resolve(cwd, out);
  if (/[/\\]$/.test(out) || isDirectory(absolute)) return { kind: 'folder', dir: absolute };
  if (/\.zip$/i.test(absolute)) return { kind: 'zip', file: absolute };
  if (path.extname(absolute) !== '') return { kind: 'file', file: absolute };
  return { kind: 'folder', dir: absolute };
}

/** A path as the user reads it: relative to the current folder when it is inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

/** How hints name a file of the layout once it is written as planned (inside a zip: its path in the zip). */
export function showPathFor(plan: OutputPlan, cwd: string): (layoutPath: string) => string {
  if (plan.kind === 'folder') return (p) => displayPath(path.join(plan.dir, p), cwd);
  if (plan.kind === 'file') return () => displayPath(plan.file, cwd);
  return (p) => p;
}

/** The folder that must exist before writing: the output folder's parent, or the output file's. */
function parentOf(plan: OutputPlan): string {
  return path.dirname(plan.kind === 'folder' ? plan.dir : plan.file);
}

/**
 * Checks the folders the plan needs (certutil asks before it creates a missing one; `--mkdirs` is that yes) and
 * makes them when allowed. Throws OutputError naming the folder otherwise.
 */
export function prepareFolders(plan: OutputPlan, mkdirs: boolean): void {
  const parent = parentOf(plan);
  const own = plan.kind === 'folder' ? plan.dir : plan.file;
  for (const p of plan.kind === 'folder' ? [parent, plan.dir] : [parent]) {
    if (exists(p) && !isDirectory(p)) throw new OutputError(`Path ${p} exists, but is not a directory. Cannot write to ${own}`);
  }
  if (!exists(parent) && !mkdirs) {
    throw new OutputError(`Directory ${parent} does not exist; add --mkdirs to create it`);
  }
}

/** Mode of a file: 0600 for keys and keystores (and a zip holding any), 0644 for the rest. */
const modeOf = (isPrivate: boolean) => (isPrivate ? 0o600 : 0o644);

/** Builds the zip: folder entries first as certutil writes them, Unix modes kept so `unzip` restores 0600 keys. */
export function zipLayout(files: GeneratedFile[], mtime: Date): Uint8Array {
  const root: Zippable = {};
  for (const file of files) {
    const parts = file.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = (folder[part] ??= {}) as Zippable;
    // Unix file type and permission bits go in the top 16 bits of the external attributes (APPNOTE 4.4.15).
    const attrs = (0o100000 | modeOf(file.private)) * 0x10000;
    const entry: ZippableFile = [new Uint8Array(Buffer.from(file.contentBase64, 'base64')), { os: 3, attrs, mtime }];
    folder[parts[parts.length - 1]] = entry;
  }
  return zipSync(root, { os: 3, attrs: (0o040000 | 0o755) * 0x10000, mtime });
}

/** Where each generated file goes under the plan; throws OutputError when a file path is given for several files. */
export function placeFiles(plan: OutputPlan, files: GeneratedFile[], mtime: Date): PlacedFile[] {
  if (plan.kind === 'folder') {
    return files.map((f) => ({ target: path.resolve(plan.dir, f.path), bytes: Buffer.from(f.contentBase64, 'base64'), mode: modeOf(f.private) }));
  }
  if (plan.kind === 'zip') {
    return [{ target: plan.file, bytes: zipLayout(files, mtime), mode: modeOf(files.some((f) => f.private)) }];
  }
  if (files.length !== 1) {
    throw new OutputError(
      `this makes ${files.length} files (${files.map((f) => f.path).join(', ')}), not one: give a folder (--out ${path.basename(plan.file, path.extname(plan.file))}/) or a zip file (--out ${path.basename(plan.file, path.extname(plan.file))}.zip)`,
    );
  }
  return [{ target: plan.file, bytes: Buffer.from(files[0].contentBase64, 'base64'), mode: modeOf(files[0].private) }];
}

/** Targets that already exist (nothing may be written then). */
export function existingTargets(placed: PlacedFile[]): string[] {
  return placed.filter((p) => exists(p.target)).map((p) => p.target);
}

/**
 * Writes every file or none (cli/safeWrite): on a failure midway removes what this call wrote, folders included,
 * and throws WriteFailure. `written` is called after each file, for the "wrote ..." lines.
 */
export function writePlaced(placed: PlacedFile[], written: (file: PlacedFile) => void): void {
  writeAllOrNothing(placed, (f) => written(f as PlacedFile));
}
