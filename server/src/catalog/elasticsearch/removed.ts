import type { SettingDef } from '../types';
import { DOCS, es } from './docs';
import { PROFILE_PREFIX } from './ssl';

/** Keys most often seen in realms written the pre-7.0 way (`xpack.security.authc.realms.<name>.type: ldap`). */
const OLD_REALM_KEYS = [
  'type', 'order', 'enabled', 'url', 'bind_dn', 'bind_password', 'secure_bind_password', 'user_dn_templates',
  'user_search.base_dn', 'group_search.base_dn', 'domain_name', 'files.role_mapping', 'unmapped_groups_as_roles',
  'username_pattern', 'certificate_authorities', 'truststore.path', 'keytab.path', 'idp.entity_id', 'idp.metadata.path',
  'sp.entity_id', 'sp.acs', 'sp.logout', 'attributes.principal', 'attributes.groups', 'cache.ttl', 'cache.max_users',
  'cache.hash_algo', 'ssl.certificate_authorities', 'ssl.verification_mode', 'ssl.truststore.path', 'ssl.key', 'ssl.certificate',
];

/** Realms keyed by name only: since 7.0 the type is part of the key and the `type` setting is gone. */
function oldRealmForm(): SettingDef[] {
  const note = 'Write the realm as xpack.security.authc.realms.<type>.<name> (for example ldap.ldap1) and drop its type line.';
  return OLD_REALM_KEYS.map((suffix) => es({
    key: `xpack.security.authc.realms.<name>.${suffix}`,
    type: 'string',
    removed: { since: '7.0.0', replacement: suffix === 'type' ? undefined : `xpack.security.authc.realms.<type>.<name>.${suffix}`, note },
    description: 'A realm setting written without the realm type, the pre-7.0 layout.',
    docs: DOCS.breaking70Realms,
  }));
}

/** Audit outputs other than the log file, and the old `prefix.` node-info names, all gone in 7.0. */
function oldAudit(): SettingDef[] {
  const renamed = ['emit_node_host_address', 'emit_node_host_name', 'emit_node_name'].map((name) => es({
    key: `xpack.security.audit.logfile.prefix.${name}`,
    type: 'boolean',
    removed: { since: '7.0.0', replacement: `xpack.security.audit.logfile.${name}`, note: 'Audit log entries are JSON now, so the prefix part of the name was dropped.' },
    description: 'Old name of the audit log node-info switch.',
    docs: DOCS.breaking70AuditNode,
  }));
  const indexKeys = ['events.include', 'events.exclude', 'events.emit_request_body', 'rollover', 'bulk_size', 'flush_interval',
    'queue_max_size', 'settings.index.number_of_shards', 'settings.index.number_of_replicas', 'client.hosts', 'client.cluster.name',
    'client.xpack.security.user'];
  const indexOutput = ['xpack.security.audit.outputs', ...indexKeys.map((k) => `xpack.security.audit.index.${k}`)].map((key) => es({
    key,
    type: 'string',
    removed: { since: '7.0.0', note: 'Only the log file output remains; turn it on with xpack.security.audit.enabled and ship the file elsewhere.' },
    description: 'Setting of the audit index output, which was removed.',
    docs: DOCS.breaking70AuditIndex,
  }));
  return [...renamed, ...indexOutput];
}

/** Settings removed in 7.0 and 8.0 that people still copy from old guides. */
function otherRemovals(): SettingDef[] {
  return [
    es({ key: 'xpack.security.authc.accept_default_password', type: 'boolean', removed: { since: '8.0.0', note: 'It has had no effect since 6.0; delete the line.' }, description: 'Let built-in users keep the old default password.', docs: DOCS.breaking80 }),
    es({ key: 'xpack.security.authz.store.roles.index.cache.max_size', type: 'integer', removed: { since: '8.0.0', replacement: 'xpack.security.authz.store.roles.cache.max_size', note: 'Redundant since 5.2; delete the line.' }, description: 'Size of the old native roles cache.', docs: DOCS.breaking80 }),
    es({ key: 'xpack.security.authz.store.roles.index.cache.ttl', type: 'time', removed: { since: '8.0.0', note: 'Redundant since 5.2; delete the line.' }, description: 'Lifetime of entries in the old native roles cache.', docs: DOCS.breaking80 }),
    es({ key: `${PROFILE_PREFIX}type`, type: 'enum', values: ['node', 'client'], removed: { since: '8.0.0', note: 'The transport client is gone; clients use HTTP. Remove the setting (and a client-only profile).' }, description: 'Marked a transport profile as serving nodes or transport clients.', docs: DOCS.breaking80 }),
    es({ key: 'xpack.security.authc.token.passphrase', type: 'string', secure: true, sensitive: true, removed: { since: '7.0.0', note: 'Token encryption keys are managed by the cluster; remove the entry from the keystore.' }, description: 'Passphrase the token service once derived its keys from.', docs: DOCS.breaking70 }),
  ];
}

/** Every removed security setting the catalog knows (the `xpack.ssl.*` group lives with the SSL settings). */
export function removedSettings(): SettingDef[] {
  return [...oldRealmForm(), ...oldAudit(), ...otherRemovals()];
}
