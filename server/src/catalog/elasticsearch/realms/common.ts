import type { SettingDef } from '../../types';
import { DOCS, group, type EsSpec } from '../docs';
import { CACHE_HASH_ALGORITHMS } from '../hashing';
import { sslGroup } from '../sslGroup';

/** Realm settings live under `xpack.security.authc.realms.<type>.<name>.` since 7.0. */
export const REALMS = 'xpack.security.authc.realms.';

/** The prefix of one realm type's settings, with the realm name as a placeholder. */
export function realmPrefix(type: string): string {
  return `${REALMS}${type}.<name>.`;
}

/** `order` and `enabled`, which every realm type has (`RealmSettings.getStandardSettings`). */
export function standardSpecs(): Record<string, EsSpec> {
  return {
    order: { type: 'integer', docs: DOCS.realmCommon, description: 'Position of the realm in the realm chain; required since 8.0 and unique per realm, lower goes first.' },
    enabled: { type: 'boolean', default: 'true', docs: DOCS.realmCommon, description: 'Set to false to turn the realm off without deleting its settings.' },
  };
}

/** Cache size and lifetime (PKI and Kerberos realms cache users but have no hash or lookup-only switch). */
export function userCacheSpecs(): Record<string, EsSpec> {
  return {
    'cache.ttl': { type: 'time', default: '20m', description: 'How long a user stays in the realm cache.' },
    'cache.max_users': { type: 'integer', default: '100000', description: 'Number of users the realm cache holds.' },
  };
}

/** Cache and lookup settings of realms that check passwords (`CachingUsernamePasswordRealmSettings`). */
export function passwordRealmSpecs(): Record<string, EsSpec> {
  return {
    ...userCacheSpecs(),
    'cache.hash_algo': { type: 'enum', values: CACHE_HASH_ALGORITHMS, caseInsensitive: true, default: 'ssha256', docs: DOCS.hashAlgorithms, description: 'Hash used for credentials held in the realm cache.' },
    'authentication.enabled': { type: 'boolean', default: 'true', description: 'Set to false so the realm only looks users up (for run-as or authorization realms) and never authenticates.' },
  };
}

/** `authorization_realms` (`DelegatedAuthorizationSettings`). */
export function delegationSpecs(): Record<string, EsSpec> {
  return {
    authorization_realms: { type: 'list', description: 'Realms that load the user\'s roles instead of this realm\'s role mapping, tried in order.' },
  };
}

/** `files.role_mapping` and `unmapped_groups_as_roles` (`DnRoleMapperSettings`). */
export function roleMappingSpecs(): Record<string, EsSpec> {
  return {
    // Not a `path` type: a missing mapping file is only logged by Elasticsearch, the realm then maps no roles.
    'files.role_mapping': { type: 'string', default: 'role_mapping.yml in the config directory', description: 'YAML file that maps groups or DNs to roles for this realm; when it is missing the realm maps no roles.' },
    unmapped_groups_as_roles: { type: 'boolean', default: 'false', description: 'Uses the names of groups that no file mapping mentions as role names.' },
  };
}

/** Builds a realm type's entries from its specs. */
export function realmGroup(type: string, docs: string, specs: Record<string, EsSpec>): SettingDef[] {
  return group(realmPrefix(type), docs, { ...standardSpecs(), ...specs });
}

/** The realm's own `ssl.*` group for outgoing connections (LDAP servers, metadata and JWKS endpoints). */
export function realmSsl(type: string, docs: string, context: string): SettingDef[] {
  return sslGroup(`${realmPrefix(type)}ssl.`, { docs, context });
}
