import type { SettingDef } from '../types';

/** A Kibana catalog entry as written in this folder: `product` is filled in by {@link kibana}. */
export type KibanaDefInput = Omit<SettingDef, 'product'>;

/** Tags an entry as a Kibana setting. */
export function kibana(def: KibanaDefInput): SettingDef {
  return { product: 'kibana', ...def };
}

const REFERENCE = 'https://www.elastic.co/docs/reference/kibana/configuration-reference';

/** Doc pages and anchors of Kibana's configuration reference. */
export const DOCS = {
  general: `${REFERENCE}/general-settings`,
  esConnection: `${REFERENCE}/general-settings#elasticsearch-connection-settings`,
  esSsl: `${REFERENCE}/general-settings#elasticsearch-ssl-settings`,
  server: `${REFERENCE}/general-settings#server-settings`,
  serverSsl: `${REFERENCE}/general-settings#server-ssl-settings`,
  security: `${REFERENCE}/security-settings`,
  authc: `${REFERENCE}/security-settings#authentication-security-settings`,
  providers: `${REFERENCE}/security-settings#authentication-provider-settings`,
  saml: `${REFERENCE}/security-settings#saml-authentication-provider-settings`,
  samlDiscontinued: `${REFERENCE}/security-settings#discontinued-saml-settings`,
  oidc: `${REFERENCE}/security-settings#oidc-authentication-provider-settings`,
  anonymous: `${REFERENCE}/security-settings#anonymous-authentication-provider-settings`,
  httpAuthc: `${REFERENCE}/security-settings#http-authentication-settings`,
  loginUi: `${REFERENCE}/security-settings#login-ui-settings`,
  accessAgreement: `${REFERENCE}/security-settings#authentication-access-agreement-settings`,
  session: `${REFERENCE}/security-settings#security-session-and-cookie-settings`,
  encryptedSavedObjects: `${REFERENCE}/security-settings#security-encrypted-saved-objects-settings`,
  audit: `${REFERENCE}/security-settings#audit-logging-settings`,
  auditFile: `${REFERENCE}/security-settings#audit-logging-file-appender`,
  auditRolling: `${REFERENCE}/security-settings#audit-logging-rolling-file-appender`,
  auditSizeLimit: `${REFERENCE}/security-settings#audit-logging-size-limit-policy`,
  auditTimeInterval: `${REFERENCE}/security-settings#audit-logging-time-interval-policy`,
  auditNumeric: `${REFERENCE}/security-settings#audit-logging-numeric-strategy`,
  auditPattern: `${REFERENCE}/security-settings#audit-logging-pattern-layout`,
  auditIgnore: `${REFERENCE}/security-settings#audit-logging-ignore-filters`,
  monitoring: `${REFERENCE}/monitoring-settings#monitoring-general-settings`,
  monitoringUi: `${REFERENCE}/monitoring-settings#monitoring-ui-settings`,
  reporting: `${REFERENCE}/reporting-settings#encryption-keys`,
  /** Kibana 7.0 breaking changes: where the 5.x/6.x setting names were dropped. */
  breaking70: 'https://www.elastic.co/guide/en/kibana/7.0/breaking-changes-7.0.html',
  /** Kibana 8.0.0 release notes, which list the settings removed in 8.0. */
  release80: 'https://www.elastic.co/guide/en/kibana/8.0/release-notes-8.0.0.html',
} as const;

/** A doc URL with an anchor on the general settings page. */
export function generalAnchor(anchor: string): string {
  return `${DOCS.general}#${anchor}`;
}

/** A doc URL with an anchor on the security settings page. */
export function securityAnchor(anchor: string): string {
  return `${DOCS.security}#${anchor}`;
}
