import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogFor } from '../../../server/src/catalog';
import { elasticsearchNamespaces } from '../../../server/src/catalog/elasticsearch';

const index = catalogFor('elasticsearch');

describe('elasticsearch catalog: lookup', () => {
  const found: Array<[key: string, pattern: string, params: Record<string, string>]> = [
    ['xpack.security.enabled', 'xpack.security.enabled', {}],
    ['xpack.security.enrollment.enabled', 'xpack.security.enrollment.enabled', {}],
    ['xpack.security.autoconfiguration.enabled', 'xpack.security.autoconfiguration.enabled', {}],
    ['xpack.security.fips_mode.required_providers', 'xpack.security.fips_mode.required_providers', {}],
    ['xpack.security.transport.ssl.verification_mode', 'xpack.security.transport.ssl.verification_mode', {}],
    ['xpack.security.transport.ssl.handshake_timeout', 'xpack.security.transport.ssl.handshake_timeout', {}],
    ['xpack.security.transport.ssl.trust_restrictions.x509_fields', 'xpack.security.transport.ssl.trust_restrictions.x509_fields', {}],
    ['xpack.security.http.ssl.keystore.secure_password', 'xpack.security.http.ssl.keystore.secure_password', {}],
    ['xpack.security.http.ssl.certificate_authorities', 'xpack.security.http.ssl.certificate_authorities', {}],
    ['xpack.security.remote_cluster_server.ssl.client_authentication', 'xpack.security.remote_cluster_server.ssl.client_authentication', {}],
    ['xpack.security.remote_cluster_client.ssl.certificate_authorities', 'xpack.security.remote_cluster_client.ssl.certificate_authorities', {}],
    ['xpack.security.ssl.diagnose.trust', 'xpack.security.ssl.diagnose.trust', {}],
    ['xpack.security.authc.realms.ldap.ldap1.url', 'xpack.security.authc.realms.ldap.<name>.url', { name: 'ldap1' }],
    ['xpack.security.authc.realms.ldap.corp.ssl.verification_mode', 'xpack.security.authc.realms.ldap.<name>.ssl.verification_mode', { name: 'corp' }],
    ['xpack.security.authc.realms.active_directory.ad1.domain_name', 'xpack.security.authc.realms.active_directory.<name>.domain_name', { name: 'ad1' }],
    ['xpack.security.authc.realms.native.native1.order', 'xpack.security.authc.realms.native.<name>.order', { name: 'native1' }],
    ['xpack.security.authc.realms.file.file1.enabled', 'xpack.security.authc.realms.file.<name>.enabled', { name: 'file1' }],
    ['xpack.security.authc.realms.pki.pki1.delegation.enabled', 'xpack.security.authc.realms.pki.<name>.delegation.enabled', { name: 'pki1' }],
    ['xpack.security.authc.realms.saml.cloud-saml.idp.metadata.path', 'xpack.security.authc.realms.saml.<name>.idp.metadata.path', { name: 'cloud-saml' }],
    ['xpack.security.authc.realms.saml.saml1.signing.keystore.alias', 'xpack.security.authc.realms.saml.<name>.signing.keystore.alias', { name: 'saml1' }],
    ['xpack.security.authc.realms.kerberos.kerb1.keytab.path', 'xpack.security.authc.realms.kerberos.<name>.keytab.path', { name: 'kerb1' }],
    ['xpack.security.authc.realms.oidc.oidc1.rp.client_secret', 'xpack.security.authc.realms.oidc.<name>.rp.client_secret', { name: 'oidc1' }],
    ['xpack.security.authc.realms.oidc.oidc1.ssl.certificate_authorities', 'xpack.security.authc.realms.oidc.<name>.ssl.certificate_authorities', { name: 'oidc1' }],
    ['xpack.security.authc.realms.jwt.jwt1.required_claims.token_use', 'xpack.security.authc.realms.jwt.<name>.required_claims.<claim>', { name: 'jwt1', claim: 'token_use' }],
    ['xpack.security.authc.realms.jwt.jwt1.client_authentication.shared_secret', 'xpack.security.authc.realms.jwt.<name>.client_authentication.shared_secret', { name: 'jwt1' }],
    ['xpack.security.authc.domains.corp.realms', 'xpack.security.authc.domains.<domain>.realms', { domain: 'corp' }],
    ['xpack.security.authc.api_key.cache.ttl', 'xpack.security.authc.api_key.cache.ttl', {}],
    ['xpack.security.authc.token.timeout', 'xpack.security.authc.token.timeout', {}],
    ['xpack.security.crypto.thread_pool.size', 'xpack.security.crypto.thread_pool.size', {}],
    ['xpack.security.audit.logfile.events.ignore_filters.noisy.users', 'xpack.security.audit.logfile.events.ignore_filters.<policy>.users', { policy: 'noisy' }],
    ['xpack.security.dls.bitset.cache.size', 'xpack.security.dls.bitset.cache.size', {}],
    ['xpack.security.transport.filter.allow', 'xpack.security.transport.filter.allow', {}],
    ['transport.profiles.client.xpack.security.ssl.key', 'transport.profiles.<profile>.xpack.security.ssl.key', { profile: 'client' }],
    ['transport.profiles.dmz.xpack.security.filter.deny', 'transport.profiles.<profile>.xpack.security.filter.deny', { profile: 'dmz' }],
    ['xpack.monitoring.exporters.prod.ssl.truststore.path', 'xpack.monitoring.exporters.<name>.ssl.truststore.path', { name: 'prod' }],
    ['xpack.http.ssl.certificate_authorities', 'xpack.http.ssl.certificate_authorities', {}],
    ['xpack.notification.email.ssl.truststore.secure_password', 'xpack.notification.email.ssl.truststore.secure_password', {}],
    ['reindex.ssl.verification_mode', 'reindex.ssl.verification_mode', {}],
    ['cluster.name', 'cluster.name', {}],
    ['discovery.seed_hosts', 'discovery.seed_hosts', {}],
    ['remote_cluster_server.enabled', 'remote_cluster_server.enabled', {}],
  ];
  for (const [key, pattern, params] of found) {
    it(`finds ${key}`, () => {
      const match = index.lookup(key);
      assert.ok(match, `${key} should be known`);
      assert.equal(match.def.key, pattern);
      assert.deepEqual(match.params, params);
    });
  }

  const unknown = [
    'xpack.security.transport.ssl.verfication_mode',
    'xpack.security.http.ssl.certificate_authority',
    'xpack.security.http.ssl.keystore',
    'xpack.security.transport.ssl.keystore.pasword',
    'xpack.security.authc.realms.ldap.ldap1.urls',
    'xpack.security.authc.realms.ldapp.ldap1.url',
    'xpack.security.authc.realms.native.native1.url',
    'xpack.security.authc.realms.pki.pki1.ssl.key',
    // Remote-cluster contexts accept only secure passwords.
    'xpack.security.remote_cluster_server.ssl.keystore.password',
    'xpack.security.remote_cluster_client.ssl.truststore.password',
    // reindex registers SslConfigurationKeys.getStringKeys(), which lists truststore.type twice and truststore.algorithm never.
    'reindex.ssl.truststore.algorithm',
    // Only transport and the remote-cluster contexts have a handshake timeout or an enabled flag of this kind.
    'xpack.http.ssl.enabled',
    'transport.profiles.client.xpack.security.ssl.enabled',
    'xpack.security.enable',
  ];
  for (const key of unknown) {
    it(`does not find ${key}`, () => assert.equal(index.lookup(key), undefined));
  }
});

