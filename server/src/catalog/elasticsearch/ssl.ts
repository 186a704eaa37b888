import type { SettingDef } from '../types';
import { DOCS } from './docs';
import { sslGroup } from './sslGroup';

/** Prefix of the per-profile security settings (`transport.profiles.<profile>.xpack.security.`). */
export const PROFILE_PREFIX = 'transport.profiles.<profile>.xpack.security.';
/** Prefix of a monitoring HTTP exporter's SSL settings. */
export const EXPORTER_SSL_PREFIX = 'xpack.monitoring.exporters.<name>.ssl.';

/** The node's own TLS contexts: transport, HTTP and the two remote-cluster (API key model) contexts. */
function nodeContexts(): SettingDef[] {
  return [
    // Transport and its profiles default to mutual TLS (XPackSettings.CLIENT_AUTH_DEFAULT = REQUIRED).
    ...sslGroup('xpack.security.transport.ssl.', { docs: DOCS.transport, context: 'the transport layer (node-to-node connections)', enabledDefault: 'false', clientAuthDefault: 'required', handshakeTimeout: true }),
    ...sslGroup('xpack.security.http.ssl.', { docs: DOCS.http, context: 'the HTTP (REST) layer', enabledDefault: 'false', clientAuthDefault: 'none' }),
    // Remote-cluster contexts are built with acceptNonSecurePasswords = false: no plain-text passwords.
    ...sslGroup('xpack.security.remote_cluster_server.ssl.', { docs: DOCS.remoteClusterServer, context: 'the remote cluster server port', enabledDefault: 'true', clientAuthDefault: 'none', legacyPasswords: false, handshakeTimeout: true }),
    ...sslGroup('xpack.security.remote_cluster_client.ssl.', { docs: DOCS.remoteClusterClient, context: 'the remote cluster client', enabledDefault: 'true', legacyPasswords: false, handshakeTimeout: true }),
    // A profile inherits every key it leaves unset from xpack.security.transport.ssl.
    ...sslGroup(`${PROFILE_PREFIX}ssl.`, { docs: DOCS.profile, context: 'this transport profile', clientAuthDefault: 'required' }),
  ];
}

/** Client-side SSL groups of other features that share the same key set. */
function featureContexts(): SettingDef[] {
  return [
    // HTTP exporters (internal monitoring collection) are deprecated since 7.16 in favour of Metricbeat or Elastic Agent.
    ...sslGroup(EXPORTER_SSL_PREFIX, {
      docs: DOCS.monitoringSsl,
      context: 'this monitoring HTTP exporter',
      deprecated: { since: '7.16.0', note: 'Internal monitoring collection is deprecated; collect with Metricbeat or Elastic Agent instead.' },
    }),
    ...sslGroup('xpack.http.ssl.', { docs: DOCS.watcherHttpSsl, context: 'the Watcher HTTP client' }),
    ...sslGroup('xpack.notification.email.ssl.', { docs: DOCS.watcherEmailSsl, context: 'the Watcher email (SMTP) client' }),
    ...sslGroup('reindex.ssl.', { docs: DOCS.reindex, context: 'the reindex-from-remote client', truststoreAlgorithm: false }),
  ];
}

/** The `xpack.ssl.*` defaults that every context fell back to until 7.0. */
function removedGlobalSsl(): SettingDef[] {
  return sslGroup('xpack.ssl.', {
    docs: DOCS.breaking70Tls,
    context: 'the old global SSL fallback',
    removed: {
      since: '7.0.0',
      replacementPrefix: 'xpack.security.transport.ssl.',
      note: 'The global SSL fallback is gone: give each context (transport, http, each realm ...) its own ssl settings.',
    },
  });
}

/** All SSL settings Elasticsearch knows, current and removed, outside the realm groups. */
export function sslSettings(): SettingDef[] {
  return [...nodeContexts(), ...featureContexts(), ...removedGlobalSsl()];
}
