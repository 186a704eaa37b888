import type { SettingDef } from '../types';

// SEED ONLY: replaced by the full catalog (see the catalog issue). Keeps the contract usable meanwhile.
const SSL_DOCS = 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/security-settings#ssl-tls-settings';

/** Namespaces Elasticsearch's catalog claims completely: an unknown key inside one is an error. */
export const elasticsearchNamespaces: readonly string[] = ['xpack.security.', 'xpack.ssl.'];

export const elasticsearchSettings: readonly SettingDef[] = [
  { key: 'xpack.security.enabled', product: 'elasticsearch', type: 'boolean', default: 'true', description: 'Turns security features on.', docs: 'https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/security-settings' },
  { key: 'xpack.security.transport.ssl.enabled', product: 'elasticsearch', type: 'boolean', default: 'false', description: 'Turns TLS on for the transport layer.', docs: SSL_DOCS },
  { key: 'xpack.security.transport.ssl.verification_mode', product: 'elasticsearch', type: 'enum', values: ['full', 'certificate', 'none'], default: 'full', description: 'How peer certificates are verified.', docs: SSL_DOCS },
  { key: 'xpack.security.transport.ssl.keystore.path', product: 'elasticsearch', type: 'path', fileRole: 'keystore', description: 'Keystore holding the private key and certificate.', docs: SSL_DOCS },
  { key: 'xpack.security.transport.ssl.keystore.secure_password', product: 'elasticsearch', type: 'string', secure: true, description: 'Password of the keystore.', docs: SSL_DOCS },
];
