import type { SettingDef } from '../../types';
import { DOCS, type EsSpec } from '../docs';
import { delegationSpecs, realmGroup, realmSsl } from './common';

/** Signature algorithms accepted by the oidc and jwt realms. */
export const JWT_SIGNATURE_ALGORITHMS: readonly string[] = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512',
];

const USER_PROPERTIES = ['principal', 'groups', 'name', 'mail', 'dn'];

/** `claims.*` and `claim_patterns.*` (`ClaimSetting`). */
function claimSpecs(): Record<string, EsSpec> {
  const specs: Record<string, EsSpec> = {};
  for (const prop of USER_PROPERTIES) {
    specs[`claims.${prop}`] = { type: 'string', description: `Name of the claim that supplies the user's ${prop}.` };
    specs[`claim_patterns.${prop}`] = { type: 'string', description: `Java regular expression applied to claims.${prop}; its first group becomes the value.` };
  }
  return specs;
}

/** The back-channel HTTP client both realms use for JWKS and (OIDC) token endpoints. */
function httpClientSpecs(): Record<string, EsSpec> {
  return {
    'http.connect_timeout': { type: 'time', default: '5s', description: 'Timeout for opening a back-channel connection; 0 means none.' },
    'http.connection_read_timeout': { type: 'time', default: '5s', description: 'Timeout for getting a connection from the pool.' },
    'http.socket_timeout': { type: 'time', default: '5s', description: 'Longest silence allowed between two packets on a back-channel connection.' },
    'http.max_connections': { type: 'integer', default: '200', min: 0, description: 'Maximum back-channel connections over all endpoints.' },
    'http.max_endpoint_connections': { type: 'integer', default: '200', min: 0, description: 'Maximum back-channel connections per endpoint.' },
    'http.proxy.host': { type: 'string', description: 'Proxy host for back-channel requests.' },
    'http.proxy.port': { type: 'integer', default: '80', min: 1, max: 65535, description: 'Proxy port for back-channel requests.' },
    'http.proxy.scheme': { type: 'enum', values: ['http', 'https'], default: 'http', description: 'Protocol used to reach the proxy.' },
  };
}

