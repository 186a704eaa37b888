// What each deployment platform adds to the settings rules: settings the ECK operator manages, Kibana's
// connection that ECK sets, and the Helm charts' `protocol` value.
import { ECK_MANAGED_SETTINGS } from '../catalog/elasticsearch/eckManaged';
import type { EmbeddedDocument } from '../config/forms';
import type { ConfigModel, Setting } from '../config/types';
import type { Finding } from './finding';
import { removeSettingsEdits } from './fixes';

/** Findings a document gets from the platform that holds it. */
export function platformFindings(document: EmbeddedDocument, model: ConfigModel): Finding[] {
  if (document.form !== 'eck') return [];
  if (document.product === 'elasticsearch') return managedSettings(model);
  const hosts = model.byKey.get('elasticsearch.hosts');
  if (!document.host.elasticsearchRef || !hosts) return [];
  return [
    {
      ruleId: 'eck-managed-hosts',
      severity: 'warning',
      message: `\`elasticsearch.hosts\` is set beside \`elasticsearchRef: ${document.host.elasticsearchRef}\`; ECK sets the connection to that Elasticsearch (hosts, CA, credentials) itself, and this value fights it.`,
      range: hosts.keyRange,
      fixes: [{ title: 'Remove elasticsearch.hosts', edits: removeSettingsEdits(model, [hosts]) }],
    },
  ];
}

function managedSettings(model: ConfigModel): Finding[] {
  return model.settings.filter((s) => ECK_MANAGED_SETTINGS.has(s.key)).map((s) => managedFinding(model, s));
}

function managedFinding(model: ConfigModel, setting: Setting): Finding {
  return {
    ruleId: 'eck-managed-setting',
    severity: 'warning',
    message: `ECK manages \`${setting.key}\` itself on every node; a value here is unsupported and can break the cluster the operator runs.`,
    range: setting.keyRange,
    fixes: [{ title: `Remove ${setting.key}`, edits: removeSettingsEdits(model, [setting]) }],
  };
}
