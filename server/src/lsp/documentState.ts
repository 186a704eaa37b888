// What one open settings file keeps across its versions so that an edit redoes only the work its change
// touches: yaml's results per piece of text, and the catalog's answers per key. Owned by the server's
// document cache (one per uri and product) and dropped with it; nothing here is module-level.
import type { SettingIndex } from '../catalog/lookup';
import type { SettingMatch } from '../catalog/types';
import { ChunkCache } from '../config/chunkCache';
import { RuleMemo } from '../rules/checkScope';

/** One generation of answers: what the latest check asked for. */
interface Answers {
  suggestions: Map<string, string[]>;
  matches: Map<string, SettingMatch | undefined>;
  owned: Map<string, boolean>;
}

const noAnswers = (): Answers => ({ suggestions: new Map(), matches: new Map(), owned: new Map() });

/**
 * The catalog's answers for the keys of one document: lookups, namespace ownership and did-you-mean
 * suggestions depend only on the key and the (immutable) catalog, so a check reuses what the previous one
 * asked and only keys an edit changed reach the catalog.
 */
export class CatalogMemo {
  private kept = noAnswers();
  private used = noAnswers();
  private catalog: SettingIndex | undefined;
  /** How many times the catalog was scanned for suggestions; tests use it to prove reuse. */
  computedCount = 0;

  /**
   * A view of `catalog` whose `lookup`, `isOwned` and `suggest` answer from this memo. Starts one check:
   * answers the previous check did not ask for are dropped, which bounds the memo by the keys of the document.
   */
  view(catalog: SettingIndex): SettingIndex {
    if (catalog !== this.catalog) [this.catalog, this.kept, this.used] = [catalog, noAnswers(), noAnswers()];
    else [this.kept, this.used] = [this.used, noAnswers()];
    const view = Object.create(catalog) as SettingIndex;
    view.lookup = (key: string) => this.answer('matches', key, () => catalog.lookup(key));
    view.isOwned = (key: string) => this.answer('owned', key, () => catalog.isOwned(key));
    // A copy, so that a caller that changes the list cannot change the next check's answer.
    view.suggest = (key: string, max?: number) => [...this.answer('suggestions', `${max ?? ''}\n${key}`, () => this.suggest(catalog, key, max))];
    // The view already answers each key once; a per-check layer on top would only add work.
    view.withLookupCache = () => view;
    return view;
  }

  private answer<K extends keyof Answers>(kind: K, key: string, compute: () => MapValue<Answers[K]>): MapValue<Answers[K]> {
    const used = this.used[kind] as Map<string, MapValue<Answers[K]>>;
    let value = used.get(key);
    if (value !== undefined || used.has(key)) return value as MapValue<Answers[K]>;
    const kept = this.kept[kind] as Map<string, MapValue<Answers[K]>>;
    value = kept.get(key);
    if (value === undefined && !kept.has(key)) value = compute();
    used.set(key, value as MapValue<Answers[K]>);
    return value as MapValue<Answers[K]>;
  }

  private suggest(catalog: SettingIndex, key: string, max: number | undefined): string[] {
    this.computedCount++;
    return catalog.suggest(key, max);
  }
}

type MapValue<M> = M extends Map<string, infer V> ? V : never;

/** Per-document working state that outlives versions. */
export class DocumentState {
  readonly chunks = new ChunkCache();
  readonly catalog = new CatalogMemo();
  readonly rules = new RuleMemo();
}