describe('elasticsearch catalog: real configurations', () => {
  // The block security auto-configuration appends to elasticsearch.yml on first start (8.x and 9.x).
  const autoConfigured = [
    'xpack.security.enabled', 'xpack.security.enrollment.enabled', 'xpack.security.http.ssl.enabled', 'xpack.security.http.ssl.keystore.path',
    'xpack.security.transport.ssl.enabled', 'xpack.security.transport.ssl.verification_mode', 'xpack.security.transport.ssl.keystore.path',
    'xpack.security.transport.ssl.truststore.path', 'cluster.initial_master_nodes', 'http.host', 'transport.host',
  ];
  // Keystore entries auto-configuration and certutil users typically add.
  const keystore = [
    'xpack.security.http.ssl.keystore.secure_password', 'xpack.security.transport.ssl.keystore.secure_password',
    'xpack.security.transport.ssl.truststore.secure_password', 'bootstrap.password',
  ];
  for (const key of [...autoConfigured, ...keystore]) {
    it(`knows ${key}`, () => {
      const def = index.lookup(key)?.def;
      assert.ok(def, key);
      assert.equal(def.removed, undefined);
      assert.equal(def.deprecated, undefined);
    });
  }
  for (const key of keystore) it(`${key} belongs in the keystore`, () => assert.equal(index.lookup(key)?.def.secure, true));
});

