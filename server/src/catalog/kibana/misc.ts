import type { SettingDef } from '../types';
import { clientSettings } from './esClient';
import { DOCS, kibana } from './docs';

/** `xpack.encryptedSavedObjects.*`: the key that protects secrets stored in saved objects. */
export function encryptedSavedObjectsSettings(): SettingDef[] {
  return [
    kibana({ key: 'xpack.encryptedSavedObjects.encryptionKey', type: 'string', sensitive: true, minLength: 32, description: 'Secret of at least 32 characters that encrypts sensitive fields of saved objects (connectors, rules); without it those features stay off.', docs: `${DOCS.security}#xpack-encryptedsavedobjects-encryptionkey` }),
    kibana({ key: 'xpack.encryptedSavedObjects.keyRotation.decryptionOnlyKeys', type: 'list', sensitive: true, minLength: 32, description: 'Earlier encryption keys Kibana still uses to read old saved objects; none may equal the current key.', docs: `${DOCS.security}#xpack-encryptedsavedobjects-keyrotation-decryptiononlykeys` }),
    kibana({ key: 'xpack.encryptedSavedObjects.enabled', type: 'boolean', removed: { since: '8.0.0', note: 'The plugin can no longer be turned off; delete the line.' }, description: 'Former switch of the encrypted saved objects plugin.', docs: DOCS.release80 }),
  ];
}

/**
 * `xpack.reporting.encryptionKey`; the rest of `xpack.reporting.` is not claimed. Unlike the other two keys its
 * schema sets no minimum length (`schema.maybe(schema.string())` in elastic/kibana
 * src/platform/packages/private/kbn-reporting/server/config_schema.ts, and in the 7.x reporting plugin), so a short
 * key runs; the docs still ask for 32 characters.
 */
export function reportingSettings(): SettingDef[] {
  return [
    kibana({ key: 'xpack.reporting.encryptionKey', type: 'string', sensitive: true, advisedMinLength: 32, description: 'Static key that encrypts report job data; every Kibana instance needs the same one, or queued reports fail.', docs: DOCS.reporting }),
  ];
}

/** Fallbacks that differ from Kibana's own connection: unset values reuse `elasticsearch.*`. */
const MONITORING_OVERRIDES = {
  hosts: { default: 'the value of elasticsearch.hosts' },
  username: { default: 'the value of elasticsearch.username' },
  password: { default: 'the value of elasticsearch.password' },
  pingTimeout: { default: 'the value of elasticsearch.pingTimeout' },
} as const;

/** `monitoring.ui.elasticsearch.*`: the same client schema, pointed at a separate monitoring cluster. */
export function monitoringSettings(): SettingDef[] {
  return [
    ...clientSettings({
      prefix: 'monitoring.ui.elasticsearch',
      cluster: 'monitoring cluster',
      docs: () => DOCS.monitoring,
      overrides: MONITORING_OVERRIDES,
    }),
    kibana({ key: 'monitoring.ui.elasticsearch.logFetchCount', type: 'integer', default: '10', max: 50, description: 'Number of log entries Stack Monitoring shows.', docs: DOCS.monitoringUi }),
    ...monitoringAlias(),
  ];
}

/**
 * `xpack.monitoring.elasticsearch.*`, the old name of the same block: the monitoring plugin's config
 * deprecations rename it (`renameFromRoot('xpack.monitoring.elasticsearch', 'monitoring.ui.elasticsearch')` in
 * elastic/kibana x-pack/plugins/monitoring/server/deprecations.ts, 7.x and 8.x), so a key the block lacks is
 * still refused, and a valid one draws a deprecation.
 */
function monitoringAlias(): SettingDef[] {
  const current = clientSettings({ prefix: 'monitoring.ui.elasticsearch', cluster: 'monitoring cluster', docs: () => DOCS.monitoring, overrides: MONITORING_OVERRIDES });
  return current.map((def) => {
    const replacement = def.key;
    const key = `xpack.monitoring.elasticsearch.${def.key.slice('monitoring.ui.elasticsearch.'.length)}`;
    return { ...def, key, deprecated: { since: '7.0.0', replacement }, description: `Old name of \`${replacement}\`.` };
  });
}
