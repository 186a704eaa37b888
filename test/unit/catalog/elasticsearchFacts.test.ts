import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { catalogFor } from '../../../server/src/catalog';
import { elasticsearchSettings } from '../../../server/src/catalog/elasticsearch';
import type { FileRole } from '../../../server/src/catalog/types';

// Per-setting facts of the Elasticsearch catalog (types, defaults, lifecycles, file roles) and invariants of every entry.
const index = catalogFor('elasticsearch');

describe('elasticsearch catalog: facts', () => {
  const def = (key: string) => {
    const match = index.lookup(key);
    assert.ok(match, `${key} should be known`);
    return match.def;
  };

  const secure = [
    'xpack.security.transport.ssl.keystore.secure_password',
    'xpack.security.transport.ssl.keystore.secure_key_password',
    'xpack.security.transport.ssl.truststore.secure_password',
    'xpack.security.http.ssl.secure_key_passphrase',
    'xpack.security.authc.realms.ldap.ldap1.secure_bind_password',
    'xpack.security.authc.realms.saml.saml1.signing.keystore.secure_password',
    'xpack.security.authc.realms.jwt.jwt1.hmac_jwkset',
    'xpack.monitoring.exporters.prod.ssl.keystore.secure_password',
    'bootstrap.password',
    'cluster.remote.prod.credentials',
  ];
  for (const key of secure) it(`${key} is a secure setting`, () => assert.equal(def(key).secure, true));

  const plain = ['xpack.security.transport.ssl.keystore.path', 'xpack.security.transport.ssl.keystore.password', 'xpack.security.http.ssl.key_passphrase'];
  for (const key of plain) it(`${key} is not a secure setting`, () => assert.notEqual(def(key).secure, true));

  const enums: Array<[key: string, values: string[], defaultValue: string | undefined]> = [
    ['xpack.security.transport.ssl.verification_mode', ['full', 'certificate', 'none'], 'full'],
    ['xpack.security.transport.ssl.client_authentication', ['required', 'optional', 'none'], 'required'],
    ['xpack.security.http.ssl.client_authentication', ['required', 'optional', 'none'], 'none'],
    ['xpack.security.remote_cluster_server.ssl.client_authentication', ['required', 'optional', 'none'], 'none'],
    // Client-only contexts register the key (8.11+ for the remote cluster client) but give it no meaningful default.
    ['xpack.security.remote_cluster_client.ssl.client_authentication', ['required', 'optional', 'none'], undefined],
    ['xpack.monitoring.exporters.prod.ssl.client_authentication', ['required', 'optional', 'none'], undefined],
    ['transport.profiles.p1.xpack.security.ssl.client_authentication', ['required', 'optional', 'none'], 'required'],
    ['xpack.security.authc.realms.ldap.ldap1.ssl.verification_mode', ['full', 'certificate', 'none'], 'full'],
    ['xpack.security.authc.realms.ldap.ldap1.load_balance.type', ['failover', 'dns_failover', 'round_robin', 'dns_round_robin'], 'failover'],
    ['xpack.security.authc.realms.jwt.jwt1.token_type', ['id_token', 'access_token'], 'id_token'],
  ];
  for (const [key, values, defaultValue] of enums) {
    it(`${key} allows ${values.join('|')} and defaults to ${defaultValue}`, () => {
      const d = def(key);
      assert.equal(d.type, 'enum');
      assert.deepEqual([...(d.values ?? [])].sort(), [...values].sort());
      assert.equal(d.default, defaultValue);
    });
  }

  it('supported_protocols lists the TLS versions and refuses nothing the JDK names', () => {
    const d = def('xpack.security.http.ssl.supported_protocols');
    assert.equal(d.type, 'enumList');
    for (const v of ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1']) assert.ok(d.values?.includes(v), v);
    assert.ok(!d.values?.includes('TLSv1.0'));
  });

  it('trust restrictions match the two X.509 fields Elasticsearch knows', () => {
    const d = def('xpack.security.transport.ssl.trust_restrictions.x509_fields');
    assert.equal(d.type, 'enumList');
    assert.deepEqual([...(d.values ?? [])].sort(), ['subjectAltName.dnsName', 'subjectAltName.otherName.commonName']);
    assert.equal(d.default, 'subjectAltName.otherName.commonName');
  });

  it('remote-cluster contexts keep only the secure passwords', () => {
    for (const ctx of ['remote_cluster_server', 'remote_cluster_client']) {
      assert.ok(index.lookup(`xpack.security.${ctx}.ssl.keystore.secure_password`), ctx);
      assert.equal(index.lookup(`xpack.security.${ctx}.ssl.key_passphrase`), undefined, ctx);
    }
  });

  it('handshake timeouts exist on transport and the remote-cluster contexts only', () => {
    for (const ctx of ['transport', 'remote_cluster_server', 'remote_cluster_client']) assert.equal(def(`xpack.security.${ctx}.ssl.handshake_timeout`).default, '10s');
    assert.equal(index.lookup('xpack.security.http.ssl.handshake_timeout'), undefined);
  });

  it('store types compare without case, protocols with case', () => {
    assert.equal(def('xpack.security.transport.ssl.keystore.type').caseInsensitive, true);
    assert.deepEqual([...(def('xpack.security.transport.ssl.truststore.type').values ?? [])].sort(), ['PKCS12', 'jks']);
    assert.notEqual(def('xpack.security.transport.ssl.supported_protocols').caseInsensitive, true);
  });

  const enabled: Array<[key: string, value: string]> = [
    ['xpack.security.transport.ssl.enabled', 'false'],
    ['xpack.security.http.ssl.enabled', 'false'],
    ['xpack.security.remote_cluster_server.ssl.enabled', 'true'],
    ['xpack.security.remote_cluster_client.ssl.enabled', 'true'],
    ['xpack.security.enabled', 'true'],
    ['xpack.security.enrollment.enabled', 'false'],
  ];
  for (const [key, value] of enabled) it(`${key} defaults to ${value}`, () => assert.equal(def(key).default, value));

  const legacy: Array<[key: string, replacement: string]> = [
    ['xpack.security.transport.ssl.keystore.password', 'xpack.security.transport.ssl.keystore.secure_password'],
    ['xpack.security.transport.ssl.keystore.key_password', 'xpack.security.transport.ssl.keystore.secure_key_password'],
    ['xpack.security.http.ssl.truststore.password', 'xpack.security.http.ssl.truststore.secure_password'],
    ['xpack.security.http.ssl.key_passphrase', 'xpack.security.http.ssl.secure_key_passphrase'],
    ['xpack.security.authc.realms.ldap.ldap1.ssl.key_passphrase', 'xpack.security.authc.realms.ldap.<name>.ssl.secure_key_passphrase'],
    ['transport.profiles.p1.xpack.security.ssl.keystore.password', 'transport.profiles.<profile>.xpack.security.ssl.keystore.secure_password'],
    ['reindex.ssl.truststore.password', 'reindex.ssl.truststore.secure_password'],
  ];
  for (const [key, replacement] of legacy) {
    it(`${key} is deprecated since 7.17.0 for ${replacement} and sensitive`, () => {
      const d = def(key);
      assert.equal(d.deprecated?.since, '7.17.0');
      assert.equal(d.deprecated?.replacement, replacement);
      assert.equal(d.sensitive, true);
      assert.equal(d.removed, undefined);
    });
  }

  it('monitoring exporter SSL settings carry the 7.16 deprecation, legacy passwords keep their own', () => {
    assert.equal(def('xpack.monitoring.exporters.prod.ssl.certificate_authorities').deprecated?.since, '7.16.0');
    assert.equal(def('xpack.monitoring.exporters.prod.ssl.keystore.password').deprecated?.since, '7.17.0');
    assert.equal(def('xpack.http.ssl.certificate_authorities').deprecated, undefined);
  });

  it('the old LDAP bind password is deprecated for the secure one', () => {
    const d = def('xpack.security.authc.realms.ldap.ldap1.bind_password');
    assert.equal(d.deprecated?.replacement, 'xpack.security.authc.realms.ldap.<name>.secure_bind_password');
    assert.equal(d.sensitive, true);
  });

  const removed: Array<[key: string, since: string, replacement: string | undefined]> = [
    ['xpack.ssl.keystore.path', '7.0.0', 'xpack.security.transport.ssl.keystore.path'],
    ['xpack.ssl.certificate_authorities', '7.0.0', 'xpack.security.transport.ssl.certificate_authorities'],
    ['xpack.ssl.keystore.password', '7.0.0', 'xpack.security.transport.ssl.keystore.secure_password'],
    ['xpack.security.authc.realms.ldap1.type', '7.0.0', undefined],
    ['xpack.security.authc.realms.ldap1.order', '7.0.0', 'xpack.security.authc.realms.<type>.<name>.order'],
    ['xpack.security.authc.accept_default_password', '8.0.0', undefined],
    ['xpack.security.authz.store.roles.index.cache.max_size', '8.0.0', 'xpack.security.authz.store.roles.cache.max_size'],
    ['transport.profiles.client.xpack.security.type', '8.0.0', undefined],
    ['xpack.security.audit.logfile.prefix.emit_node_name', '7.0.0', 'xpack.security.audit.logfile.emit_node_name'],
    ['xpack.security.audit.outputs', '7.0.0', undefined],
  ];
  for (const [key, since, replacement] of removed) {
    it(`${key} is removed since ${since}`, () => {
      const d = def(key);
      assert.equal(d.removed?.since, since);
      assert.equal(d.removed?.replacement, replacement);
      assert.ok(d.removed?.note, 'a removed setting says what to do');
      assert.equal(d.deprecated, undefined);
    });
  }

  it('a realm written with its type is not mistaken for the removed form', () => {
    assert.equal(def('xpack.security.authc.realms.ldap.ldap1.order').removed, undefined);
  });

  const roles: Array<[key: string, role: FileRole]> = [
    ['xpack.security.transport.ssl.certificate', 'certificate'],
    ['xpack.security.transport.ssl.key', 'key'],
    ['xpack.security.transport.ssl.certificate_authorities', 'certificateAuthorities'],
    ['xpack.security.http.ssl.keystore.path', 'keystore'],
    ['xpack.security.http.ssl.truststore.path', 'truststore'],
    ['xpack.security.authc.realms.pki.pki1.certificate_authorities', 'certificateAuthorities'],
    ['xpack.security.authc.realms.saml.saml1.signing.key', 'key'],
    ['xpack.security.authc.realms.kerberos.k1.keytab.path', 'other'],
    ['reindex.ssl.certificate', 'certificate'],
  ];
  for (const [key, role] of roles) it(`${key} points at a ${role} file`, () => assert.equal(def(key).fileRole, role));

  it('certificate_authorities takes a list of paths', () => assert.equal(def('xpack.security.http.ssl.certificate_authorities').type, 'pathList'));
});

describe('elasticsearch catalog: every entry', () => {
  it('has a unique key', () => {
    const seen = new Set<string>();
    const dups = elasticsearchSettings.filter((d) => (seen.has(d.key) ? true : (seen.add(d.key), false))).map((d) => d.key);
    assert.deepEqual(dups, []);
  });

  it('is an elasticsearch entry with a sentence of description and an https docs URL', () => {
    const bad = elasticsearchSettings.filter((d) =>
      d.product !== 'elasticsearch' || d.description.trim().length < 10 || !/^https:\/\/www\.elastic\.co\//.test(d.docs));
    assert.deepEqual(bad.map((d) => d.key), []);
  });

  it('gives enum types their values and only enum types', () => {
    const bad = elasticsearchSettings.filter((d) => (d.type === 'enum' || d.type === 'enumList') !== Boolean(d.values?.length));
    assert.deepEqual(bad.map((d) => d.key), []);
  });

  it('marks every secure setting sensitive and never both deprecated and removed', () => {
    assert.deepEqual(elasticsearchSettings.filter((d) => d.secure && !d.sensitive).map((d) => d.key), []);
    assert.deepEqual(elasticsearchSettings.filter((d) => d.deprecated && d.removed).map((d) => d.key), []);
  });

  it('points every deprecation and removal at a setting that is not replaced itself', () => {
    const bad = elasticsearchSettings.filter((d) => {
      const replacement = d.deprecated?.replacement ?? d.removed?.replacement;
      if (!replacement || replacement.includes('<type>')) return false;
      const concrete = replacement.replace(/<[a-z]+>/g, 'x1');
      const target = index.lookup(concrete)?.def;
      // The target may belong to a deprecated feature, but must not itself be replaced by something else.
      return !target || Boolean(target.removed || target.deprecated?.replacement);
    });
    assert.deepEqual(bad.map((d) => d.key), []);
  });

  it('uses placeholders only as whole segments', () => {
    const bad = elasticsearchSettings.filter((d) => d.key.split('.').some((s) => s.includes('<') && !/^<[a-z]+>$/.test(s)));
    assert.deepEqual(bad.map((d) => d.key), []);
  });

  it('keeps every file role on a path type', () => {
    const bad = elasticsearchSettings.filter((d) => d.fileRole && d.type !== 'path' && d.type !== 'pathList');
    assert.deepEqual(bad.map((d) => d.key), []);
  });

  it('keeps all SSL contexts in step: the transport key set appears under every full context', () => {
    const suffixes = elasticsearchSettings.filter((d) => d.key.startsWith('xpack.security.http.ssl.')).map((d) => d.key.slice('xpack.security.http.ssl.'.length));
    for (const prefix of ['xpack.security.transport.ssl.', 'xpack.http.ssl.', 'xpack.security.authc.realms.ldap.x.ssl.', 'xpack.monitoring.exporters.x.ssl.']) {
      const missing = suffixes.filter((s) => s !== 'enabled' && !index.lookup(prefix + s));
      assert.deepEqual(missing, [], prefix);
    }
  });
});
