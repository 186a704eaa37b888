// Passwords the client sent for keystores and encrypted keys, held for this server instance only.
// Nothing here is ever logged or echoed; the map is not serialisable on purpose.
import * as path from 'node:path';
import type { PasswordProvider } from '../rules/types';

export class PasswordStore implements PasswordProvider {
  readonly #byPath = new Map<string, string>();

  get(absolutePath: string): string | undefined {
    return this.#byPath.get(path.resolve(absolutePath));
  }

  /** Applies entries; a null password forgets that path. Returns the paths that changed. */
  apply(entries: readonly unknown[]): string[] {
    const changed: string[] = [];
    for (const raw of entries) {
      // Entries come from the client; anything but `{ path: string, password: string | null }` is skipped.
      const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as { path?: unknown; password?: unknown };
      if (typeof entry.path !== 'string' || entry.path === '') continue;
      const key = path.resolve(entry.path);
      if (typeof entry.password === 'string') this.#byPath.set(key, entry.password);
      else if (entry.password === null) this.#byPath.delete(key);
      else continue;
      changed.push(key);
    }
    return changed;
  }

  /** Forgets everything; returns the paths that were known. */
  clear(): string[] {
    const paths = [...this.#byPath.keys()];
    this.#byPath.clear();
    return paths;
  }

  get size(): number {
    return this.#byPath.size;
  }

  toJSON(): string {
    return `[${this.#byPath.size} passwords]`;
  }
}
