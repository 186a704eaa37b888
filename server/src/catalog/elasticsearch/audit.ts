import type { SettingDef } from '../types';
import { DOCS, group } from './docs';
import { PROFILE_PREFIX } from './ssl';

/** Audit event types (`AuditLevel`) plus `_all`. */
export const AUDIT_EVENTS: readonly string[] = [
  '_all', 'access_denied', 'access_granted', 'anonymous_access_denied', 'authentication_failed', 'authentication_success',
  'connection_denied', 'connection_granted', 'realm_authentication_failed', 'run_as_denied', 'run_as_granted',
  'security_config_change', 'system_access_granted', 'tampered_request',
];

const LOGFILE = 'xpack.security.audit.logfile.';

function auditEvents(): SettingDef[] {
  return group(`${LOGFILE}events.`, DOCS.auditEvents, {
    include: { type: 'enumList', values: AUDIT_EVENTS, caseInsensitive: true, default: 'access_denied, access_granted, anonymous_access_denied, authentication_failed, connection_denied, tampered_request, run_as_denied, run_as_granted, security_config_change', description: 'Event types written to the audit log; _all writes every type.' },
    exclude: { type: 'enumList', values: AUDIT_EVENTS, caseInsensitive: true, description: 'Event types dropped from the include list.' },
    emit_request_body: { type: 'boolean', default: 'false', description: 'Adds REST request bodies to some events; they may contain sensitive data in plain text.' },
  });
}

function auditNodeInfo(): SettingDef[] {
  return group(LOGFILE, DOCS.auditNode, {
    emit_node_name: { type: 'boolean', default: 'false', description: 'Adds the node name to each audit event.' },
    emit_node_host_address: { type: 'boolean', default: 'false', description: 'Adds the node IP address to each audit event.' },
    emit_node_host_name: { type: 'boolean', default: 'false', description: 'Adds the node host name to each audit event.' },
    emit_node_id: { type: 'boolean', default: 'true', description: 'Adds the persistent node id to each audit event.' },
    emit_cluster_name: { type: 'boolean', default: 'false', description: 'Adds the cluster name to each audit event.' },
    emit_cluster_uuid: { type: 'boolean', default: 'true', description: 'Adds the cluster UUID to each audit event.' },
  });
}

function auditIgnorePolicies(): SettingDef[] {
  return group(`${LOGFILE}events.ignore_filters.<policy>.`, DOCS.auditIgnore, {
    users: { type: 'list', description: 'User names or wildcards whose events this ignore policy drops.' },
    realms: { type: 'list', description: 'Realm names or wildcards whose events this ignore policy drops.' },
    actions: { type: 'list', description: 'Action names or wildcards whose events this ignore policy drops.' },
    roles: { type: 'list', description: 'Role names or wildcards; events of users holding only matching roles are dropped.' },
    indices: { type: 'list', description: 'Index names or wildcards; events touching only matching indices are dropped.' },
  });
}

/** `xpack.security.audit.logfile.*` (the switch `xpack.security.audit.enabled` lives with the general settings). */
export function auditSettings(): SettingDef[] {
  return [...auditEvents(), ...auditNodeInfo(), ...auditIgnorePolicies()];
}

/** IP filtering for transport, HTTP, transport profiles and the remote cluster port. */
export function ipFilterSettings(): SettingDef[] {
  const allow = (what: string) => ({ type: 'list' as const, description: `IP addresses, CIDR ranges or host names allowed to connect to ${what}.` });
  const deny = (what: string) => ({ type: 'list' as const, description: `IP addresses, CIDR ranges or host names refused on ${what}; _all refuses everything not allowed.` });
  return [
    ...group('xpack.security.', DOCS.ipFilter, {
      'filter.always_allow_bound_address': { type: 'boolean', default: 'true', description: 'Always lets the node\'s own bound addresses connect, whatever the deny rules say.' },
      'transport.filter.enabled': { type: 'boolean', default: 'true', description: 'Applies IP filtering to the transport layer.' },
      'transport.filter.allow': allow('the transport layer'),
      'transport.filter.deny': deny('the transport layer'),
      'http.filter.enabled': { type: 'boolean', default: 'true', description: 'Applies IP filtering to the HTTP layer.' },
      'http.filter.allow': allow('the HTTP layer'),
      'http.filter.deny': deny('the HTTP layer'),
      'remote_cluster.filter.allow': allow('the remote cluster server port'),
      'remote_cluster.filter.deny': deny('the remote cluster server port'),
    }),
    ...group(PROFILE_PREFIX, DOCS.ipFilter, {
      'filter.allow': allow('this transport profile'),
      'filter.deny': deny('this transport profile'),
    }),
  ];
}
