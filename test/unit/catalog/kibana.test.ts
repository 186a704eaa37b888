import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { atLeast } from '../../../server/src/catalog/version';
import { catalogFor } from '../../../server/src/catalog';
import { kibanaNamespaces, kibanaSettings } from '../../../server/src/catalog/kibana';
import type { FileRole } from '../../../server/src/catalog/types';

const index = catalogFor('kibana');

describe('kibana catalog: lookup', () => {
  const found: Array<[key: string, pattern: string, params: Record<string, string>]> = [
    ['elasticsearch.hosts', 'elasticsearch.hosts', {}],
    ['elasticsearch.username', 'elasticsearch.username', {}],
    ['elasticsearch.password', 'elasticsearch.password', {}],
    ['elasticsearch.serviceAccountToken', 'elasticsearch.serviceAccountToken', {}],
    ['elasticsearch.requestTimeout', 'elasticsearch.requestTimeout', {}],
    ['elasticsearch.healthCheck.delay', 'elasticsearch.healthCheck.delay', {}],
    ['elasticsearch.customHeaders.X-Tenant', 'elasticsearch.customHeaders.<header>', { header: 'X-Tenant' }],
    ['elasticsearch.ssl.certificateAuthorities', 'elasticsearch.ssl.certificateAuthorities', {}],
    ['elasticsearch.ssl.keystore.password', 'elasticsearch.ssl.keystore.password', {}],
    ['elasticsearch.ssl.alwaysPresentCertificate', 'elasticsearch.ssl.alwaysPresentCertificate', {}],
    ['server.ssl.enabled', 'server.ssl.enabled', {}],
    ['server.ssl.redirectHttpFromPort', 'server.ssl.redirectHttpFromPort', {}],
    ['server.ssl.truststore.path', 'server.ssl.truststore.path', {}],
    ['server.publicBaseUrl', 'server.publicBaseUrl', {}],
    ['xpack.security.encryptionKey', 'xpack.security.encryptionKey', {}],
    ['xpack.security.session.concurrentSessions.maxSessions', 'xpack.security.session.concurrentSessions.maxSessions', {}],
    ['xpack.security.authc.providers.basic.basic1.order', 'xpack.security.authc.providers.basic.<name>.order', { name: 'basic1' }],
    ['xpack.security.authc.providers.saml.cloud-saml.realm', 'xpack.security.authc.providers.saml.<name>.realm', { name: 'cloud-saml' }],
    ['xpack.security.authc.providers.oidc.oidc1.realm', 'xpack.security.authc.providers.oidc.<name>.realm', { name: 'oidc1' }],
    ['xpack.security.authc.providers.pki.pki1.session.idleTimeout', 'xpack.security.authc.providers.pki.<name>.session.idleTimeout', { name: 'pki1' }],
    ['xpack.security.authc.providers.anonymous.anon1.credentials.password', 'xpack.security.authc.providers.anonymous.<name>.credentials.password', { name: 'anon1' }],
    ['xpack.security.authc.providers.kerberos.k1.accessAgreement.message', 'xpack.security.authc.providers.kerberos.<name>.accessAgreement.message', { name: 'k1' }],
    ['xpack.security.audit.appender.policy.interval', 'xpack.security.audit.appender.policy.interval', {}],
    ['xpack.encryptedSavedObjects.keyRotation.decryptionOnlyKeys', 'xpack.encryptedSavedObjects.keyRotation.decryptionOnlyKeys', {}],
    ['xpack.reporting.encryptionKey', 'xpack.reporting.encryptionKey', {}],
    ['monitoring.ui.elasticsearch.ssl.verificationMode', 'monitoring.ui.elasticsearch.ssl.verificationMode', {}],
    ['monitoring.ui.elasticsearch.logFetchCount', 'monitoring.ui.elasticsearch.logFetchCount', {}],
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
    'elasticsearch.ssl.certificateAuthority',
    'elasticsearch.ssl.verification_mode',
    'elasticsearch.host',
    'server.ssl.certficate',
    'server.ssl.keystore',
    'xpack.security.authc.providers.basci.basic1.order',
    'xpack.security.authc.providers.basic.basic1.realm',
    'xpack.security.authc.providers.saml.saml1.relm',
    'xpack.security.session.idletimeout',
    'monitoring.ui.elasticsearch.ssl.ca',
  ];
  for (const key of unknown) {
    it(`does not know ${key}`, () => assert.equal(index.lookup(key), undefined));
  }
  // Self-managed Kibana still refuses it: the schema offers it on Serverless only (the unknown-setting rule says so).
  it('knows xpack.security.uiam.enabled as a Serverless-only key', () => assert.equal(index.lookup('xpack.security.uiam.enabled')?.def.serverlessOnly, true));
});

