import type { SettingDef } from '../types';
import { auditSettings } from './audit';
import { elasticsearchSettings } from './elasticsearch';
import { encryptedSavedObjectsSettings, monitoringSettings, reportingSettings } from './misc';
import { providerSettings } from './providers';
import { securityCoreSettings } from './security';
import { serverSettings } from './server';

/**
 * Namespaces Kibana's catalog claims completely: an unknown key inside one is an error.
 * Each holds every key of the matching Kibana config schema (8.x and 9.x, self-managed).
 */
export const kibanaNamespaces: readonly string[] = [
  'elasticsearch.',
  'server.ssl.',
  'xpack.security.',
  'xpack.encryptedSavedObjects.',
  'monitoring.ui.elasticsearch.',
  'xpack.monitoring.elasticsearch.',
];

/** Every Kibana setting the catalog knows, current, deprecated and removed. */
export const kibanaSettings: readonly SettingDef[] = Object.freeze([
  ...elasticsearchSettings(),
  ...serverSettings(),
  ...securityCoreSettings(),
  ...providerSettings(),
  ...auditSettings(),
  ...encryptedSavedObjectsSettings(),
  ...reportingSettings(),
  ...monitoringSettings(),
]);
