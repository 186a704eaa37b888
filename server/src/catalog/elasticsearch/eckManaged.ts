// Settings the ECK operator writes into every node's elasticsearch.yml itself.
// Source: elastic/cloud-on-k8s pkg/controller/elasticsearch/settings/fields.go (`Blacklist`); the operator's
// validation reports a user value for any of them as unsupported, since its own value is the one that works.

/** Keys ECK manages in `spec.nodeSets[].config`. */
export const ECK_MANAGED_SETTINGS: ReadonlySet<string> = new Set([
  'cluster.name',
  'discovery.zen.minimum_master_nodes',
  'cluster.initial_master_nodes',
  'network.host',
  'network.publish_host',
  'node.name',
  'path.data',
  'path.logs',
  'xpack.security.authc.reserved_realm.enabled',
  'xpack.security.enabled',
  'xpack.security.http.ssl.certificate',
  'xpack.security.http.ssl.certificate_authorities',
  'xpack.security.http.ssl.enabled',
  'xpack.security.http.ssl.key',
  'xpack.security.transport.ssl.certificate',
  'xpack.security.transport.ssl.enabled',
  'xpack.security.transport.ssl.key',
  'xpack.security.transport.ssl.verification_mode',
]);
