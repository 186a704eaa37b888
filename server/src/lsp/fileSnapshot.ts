// What the server's checks saw of the disk, kept between edits: an edit of a settings file changes no file on
// disk, yet each check stats the same certificate paths, marker files and compose files again (about a hundred
// stats per edit on a 200-line file, more CPU than the rules). The snapshot answers them until a watched file
// changes (didChangeWatchedFiles, settings, passwords: `clear`), or until it is `maxAgeMs` old, so that a change
// no watcher reports (a file outside the workspace, a client that does not watch) is still seen on a later edit.
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
    if (now - this.takenAt > this.maxAgeMs) {
      this.clear();
      this.takenAt = now;
    }
  }

  private keep<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, value);
  }
}
