import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFor } from '../../../server/src/catalog';
import { unknownSettingRule } from '../../../server/src/rules/unknownSettings';
import { contextFor, runCases } from './helpers';

describe('unknown-setting', () => {
  runCases({ test }, unknownSettingRule, ['unknown-setting'], [
    {
      name: 'a typo inside an owned namespace',
      text: 'xpack.security.transport.ssl.verificaton_mode: full\n',
      expect: [{ ruleId: 'unknown-setting', severity: 'error', text: 'xpack.security.transport.ssl.verificaton_mode', on: 'key' }],
      fixed: 'xpack.security.transport.ssl.verification_mode: full\n',
      fixedNested: 'xpack:\n  security:\n    transport:\n      ssl:\n        verification_mode: full\n',
    },
    { name: 'a known key', text: 'xpack.security.transport.ssl.verification_mode: full\n', expect: [] },
    { name: 'a key outside owned namespaces', text: 'cluster.name: prod\nnode.roles: [master]\n', expect: [] },
    { name: 'a placeholder key', text: 'xpack.security.authc.realms.ldap.ldap1.order: 0\n', expect: [] },
    { name: 'a scalar key given a map is left to invalid-value', text: 'xpack.security.enabled.really: true\n', expect: [] },
    {
      name: 'a Kibana typo',
      product: 'kibana',
      text: 'elasticsearch.ssl.certificateAuthority: ca.crt\n',
      expect: [{ ruleId: 'unknown-setting', severity: 'error', text: 'elasticsearch.ssl.certificateAuthority', on: 'key' }],
      fixed: 'elasticsearch.ssl.certificateAuthorities: ca.crt\n',
    },
  ]);

  runCases({ test }, unknownSettingRule, ['unknown-setting'], [
    {
      name: 'a mixed form renames only the last part',
      flatOnly: true,
      text: 'xpack.security:\n  transport.ssl.verificaton_mode: full\n',
      expect: [{ ruleId: 'unknown-setting', severity: 'error', text: 'transport.ssl.verificaton_mode' }],
      fixed: 'xpack.security:\n  transport.ssl.verification_mode: full\n',
    },
    {
      name: 'a quoted key keeps its quotes',
      flatOnly: true,
      text: '"xpack.security.transport.ssl.verificaton_mode": full\n',
      expect: [{ ruleId: 'unknown-setting', severity: 'error', text: '"xpack.security.transport.ssl.verificaton_mode"' }],
      fixed: '"xpack.security.transport.ssl.verification_mode": full\n',
    },
    { name: 'a templated key is not judged', flatOnly: true, text: 'xpack.security.{{ .Values.k }}: 1\n', expect: [] },
  ]);
});

describe('serverless-only Kibana settings', () => {
  const kibana = catalogFor('kibana');
  test('are refused in self-managed Kibana, with a message that says why', () => {
    const ctx = contextFor('xpack.security.uiam.enabled: true\nxpack.security.roleManagementEnabled: true\n', { product: 'kibana', catalog: kibana });
    const found = unknownSettingRule(ctx);
    assert.equal(found.length, 2);
    for (const f of found) {
      assert.equal(f.severity, 'error');
      assert.match(f.message, /read only by Kibana on Elastic Cloud Serverless/);
    }
  });

  test('self-managed audit ignore filters are known', () => {
    const ctx = contextFor('xpack.security.audit.ignore_filters:\n  - actions: [http_request]\n    categories: [web]\n', { product: 'kibana', catalog: kibana });
    assert.deepEqual(unknownSettingRule(ctx), []);
  });
});
