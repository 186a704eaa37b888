import type { SettingDef } from '../../types';
import { DOCS, type EsSpec } from '../docs';
import { delegationSpecs, passwordRealmSpecs, realmGroup, realmPrefix, realmSsl, roleMappingSpecs } from './common';

/** `LdapLoadBalancing` types. */
export const LOAD_BALANCE_TYPES: readonly string[] = ['failover', 'dns_failover', 'round_robin', 'dns_round_robin'];
/** `LdapSearchScope` values. */
export const SEARCH_SCOPES: readonly string[] = ['sub_tree', 'one_level', 'base'];

/** Connection settings shared by the ldap and active_directory realms (`SessionFactorySettings`, pooling). */
function connectionSpecs(type: string): Record<string, EsSpec> {
  const p = realmPrefix(type);
  return {
    url: { type: 'urlList', description: 'One or more ldap:// or ldaps:// URLs of the directory servers; the two schemes cannot be mixed.' },
    'load_balance.type': { type: 'enum', values: LOAD_BALANCE_TYPES, caseInsensitive: true, default: 'failover', docs: DOCS.loadBalancing, description: 'How the realm spreads connections over several URLs.' },
    'load_balance.cache_ttl': { type: 'time', default: '1h', description: 'How long DNS answers are cached for the dns_* load balancing types.' },
    bind_dn: { type: 'string', description: 'DN of the account the realm binds as to search the directory; anonymous bind when unset.' },
    bind_password: { type: 'string', sensitive: true, deprecated: { since: '6.3.0', replacement: `${p}secure_bind_password`, note: 'Store the bind password in the Elasticsearch keystore instead.' }, description: 'Password of bind_dn, written in plain text in elasticsearch.yml.' },
    secure_bind_password: { type: 'string', secure: true, sensitive: true, description: 'Password of bind_dn, kept in the Elasticsearch keystore (reloadable).' },
    'timeout.tcp_connect': { type: 'time', default: '5s', description: 'Timeout for opening a TCP connection to the directory.' },
    'timeout.tcp_read': { type: 'time', deprecated: { since: '7.7.0', replacement: `${p}timeout.response`, note: 'Use timeout.response; the two cannot be set together.' }, description: 'Old name of timeout.response.' },
    'timeout.response': { type: 'time', default: 'the value of timeout.ldap_search', description: 'How long to wait for an answer from the directory.' },
    'timeout.ldap_search': { type: 'time', default: '5s', description: 'Search time limit sent to the directory server with each search.' },
    'timeout.execution': { type: 'time', default: '30s', description: 'Overall time limit of one authentication against the directory.' },
    hostname_verification: { type: 'boolean', default: 'true', description: 'Legacy switch for checking the server host name; prefer ssl.verification_mode.' },
    follow_referrals: { type: 'boolean', default: 'true', description: 'Follows referrals the directory returns.' },
    ignore_referral_errors: { type: 'boolean', default: 'true', description: 'Ignores failures while following referrals.' },
    metadata: { type: 'list', description: 'Extra directory attributes copied into the user\'s metadata.' },
    user_full_name_attribute: { type: 'string', default: 'cn', description: 'Directory attribute that holds the user\'s full name.' },
    user_email_attribute: { type: 'string', default: 'mail', description: 'Directory attribute that holds the user\'s email address.' },
  };
}

function poolSpecs(): Record<string, EsSpec> {
  return {
    'user_search.pool.enabled': { type: 'boolean', default: 'true when bind_dn is set', description: 'Keeps a pool of bound connections for user searches.' },
    'user_search.pool.size': { type: 'integer', default: '20', min: 1, description: 'Maximum number of pooled connections.' },
    'user_search.pool.initial_size': { type: 'integer', default: '0', min: 0, description: 'Connections opened at startup; above 0 a down server can stop the node from starting.' },
    'user_search.pool.health_check.enabled': { type: 'boolean', default: 'true', description: 'Checks pooled connections in the background.' },
    'user_search.pool.health_check.dn': { type: 'string', default: 'bind_dn, else user_search.base_dn', description: 'Entry read by the pool health check.' },
    'user_search.pool.health_check.interval': { type: 'time', default: '60s', description: 'Interval of the pool health check.' },
  };
}

