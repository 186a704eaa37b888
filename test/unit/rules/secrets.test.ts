import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { legacyPasswordReplacement, secretsRule } from '../../../server/src/rules/secrets';
import { runCases } from './helpers';

const T = 'xpack.security.transport.ssl';
const IDS = ['secure-setting-in-yml', 'deprecated-plain-password', 'plaintext-secret'];

describe('secrets', () => {
  runCases({ test }, secretsRule, IDS, [
    {
      name: 'a secure setting in elasticsearch.yml',
      text: `${T}.enabled: true\n${T}.keystore.secure_password: changeme\n`,
      expect: [{ ruleId: 'secure-setting-in-yml', severity: 'error', text: `${T}.keystore.secure_password`, on: 'key' }],
      fixed: `${T}.enabled: true\n`,
      fixedNested: 'xpack:\n  security:\n    transport:\n      ssl:\n        enabled: true\n',
      command: `bin/elasticsearch-keystore add ${T}.keystore.secure_password`,
    },
    {
      name: 'the only setting under its parents removes the emptied parents',
      text: `cluster.name: c\n${T}.keystore.secure_password: changeme\n`,
      expect: [{ ruleId: 'secure-setting-in-yml', severity: 'error', text: `${T}.keystore.secure_password`, on: 'key' }],
      fixed: 'cluster.name: c\n',
      fixedNested: 'cluster:\n  name: c\n',
    },
    {
      name: 'a secure setting the catalog does not know is recognised by its name',
      text: 'xpack.security.authc.realms.ldap.l1.secure_bind_password: pw\n',
      expect: [{ ruleId: 'secure-setting-in-yml', severity: 'error', text: 'xpack.security.authc.realms.ldap.l1.secure_bind_password', on: 'key' }],
      command: 'bin/elasticsearch-keystore add xpack.security.authc.realms.ldap.l1.secure_bind_password',
      fixed: '',
      fixedNested: '',
    },
    {
      name: 'a legacy plain password',
      text: `${T}.keystore.path: a.p12\n${T}.keystore.password: pw\n`,
      expect: [{ ruleId: 'deprecated-plain-password', severity: 'warning', text: `${T}.keystore.password`, on: 'key' }],
      fixed: `${T}.keystore.path: a.p12\n`,
      fixedNested: 'xpack:\n  security:\n    transport:\n      ssl:\n        keystore:\n          path: a.p12\n',
      command: `bin/elasticsearch-keystore add ${T}.keystore.secure_password`,
    },
    {
      name: 'a legacy key passphrase',
      text: `${T}.key_passphrase: pw\n`,
      expect: [{ ruleId: 'deprecated-plain-password', severity: 'warning', text: `${T}.key_passphrase`, on: 'key' }],
      command: `bin/elasticsearch-keystore add ${T}.secure_key_passphrase`,
    },
    {
      name: 'a legacy plain password on 7.17 is deprecated',
      text: `${T}.keystore.password: pw\n`,
      options: { stackVersion: { version: '7.17.0', source: 'test' } },
      expect: [{ ruleId: 'deprecated-plain-password', severity: 'warning', text: `${T}.keystore.password`, on: 'key' }],
    },
    {
      name: 'a legacy plain password on 7.16 is only a hint',
      text: `${T}.keystore.password: pw\n`,
      options: { stackVersion: { version: '7.16.3', source: 'test' } },
      expect: [{ ruleId: 'deprecated-plain-password', severity: 'hint', text: `${T}.keystore.password`, on: 'key' }],
    },
    { name: 'an empty Kibana password holds no secret', product: 'kibana', text: 'elasticsearch.password: ""\n', expect: [] },
    { name: 'paths and plain settings are fine', text: `${T}.keystore.path: a.p12\nxpack.security.enabled: true\n`, expect: [] },
    {
      name: 'a Kibana password in plain text',
      product: 'kibana',
      text: 'elasticsearch.username: kibana_system\nelasticsearch.password: changeme\n',
      expect: [{ ruleId: 'plaintext-secret', severity: 'hint', text: 'elasticsearch.password', on: 'key' }],
      fixed: 'elasticsearch.username: kibana_system\n',
      fixedNested: 'elasticsearch:\n  username: kibana_system\n',
      command: 'bin/kibana-keystore add elasticsearch.password',
    },
    { name: 'a Kibana key passphrase and encryption key', product: 'kibana', text: 'server.ssl.keyPassphrase: x\nxpack.security.encryptionKey: 0123456789abcdef0123456789abcdef\n', expect: [
      { ruleId: 'plaintext-secret', severity: 'hint', text: 'server.ssl.keyPassphrase', on: 'key' },
      { ruleId: 'plaintext-secret', severity: 'hint', text: 'xpack.security.encryptionKey', on: 'key' },
    ] },
    { name: 'a Kibana password from the environment', product: 'kibana', text: 'elasticsearch.password: ${ES_PASSWORD}\n', expect: [] },
    { name: 'Kibana keys are not Elasticsearch secure settings', product: 'kibana', text: 'elasticsearch.ssl.keystore.path: k.p12\n', expect: [] },
  ]);

  runCases({ test }, secretsRule, IDS, [
    {
      name: 'a secure setting inside a flow map',
      flatOnly: true,
      text: `xpack.security.transport.ssl: {enabled: true, keystore.secure_password: pw}\n`,
      expect: [{ ruleId: 'secure-setting-in-yml', severity: 'error', text: 'keystore.secure_password' }],
      fixed: `xpack.security.transport.ssl: {enabled: true}\n`,
    },
  ]);

  test('legacy password replacements', () => {
    assert.equal(legacyPasswordReplacement(`${T}.keystore.key_password`), `${T}.keystore.secure_key_password`);
    assert.equal(legacyPasswordReplacement(`${T}.truststore.password`), `${T}.truststore.secure_password`);
    assert.equal(legacyPasswordReplacement('xpack.security.authc.realms.ldap.l1.bind_password'), undefined);
  });
});
