import type { Product } from '../catalog/types';
import type { RuleId } from './ids';

const DOCS = 'https://www.elastic.co/docs/';

/** Pages that explain a rule's subject, for Elasticsearch and Kibana files, when the setting has no page of its own. */
const PAGES: Record<RuleId, { elasticsearch: string; kibana: string }> = {
  'yaml-syntax': both('deploy-manage/deploy/self-managed/configure-elasticsearch', 'deploy-manage/deploy/self-managed/configure-kibana'),
  'duplicate-setting': both('deploy-manage/deploy/self-managed/configure-elasticsearch', 'deploy-manage/deploy/self-managed/configure-kibana'),
  'file-too-large': both('deploy-manage/deploy/self-managed/configure-elasticsearch', 'deploy-manage/deploy/self-managed/configure-kibana'),
  'yaml-too-deep': both('deploy-manage/deploy/self-managed/configure-elasticsearch', 'deploy-manage/deploy/self-managed/configure-kibana'),
  'not-text': both('deploy-manage/deploy/self-managed/configure-elasticsearch', 'deploy-manage/deploy/self-managed/configure-kibana'),
  'unknown-setting': both('reference/elasticsearch/configuration-reference/security-settings', 'reference/kibana/configuration-reference/general-settings'),
  'invalid-value': both('reference/elasticsearch/configuration-reference/security-settings', 'reference/kibana/configuration-reference/general-settings'),
  'ssl-conflict': both('reference/elasticsearch/configuration-reference/security-settings', 'deploy-manage/security/set-up-basic-security-plus-https'),
  'ssl-missing-companion': both('reference/elasticsearch/configuration-reference/security-settings', 'deploy-manage/security/set-up-basic-security-plus-https'),
  'secure-setting-in-yml': both('deploy-manage/security/secure-settings', 'deploy-manage/security/secure-settings'),
  'deprecated-plain-password': both('deploy-manage/security/secure-settings', 'deploy-manage/security/secure-settings'),
  'plaintext-secret': both('deploy-manage/security/secure-settings', 'deploy-manage/security/secure-settings'),
  'insecure-setting': both('deploy-manage/security/secure-cluster-communications', 'deploy-manage/security/set-up-basic-security-plus-https'),
  'deprecated-setting': both('reference/elasticsearch/configuration-reference/security-settings', 'reference/kibana/configuration-reference/general-settings'),
  'removed-setting': both('reference/elasticsearch/configuration-reference/security-settings', 'reference/kibana/configuration-reference/general-settings'),
  'kibana-credentials': same('reference/kibana/configuration-reference/general-settings'),
  'missing-file': both('troubleshoot/elasticsearch/security/trb-security-path', 'deploy-manage/security/set-up-basic-security-plus-https'),
  // Docker loads the config from /usr/share/elasticsearch/config/ (the first page says so), the usual other machine.
  'path-not-checked': both('deploy-manage/deploy/self-managed/install-elasticsearch-docker-configure', 'deploy-manage/deploy/self-managed/install-kibana-with-docker'),
  'certificate-expired': same('deploy-manage/security/same-ca'),
  'certificate-expiring': same('deploy-manage/security/same-ca'),
  'certificate-not-yet-valid': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'key-certificate-mismatch': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'certificate-chain-untrusted': same('troubleshoot/elasticsearch/security/trb-security-sslhandshake'),
  'transport-certificate-eku': same('deploy-manage/security/set-up-basic-security'),
  'certificate-hostname-mismatch': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'truststore-without-trusted-entries': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'certificate-file-format': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'encrypted-key-without-passphrase': same('reference/elasticsearch/configuration-reference/security-settings'),
  'keystore-locked': same('deploy-manage/security/secure-settings'),
  'certificate-bad-password': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'certificate-unreadable': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'certificate-revoked': same('deploy-manage/security/security-certificates-keys'),
  'certificate-authority-not-ca': same('deploy-manage/security/security-certificates-keys'),
  'ca-strict-clients': same('deploy-manage/security/security-certificates-keys'),
  'certificate-weak-key': same('deploy-manage/security/security-certificates-keys'),
  'certificate-weak-signature': same('troubleshoot/elasticsearch/security/trb-security-sslhandshake'),
  'certificate-key-swapped': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'ca-certificate-as-node-certificate': same('deploy-manage/security/security-certificates-keys'),
  'certificate-key-usage': same('troubleshoot/elasticsearch/security/trb-security-sslhandshake'),
  'certificate-chain-order': same('troubleshoot/elasticsearch/security/trb-security-sslhandshake'),
  'certificate-chain-incomplete': same('troubleshoot/elasticsearch/security/trb-security-sslhandshake'),
  'certificate-validity-too-long': same('deploy-manage/security/set-up-basic-security-plus-https'),
  'transport-peer-untrusted': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'transport-peer-name': same('troubleshoot/elasticsearch/security/trb-security-ssl'),
  'http-client-untrusted': same('deploy-manage/security/set-up-basic-security-plus-https'),
  'http-client-name': same('deploy-manage/security/set-up-basic-security-plus-https'),
  'client-certificate-untrusted': same('deploy-manage/users-roles/cluster-or-deployment-auth/pki'),
  'client-certificate-unused': same('deploy-manage/users-roles/cluster-or-deployment-auth/pki'),
  'client-certificate-unmapped': same('deploy-manage/users-roles/cluster-or-deployment-auth/pki'),
  'keystore-password-missing': same('deploy-manage/security/secure-settings'),
  'keystore-password-wrong': same('deploy-manage/security/secure-settings'),
  'secure-setting-duplicate': same('deploy-manage/security/secure-settings'),
  'ssl-secure-without-enabled': same('deploy-manage/security/secure-settings'),
  'eck-http-tls-disabled': same('deploy-manage/security/k8s-https-settings'),
  'eck-invalid-san': same('deploy-manage/security/k8s-https-settings'),
  'eck-managed-setting': same('deploy-manage/deploy/cloud-on-k8s/node-configuration'),
  'eck-managed-hosts': same('deploy-manage/deploy/cloud-on-k8s/kibana-instance-quickstart'),
  'kibana-env-ignored': same('deploy-manage/deploy/self-managed/install-kibana-with-docker'),
  'duplicate-env': both('deploy-manage/deploy/self-managed/install-elasticsearch-with-docker', 'deploy-manage/deploy/self-managed/install-kibana-with-docker'),
  'eck-certificate-secret': same('deploy-manage/security/k8s-https-settings'),
  'eck-certificate-names': same('deploy-manage/security/k8s-https-settings'),
  'eck-unresolved-ref': same('deploy-manage/deploy/cloud-on-k8s/kibana-instance-quickstart'),
  'helm-protocol-mismatch': same('deploy-manage/security/set-up-basic-security-plus-https'),
};

function both(elasticsearch: string, kibana: string): { elasticsearch: string; kibana: string } {
  return { elasticsearch: DOCS + elasticsearch, kibana: DOCS + kibana };
}

function same(page: string): { elasticsearch: string; kibana: string } {
  return both(page, page);
}

/** The Elastic doc page that explains a rule in a product's files; every rule id has one. */
export function ruleDocsUrl(ruleId: string, product: Product): string | undefined {
  return (PAGES as Record<string, { elasticsearch: string; kibana: string }>)[ruleId]?.[product];
}
