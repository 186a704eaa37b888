import type { SettingDef } from '../types';
import { DOCS, group } from './docs';
import { CACHE_HASH_ALGORITHMS, PASSWORD_HASH_ALGORITHMS, TOKEN_HASH_ALGORITHMS } from './hashing';

const AUTHC = 'xpack.security.authc.';

/** Hashing of stored passwords and service tokens, anonymous access, run-as and the reserved realm. */
function coreAuthc(): SettingDef[] {
  return [
    ...group(AUTHC, DOCS.passwordHashing, {
      'password_hashing.algorithm': { type: 'enum', values: PASSWORD_HASH_ALGORITHMS, caseInsensitive: true, default: 'bcrypt (pbkdf2_stretch in FIPS mode)', description: 'Hash used to store user passwords in the native and file realms.' },
      'service_token_hashing.algorithm': { type: 'enum', values: PASSWORD_HASH_ALGORITHMS, caseInsensitive: true, default: 'pbkdf2_stretch', docs: DOCS.hashAlgorithms, description: 'Hash used to store service account tokens.' },
    }),
    ...group(`${AUTHC}anonymous.`, DOCS.anonymous, {
      username: { type: 'string', default: '_es_anonymous_user', description: 'Principal name given to requests that carry no credentials.' },
      roles: { type: 'list', description: 'Roles granted to anonymous requests; anonymous access is off while this is empty.' },
      authz_exception: { type: 'boolean', default: 'true', description: 'Answer 403 (true) or 401 with a credentials challenge (false) when anonymous access is denied.' },
    }),
    ...group(AUTHC, DOCS.general, {
      'run_as.enabled': { type: 'boolean', default: 'true', description: 'Allows requests to act on behalf of another user with the es-security-runas-user header.' },
      'success_cache.enabled': { type: 'boolean', default: 'true', description: 'Remembers which realm last authenticated a user so it is tried first.' },
      'success_cache.size': { type: 'integer', default: '10000', description: 'Number of users whose last successful realm is remembered.' },
      'success_cache.expire_after_access': { type: 'time', default: '1h', description: 'How long an unused last-successful-realm entry is kept.' },
      'reserved_realm.enabled': { type: 'boolean', default: 'true', description: 'Turns the built-in users (elastic, kibana_system ...) on or off.' },
    }),
  ];
}

/** Token service, API keys and service account tokens. */
function tokens(): SettingDef[] {
  return [
    ...group(`${AUTHC}token.`, DOCS.token, {
      enabled: { type: 'boolean', default: 'true (false when xpack.security.http.ssl.enabled is false)', description: 'Turns the built-in OAuth2-style token service on or off.' },
      timeout: { type: 'time', default: '20m', description: 'Lifetime of an access token; at most 1h.' },
      'delete.interval': { type: 'time', default: '30m', description: 'Minimum time between runs that delete expired tokens.' },
      'delete.timeout': { type: 'time', default: '-1 (no timeout)', description: 'Timeout of the request that deletes expired tokens.' },
    }),
    ...group(`${AUTHC}api_key.`, DOCS.apiKey, {
      enabled: { type: 'boolean', default: 'true', description: 'Turns the API key service on or off.' },
      'cache.ttl': { type: 'time', default: '1d', description: 'How long a verified API key stays in the in-memory cache.' },
      'cache.max_keys': { type: 'integer', default: '25000', description: 'Number of API keys kept in the in-memory cache.' },
      'cache.hash_algo': { type: 'enum', values: CACHE_HASH_ALGORITHMS, caseInsensitive: true, default: 'ssha256', description: 'Hash used for API key credentials held in the cache.' },
      'doc_cache.ttl': { type: 'time', default: '5m', description: 'How long API key documents stay cached (0 to 15 minutes).' },
      'delete.retention_period': { type: 'time', default: '7d', description: 'Age after which invalidated or expired API keys are deleted.' },
      'delete.interval': { type: 'time', default: '24h', description: 'Minimum time between runs that delete old API keys on a node.' },
      'delete.timeout': { type: 'time', default: '-1 (no timeout)', description: 'Timeout of the request that deletes old API keys.' },
      'hashing.algorithm': { type: 'enum', values: TOKEN_HASH_ALGORITHMS, caseInsensitive: true, default: 'ssha256', description: 'Hash used to store API key secrets.' },
    }),
    ...group(`${AUTHC}service_token.`, DOCS.hashAlgorithms, {
      'cache.ttl': { type: 'time', default: '20m', description: 'How long a verified service account token stays cached.' },
      'cache.hash_algo': { type: 'enum', values: CACHE_HASH_ALGORITHMS, caseInsensitive: true, default: 'ssha256', description: 'Hash used for service account tokens held in the cache.' },
      'cache.max_tokens': { type: 'integer', default: '100000', description: 'Number of service account tokens kept in the cache.' },
    }),
  ];
}

/** Security domains group realms whose users are the same people. */
function domains(): SettingDef[] {
  return group(`${AUTHC}domains.<domain>.`, DOCS.domains, {
    realms: { type: 'list', description: 'Names of the realms that belong to this security domain.' },
    'uid_generation.literal_username': { type: 'boolean', default: 'false', description: 'Uses the plain username (plus suffix) as the profile uid of users in this domain.' },
    'uid_generation.suffix': { type: 'string', description: 'Suffix appended to literal usernames to build profile uids; letters and digits, up to 10 characters.' },
  });
}

/** Authentication services outside the realm chain. */
export function authcSettings(): SettingDef[] {
  return [...coreAuthc(), ...tokens(), ...domains()];
}