function ldapOnlySpecs(): Record<string, EsSpec> {
  return {
    user_dn_templates: { type: 'list', description: 'DN templates with {0} for the username (template mode); ignored when user_search settings are present.' },
    'user_search.base_dn': { type: 'string', description: 'Container searched for users (search mode).' },
    'user_search.scope': { type: 'enum', values: SEARCH_SCOPES, caseInsensitive: true, default: 'sub_tree', description: 'Depth of the user search below user_search.base_dn.' },
    'user_search.filter': { type: 'string', default: '(uid={0})', description: 'LDAP filter that finds the user; {0} is the username.' },
    'user_search.attribute': { type: 'string', default: 'uid', deprecated: { since: '5.6.0', replacement: `${realmPrefix('ldap')}user_search.filter`, note: 'Express the match as a filter instead.' }, description: 'Attribute matched against the username in user searches.' },
    'group_search.base_dn': { type: 'string', description: 'Container searched for the user\'s groups; when unset the user_group_attribute is read instead.' },
    'group_search.scope': { type: 'enum', values: SEARCH_SCOPES, caseInsensitive: true, default: 'sub_tree', description: 'Depth of the group search.' },
    'group_search.filter': { type: 'string', description: 'LDAP filter that finds the user\'s groups; {0} is group_search.user_attribute or the user DN.' },
    'group_search.user_attribute': { type: 'string', description: 'User attribute passed to the group filter instead of the DN.' },
    user_group_attribute: { type: 'string', default: 'memberOf', description: 'User attribute that lists group memberships when no group search is set.' },
  };
}

function adOnlySpecs(): Record<string, EsSpec> {
  return {
    url: { type: 'urlList', default: 'ldap://<domain_name>:389', description: 'One or more ldap:// or ldaps:// URLs of the domain controllers; needed for TLS or a custom port.' },
    domain_name: { type: 'string', description: 'Active Directory domain; required, and the source of the default URL and search bases.' },
    'user_search.base_dn': { type: 'string', default: 'the domain root', description: 'Container searched for users.' },
    'user_search.scope': { type: 'enum', values: SEARCH_SCOPES, caseInsensitive: true, default: 'sub_tree', description: 'Depth of the user search.' },
    'user_search.filter': { type: 'string', description: 'LDAP filter that finds a user by username; defaults to sAMAccountName or userPrincipalName.' },
    'user_search.upn_filter': { type: 'string', description: 'LDAP filter that finds a user by user principal name; {1} is the full UPN.' },
    'user_search.down_level_filter': { type: 'string', description: 'LDAP filter that finds a user by DOMAIN\\user logon name.' },
    'group_search.base_dn': { type: 'string', default: 'the domain root', description: 'Container searched for the user\'s groups.' },
    'group_search.scope': { type: 'enum', values: SEARCH_SCOPES, caseInsensitive: true, default: 'sub_tree', description: 'Depth of the group search.' },
    'port.ldap': { type: 'integer', default: '389', min: 1, max: 65535, description: 'LDAP port used for referrals and the derived URL.' },
    'port.ldaps': { type: 'integer', default: '636', min: 1, max: 65535, description: 'LDAPS port used for referrals.' },
    'port.gc_ldap': { type: 'integer', default: '3268', min: 1, max: 65535, description: 'Global catalog LDAP port.' },
    'port.gc_ldaps': { type: 'integer', default: '3269', min: 1, max: 65535, description: 'Global catalog LDAPS port.' },
  };
}

/** The ldap and active_directory realm types, with their SSL groups. */
export function ldapRealmSettings(): SettingDef[] {
  const shared = (type: string) => ({ ...passwordRealmSpecs(), ...roleMappingSpecs(), ...connectionSpecs(type), ...poolSpecs() });
  return [
    ...realmGroup('ldap', DOCS.ldap, { ...shared('ldap'), ...ldapOnlySpecs(), ...delegationSpecs() }),
    ...realmSsl('ldap', DOCS.ldap, 'the realm\'s LDAP client'),
    ...realmGroup('active_directory', DOCS.ad, { ...shared('active_directory'), ...adOnlySpecs() }),
    ...realmSsl('active_directory', DOCS.ad, 'the realm\'s Active Directory client'),
  ];
}
