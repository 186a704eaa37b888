import * as fs from 'node:fs';
import type { FileStat, FileSystem } from './environment';

/** The real file system, for the server and the CLI. Missing paths read as undefined. */
export const nodeFileSystem: FileSystem = {
  stat(path: string): FileStat | undefined {
    try {
      // Without an exception for a missing path: building one costs more than the stat itself.
      const s = fs.statSync(path, { throwIfNoEntry: false });
      if (!s) return undefined;
      return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
  readFile(path: string): Uint8Array | undefined {
    try {
      return fs.readFileSync(path);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
};

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
