import { describe, test } from 'node:test';
import { unknownSettingRule } from '../../../server/src/rules/unknownSettings';
import { runCases } from './helpers';

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
