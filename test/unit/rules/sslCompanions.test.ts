import { describe, test } from 'node:test';
import { sslMissingCompanionRule } from '../../../server/src/rules/ssl/companions';
import { runCases, type Expected } from './helpers';

const err = (text: string, on: 'key' | 'value' = 'key'): Expected => ({ ruleId: 'ssl-missing-companion', severity: 'error', text, on });
const warn = (text: string, on: 'key' | 'value' = 'key'): Expected => ({ ruleId: 'ssl-missing-companion', severity: 'warning', text, on });
const hint = (text: string, on: 'key' | 'value' = 'key'): Expected => ({ ruleId: 'ssl-missing-companion', severity: 'hint', text, on });
const T = 'xpack.security.transport.ssl';
const H = 'xpack.security.http.ssl';

describe('ssl-missing-companion (Elasticsearch)', () => {
  runCases({ test }, sslMissingCompanionRule, ['ssl-missing-companion'], [
    { name: 'certificate without key', text: `${H}.enabled: true\n${H}.certificate: h.crt\n`, expect: [err(`${H}.certificate`)] },
    { name: 'key without certificate', text: `${H}.enabled: true\n${H}.key: h.key\n`, expect: [err(`${H}.key`)] },
    { name: 'certificate and key', text: `${H}.enabled: true\n${H}.certificate: h.crt\n${H}.key: h.key\n`, expect: [] },
    { name: 'enabled with no key material', text: `${T}.enabled: true\n${T}.verification_mode: certificate\n`, expect: [err(`${T}.enabled`)] },
    { name: 'enabled with a keystore', text: `${T}.enabled: true\n${T}.keystore.path: t.p12\n`, expect: [] },
    { name: 'enabled false needs nothing', text: `${T}.enabled: false\n`, expect: [] },
    {
      name: 'settings without enabled',
      text: `cluster.name: c\n${T}.keystore.path: t.p12\n${T}.truststore.path: t.p12\n`,
      expect: [err(`${T}.keystore.path`)],
      fixed: `cluster.name: c\n${T}.enabled: true\n${T}.keystore.path: t.p12\n${T}.truststore.path: t.p12\n`,
      fixedNested: `cluster:\n  name: c\n${T}.enabled: true\nxpack:\n  security:\n    transport:\n      ssl:\n        keystore:\n          path: t.p12\n        truststore:\n          path: t.p12\n`,
    },
    {
      name: 'settings without enabled on 8.0 are refused',
      text: `${T}.keystore.path: t.p12\n`,
      options: { stackVersion: { version: '8.0.0', source: 'test' } },
      expect: [err(`${T}.keystore.path`)],
    },
    {
      name: 'settings without enabled on 7.17 only have no effect',
      text: `${T}.keystore.path: t.p12\n`,
      options: { stackVersion: { version: '7.17.9', source: 'test' } },
      expect: [warn(`${T}.keystore.path`)],
    },
    { name: 'client contexts need no enabled', text: 'xpack.security.authc.realms.ldap.l1.ssl.certificate_authorities: ca.crt\n', expect: [] },
    { name: 'templated enabled is not judged', text: `${T}.enabled: \${TLS}\n`, expect: [] },
  ]);
});

describe('ssl-missing-companion (Kibana)', () => {
  runCases({ test }, sslMissingCompanionRule, ['ssl-missing-companion'], [
    { name: 'https hosts without CA', product: 'kibana', text: 'elasticsearch.hosts: [https://es01:9200]\n', expect: [hint('https://es01:9200', 'value')] },
    { name: 'https hosts with CA', product: 'kibana', text: 'elasticsearch.hosts: [https://es01:9200]\nelasticsearch.ssl.certificateAuthorities: [ca.crt]\n', expect: [] },
    { name: 'https hosts with verification off', product: 'kibana', text: 'elasticsearch.hosts: https://es01:9200\nelasticsearch.ssl.verificationMode: none\n', expect: [] },
    { name: 'http hosts need no CA', product: 'kibana', text: 'elasticsearch.hosts: http://es01:9200\n', expect: [] },
    {
      name: 'client certificate beside a password',
      product: 'kibana',
      text: 'elasticsearch.ssl.certificate: c.crt\nelasticsearch.ssl.key: c.key\nelasticsearch.username: kibana_system\nelasticsearch.password: pw\n',
      expect: [hint('elasticsearch.username'), hint('elasticsearch.password')],
      fixed: 'elasticsearch.ssl.certificate: c.crt\nelasticsearch.ssl.key: c.key\n',
      fixedNested: 'elasticsearch:\n  ssl:\n    certificate: c.crt\n    key: c.key\n',
    },
    { name: 'password without a client certificate', product: 'kibana', text: 'elasticsearch.username: kibana_system\nelasticsearch.password: pw\n', expect: [] },
    { name: 'server.ssl enabled without key material', product: 'kibana', text: 'server.ssl.enabled: true\n', expect: [err('server.ssl.enabled')] },
    { name: 'server.ssl enabled with a certificate but no key is reported once', product: 'kibana', text: 'server.ssl.enabled: true\nserver.ssl.certificate: c.crt\n', expect: [err('server.ssl.certificate')] },
    { name: 'templated hosts are not judged', product: 'kibana', text: 'elasticsearch.hosts: ${ES_HOSTS}\n', expect: [] },
    { name: 'server.ssl enabled with a keystore', product: 'kibana', text: 'server.ssl.enabled: true\nserver.ssl.keystore.path: k.p12\n', expect: [] },
    { name: 'client authentication without enabled', product: 'kibana', text: 'server.ssl.clientAuthentication: required\n', expect: [err('server.ssl.clientAuthentication')] },
    { name: 'server.ssl settings with no effect while TLS is switched off', product: 'kibana', text: 'server.ssl.enabled: false\nserver.ssl.certificate: c.crt\nserver.ssl.key: c.key\n', expect: [hint('server.ssl.certificate'), hint('server.ssl.key')] },
    { name: 'server.ssl settings with no effect while enabled is not set', product: 'kibana', text: 'server.ssl.certificate: c.crt\nserver.ssl.key: c.key\n', expect: [warn('server.ssl.certificate'), warn('server.ssl.key')] },
    { name: 'a plugin\'s own ssl key is not ours to pair', product: 'kibana', text: 'wazuh.api.ssl.key: k.pem\n', expect: [] },
    { name: 'client authentication none is fine', product: 'kibana', text: 'server.ssl.clientAuthentication: none\n', expect: [] },
  ]);
});
