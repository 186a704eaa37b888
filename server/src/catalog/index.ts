import { SettingIndex } from './lookup';
import type { Product } from './types';
import { elasticsearchNamespaces, elasticsearchSettings } from './elasticsearch';
import { kibanaNamespaces, kibanaSettings } from './kibana';

export * from './types';
export * from './version';
export { SettingIndex, editDistance, instantiate, matchesPrefix } from './lookup';

// Each built on first use (checking an elasticsearch.yml never builds Kibana's); the catalog is immutable data,
// so sharing it holds no mutable state.
const indexes: Partial<Record<Product, SettingIndex>> = {};

/** The settings index of a product. */
export function catalogFor(product: Product): SettingIndex {
  return (indexes[product] ??=
    product === 'elasticsearch'
      ? new SettingIndex('elasticsearch', elasticsearchSettings, elasticsearchNamespaces)
      : new SettingIndex('kibana', kibanaSettings, kibanaNamespaces));
}
