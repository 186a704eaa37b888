import type { SettingDef } from '../types';
import { DOCS, kibana } from './docs';

const APPENDER = 'xpack.security.audit.appender';

/** The switch, the filters, and the appender's kind and target. */
function auditBasics(): SettingDef[] {
  return [
    kibana({ key: 'xpack.security.audit.enabled', type: 'boolean', default: 'false', description: 'Writes an audit log of who did what in Kibana.', docs: DOCS.audit }),
    kibana({ key: 'xpack.security.audit.include_saved_object_names', type: 'boolean', default: 'true', description: 'Adds the names of saved objects to audit events.', docs: DOCS.audit }),
    kibana({ key: 'xpack.security.audit.ignore_filters', type: 'object', description: 'List of filters (actions, categories, outcomes, spaces, types, users) whose matching events stay out of the audit log.', docs: DOCS.auditIgnore }),
    kibana({ key: `${APPENDER}.type`, type: 'enum', values: ['console', 'file', 'rolling-file', 'rewrite'], description: 'Where audit events go; without an appender Kibana writes a daily rolling `audit.log` in its logs folder.', docs: DOCS.audit }),
    kibana({ key: `${APPENDER}.fileName`, type: 'path', description: 'File the `file` and `rolling-file` appenders write audit events to.', docs: DOCS.auditFile }),
    kibana({ key: `${APPENDER}.appenders`, type: 'list', description: 'Names of the appenders a `rewrite` appender passes events on to.', docs: DOCS.audit }),
  ];
}

/** Layout of each audit line. */
function auditLayout(): SettingDef[] {
  return [
    kibana({ key: `${APPENDER}.layout.type`, type: 'enum', values: ['json', 'pattern'], description: 'Format of audit lines; `json` suits shipping them to Elasticsearch.', docs: DOCS.audit }),
    kibana({ key: `${APPENDER}.layout.pattern`, type: 'string', default: '[%date][%level][%logger]%meta %message', description: 'Template of a `pattern` audit line.', docs: DOCS.auditPattern }),
    kibana({ key: `${APPENDER}.layout.highlight`, type: 'boolean', description: 'Colours `pattern` audit lines.', docs: DOCS.auditPattern }),
  ];
}

/** When and how a rolling audit file rotates, and what a rewrite appender changes. */
function auditRolling(): SettingDef[] {
  return [
    kibana({ key: `${APPENDER}.policy.type`, type: 'enum', values: ['size-limit', 'time-interval', 'meta'], default: 'time-interval', description: 'When a rolling audit file rotates (`size-limit`, `time-interval`), or `meta` for a rewrite appender.', docs: DOCS.auditRolling }),
    kibana({ key: `${APPENDER}.policy.size`, type: 'size', default: '100mb', description: 'Size at which a `size-limit` policy rotates the audit file.', docs: DOCS.auditSizeLimit }),
    kibana({ key: `${APPENDER}.policy.interval`, type: 'duration', default: '24h', description: 'Period after which a `time-interval` policy rotates the audit file.', docs: DOCS.auditTimeInterval }),
    kibana({ key: `${APPENDER}.policy.modulate`, type: 'boolean', default: 'true', description: 'Aligns `time-interval` rotations on interval boundaries.', docs: DOCS.auditTimeInterval }),
    kibana({ key: `${APPENDER}.policy.mode`, type: 'enum', values: ['update', 'remove'], default: 'update', description: 'Whether a rewrite policy sets or deletes the listed event properties.', docs: DOCS.audit }),
    kibana({ key: `${APPENDER}.policy.properties`, type: 'object', description: 'Event properties (`path`, `value`) a rewrite policy changes.', docs: DOCS.audit }),
    kibana({ key: `${APPENDER}.strategy.type`, type: 'enum', values: ['numeric'], default: 'numeric', description: 'How rotated audit files are named and kept.', docs: DOCS.auditRolling }),
    kibana({ key: `${APPENDER}.strategy.pattern`, type: 'string', default: '-%i', description: 'Suffix of rotated audit files; it must contain `%i`.', docs: DOCS.auditNumeric }),
    kibana({ key: `${APPENDER}.strategy.max`, type: 'integer', default: '7', min: 1, max: 100, description: 'Number of rotated audit files kept.', docs: DOCS.auditNumeric }),
    kibana({ key: `${APPENDER}.retention.maxFiles`, type: 'integer', min: 1, max: 365, description: 'Most rotated audit files kept by the retention policy.', docs: DOCS.auditRolling }),
    kibana({ key: `${APPENDER}.retention.maxAccumulatedFileSize`, type: 'size', description: 'Total size of rotated audit files above which the oldest are deleted.', docs: DOCS.auditRolling }),
    kibana({ key: `${APPENDER}.retention.removeOlderThan`, type: 'duration', description: 'Age (at most 365d) after which rotated audit files are deleted.', docs: DOCS.auditRolling }),
  ];
}

/** Names of the 7.x logging syntax that Kibana still maps to the current ones. */
function auditRenames(): SettingDef[] {
  const since = '7.12.0';
  const renames: Array<[string, string]> = [
    ['kind', 'type'],
    ['layout.kind', 'layout.type'],
    ['policy.kind', 'policy.type'],
    ['strategy.kind', 'strategy.type'],
    ['path', 'fileName'],
  ];
  return renames.map(([from, to]) =>
    kibana({ key: `${APPENDER}.${from}`, type: from === 'path' ? 'path' : 'string', deprecated: { since, replacement: `${APPENDER}.${to}` }, description: `Old name of \`${APPENDER}.${to}\`.`, docs: DOCS.audit }),
  );
}

/** Everything under `xpack.security.audit.`. */
export function auditSettings(): SettingDef[] {
  return [...auditBasics(), ...auditLayout(), ...auditRolling(), ...auditRenames()];
}
