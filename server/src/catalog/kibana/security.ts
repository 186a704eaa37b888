import type { SettingDef } from '../types';
import { DOCS, kibana, securityAnchor } from './docs';

/** Session cookie, encryption key and session lifetime. */
function sessionSettings(): SettingDef[] {
  return [
    kibana({ key: 'xpack.security.encryptionKey', type: 'string', sensitive: true, minLength: 32, description: 'Secret of at least 32 characters that encrypts session data; without it sessions end on restart and Kibana instances cannot share them.', docs: securityAnchor('xpack-security-encryptionkey') }),
    kibana({ key: 'xpack.security.cookieName', type: 'string', default: 'sid', description: 'Name of the session cookie.', docs: DOCS.session }),
    kibana({ key: 'xpack.security.secureCookies', type: 'boolean', default: 'false', description: 'Marks the session cookie `Secure`; it turns on by itself with `server.ssl.enabled`, so set it when TLS ends at a proxy.', docs: securityAnchor('xpack-security-securecookies') }),
    kibana({ key: 'xpack.security.sameSiteCookies', type: 'enum', values: ['Strict', 'Lax', 'None'], description: 'SameSite attribute of the session cookie; `None` needs `xpack.security.secureCookies: true`.', docs: securityAnchor('xpack-security-samesitecookies') }),
    kibana({ key: 'xpack.security.session.idleTimeout', type: 'duration', default: '3d (8h before 8.10)', description: 'How long a session survives without activity; 0 or null keeps idle sessions alive.', docs: securityAnchor('xpack-session-idletimeout') }),
    kibana({ key: 'xpack.security.session.lifespan', type: 'duration', default: '30d', description: 'Longest time a session lasts whatever the activity; 0 or null means no limit.', docs: securityAnchor('xpack-session-lifespan') }),
    kibana({ key: 'xpack.security.session.cleanupInterval', type: 'duration', default: '1h', description: 'How often Kibana deletes expired sessions from its session index; at least 10 seconds.', docs: DOCS.session }),
    kibana({ key: 'xpack.security.session.concurrentSessions.maxSessions', type: 'integer', min: 1, max: 1000, description: 'Most sessions one user may hold at once; the oldest is ended when a new one goes over.', docs: DOCS.session }),
    kibana({ key: 'xpack.security.sessionTimeout', type: 'duration', deprecated: { since: '7.6.0', replacement: 'xpack.security.session.idleTimeout' }, description: 'Old name of the idle session timeout.', docs: DOCS.session }),
  ];
}

/** Login page, selector, HTTP authentication and other switches. */
function uiAndHttpSettings(): SettingDef[] {
  return [
    kibana({ key: 'xpack.security.loginAssistanceMessage', type: 'string', default: '', description: 'Markdown message shown on the login page.', docs: DOCS.loginUi }),
    kibana({ key: 'xpack.security.loginHelp', type: 'string', description: 'Help text users can open from the login page.', docs: DOCS.loginUi }),
    kibana({ key: 'xpack.security.authc.selector.enabled', type: 'boolean', description: 'Shows the page to pick a login method; on by default when more than one provider appears in the selector.', docs: DOCS.loginUi }),
    kibana({ key: 'xpack.security.accessAgreement.message', type: 'string', description: 'Default Markdown agreement users must accept after login, for providers without their own.', docs: DOCS.accessAgreement }),
    kibana({ key: 'xpack.security.showInsecureClusterWarning', type: 'boolean', default: 'true', description: 'Warns in the UI when Elasticsearch runs without security.', docs: DOCS.security }),
    kibana({ key: 'xpack.security.showNavLinks', type: 'boolean', default: 'true', description: 'Shows the security entries in Kibana\'s navigation.', docs: DOCS.security }),
    kibana({ key: 'xpack.security.authc.http.enabled', type: 'boolean', default: 'true', description: 'Accepts credentials in the Authorization header of API calls.', docs: DOCS.httpAuthc }),
    kibana({ key: 'xpack.security.authc.http.autoSchemesEnabled', type: 'boolean', default: 'true', description: 'Also accepts the header schemes of the configured providers.', docs: DOCS.httpAuthc }),
    kibana({ key: 'xpack.security.authc.http.schemes', type: 'list', default: 'apikey, bearer', description: 'Authorization header schemes Kibana accepts on API calls.', docs: DOCS.httpAuthc }),
    kibana({ key: 'xpack.security.fipsMode.enabled', type: 'boolean', default: 'false', description: 'Runs Kibana in FIPS mode, which needs a FIPS-enabled Node.js and forbids PKCS#12 keystore and truststore paths.', docs: DOCS.security }),
  ];
}