describe('elasticsearch catalog: ownership', () => {
  const owned = [
    'xpack.security.transport.ssl.verfication_mode',
    'xpack.ssl.keystore.path',
    'xpack.http.ssl.foo',
    'xpack.notification.email.ssl.foo',
    'reindex.ssl.foo',
    'xpack.monitoring.exporters.prod.ssl.foo',
    'transport.profiles.client.xpack.security.foo',
  ];
  for (const key of owned) it(`owns ${key}`, () => assert.equal(index.isOwned(key), true));

  const notOwned = ['cluster.name', 'path.data', 'network.host', 'xpack.monitoring.exporters.prod.host', 'transport.profiles.client.port', 'reindex.remote.whitelist', 'xpack.ml.enabled'];
  for (const key of notOwned) it(`does not own ${key}`, () => assert.equal(index.isOwned(key), false));

  it('claims exactly the documented namespaces', () => {
    assert.deepEqual([...elasticsearchNamespaces].sort(), [
      'reindex.ssl.', 'transport.profiles.<profile>.xpack.security.', 'xpack.http.ssl.', 'xpack.monitoring.exporters.<name>.ssl.',
      'xpack.notification.email.ssl.', 'xpack.security.', 'xpack.ssl.',
    ]);
  });
});

describe('elasticsearch catalog: did you mean', () => {
  const typos: Array<[typo: string, expected: string]> = [
    ['xpack.security.transport.ssl.verfication_mode', 'xpack.security.transport.ssl.verification_mode'],
    ['xpack.security.http.ssl.certificate_authority', 'xpack.security.http.ssl.certificate_authorities'],
    ['xpack.security.http.ssl.keystore.secure_pasword', 'xpack.security.http.ssl.keystore.secure_password'],
    ['xpack.security.authc.realms.ldap.ldap1.ur', 'xpack.security.authc.realms.ldap.ldap1.url'],
    ['xpack.security.authc.realms.active_directory.ad1.domainname', 'xpack.security.authc.realms.active_directory.ad1.domain_name'],
    ['transport.profiles.client.xpack.security.ssl.cerificate', 'transport.profiles.client.xpack.security.ssl.certificate'],
    ['xpack.security.enrolment.enabled', 'xpack.security.enrollment.enabled'],
  ];
  for (const [typo, expected] of typos) {
    it(`suggests ${expected} for ${typo}`, () => assert.equal(index.suggest(typo)[0], expected));
  }

  it('never suggests a removed setting', () => {
    const suggestions = index.suggest('xpack.ssl.keystore.pth');
    assert.ok(suggestions.every((s) => !s.startsWith('xpack.ssl.')), suggestions.join(', '));
  });
});
