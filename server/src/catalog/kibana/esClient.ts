import type { SettingDef } from '../types';
import { kibana, type KibanaDefInput } from './docs';

/**
 * One setting of Kibana's Elasticsearch client schema, with its key relative to the block
 * (`ssl.certificate`) and the anchor of the general settings page that documents it.
 */
export interface ClientSettingDef extends Omit<KibanaDefInput, 'key' | 'docs'> {
  key: string;
  anchor: string;
}

/** How one client block reads: where it sits and how its sentences name the cluster. */
export interface ClientBlock {
  /** Key prefix without the trailing dot: `elasticsearch` or `monitoring.ui.elasticsearch`. */
  prefix: string;
  /** The cluster in words, such as `Elasticsearch cluster` or `monitoring cluster`. */
  cluster: string;
  /** The doc URL of a setting, given its anchor on the general settings page. */
  docs: (anchor: string) => string;
  /** Fields that differ for this block (defaults that fall back to `elasticsearch.*`). */
  overrides?: Readonly<Record<string, Partial<KibanaDefInput>>>;
}

/** Where, how and as whom Kibana connects. */
function connectionSettings(cluster: string): ClientSettingDef[] {
  return [
    { key: 'hosts', type: 'urlList', default: 'http://localhost:9200', anchor: 'elasticsearch-hosts', description: `URLs (http or https) of the ${cluster} nodes Kibana sends its requests to; all of them must belong to one cluster.` },
    { key: 'username', type: 'string', anchor: 'elasticsearch-user-passwd', description: `User Kibana's server authenticates as against the ${cluster}; \`elastic\` is refused, and a service account token is preferred.` },
    { key: 'password', type: 'string', sensitive: true, anchor: 'elasticsearch-user-passwd', description: `Password of the user Kibana's server authenticates as against the ${cluster}.` },
    { key: 'serviceAccountToken', type: 'string', sensitive: true, anchor: 'elasticsearch-service-account-token', description: `Service account token Kibana's server authenticates with against the ${cluster}; it cannot be combined with a username.` },
    { key: 'publicBaseUrl', type: 'url', anchor: 'elasticsearch-publicbaseurl', description: `Address under which users can reach the ${cluster}, shown in Kibana's connection details.` },
    { key: 'requestHeadersWhitelist', type: 'list', default: 'authorization, es-client-authentication (older releases: authorization)', anchor: 'elasticsearch-requestheaderswhitelist', description: `Browser request headers Kibana forwards to the ${cluster}; an empty list forwards none, and leaving out \`authorization\` breaks basic login.` },
    { key: 'customHeaders', type: 'object', default: '{}', anchor: 'elasticsearch-connection-settings', description: `Header names and values Kibana adds to every request to the ${cluster}.` },
    { key: 'customHeaders.<header>', type: 'string', sensitive: true, anchor: 'elasticsearch-connection-settings', description: `Value of one header Kibana adds to every request to the ${cluster}; browser headers cannot override it.` },
    { key: 'apiVersion', type: 'string', default: 'master', anchor: 'elasticsearch-connection-settings', description: `API version the client assumes when talking to the ${cluster}.` },
    { key: 'compression', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', description: `Compresses the traffic between Kibana and the ${cluster}.` },
    { key: 'sniffOnStart', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', description: `Asks the ${cluster} for its other nodes when Kibana starts.` },
    { key: 'sniffInterval', type: 'string', default: 'false', anchor: 'elasticsearch-connection-settings', description: `How often Kibana refreshes its list of ${cluster} nodes: a duration, or \`false\` to never do it.` },
    { key: 'sniffOnConnectionFault', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', description: `Refreshes the list of ${cluster} nodes right after a connection fails.` },
    { key: 'apisToRedactInLogs', type: 'object', anchor: 'elasticsearch-connection-settings', description: `Requests to the ${cluster} (each a \`path\` and optional \`method\`) whose bodies Kibana leaves out of its logs.` },
  ];
}

/** Timeouts, sockets, health checks and development switches. */
function transportSettings(cluster: string): ClientSettingDef[] {
  return [
    { key: 'requestTimeout', type: 'duration', default: '30s', anchor: 'elasticsearch-connection-settings', description: `How long Kibana waits for a response from the ${cluster} before giving up (a number is milliseconds).` },
    { key: 'pingTimeout', type: 'duration', default: 'the value of requestTimeout', anchor: 'elasticsearch-pingtimeout', description: `How long Kibana waits for the ${cluster} to answer a ping.` },
    { key: 'shardTimeout', type: 'duration', default: '30s', anchor: 'elasticsearch-connection-settings', description: `How long the ${cluster} waits for its shards to answer a search; 0 turns the limit off.` },
    { key: 'maxSockets', type: 'integer', default: '800 (unlimited in early 8.x releases)', min: 1, anchor: 'elasticsearch-maxsockets', description: `Largest number of sockets Kibana opens to the ${cluster}.` },
    { key: 'maxIdleSockets', type: 'integer', default: '256', min: 1, anchor: 'elasticsearch-maxidlesockets', description: `Largest number of idle sockets Kibana keeps open to the ${cluster}.` },
    { key: 'idleSocketTimeout', type: 'duration', default: '60s', anchor: 'elasticsearch-idlesockettimeout', description: `How long an idle socket to the ${cluster} stays open; keep it at or below the timeout of any proxy in between.` },
    { key: 'maxResponseSize', type: 'string', default: 'false', anchor: 'elasticsearch-maxresponsesize', description: `Byte size above which Kibana rejects a response from the ${cluster}, or \`false\` for no limit.` },
    { key: 'dnsCacheTtl', type: 'duration', default: '0', anchor: 'elasticsearch-connection-settings', description: `How long Kibana caches DNS answers for ${cluster} host names; 0 turns the cache off.` },
    { key: 'healthCheck.delay', type: 'duration', default: '2500ms', anchor: 'elasticsearch-connection-settings', description: `Interval between Kibana's health checks of the ${cluster} once it has been reachable.` },
    { key: 'healthCheck.startupDelay', type: 'duration', default: '500ms', anchor: 'elasticsearch-connection-settings', description: `Interval between Kibana's health checks of the ${cluster} while it starts.` },
    // Both in the current schema (elastic/kibana src/core/packages/elasticsearch/server-internal/src/elasticsearch_config.ts).
    { key: 'healthCheck.onFailureDelay', type: 'duration', anchor: 'elasticsearch-connection-settings', description: `Interval between Kibana's health checks of the ${cluster} while they fail; by default the regular interval.` },
    { key: 'healthCheck.retry', type: 'integer', min: 1, anchor: 'elasticsearch-connection-settings', description: `How many times Kibana retries a failed health check of the ${cluster}.` },
    { key: 'ignoreVersionMismatch', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', description: `Lets Kibana talk to a ${cluster} of another version; only accepted in development mode.` },
    { key: 'skipStartupConnectionCheck', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', description: `Skips the first connection check to the ${cluster}; only accepted when Kibana runs from source.` },
    { key: 'logQueries', type: 'boolean', default: 'false', anchor: 'elasticsearch-connection-settings', deprecated: { since: '7.12.0', note: 'It no longer has an effect; set the `elasticsearch.query` logger to `debug` in `logging.loggers` instead.' }, description: `Formerly logged every query sent to the ${cluster}.` },
  ];
}

/** TLS of the connection from Kibana to the cluster. */
function sslSettings(cluster: string): ClientSettingDef[] {
  return [
    { key: 'ssl.verificationMode', type: 'enum', values: ['none', 'certificate', 'full'], default: 'full', anchor: 'elasticsearch-ssl-verificationmode', description: `How Kibana checks the certificate of the ${cluster}: \`full\` checks the chain and the host name, \`certificate\` only the chain, \`none\` nothing.` },
    { key: 'ssl.certificateAuthorities', type: 'pathList', fileRole: 'certificateAuthorities', anchor: 'elasticsearch-ssl-certificateauthorities', description: `PEM files of the CA certificates Kibana trusts when it connects to the ${cluster}.` },
    { key: 'ssl.certificate', type: 'path', fileRole: 'certificate', anchor: 'elasticsearch-ssl-cert-key', description: `PEM client certificate Kibana presents to the ${cluster} for mutual TLS; it needs \`ssl.key\` and excludes \`ssl.keystore.path\`.` },
    { key: 'ssl.key', type: 'path', fileRole: 'key', anchor: 'elasticsearch-ssl-cert-key', description: `PEM private key of the client certificate Kibana presents to the ${cluster}.` },
    { key: 'ssl.keyPassphrase', type: 'string', sensitive: true, anchor: 'elasticsearch-ssl-cert-key', description: `Passphrase that decrypts \`ssl.key\` when the key is encrypted.` },
    { key: 'ssl.keystore.path', type: 'path', fileRole: 'keystore', anchor: 'elasticsearch-ssl-keystore-path', description: `PKCS#12 file holding the client certificate and key Kibana presents to the ${cluster}; its other certificates are trusted as CAs.` },
    { key: 'ssl.keystore.password', type: 'string', sensitive: true, anchor: 'elasticsearch-ssl-keystore-path', description: `Password of the PKCS#12 file in \`ssl.keystore.path\`; write \`""\` for an empty password.` },
    { key: 'ssl.truststore.path', type: 'path', fileRole: 'truststore', anchor: 'elasticsearch-ssl-truststore-path', description: `PKCS#12 file of CA certificates Kibana trusts when it connects to the ${cluster}.` },
    { key: 'ssl.truststore.password', type: 'string', sensitive: true, anchor: 'elasticsearch-ssl-truststore-path', description: `Password of the PKCS#12 file in \`ssl.truststore.path\`; write \`""\` for an empty password.` },
    { key: 'ssl.alwaysPresentCertificate', type: 'boolean', default: 'false', anchor: 'elasticsearch-ssl-alwayspresentcertificate', description: `Presents Kibana's client certificate on every request to the ${cluster}, including those made for end users.` },
  ];
}

/** The full client schema under one prefix. */
export function clientSettings(block: ClientBlock): SettingDef[] {
  const relative = [...connectionSettings(block.cluster), ...transportSettings(block.cluster), ...sslSettings(block.cluster)];
  return relative.map(({ anchor, key, ...rest }) =>
    kibana({ ...rest, key: `${block.prefix}.${key}`, docs: block.docs(anchor), ...block.overrides?.[key] }),
  );
}
