import { SettingIndex } from './lookup';
import type { Product } from './types';
import { elasticsearchNamespaces, elasticsearchSettings } from './elasticsearch';
import { kibanaNamespaces, kibanaSettings } from './kibana';

export * from './types';
export * from './version';
export { SettingIndex, editDistance, instantiate, matchesPrefix } from './lookup';

// Built once on first use; the catalog is immutable data, so sharing it holds no mutable state.
let indexes: Record<Product, SettingIndex> | undefined;

/** The settings index of a product. */
export function catalogFor(product: Product): SettingIndex {
  indexes ??= {
    elasticsearch: new SettingIndex('elasticsearch', elasticsearchSettings, elasticsearchNamespaces),
    kibana: new SettingIndex('kibana', kibanaSettings, kibanaNamespaces),
  };
  return indexes[product];
}
