// The file system one CLI run sees: stats and folder listings asked for once per path. A folder check asks
// the same questions hundreds of times (every settings file looks for compose files and stack versions in the
// folders above it, every SSL context stats the shared CA); one `estls` run is a snapshot, so the first answer
// stands for the run. Reads are passed through (the certificate cache keeps parsed files by path and stat).
import type { DirEntry, FileStat, FileSystem } from '../core/environment';

/** Wraps `fs` for one run; errors are not kept (each call throws again). */
export function runFileSystem(fs: FileSystem): FileSystem {
  const stats = new Map<string, FileStat | undefined>();
  const listings = new Map<string, { max: number; entries: DirEntry[] | undefined }>();
  const listDir = fs.listDir?.bind(fs);
  return {
    stat(path) {
      if (stats.has(path)) return stats.get(path);
      const stat = fs.stat(path);
      stats.set(path, stat);
      return stat;
    },
    readFile: (path, kind) => fs.readFile(path, kind),
    ...(listDir
      ? {
          listDir(path: string, max: number) {
            const hit = listings.get(path);
            // The first `max` entries of a listing made with a larger bound are what this bound lists (same folder
            // order); a listing cut at a smaller bound does not answer a larger one. A copy, as the callers may sort it.
            if (hit && hit.max >= max) return hit.entries?.slice(0, max);
            const entries = listDir(path, max);
            listings.set(path, { max, entries });
            return entries;
          },
        }
      : {}),
  };
}
