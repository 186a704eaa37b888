import type { SettingDef } from '../types';
import { auditSettings, ipFilterSettings } from './audit';
import { authcSettings } from './authc';
import { coreSettings } from './core';
import { generalSettings } from './general';
import { realmSettings } from './realms';
import { removedSettings } from './removed';
import { EXPORTER_SSL_PREFIX, PROFILE_PREFIX, sslSettings } from './ssl';

export { sslGroup, type SslGroupOptions } from './sslGroup';
export { REALM_TYPES } from './realms';

/**
 * Namespaces Elasticsearch's catalog claims completely: an unknown key inside one is an error, because
 * Elasticsearch refuses to start on unknown settings. Each group here is catalogued key by key.
 */
export const elasticsearchNamespaces: readonly string[] = [
  'xpack.security.',
  'xpack.ssl.',
  'xpack.http.ssl.',
  'xpack.notification.email.ssl.',
  'reindex.ssl.',
  EXPORTER_SSL_PREFIX,
  PROFILE_PREFIX,
];

/** Every Elasticsearch setting the catalog knows: security (8.x and 9.x), shared SSL groups, removals and core keys. */
export const elasticsearchSettings: readonly SettingDef[] = Object.freeze([
  ...generalSettings(),
  ...authcSettings(),
  ...realmSettings(),
  ...sslSettings(),
  ...auditSettings(),
  ...ipFilterSettings(),
  ...removedSettings(),
  ...coreSettings(),
]);
