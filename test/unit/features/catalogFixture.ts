// A small catalog for feature tests, so they do not move when the real catalog grows.
import { SettingIndex } from '../../../server/src/catalog/lookup';
import type { SettingDef } from '../../../server/src/catalog/types';

const DOCS = 'https://docs.example/ssl';

const defs: SettingDef[] = [
  { key: 'xpack.security.enabled', product: 'elasticsearch', type: 'boolean', default: 'true', description: 'Turns security on.', docs: DOCS },
  { key: 'xpack.security.transport.ssl.enabled', product: 'elasticsearch', type: 'boolean', default: 'false', description: 'TLS for transport.', docs: DOCS },
  { key: 'xpack.security.transport.ssl.verification_mode', product: 'elasticsearch', type: 'enum', values: ['full', 'certificate', 'none'], default: 'full', description: 'How peers are verified.', docs: DOCS },
  { key: 'xpack.security.transport.ssl.keystore.path', product: 'elasticsearch', type: 'path', fileRole: 'keystore', description: 'Keystore file.', docs: DOCS },
  { key: 'xpack.security.transport.ssl.keystore.secure_password', product: 'elasticsearch', type: 'string', secure: true, description: 'Keystore password.', docs: DOCS },
  { key: 'xpack.security.transport.ssl.keystore.password', product: 'elasticsearch', type: 'string', sensitive: true, description: 'Legacy password.', docs: DOCS, deprecated: { since: '7.17.0', replacement: 'xpack.security.transport.ssl.keystore.secure_password' } },
  { key: 'xpack.security.transport.ssl.certificate_authorities', product: 'elasticsearch', type: 'pathList', fileRole: 'certificateAuthorities', description: 'CA files.', docs: DOCS },
  { key: 'xpack.security.authc.realms.ldap.<name>.url', product: 'elasticsearch', type: 'urlList', description: 'LDAP URLs.', docs: DOCS },
  { key: 'xpack.security.authc.realms.ldap.<name>.ssl.keystore.password', product: 'elasticsearch', type: 'string', sensitive: true, description: 'Legacy.', docs: DOCS, deprecated: { since: '7.17.0', replacement: 'xpack.security.authc.realms.ldap.<name>.ssl.keystore.secure_password' } },
  { key: 'xpack.security.authc.realms.ldap.<name>.order', product: 'elasticsearch', type: 'integer', description: 'Realm order.', docs: DOCS },
  { key: 'xpack.ssl.certificate', product: 'elasticsearch', type: 'path', description: 'Old global cert.', docs: DOCS, removed: { since: '7.0.0', replacement: 'xpack.security.transport.ssl.certificate' } },
];

export const testCatalog = new SettingIndex('elasticsearch', defs, ['xpack.security.', 'xpack.ssl.']);
