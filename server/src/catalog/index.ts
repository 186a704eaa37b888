import { SettingIndex } from './lookup';
import type { Product } from './types';
import { elasticsearchNamespaces, elasticsearchSettings } from './elasticsearch';

export * from './types';
export * from './version';
export { SettingIndex, editDistance, instantiate, matchesPrefix } from './lookup';

// Each built on first use, and Kibana's catalog loaded then (checking an elasticsearch.yml never evaluates it);
// the catalog is immutable data, so sharing it holds no mutable state.
const indexes: Partial<Record<Product, SettingIndex>> = {};

/** The settings index of a product. */
export function catalogFor(product: Product): SettingIndex {
  return (indexes[product] ??=
    product === 'elasticsearch'
      ? new SettingIndex('elasticsearch', elasticsearchSettings, elasticsearchNamespaces)
      : kibanaIndex());
}

function kibanaIndex(): SettingIndex {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; the bundler keeps it
  const { kibanaNamespaces, kibanaSettings } = require('./kibana') as typeof import('./kibana');
  return new SettingIndex('kibana', kibanaSettings, kibanaNamespaces);
}
