// The catalog's answers for the keys of one document, kept across its checks: lookups, namespace ownership and
// did-you-mean suggestions depend only on the key and the (immutable) catalog, so only keys an edit changed
// reach the catalog. Owned by the document's entry in the DocumentChecker; nothing here is module-level.
import type { SettingIndex } from '../catalog/lookup';
import { AnswerMemo } from '../core/answerMemo';

/** A memo of one document's catalog answers, handed out as a view of the catalog for each check. */
export class CatalogMemo {
  // One memo per question, so that a lookup builds no key string.
  private readonly lookups = new AnswerMemo<ReturnType<SettingIndex['lookup']>>();
  private readonly owned = new AnswerMemo<boolean>();
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
