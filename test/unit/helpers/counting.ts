// Caches and memos that count how often they compute. The counts prove reuse in tests; they live here, in
// subclasses, so that the production classes carry no test-only state.
import type { SettingIndex } from '../../../server/src/catalog/lookup';
import { CatalogMemo } from '../../../server/src/checker/catalogMemo';
import { DocumentCache } from '../../../server/src/checker/documentCache';
import { ChunkCache } from '../../../server/src/config/chunkCache';
import type { ChunkResult } from '../../../server/src/config/parseChunk';
import { AnswerMemo } from '../../../server/src/core/answerMemo';

/** A chunk cache that counts the pieces yaml parses through it. */
export class CountingChunkCache extends ChunkCache {
  parsedCount = 0;

  override get(key: string, parse: () => ChunkResult): ChunkResult {
    return super.get(key, () => {
      this.parsedCount++;
      return parse();
    });
  }
}

/** A document cache that counts how often it computes. */
export class CountingDocumentCache<T> extends DocumentCache<T> {
  computeCount = 0;

  override get(uri: string, version: number, compute: () => T): T {
    return super.get(uri, version, () => {
      this.computeCount++;
      return compute();
    });
  }
}

/** A rule memo that counts the answers it computes rather than reuses. */
export class CountingAnswerMemo extends AnswerMemo {
  computedCount = 0;

  override remember<T>(key: string, compute: () => T): T {
    return super.remember(key, () => {
      this.computedCount++;
      return compute();
    });
  }

  override rememberPair<T>(kind: string, a: object, b: object, compute: () => T): T {
    return super.rememberPair(kind, a, b, () => {
      this.computedCount++;
      return compute();
    });
  }
}

/** A catalog memo that counts how often the catalog is scanned for suggestions. */
export class CountingCatalogMemo extends CatalogMemo {
  computedCount = 0;
  private readonly counted = new WeakMap<SettingIndex, SettingIndex>();

  override view(catalog: SettingIndex): SettingIndex {
    let counted = this.counted.get(catalog);
    if (!counted) {
      counted = Object.create(catalog) as SettingIndex;
      counted.suggest = (key: string, max?: number) => {
        this.computedCount++;
        return catalog.suggest(key, max);
      };
      this.counted.set(catalog, counted);
    }
    return super.view(counted);
  }
}
