import type { SettingDef } from '../types';
import { DOCS, kibana, securityAnchor, type KibanaDefInput } from './docs';

/** Authentication provider types Kibana knows; each holds named providers (`saml.saml1`). */
export const PROVIDER_TYPES = ['basic', 'token', 'saml', 'oidc', 'pki', 'kerberos', 'anonymous'] as const;

const PREFIX = 'xpack.security.authc.providers';

type Relative = Omit<KibanaDefInput, 'key'> & { key: string };

/** Settings every provider accepts, relative to `providers.<type>.<name>`. */
function commonProviderSettings(type: string): Relative[] {
  const selectorOnly = type === 'basic' || type === 'token' ? ' (`basic` and `token` only accept `true`)' : '';
  return [
    { key: 'order', type: 'integer', min: 0, description: 'Position of this provider in the login chain and on the login selector; required, and unique among enabled providers.', docs: DOCS.providers },
    { key: 'enabled', type: 'boolean', default: 'true', description: 'Whether this provider is active; configuring it turns it on.', docs: DOCS.providers },
    { key: 'showInSelector', type: 'boolean', default: 'true', description: `Whether this provider gets an entry on the login selector${selectorOnly}.`, docs: DOCS.providers },
    { key: 'description', type: 'string', description: 'Label of this provider on the login selector.', docs: DOCS.providers },
    { key: 'hint', type: 'string', description: 'Hint shown under this provider on the login selector.', docs: DOCS.providers },
    { key: 'icon', type: 'string', description: 'Icon of this provider on the login selector.', docs: DOCS.providers },
    { key: 'origin', type: 'urlList', description: 'Origins (scheme, host, optional port) on which the login selector offers this provider.', docs: DOCS.providers },
    { key: 'accessAgreement.message', type: 'string', description: 'Markdown agreement users of this provider must accept after login.', docs: DOCS.providers },
    { key: 'session.idleTimeout', type: 'duration', description: 'Idle session timeout for this provider, overriding `xpack.security.session.idleTimeout`.', docs: securityAnchor('xpack-security-provider-session-idletimeout') },
    { key: 'session.lifespan', type: 'duration', description: 'Session lifespan for this provider, overriding `xpack.security.session.lifespan`.', docs: securityAnchor('xpack-security-provider-session-lifespan') },
  ];
}

/** Settings only some provider types take. */
function typeSpecificSettings(type: string): Relative[] {
  switch (type) {
    case 'saml':
      return [
        { key: 'realm', type: 'string', description: 'Name of the Elasticsearch SAML realm this provider uses; required.', docs: DOCS.saml },
        { key: 'useRelayStateDeepLink', type: 'boolean', default: 'false', description: 'Treats the RelayState of an IdP-initiated login as a relative Kibana URL to open.', docs: DOCS.saml },
        { key: 'maxRedirectURLSize', type: 'size', deprecated: { since: '7.10.0', note: 'It no longer has an effect; delete the line.' }, description: 'Former limit on the URL Kibana kept during a SAML login.', docs: DOCS.saml },
      ];
    case 'oidc':
      return [{ key: 'realm', type: 'string', description: 'Name of the Elasticsearch OpenID Connect realm this provider uses; required.', docs: DOCS.oidc }];
    case 'anonymous':
      return anonymousCredentials();
    default:
      return [];
  }
}

/** The three shapes of anonymous credentials: a keyword, a user, or an API key. */
function anonymousCredentials(): Relative[] {
  const docs = DOCS.anonymous;
  return [
    { key: 'credentials', type: 'string', description: 'Credentials Kibana uses for anonymous requests; as a single value only `elasticsearch_anonymous_user` is accepted.', docs },
    { key: 'credentials.username', type: 'string', description: 'User Kibana logs in as for anonymous requests.', docs },
    { key: 'credentials.password', type: 'string', sensitive: true, description: 'Password of the user for anonymous requests.', docs },
    { key: 'credentials.apiKey', type: 'string', sensitive: true, description: 'Encoded API key Kibana uses for anonymous requests.', docs },
    { key: 'credentials.apiKey.id', type: 'string', description: 'ID of the API key Kibana uses for anonymous requests.', docs },
    { key: 'credentials.apiKey.key', type: 'string', sensitive: true, description: 'Secret of the API key Kibana uses for anonymous requests.', docs },
  ];
}

/** Legacy list form of `authc.providers` and the realm keys that went with it. */
function legacyProviderSettings(): SettingDef[] {
  const since = '7.7.0';
  return [
    kibana({ key: PREFIX, type: 'enumList', values: PROVIDER_TYPES.filter((t) => t !== 'anonymous'), deprecated: { since, note: 'Use the object form `xpack.security.authc.providers.<type>.<name>.order`.' }, description: 'Provider types as a plain list, the format before named providers.', docs: DOCS.authc }),
    kibana({ key: 'xpack.security.authProviders', type: 'enumList', values: PROVIDER_TYPES.filter((t) => t !== 'anonymous'), deprecated: { since: '7.3.0', replacement: PREFIX }, description: 'Provider list of Kibana 6.x.', docs: DOCS.samlDiscontinued }),
    kibana({ key: 'xpack.security.authc.saml.realm', type: 'string', deprecated: { since, replacement: `${PREFIX}.saml.<name>.realm` }, description: 'SAML realm for the list form of providers.', docs: DOCS.saml }),
    kibana({ key: 'xpack.security.authc.saml.maxRedirectURLSize', type: 'size', deprecated: { since: '7.10.0', note: 'It no longer has an effect; delete the line.' }, description: 'Former limit on the URL Kibana kept during a SAML login.', docs: DOCS.saml }),
    kibana({ key: 'xpack.security.authc.oidc.realm', type: 'string', deprecated: { since, replacement: `${PREFIX}.oidc.<name>.realm` }, description: 'OpenID Connect realm for the list form of providers.', docs: DOCS.oidc }),
  ];
}

/** Every `xpack.security.authc.providers.<type>.<name>.*` key, one set per provider type. */
export function providerSettings(): SettingDef[] {
  const named = PROVIDER_TYPES.flatMap((type) =>
    [...commonProviderSettings(type), ...typeSpecificSettings(type)].map((rel) =>
      kibana({ ...rel, key: `${PREFIX}.${type}.<name>.${rel.key}` }),
    ),
  );
  return [...named, ...legacyProviderSettings()];
}
