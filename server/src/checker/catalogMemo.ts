// The catalog's answers for the keys of one document, kept across its checks: lookups, namespace ownership and
// did-you-mean suggestions depend only on the key and the (immutable) catalog, so only keys an edit changed
// reach the catalog. Owned by the document's entry in the DocumentChecker; nothing here is module-level.
import type { SettingIndex } from '../catalog/lookup';
import { AnswerMemo } from '../core/answerMemo';

/** A memo of one document's catalog answers, handed out as a view of the catalog for each check. */
export class CatalogMemo {
  // One memo per question, so that a lookup builds no key string.
  private readonly lookups = new KeyAnswers<ReturnType<SettingIndex['lookup']>>();
  private readonly owned = new KeyAnswers<boolean>();
  private readonly suggestions = new AnswerMemo<string[]>();
  private catalog: SettingIndex | undefined;

  /**
   * A view of `catalog` whose `lookup`, `isOwned` and `suggest` answer from this memo. Starts one check:
   * answers the previous check did not ask for are dropped, which bounds the memo by the keys of the document.
   */
  view(catalog: SettingIndex): SettingIndex {
    if (catalog !== this.catalog) {
      this.catalog = catalog;
      for (const memo of [this.lookups, this.owned, this.suggestions]) memo.clear();
    } else for (const memo of [this.lookups, this.owned, this.suggestions]) memo.startCheck();
    const { lookups, owned, suggestions } = this;
    const view = Object.create(catalog) as SettingIndex;
    view.lookup = (key: string) => lookups.remember(key, () => catalog.lookup(key));
    view.isOwned = (key: string) => owned.remember(key, () => catalog.isOwned(key));
    // A copy, so that a caller that changes the list cannot change the next check's answer.
    view.suggest = (key: string, max?: number) => [...suggestions.remember(`${max ?? ''}\n${key}`, () => catalog.suggest(key, max))];
    // The view already answers each key once; a per-check layer on top would only add work.
    view.withLookupCache = () => view;
    return view;
  }
}

/**
 * Lookups and ownership by key, asked for every setting on every check. AnswerMemo's two maps per check
 * (copying each answer a check asks into a fresh map) cost more here than the lookups save on a large file;
 * this keeps one map and stamps each entry with the last check that asked, and drops the entries the latest
 * check did not ask only once they outnumber the ones it did, which bounds it by about twice the document's keys.
 */
export class KeyAnswers<V> {
  private entries = new Map<string, { value: V; check: number }>();
  private check = 0;
  /** Distinct keys the current check asked. */
  private asked = 0;

  startCheck(): void {
    if (this.entries.size > 2 * this.asked + 64) {
      for (const [key, entry] of this.entries) if (entry.check !== this.check) this.entries.delete(key);
    }
    this.check++;
    this.asked = 0;
  }

  clear(): void {
    this.entries = new Map();
    this.asked = 0;
  }

  remember(key: string, compute: () => V): V {
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.check !== this.check) {
        entry.check = this.check;
        this.asked++;
      }
      return entry.value;
    }
    const value = compute();
    this.entries.set(key, { value, check: this.check });
    this.asked++;
    return value;
  }

  /** Entries held (for bounds tests). */
  get size(): number {
    return this.entries.size;
  }
}