/**
 * Names that still load with a warning, or that no longer load. `xpack.security.enabled`: deprecated by the
 * security plugin's config deprecations in 7.16 (elastic/kibana x-pack/plugins/security/server/config_deprecations.ts,
 * 'Enabling or disabling the Security plugin in Kibana is deprecated'), gone from its schema in 8.0.
 */
function legacySettings(): SettingDef[] {
  return [
    kibana({ key: 'xpack.security.enabled', type: 'boolean', deprecated: { since: '7.16.0', note: 'Configure security in Elasticsearch instead; delete the line from kibana.yml.' }, removed: { since: '8.0.0', note: 'Kibana follows `xpack.security.enabled` in elasticsearch.yml; delete the line from kibana.yml.' }, description: 'Former switch that turned off Kibana\'s security plugin.', docs: DOCS.release80 }),
    kibana({ key: 'xpack.security.experimental.fipsMode.enabled', type: 'boolean', deprecated: { since: '8.17.0', replacement: 'xpack.security.fipsMode.enabled' }, description: 'Name of the FIPS switch while it was experimental.', docs: DOCS.security }),
    kibana({ key: 'xpack.security.authorization.legacyFallback.enabled', type: 'boolean', deprecated: { since: '7.0.0', note: 'It no longer has an effect; delete the line.' }, description: 'Former fallback to index privileges for Kibana access.', docs: DOCS.security }),
    kibana({ key: 'xpack.security.public.protocol', type: 'enum', values: ['http', 'https'], deprecated: { since: '7.3.0', note: 'Documented as discontinued: name the SAML realm in the provider settings instead.' }, description: 'Scheme of the public address of Kibana, from the old SAML setup.', docs: DOCS.samlDiscontinued }),
    kibana({ key: 'xpack.security.public.hostname', type: 'string', deprecated: { since: '7.3.0', note: 'Documented as discontinued: name the SAML realm in the provider settings instead.' }, description: 'Host name of the public address of Kibana, from the old SAML setup.', docs: DOCS.samlDiscontinued }),
    kibana({ key: 'xpack.security.public.port', type: 'integer', min: 0, max: 65535, deprecated: { since: '7.3.0', note: 'Documented as discontinued: name the SAML realm in the provider settings instead.' }, description: 'Port of the public address of Kibana, from the old SAML setup.', docs: DOCS.samlDiscontinued }),
    kibana({ key: 'security.showInsecureClusterWarning', type: 'boolean', deprecated: { since: '7.16.0', replacement: 'xpack.security.showInsecureClusterWarning' }, description: 'Old name of the insecure cluster warning switch.', docs: DOCS.security }),
  ];
}

/**
 * Settings the security plugin's schema offers only on Serverless (elastic/kibana
 * x-pack/platform/plugins/shared/security/server/config.ts: `uiam`, `ui`, `roleManagementEnabled`,
 * `authc.http.jwt`, each an `offeringBasedSchema({ serverless })`). Known, so that the message is exact.
 */
function serverlessSettings(): SettingDef[] {
  const only = (key: string, type: SettingDef['type'], description: string, extra: Partial<SettingDef> = {}) =>
    kibana({ key, type, serverlessOnly: true, description: `${description} Serverless only.`, docs: DOCS.security, ...extra });
  return [
    only('xpack.security.uiam.enabled', 'boolean', 'Lets Kibana accept credentials from the Universal Identity and Access Management service.'),
    only('xpack.security.uiam.url', 'url', 'Address of the UIAM service.'),
    only('xpack.security.uiam.sharedSecret', 'string', 'Secret Kibana sends to Elasticsearch with UIAM credentials.', { sensitive: true }),
    only('xpack.security.uiam.ssl.verificationMode', 'enum', 'How Kibana checks the UIAM service\'s certificate.', { values: ['none', 'certificate', 'full'] }),
    only('xpack.security.uiam.ssl.certificateAuthorities', 'pathList', 'CA certificates Kibana trusts for the UIAM service.', { fileRole: 'certificateAuthorities' }),
    only('xpack.security.ui.userManagementEnabled', 'boolean', 'Shows user management in the UI.'),
    only('xpack.security.ui.roleMappingManagementEnabled', 'boolean', 'Shows role mapping management in the UI.'),
    only('xpack.security.roleManagementEnabled', 'boolean', 'Shows custom role management.'),
    only('xpack.security.authc.http.jwt.taggedRoutesOnly', 'boolean', 'Accepts JWTs only on routes tagged for them.'),
  ];
}

/** `xpack.security.*` outside authentication providers and audit logging. */
export function securityCoreSettings(): SettingDef[] {
  return [...sessionSettings(), ...uiAndHttpSettings(), ...legacySettings(), ...serverlessSettings()];
}
