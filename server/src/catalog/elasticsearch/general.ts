import type { SettingDef } from '../types';
import { DOCS, group } from './docs';

const SEC = 'xpack.security.';

/** Top-level switches: security itself, auto-configuration, enrollment, FIPS, settings filtering. */
function switches(): SettingDef[] {
  return group(SEC, DOCS.general, {
    enabled: { type: 'boolean', default: 'true', description: 'Turns the security features (authentication, authorization, TLS checks, audit) on for this node.' },
    'autoconfiguration.enabled': { type: 'boolean', default: 'true', description: 'Lets the first start of a new node generate certificates and turn TLS and security on by itself.' },
    'enrollment.enabled': { type: 'boolean', default: 'false', description: 'Lets this node create enrollment tokens for new nodes and Kibana; auto-configuration sets it to true.' },
    hide_settings: { type: 'list', description: 'Setting names (wildcards allowed) left out of the nodes info API; SSL settings and bind credentials are always hidden.' },
    'fips_mode.enabled': { type: 'boolean', default: 'false', description: 'Runs the node in FIPS 140-2 mode; the JVM must be FIPS-configured.' },
    'fips_mode.required_providers': { type: 'list', description: 'Security providers that must be present when FIPS mode is on, such as BCFIPS and BCJSSE (case-insensitive).' },
    'ssl.diagnose.trust': { type: 'boolean', default: 'true', docs: DOCS.sslGeneral, description: 'Logs a diagnostic message explaining why a TLS connection was refused for lack of trust.' },
    'audit.enabled': { type: 'boolean', default: 'false', docs: DOCS.audit, description: 'Writes security events to the audit log file (<cluster>_audit.json) on this node.' },
    'operator_privileges.enabled': { type: 'boolean', default: 'false', docs: DOCS.operatorPrivileges, description: 'Restricts some cluster settings and APIs to operator users listed in operator_users.yml.' },
    user: { type: 'string', sensitive: true, description: 'Legacy user:password credentials for internal client connections; not needed on current versions.' },
  });
}

/** Document and field level security and the wildcard automaton cache. */
function dlsAndAutomata(): SettingDef[] {
  return [
    ...group(SEC, DOCS.dlsFls, {
      'dls_fls.enabled': { type: 'boolean', default: 'true', description: 'Set to false to forbid document and field level security in roles.' },
      'dls.bitset.cache.ttl': { type: 'time', default: '2h', description: 'How long an unused document-level-security bitset stays cached.' },
      'dls.bitset.cache.size': { type: 'string', default: '10% of the heap', description: 'Memory limit of the document-level-security bitset cache, as bytes or a heap percentage.' },
    }),
    ...group(`${SEC}automata.`, DOCS.automata, {
      max_determinized_states: { type: 'integer', default: '100000', min: 0, description: 'Upper bound on automaton states a single wildcard pattern may produce.' },
      'cache.enabled': { type: 'boolean', default: 'true', description: 'Caches compiled wildcard automata.' },
      'cache.size': { type: 'integer', default: '10000', min: 0, description: 'Number of compiled automata kept in the cache.' },
      'cache.ttl': { type: 'time', default: '48h', description: 'How long an unused compiled automaton stays cached.' },
    }),
  ];
}

/** Authorization stores and caches (`xpack.security.authz.*`). */
function authz(): SettingDef[] {
  return group(`${SEC}authz.`, DOCS.general, {
    'store.roles.cache.max_size': { type: 'integer', default: '10000', description: 'Number of resolved role combinations kept in memory.' },
    'store.roles.negative_lookup_cache.max_size': { type: 'integer', default: '10000', description: 'Number of unknown role names remembered so they are not looked up again.' },
    'store.roles.field_permissions.cache.max_size_in_bytes': { type: 'integer', default: '104857600', description: 'Memory limit, in bytes, of the field-level-security permission cache.' },
    'store.roles.has_privileges.cache.max_size': { type: 'integer', default: '1000', description: 'Number of has-privileges checks cached per role.' },
    'store.privileges.cache.max_size': { type: 'integer', default: '10000', description: 'Number of application privilege descriptors kept in memory.' },
    'store.privileges.cache.ttl': { type: 'time', default: '24h', description: 'How long cached application privileges stay valid.' },
    'store.role_mappings.last_load_cache.enabled': { type: 'boolean', default: 'false', description: 'Keeps the last loaded role mappings to use when the security index is unavailable.' },
    'timer.indices.enabled': { type: 'boolean', default: 'false', description: 'Logs how long resolving the indices a user may access takes.' },
    'timer.indices.threshold.debug': { type: 'time', default: '20ms', description: 'Index-resolution time above which a debug message is logged.' },
    'timer.indices.threshold.info': { type: 'time', default: '100ms', description: 'Index-resolution time above which an info message is logged.' },
    'timer.indices.threshold.warn': { type: 'time', default: '200ms', description: 'Index-resolution time above which a warning is logged.' },
  });
}

/** The security plugin's own fixed thread pools (`FixedExecutorBuilder` registers `size` and `queue_size`). */
function threadPools(): SettingDef[] {
  return [
    ...group(`${SEC}authc.token.thread_pool.`, DOCS.token, {
      size: { type: 'integer', default: '1', min: 1, description: 'Threads of the pool that creates and checks tokens.' },
      queue_size: { type: 'integer', default: '1000', description: 'Queued tasks allowed in the token thread pool; -1 means unbounded.' },
    }),
    ...group(`${SEC}crypto.thread_pool.`, DOCS.apiKey, {
      size: { type: 'integer', default: '(processors + 1) / 2', min: 1, description: 'Threads of the pool that hashes API key and service token secrets.' },
      queue_size: { type: 'integer', default: '1000', description: 'Queued tasks allowed in the crypto thread pool; -1 means unbounded.' },
    }),
  ];
}

/** General security settings that are not about authentication realms, SSL, audit or IP filtering. */
export function generalSettings(): SettingDef[] {
  return [...switches(), ...dlsAndAutomata(), ...authz(), ...threadPools()];
}
