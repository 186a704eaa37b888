// What the server's checks saw of the disk, kept between edits: an edit of a settings file changes no file on
// disk, yet each check stats the same certificate paths, marker files and compose files again (about a hundred
// stats per edit on a 200-line file, more CPU than the rules). The snapshot answers them until a watched file
// changes (didChangeWatchedFiles, settings, passwords: `clear`). Once it is `maxAgeMs` old it asks the disk
// again for every answer it holds, so that a change no watcher reports (a file outside the workspace, a client
// that does not watch) is still seen on a later edit; only when an answer differs does its generation move.
// Moving it on age alone made every answer made from files (certificate verdicts, the stack model) start over
// once a second while the user typed, which cost more than the edits themselves.
import type { DirEntry, FileStat, FileSystem } from '../core/environment';
import type { ReadKind } from '../core/fileGate';

/** Settings-sized reads are kept (compose files, version sources); certificate bytes go through their own cache. */
const KEPT_READS: ReadonlySet<ReadKind> = new Set<ReadKind>(['settings']);
/** Bounds, so a workspace of many files cannot grow the snapshot without end (it starts over when full). */
const MAX_ENTRIES = 4096;
const MAX_READ_BYTES = 1 << 20;

/** A FileSystem that keeps the answers of `inner` (errors are never kept: they are thrown again each time). */
export class FileSnapshot implements FileSystem {
  private readonly stats = new Map<string, FileStat | undefined>();
  private readonly listings = new Map<string, DirEntry[] | undefined>();
  private readonly reads = new Map<string, Uint8Array | undefined>();
  private takenAt = -Infinity;
  private generation = 0;
  readonly listDir: FileSystem['listDir'];

  constructor(
    private readonly inner: FileSystem,
    private readonly maxAgeMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.listDir = inner.listDir ? (p, max) => this.listed(p, max) : undefined;
  }

  /** Moves each time the snapshot starts over: answers made from files hold while it stays (rules/types.ts filesVersion). */
  get version(): number {
    this.expire();
    return this.generation;
  }

  /** Forgets every answer: something on disk (or the confinement) changed. */
  clear(): void {
    this.generation++;
    this.stats.clear();
    this.listings.clear();
    this.reads.clear();
    this.takenAt = -Infinity;
  }

  stat(p: string): FileStat | undefined {
    this.expire();
    if (this.stats.has(p)) return this.stats.get(p);
    const stat = this.inner.stat(p);
    this.keep(this.stats, p, stat);
    return stat;
  }

  readFile(p: string, kind: ReadKind): Uint8Array | undefined {
    if (!KEPT_READS.has(kind)) return this.inner.readFile(p, kind);
    this.expire();
    const key = `${kind}\n${p}`;
    if (this.reads.has(key)) return this.reads.get(key)?.slice();
    const bytes = this.inner.readFile(p, kind);
    if (!bytes || bytes.length <= MAX_READ_BYTES) this.keep(this.reads, key, bytes?.slice());
    return bytes;
  }

  private listed(p: string, max: number): DirEntry[] | undefined {
    this.expire();
    const key = `${max}\n${p}`;
    if (this.listings.has(key)) return this.listings.get(key)?.map((e) => ({ ...e }));
    const entries = this.inner.listDir?.(p, max);
    this.keep(this.listings, key, entries?.map((e) => ({ ...e })));
    return entries;
  }

  private expire(): void {
    const now = this.now();
    if (now - this.takenAt <= this.maxAgeMs) return;
    if (!this.stillTrue()) this.clear();
    this.takenAt = now;
  }

  /** True when the disk gives every kept answer again; an answer that now throws counts as changed. */
  private stillTrue(): boolean {
    try {
      for (const [p, kept] of this.stats) if (!sameStat(kept, this.inner.stat(p))) return false;
      for (const [key, kept] of this.listings) {
        const at = key.indexOf('\n');
        if (!sameListing(kept, this.inner.listDir?.(key.slice(at + 1), Number(key.slice(0, at))))) return false;
      }
      for (const [key, kept] of this.reads) {
        const at = key.indexOf('\n');
        if (!sameBytes(kept, this.inner.readFile(key.slice(at + 1), key.slice(0, at) as ReadKind))) return false;
      }
    } catch {
      return false;
    }
    return true;
  }

  private keep<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  }
}

function sameStat(a: FileStat | undefined, b: FileStat | undefined): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.isFile === b.isFile && a.isDirectory === b.isDirectory;
}

function sameListing(a: DirEntry[] | undefined, b: DirEntry[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((e, i) => e.name === b[i].name && e.isDirectory === b[i].isDirectory);
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b) return a === b;
  return Buffer.compare(a, b) === 0;
}
