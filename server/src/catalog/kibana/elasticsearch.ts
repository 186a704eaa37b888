import type { SettingDef } from '../types';
import { clientSettings } from './esClient';
import { DOCS, generalAnchor, kibana } from './docs';

/** Names from Kibana 5.x/6.x configs that Kibana 7.0 stopped accepting. */
function removedIn70(): SettingDef[] {
  const since = '7.0.0';
  return [
    kibana({ key: 'elasticsearch.url', type: 'url', removed: { since, replacement: 'elasticsearch.hosts', note: 'Write the URL as a list item of `elasticsearch.hosts`, with an explicit `:9200` port if it relied on the old default.' }, description: 'Single Elasticsearch URL of Kibana 6.x and earlier.', docs: DOCS.breaking70 }),
    kibana({ key: 'elasticsearch.ssl.ca', type: 'pathList', removed: { since, replacement: 'elasticsearch.ssl.certificateAuthorities' }, description: 'CA certificate files of Kibana 5.x and 6.x.', docs: DOCS.breaking70 }),
    kibana({ key: 'elasticsearch.ssl.cert', type: 'path', removed: { since, replacement: 'elasticsearch.ssl.certificate' }, description: 'Client certificate file of Kibana 5.x and 6.x.', docs: DOCS.breaking70 }),
    kibana({ key: 'elasticsearch.ssl.verify', type: 'boolean', removed: { since, replacement: 'elasticsearch.ssl.verificationMode', note: '`true` maps to `full` and `false` to `none`.' }, description: 'On/off certificate check of Kibana 5.x and 6.x.', docs: DOCS.breaking70 }),
  ];
}

/** Keys Kibana 7.x warned about as unused and 8.0 rejects. */
function removedIn80(): SettingDef[] {
  const since = '8.0.0';
  return [
    kibana({ key: 'elasticsearch.preserveHost', type: 'boolean', removed: { since, note: 'Kibana no longer uses it; delete the line.' }, description: 'Former switch that kept the Host header of proxied requests.', docs: DOCS.release80 }),
    kibana({ key: 'elasticsearch.startupTimeout', type: 'duration', removed: { since, note: 'Kibana no longer uses it; delete the line.' }, description: 'Former limit on how long Kibana waited for Elasticsearch at startup.', docs: DOCS.release80 }),
  ];
}

/** Everything under `elasticsearch.`: Kibana's own connection to its cluster, and the names it dropped. */
export function elasticsearchSettings(): SettingDef[] {
  return [
    ...clientSettings({ prefix: 'elasticsearch', cluster: 'Elasticsearch cluster', docs: generalAnchor }),
    ...removedIn70(),
    ...removedIn80(),
  ];
}
