import * as fs from 'node:fs';
import * as path from 'node:path';
import { Confinement, isMissing, readRegularFile, realPathOrMissing, type ReadKind } from '../core/fileGate';
import type { DirEntry, FileStat, FileSystem } from './environment';

/**
 * The real file system, for the server and the CLI: every read goes through core/fileGate. With `confinement`
 * (an untrusted workspace), any path whose real path is outside the workspace folders is refused, for stats,
 * reads and listings alike. Missing paths read as undefined.
 */
export function createNodeFileSystem(confinement?: Confinement): FileSystem {
  const resolve = (p: string): string | undefined => (confinement ? confinement.resolve(p) : realPathOrMissing(path.resolve(p)));
  return {
    stat(p: string): FileStat | undefined {
      if (confinement?.active()) confinement.resolve(p);
      return statOf(p);
    },
    readFile(p: string, kind: ReadKind): Uint8Array | undefined {
      // The resolved path is the one opened, so a link swapped after the check cannot lead elsewhere.
      const real = resolve(p);
      return real === undefined ? undefined : readRegularFile(real, kind);
    },
    listDir(p: string, max: number): DirEntry[] | undefined {
      const real = resolve(p);
      if (real === undefined) return undefined;
      const entries: DirEntry[] = [];
      const dir = fs.opendirSync(real);
      try {
        for (let d = dir.readSync(); d && entries.length < max; d = dir.readSync()) entries.push({ name: d.name, isDirectory: d.isDirectory() });
      } finally {
        dir.closeSync();
      }
      return entries;
    },
  };
}

function statOf(p: string): FileStat | undefined {
  try {
    // Without an exception for a missing path: building one costs more than the stat itself.
    const s = fs.statSync(p, { throwIfNoEntry: false });
    if (!s) return undefined;
    return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** The real file system without confinement (the CLI, a trusted workspace). */
export const nodeFileSystem: FileSystem = createNodeFileSystem();
