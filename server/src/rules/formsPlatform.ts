// What each deployment platform adds to the settings rules: settings the ECK operator manages, Kibana's
// connection that ECK sets, and the Helm charts' `protocol` value.
import { ECK_MANAGED_SETTINGS } from '../catalog/elasticsearch/eckManaged';
import type { EmbeddedDocument } from '../config/forms';
import type { ConfigModel, Setting } from '../config/types';
import type { Finding } from '../core/finding';
import { removeSettingsEdits } from './fixes';

/** Findings a document gets from the platform that holds it. */
export function platformFindings(document: EmbeddedDocument, model: ConfigModel): Finding[] {
  if (document.form === 'helm') return protocolMismatch(document, model);
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

/**
 * The SSL contexts the ECK operator configures in full itself: it writes `enabled`, the key, the certificate
 * and the CA of transport and HTTP TLS into every node's config (cloud-on-k8s
 * pkg/controller/elasticsearch/settings/merged_config.go), and Kibana's server TLS and, with an
 * `elasticsearchRef`, its connection to Elasticsearch (pkg/controller/kibana/config_settings.go).
 */
function operatorContexts(document: EmbeddedDocument): string[] {
  if (document.form !== 'eck') return [];
  if (document.product === 'elasticsearch') return ['xpack.security.transport.ssl.', 'xpack.security.http.ssl.'];
  return document.host.elasticsearchRef ? ['server.ssl.', 'elasticsearch.ssl.'] : ['server.ssl.'];
}

/**
 * Drops "missing companion" findings in contexts the operator completes: a user's partial setting there is
 * merged with the operator's enabled flag and key material, so nothing is missing.
 */
export function withoutOperatorCompanions(document: EmbeddedDocument, model: ConfigModel, findings: Finding[]): Finding[] {
  const contexts = operatorContexts(document);
  if (contexts.length === 0) return findings;
  const managed = (f: Finding) => {
    const setting = model.settings.find((s) => f.range.start >= s.keyParts[0].range.start && f.range.start <= s.pairRange.end);
    return setting !== undefined && contexts.some((c) => setting.key.startsWith(c));
  };
  return findings.filter((f) => f.ruleId !== 'ssl-missing-companion' || !managed(f));
}

/**
 * The Elasticsearch chart's `protocol` is the scheme its readiness probe and the chart's own clients use
 * (elastic/helm-charts elasticsearch/templates/statefulset.yaml); it must match whether the node serves TLS.
 * Only an explicit `xpack.security.http.ssl.enabled` is compared: the 8.x chart turns HTTP TLS on itself.
 */
function protocolMismatch(document: EmbeddedDocument, model: ConfigModel): Finding[] {
  const protocol = document.host.protocol;
  const enabled = model.byKey.get('xpack.security.http.ssl.enabled');
  if (!protocol || document.product !== 'elasticsearch' || !enabled || enabled.value.kind !== 'scalar' || enabled.value.templated) return [];
  const tls = enabled.value.text.trim().toLowerCase();
  const scheme = protocol.value.trim().toLowerCase();
  if (!((scheme === 'https' && tls === 'false') || (scheme === 'http' && tls === 'true'))) return [];
  const want = tls === 'true' ? 'https' : 'http';
  return [
    {
      ruleId: 'helm-protocol-mismatch',
      severity: 'warning',
      message: `The chart's \`protocol: ${protocol.value}\` does not match \`xpack.security.http.ssl.enabled: ${enabled.value.text}\` in esConfig: the readiness probe will call the node over the wrong scheme and the pods never become ready.`,
      range: protocol.range,
      fixes: [{ title: `Set protocol to ${want}`, edits: [{ range: protocol.range, newText: want }], isPreferred: true }],
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
