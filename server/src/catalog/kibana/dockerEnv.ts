// The Kibana Docker image's translation of environment variables into settings.
// Source: elastic/kibana src/dev/build/tasks/os_packages/docker_generator/resources/base/bin/kibana-docker
// (`kibana_vars`): for each listed setting the script reads the variable named by upper-casing it and turning
// `.` into `_`, and passes `--<setting>=<value>` to Kibana. Any other variable, dotted names included, is not
// read. Only the listed settings in the namespaces this extension checks (connection to Elasticsearch, the
// server's TLS, security, encryption keys) are kept here; the image also maps many unrelated ones.

/** Settings the image maps from environment variables, in the namespaces checked here. */
const DOCKER_SETTINGS: readonly string[] = [
  'elasticsearch.customHeaders', 'elasticsearch.hosts', 'elasticsearch.logQueries', 'elasticsearch.password',
  'elasticsearch.pingTimeout', 'elasticsearch.requestHeadersWhitelist', 'elasticsearch.requestTimeout',
  'elasticsearch.serviceAccountToken', 'elasticsearch.shardTimeout', 'elasticsearch.sniffInterval',
  'elasticsearch.sniffOnConnectionFault', 'elasticsearch.sniffOnStart', 'elasticsearch.ssl.alwaysPresentCertificate',
  'elasticsearch.ssl.certificate', 'elasticsearch.ssl.certificateAuthorities', 'elasticsearch.ssl.key',
  'elasticsearch.ssl.keyPassphrase', 'elasticsearch.ssl.keystore.password', 'elasticsearch.ssl.keystore.path',
  'elasticsearch.ssl.truststore.password', 'elasticsearch.ssl.truststore.path', 'elasticsearch.ssl.verificationMode',
  'elasticsearch.username', 'monitoring.ui.elasticsearch.hosts', 'monitoring.ui.elasticsearch.password',
  'monitoring.ui.elasticsearch.ssl.certificateAuthorities', 'monitoring.ui.elasticsearch.ssl.verificationMode',
  'monitoring.ui.elasticsearch.username', 'server.basePath', 'server.host', 'server.name', 'server.port',
  'server.publicBaseUrl', 'server.rewriteBasePath', 'server.ssl.cert', 'server.ssl.certificate',
  'server.ssl.certificateAuthorities', 'server.ssl.cipherSuites', 'server.ssl.clientAuthentication',
  'server.ssl.enabled', 'server.ssl.key', 'server.ssl.keyPassphrase', 'server.ssl.keystore.password',
  'server.ssl.keystore.path', 'server.ssl.redirectHttpFromPort', 'server.ssl.supportedProtocols',
  'server.ssl.truststore.password', 'server.ssl.truststore.path',
  'server.securityResponseHeaders.strictTransportSecurity', 'xpack.actions.rejectUnauthorized',
  'xpack.actions.ssl.proxyVerificationMode', 'xpack.actions.ssl.verificationMode',
  'xpack.encryptedSavedObjects.encryptionKey', 'xpack.encryptedSavedObjects.keyRotation.decryptionOnlyKeys',
  'xpack.fleet.agents.tlsCheckDisabled', 'xpack.ingestManager.fleet.tlsCheckDisabled',
  'xpack.reporting.encryptionKey', 'xpack.reporting.roles.enabled', 'xpack.security.audit.enabled',
  'xpack.security.audit.ignore_filters', 'xpack.security.authc.http.autoSchemesEnabled',
  'xpack.security.authc.http.enabled', 'xpack.security.authc.http.schemes', 'xpack.security.authc.oidc.realm',
  'xpack.security.authc.providers', 'xpack.security.authc.saml.maxRedirectURLSize',
  'xpack.security.authc.saml.realm', 'xpack.security.authc.selector.enabled', 'xpack.security.authProviders',
  'xpack.security.cookieName', 'xpack.security.enabled', 'xpack.security.encryptionKey',
  'xpack.security.loginAssistanceMessage', 'xpack.security.loginHelp', 'xpack.security.public.hostname',
  'xpack.security.public.port', 'xpack.security.public.protocol', 'xpack.security.sameSiteCookies',
  'xpack.security.secureCookies', 'xpack.security.session.cleanupInterval', 'xpack.security.session.idleTimeout',
  'xpack.security.session.lifespan', 'xpack.security.sessionTimeout', 'xpack.security.showInsecureClusterWarning',
  'security.showInsecureClusterWarning',
];

/** The environment variable the image reads for a setting (`elasticsearch.ssl.verificationMode` -> `ELASTICSEARCH_SSL_VERIFICATIONMODE`). */
export function kibanaEnvName(setting: string): string {
  return setting.toUpperCase().replace(/\./g, '_');
}

const BY_ENV: ReadonlyMap<string, string> = new Map(DOCKER_SETTINGS.map((s) => [kibanaEnvName(s), s]));

/** The setting an environment variable sets in the Kibana image, if the image maps it (and this file lists it). */
export function kibanaEnvSetting(envName: string): string | undefined {
  return BY_ENV.get(envName);
}

/** The setting a dotted name would mean, when the image maps that setting from its upper-case variable. */
export function kibanaDockerSetting(setting: string): string | undefined {
  return BY_ENV.get(kibanaEnvName(setting));
}