function oidcSpecs(): Record<string, EsSpec> {
  return {
    'op.issuer': { type: 'string', description: 'Issuer identifier of the OpenID Connect provider.' },
    'op.authorization_endpoint': { type: 'url', description: 'Authorization endpoint of the provider.' },
    'op.token_endpoint': { type: 'url', description: 'Token endpoint of the provider.' },
    'op.userinfo_endpoint': { type: 'url', description: 'User info endpoint of the provider.' },
    'op.endsession_endpoint': { type: 'url', description: 'End session (logout) endpoint of the provider.' },
    'op.jwkset_path': { type: 'string', description: 'File (relative to the config directory) or http(s) URL of the provider\'s JSON Web Key Set.' },
    'rp.client_id': { type: 'string', description: 'Client identifier Elasticsearch was registered with at the provider.' },
    'rp.client_secret': { type: 'string', secure: true, sensitive: true, description: 'Client secret issued by the provider, kept in the Elasticsearch keystore.' },
    'rp.client_auth_method': { type: 'enum', values: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'], default: 'client_secret_basic', description: 'How Elasticsearch authenticates to the token endpoint.' },
    'rp.client_auth_jwt_signature_algorithm': { type: 'enum', values: ['HS256', 'HS384', 'HS512'], default: 'HS384', description: 'Signature algorithm of the client JWT when rp.client_auth_method is client_secret_jwt.' },
    'rp.redirect_uri': { type: 'url', description: 'Kibana callback URL (…/api/security/oidc/callback, or …/implicit for the implicit flow).' },
    'rp.response_type': { type: 'enum', values: ['code', 'id_token', 'id_token token'], description: 'OAuth 2.0 flow: code, or id_token / id_token token for the implicit flow.' },
    'rp.signature_algorithm': { type: 'enum', values: JWT_SIGNATURE_ALGORITHMS, default: 'RS256', description: 'Algorithm expected on ID token signatures.' },
    'rp.requested_scopes': { type: 'list', default: 'openid', description: 'Scopes requested in authentication requests.' },
    'rp.post_logout_redirect_uri': { type: 'url', description: 'Where the provider sends the browser after single logout.' },
    allowed_clock_skew: { type: 'time', default: '60s', description: 'Clock difference tolerated when checking token times.' },
    populate_user_metadata: { type: 'boolean', default: 'true', description: 'Copies claims into the user\'s metadata.' },
    'http.tcp.keep_alive': { type: 'boolean', default: 'true', description: 'Enables TCP keep-alive on back-channel connections.' },
    'http.connection_pool_ttl': { type: 'time', default: '3m', description: 'Time-to-live of pooled back-channel connections; -1 lets the server decide.' },
  };
}

function jwtSpecs(): Record<string, EsSpec> {
  return {
    token_type: { type: 'enum', values: ['id_token', 'access_token'], caseInsensitive: true, default: 'id_token', description: 'Kind of JWT the realm accepts.' },
    allowed_issuer: { type: 'string', description: 'Exact value the iss claim must have.' },
    allowed_audiences: { type: 'list', description: 'Values one of which the aud claim must hold.' },
    allowed_subjects: { type: 'list', description: 'Exact values the sub claim may have.' },
    allowed_subject_patterns: { type: 'list', description: 'Wildcard or regular-expression patterns the sub claim may match.' },
    allowed_clock_skew: { type: 'time', default: '60s', description: 'Clock difference tolerated when checking iat, nbf and exp.' },
    allowed_signature_algorithms: { type: 'enumList', values: JWT_SIGNATURE_ALGORITHMS, default: 'RS256', description: 'Signature algorithms accepted on incoming JWTs.' },
    'fallback_claims.sub': { type: 'string', default: 'sub', description: 'Claim read instead of sub when it is missing (access tokens only).' },
    'fallback_claims.aud': { type: 'string', default: 'aud', description: 'Claim read instead of aud when it is missing (access tokens only).' },
    'required_claims.<claim>': { type: 'list', description: 'Value, or list of values, the named claim must hold.' },
    pkc_jwkset_path: { type: 'string', description: 'File (relative to the config directory) or https URL of the JSON Web Key Set with public keys.' },
    'pkc_jwkset_reload.enabled': { type: 'boolean', default: 'false', description: 'Reloads the public key set periodically instead of only on signature failures.' },
    hmac_jwkset: { type: 'string', secure: true, sensitive: true, description: 'JSON Web Key Set with HMAC secret keys, kept in the Elasticsearch keystore.' },
    hmac_key: { type: 'string', secure: true, sensitive: true, description: 'Single HMAC secret key, kept in the Elasticsearch keystore; prefer hmac_jwkset.' },
    populate_user_metadata: { type: 'boolean', default: 'true', description: 'Copies claims into the user\'s metadata.' },
    'client_authentication.type': { type: 'enum', values: ['shared_secret', 'none'], caseInsensitive: true, default: 'shared_secret', description: 'Whether clients must send the ES-Client-Authentication shared secret with each JWT.' },
    'client_authentication.shared_secret': { type: 'string', secure: true, sensitive: true, description: 'Shared secret clients must send, kept in the Elasticsearch keystore (reloadable).' },
    'client_authentication.rotation_grace_period': { type: 'time', default: '1m', description: 'How long the previous shared secret stays valid after a reload.' },
    'jwt.cache.ttl': { type: 'time', default: '20m', description: 'How long a verified JWT stays cached; 0 turns the cache off.' },
    'jwt.cache.size': { type: 'integer', default: '100000', min: 0, description: 'Number of JWTs kept in the cache; 0 turns the cache off.' },
  };
}

/** The oidc and jwt realm types with their SSL groups. */
export function oidcJwtRealmSettings(): SettingDef[] {
  return [
    ...realmGroup('oidc', DOCS.oidc, { ...oidcSpecs(), ...claimSpecs(), ...httpClientSpecs(), ...delegationSpecs() }),
    ...realmSsl('oidc', DOCS.oidcSsl, 'the realm\'s back-channel client'),
    ...realmGroup('jwt', DOCS.jwt, { ...jwtSpecs(), ...claimSpecs(), ...httpClientSpecs(), ...delegationSpecs() }),
    ...realmSsl('jwt', DOCS.jwtSsl, 'the realm\'s JWKS client'),
  ];
}