describe('kibana catalog: values, defaults and file roles', () => {
  const enums: Array<[key: string, values: string[], def?: string]> = [
    ['elasticsearch.ssl.verificationMode', ['none', 'certificate', 'full'], 'full'],
    ['monitoring.ui.elasticsearch.ssl.verificationMode', ['none', 'certificate', 'full'], 'full'],
    ['server.ssl.clientAuthentication', ['none', 'optional', 'required'], 'none'],
    ['server.ssl.supportedProtocols', ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']],
    ['xpack.security.sameSiteCookies', ['Strict', 'Lax', 'None']],
    ['xpack.security.audit.appender.layout.type', ['json', 'pattern']],
    ['server.protocol', ['http1', 'http2']],
  ];
  for (const [key, values, def] of enums) {
    it(`${key} allows ${values.join('|')}`, () => {
      const match = index.lookup(key);
      assert.deepEqual(match?.def.values, values);
      if (def !== undefined) assert.equal(match?.def.default, def);
    });
  }

  it('server.ssl.supportedProtocols defaults to TLSv1.2 and TLSv1.3', () => {
    assert.match(index.lookup('server.ssl.supportedProtocols')?.def.default ?? '', /^TLSv1\.2, TLSv1\.3/);
  });

  const roles: Array<[key: string, role: FileRole]> = [
    ['elasticsearch.ssl.certificateAuthorities', 'certificateAuthorities'],
    ['elasticsearch.ssl.certificate', 'certificate'],
    ['elasticsearch.ssl.key', 'key'],
    ['elasticsearch.ssl.keystore.path', 'keystore'],
    ['elasticsearch.ssl.truststore.path', 'truststore'],
    ['server.ssl.certificate', 'certificate'],
    ['server.ssl.key', 'key'],
    ['server.ssl.certificateAuthorities', 'certificateAuthorities'],
    ['server.ssl.keystore.path', 'keystore'],
    ['server.ssl.truststore.path', 'truststore'],
    ['monitoring.ui.elasticsearch.ssl.certificateAuthorities', 'certificateAuthorities'],
  ];
  for (const [key, role] of roles) {
    it(`${key} holds ${role}`, () => assert.equal(index.lookup(key)?.def.fileRole, role));
  }

  const secrets = [
    'elasticsearch.password',
    'elasticsearch.serviceAccountToken',
    'elasticsearch.ssl.keyPassphrase',
    'elasticsearch.ssl.keystore.password',
    'elasticsearch.ssl.truststore.password',
    'server.ssl.keyPassphrase',
    'server.ssl.keystore.password',
    'xpack.security.encryptionKey',
    'xpack.encryptedSavedObjects.encryptionKey',
    'xpack.reporting.encryptionKey',
    'xpack.security.authc.providers.anonymous.a.credentials.apiKey.key',
    'monitoring.ui.elasticsearch.password',
  ];
  for (const key of secrets) {
    it(`${key} is sensitive and not keystore-only`, () => {
      const def = index.lookup(key)?.def;
      assert.equal(def?.sensitive, true);
      assert.notEqual(def?.secure, true);
    });
  }

  for (const key of ['xpack.security.encryptionKey', 'xpack.encryptedSavedObjects.encryptionKey']) {
    it(`${key} needs 32 characters`, () => assert.equal(index.lookup(key)?.def.minLength, 32));
  }
  // The reporting schema sets no minimum (kbn-reporting/server/config_schema.ts); only the docs ask for 32.
  it('xpack.reporting.encryptionKey is advised, not required, to have 32 characters', () => {
    assert.equal(index.lookup('xpack.reporting.encryptionKey')?.def.minLength, undefined);
    assert.equal(index.lookup('xpack.reporting.encryptionKey')?.def.advisedMinLength, 32);
  });

  it('offers every provider type when completing under authc.providers', () => {
    const segments = index.children('xpack.security.authc.providers').map((c) => c.segment).sort();
    assert.deepEqual(segments, ['anonymous', 'basic', 'kerberos', 'oidc', 'pki', 'saml', 'token']);
    const named = index.children('xpack.security.authc.providers.saml');
    assert.deepEqual(named.map((c) => c.segment), ['<name>']);
  });

  it('types lists of maps as object', () => {
    for (const key of ['xpack.security.audit.ignore_filters', 'elasticsearch.apisToRedactInLogs']) {
      assert.equal(index.lookup(key)?.def.type, 'object', key);
    }
  });

  it('uses duration for Kibana durations', () => {
    for (const key of ['elasticsearch.requestTimeout', 'xpack.security.session.idleTimeout', 'xpack.security.session.lifespan']) {
      assert.equal(index.lookup(key)?.def.type, 'duration', key);
    }
  });
});

describe('kibana catalog: removed and deprecated names', () => {
  const removed: Array<[key: string, since: string, replacement?: string]> = [
    ['elasticsearch.url', '7.0.0', 'elasticsearch.hosts'],
    ['elasticsearch.ssl.ca', '7.0.0', 'elasticsearch.ssl.certificateAuthorities'],
    ['elasticsearch.ssl.cert', '7.0.0', 'elasticsearch.ssl.certificate'],
    ['elasticsearch.ssl.verify', '7.0.0', 'elasticsearch.ssl.verificationMode'],
    ['server.ssl.cert', '7.0.0', 'server.ssl.certificate'],
    ['xpack.security.enabled', '8.0.0'],
    ['xpack.encryptedSavedObjects.enabled', '8.0.0'],
    ['elasticsearch.preserveHost', '8.0.0'],
  ];
  for (const [key, since, replacement] of removed) {
    it(`${key} was removed in ${since}`, () => {
      const def = index.lookup(key)?.def;
      assert.equal(def?.removed?.since, since);
      assert.equal(def?.removed?.replacement, replacement);
      if (replacement) assert.ok(index.lookup(replacement) && !index.lookup(replacement)?.def.removed, `${replacement} is current`);
    });
  }

  const deprecated: Array<[key: string, replacement: string]> = [
    ['xpack.security.sessionTimeout', 'xpack.security.session.idleTimeout'],
    ['xpack.security.authProviders', 'xpack.security.authc.providers'],
    ['xpack.security.audit.appender.kind', 'xpack.security.audit.appender.type'],
    ['xpack.security.audit.appender.path', 'xpack.security.audit.appender.fileName'],
    ['xpack.security.authc.saml.realm', 'xpack.security.authc.providers.saml.<name>.realm'],
    ['xpack.security.experimental.fipsMode.enabled', 'xpack.security.fipsMode.enabled'],
  ];
  for (const [key, replacement] of deprecated) {
    it(`${key} is deprecated for ${replacement}`, () => {
      const def = index.lookup(key)?.def;
      assert.equal(def?.deprecated?.replacement, replacement);
      assert.equal(def?.removed, undefined);
    });
  }

  it('never suggests a removed name', () => {
    assert.ok(!index.suggest('elasticsearch.ur').includes('elasticsearch.url'));
    assert.ok(!index.suggest('server.ssl.certt').includes('server.ssl.cert'));
  });
});

describe('kibana catalog: did you mean', () => {
  const typos: Array<[typo: string, expected: string]> = [
    ['elasticsearch.ssl.certificateAuthority', 'elasticsearch.ssl.certificateAuthorities'],
    ['elasticsearch.ssl.verificationmode', 'elasticsearch.ssl.verificationMode'],
    ['elasticsearch.host', 'elasticsearch.hosts'],
    ['server.ssl.certficate', 'server.ssl.certificate'],
    ['server.ssl.supportedProtocol', 'server.ssl.supportedProtocols'],
    ['xpack.security.encryptionkey', 'xpack.security.encryptionKey'],
    ['xpack.security.authc.providers.saml.saml1.relm', 'xpack.security.authc.providers.saml.saml1.realm'],
  ];
  for (const [typo, expected] of typos) {
    it(`suggests ${expected} for ${typo}`, () => assert.equal(index.suggest(typo)[0], expected));
  }
});

describe('kibana catalog: namespaces', () => {
  const notOwned = ['server.port', 'server.host', 'logging.root.level', 'path.data', 'xpack.reporting.encryptionKey', 'xpack.securitySolution.enabled', 'monitoring.ui.enabled'];
  for (const key of notOwned) {
    it(`does not own ${key}`, () => assert.equal(index.isOwned(key), false));
  }
  const owned = ['elasticsearch.foo', 'elasticsearch.ssl.foo', 'server.ssl.foo', 'xpack.security.foo', 'xpack.encryptedSavedObjects.foo', 'monitoring.ui.elasticsearch.ssl.foo'];
  for (const key of owned) {
    it(`owns ${key}`, () => assert.equal(index.isOwned(key), true));
  }

  it('has entries in every owned namespace', () => {
    for (const ns of kibanaNamespaces) {
      assert.ok(kibanaSettings.some((d) => d.key.startsWith(ns)), ns);
    }
  });

  it('gives the monitoring cluster the same client schema as elasticsearch', () => {
    const current = kibanaSettings.filter((d) => d.key.startsWith('elasticsearch.') && !d.removed);
    for (const def of current) {
      const mirror = index.lookup(def.key.replace(/^elasticsearch\./, 'monitoring.ui.elasticsearch.').replace('<header>', 'X-A'));
      assert.ok(mirror, def.key);
      assert.equal(mirror.def.type, def.type, def.key);
      assert.equal(mirror.def.fileRole, def.fileRole, def.key);
    }
  });
});

describe('kibana catalog: entry hygiene', () => {
  it('has no duplicate keys', () => {
    const keys = kibanaSettings.map((d) => d.key);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
  });

  it('gives every entry a product, description and https docs URL', () => {
    for (const def of kibanaSettings) {
      assert.equal(def.product, 'kibana', def.key);
      assert.ok(def.description.length > 10 && /[.)]$/.test(def.description), `${def.key}: ${def.description}`);
      assert.match(def.docs, /^https:\/\/www\.elastic\.co\//, def.key);
    }
  });

  it('writes placeholders as whole segments and values only on enums', () => {
    for (const def of kibanaSettings) {
      for (const seg of def.key.split('.')) assert.match(seg, /^(<[a-z]+>|[A-Za-z0-9_-]+)$/, def.key);
      const isEnum = def.type === 'enum' || def.type === 'enumList';
      assert.equal(isEnum, (def.values?.length ?? 0) > 0, def.key);
    }
  });

  it('marks every lifecycle with a version, and a deprecation before the removal it led to', () => {
    for (const def of kibanaSettings) {
      for (const life of [def.deprecated, def.removed]) if (life) assert.match(life.since, /^\d+\.\d+\.\d+$/, def.key);
      // Both at once is a setting deprecated in one release and removed in a later one.
      if (def.deprecated && def.removed) assert.ok(atLeast({ version: def.removed.since, source: '' }, def.deprecated.since) && def.removed.since !== def.deprecated.since, def.key);
    }
  });

  it('gives current TLS file settings a file role', () => {
    const files = kibanaSettings.filter((d) => /\.ssl\./.test(d.key) && (d.type === 'path' || d.type === 'pathList') && !d.removed);
    assert.ok(files.length >= 15);
    for (const def of files) assert.ok(def.fileRole, def.key);
  });
});

describe('kibana catalog: the xpack.monitoring.elasticsearch alias', () => {
  const index = catalogFor('kibana');
  it('knows each monitoring.ui.elasticsearch key under its old name, deprecated with the new name', () => {
    const match = index.lookup('xpack.monitoring.elasticsearch.ssl.certificateAuthorities');
    assert.equal(match?.def.deprecated?.replacement, 'monitoring.ui.elasticsearch.ssl.certificateAuthorities');
  });
  it('claims the alias, so a key the block lacks is unknown', () => {
    assert.equal(index.lookup('xpack.monitoring.elasticsearch.ssl.enabled'), undefined);
    assert.ok(index.isOwned('xpack.monitoring.elasticsearch.ssl.enabled'));
  });
  it('knows the health check keys of the current schema', () => {
    for (const key of ['elasticsearch.healthCheck.onFailureDelay', 'elasticsearch.healthCheck.retry']) assert.ok(index.lookup(key), key);
  });
});
