import type { SettingDef } from '../types';

/** An Elasticsearch entry as written in this folder: `product` is filled in by {@link es}. */
export type EsDefInput = Omit<SettingDef, 'product'>;

/** One entry of a {@link group}: the key suffix is the record key, `docs` defaults to the group's page. */
export type EsSpec = Omit<EsDefInput, 'key' | 'docs'> & { docs?: string };

/** Tags an entry as an Elasticsearch setting. */
export function es(def: EsDefInput): SettingDef {
  return { product: 'elasticsearch', ...def };
}

/** Expands `{ suffix: spec }` into full entries under `prefix` (which ends in `.`). */
export function group(prefix: string, docs: string, specs: Record<string, EsSpec>): SettingDef[] {
  return Object.entries(specs).map(([suffix, spec]) => es({ ...spec, key: prefix + suffix, docs: spec.docs ?? docs }));
}

const REF = 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference';
const SECURITY = `${REF}/security-settings`;

/** Doc pages and anchors of Elasticsearch's configuration reference. */
export const DOCS = {
  general: `${SECURITY}#general-security-settings`,
  passwordHashing: `${SECURITY}#password-hashing-settings`,
  hashAlgorithms: `${SECURITY}#hashing-settings`,
  anonymous: `${SECURITY}#anonymous-access-settings`,
  automata: `${SECURITY}#security-automata-settings`,
  dlsFls: `${SECURITY}#field-document-security-settings`,
  token: `${SECURITY}#token-service-settings`,
  apiKey: `${SECURITY}#api-key-service-settings`,
  domains: `${SECURITY}#security-domain-settings`,
  realms: `${SECURITY}#realm-settings`,
  realmCommon: `${SECURITY}#ref-realm-settings`,
  native: `${SECURITY}#ref-native-settings`,
  file: `${SECURITY}#ref-users-settings`,
  ldap: `${SECURITY}#ref-ldap-settings`,
  ad: `${SECURITY}#ref-ad-settings`,
  loadBalancing: `${SECURITY}#load-balancing`,
  pki: `${SECURITY}#ref-pki-settings`,
  saml: `${SECURITY}#ref-saml-settings`,
  samlSigning: `${SECURITY}#ref-saml-signing-settings`,
  samlEncryption: `${SECURITY}#ref-saml-encryption-settings`,
  samlSsl: `${SECURITY}#ref-saml-ssl-settings`,
  kerberos: `${SECURITY}#ref-kerberos-settings`,
  oidc: `${SECURITY}#ref-oidc-settings`,
  oidcSsl: `${SECURITY}#ref-oidc-ssl-settings`,
  jwt: `${SECURITY}#ref-jwt-settings`,
  jwtSsl: `${SECURITY}#ref-jwt-ssl-settings`,
  sslGeneral: `${SECURITY}#ssl-tls-settings`,
  sslKeys: `${SECURITY}#tls-ssl-key-settings`,
  http: `${SECURITY}#http-tls-ssl-settings`,
  transport: `${SECURITY}#transport-tls-ssl-settings`,
  remoteClusterServer: `${SECURITY}#remote-cluster-server-tls-ssl-settings`,
  remoteClusterClient: `${SECURITY}#remote-cluster-client-tls-ssl-settings`,
  profile: `${SECURITY}#ssl-tls-profile-settings`,
  ipFilter: `${SECURITY}#ip-filtering-settings`,
  audit: `${REF}/auding-settings#general-audit-settings`,
  auditEvents: `${REF}/auding-settings#event-audit-settings`,
  auditNode: `${REF}/auding-settings#node-audit-settings`,
  auditIgnore: `${REF}/auding-settings#audit-event-ignore-policies`,
  monitoringSsl: `${REF}/monitoring-settings#ssl-monitoring-settings`,
  watcherHttpSsl: `${REF}/watcher-settings#ssl-notification-settings`,
  watcherEmailSsl: `${REF}/watcher-settings#ssl-notification-smtp-settings`,
  reindex: `${REF}/index-management-settings#reindex-settings`,
  operatorPrivileges: 'https://www.elastic.co/docs/deploy-manage/users-roles/cluster-or-deployment-auth/operator-privileges',
  breaking70Tls: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.0/breaking-changes-7.0.html#tls-setting-fallback',
  breaking70Realms: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.0/breaking-changes-7.0.html#include-realm-type-in-setting',
  breaking70AuditNode: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.0/breaking-changes-7.0.html#audit-logfile-local-node-info',
  breaking70AuditIndex: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.0/breaking-changes-7.0.html#remove-audit-index-output',
  breaking70: 'https://www.elastic.co/guide/en/elasticsearch/reference/7.0/breaking-changes-7.0.html',
  breaking80: 'https://www.elastic.co/guide/en/elasticsearch/reference/8.0/migrating-8.0.html',
  network: `${REF}/networking-settings#common-network-settings`,
  httpNetwork: `${REF}/networking-settings#http-settings`,
  transportNetwork: `${REF}/networking-settings#transport-settings`,
  remoteClusterNetwork: `${REF}/networking-settings#remote-cluster-network-settings`,
  remoteClusterCredentials: `${REF}/remote-clusters#remote-cluster-credentials-setting`,
  discovery: `${REF}/discovery-cluster-formation-settings`,
  important: 'https://www.elastic.co/docs/deploy-manage/deploy/self-managed/important-settings-configuration',
  secureSettings: 'https://www.elastic.co/docs/deploy-manage/security/secure-settings',
} as const;
