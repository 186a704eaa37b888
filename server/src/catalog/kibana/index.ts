import type { SettingDef } from '../types';

// SEED ONLY: replaced by the full catalog (see the catalog issue). Keeps the contract usable meanwhile.
const DOCS = 'https://www.elastic.co/docs/reference/kibana/configuration-reference/general-settings';

/** Namespaces Kibana's catalog claims completely: an unknown key inside one is an error. */
export const kibanaNamespaces: readonly string[] = ['elasticsearch.ssl.', 'server.ssl.'];

export const kibanaSettings: readonly SettingDef[] = [
  { key: 'elasticsearch.hosts', product: 'kibana', type: 'urlList', default: 'http://localhost:9200', description: 'URLs of the Elasticsearch nodes Kibana queries.', docs: DOCS },
  { key: 'elasticsearch.ssl.verificationMode', product: 'kibana', type: 'enum', values: ['none', 'certificate', 'full'], default: 'full', description: 'How Kibana verifies the certificate Elasticsearch presents.', docs: DOCS },
  { key: 'elasticsearch.ssl.certificateAuthorities', product: 'kibana', type: 'pathList', fileRole: 'certificateAuthorities', description: 'PEM files of the CAs that sign Elasticsearch certificates.', docs: DOCS },
];
