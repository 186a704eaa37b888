import { describe, test } from 'node:test';
import { lifecycleRule } from '../../../server/src/rules/lifecycle';
import { runCases } from './helpers';

describe('deprecated-setting and removed-setting', () => {
  runCases({ test }, lifecycleRule, ['deprecated-setting', 'removed-setting'], [
    {
      name: 'deprecated with a replacement',
      text: 'xpack.security.old_name: x\n',
      expect: [{ ruleId: 'deprecated-setting', severity: 'warning', text: 'xpack.security.old_name', on: 'key' }],
      fixed: 'xpack.security.new_name: x\n',
      fixedNested: 'xpack:\n  security:\n    new_name: x\n',
    },
    { name: 'deprecated without a replacement', text: 'xpack.security.going_away: true\n', expect: [{ ruleId: 'deprecated-setting', severity: 'warning', text: 'xpack.security.going_away', on: 'key' }] },
    {
      name: 'removed with a replacement in another namespace',
      text: 'xpack.ssl.certificate: node.crt\n',
      expect: [{ ruleId: 'removed-setting', severity: 'error', text: 'xpack.ssl.certificate', on: 'key' }],
      fixed: 'xpack.security.transport.ssl.certificate: node.crt\n',
    },
    { name: 'current settings', text: 'xpack.security.new_name: x\n', expect: [] },
    { name: 'legacy passwords are left to deprecated-plain-password', text: 'xpack.security.http.ssl.keystore.password: pw\n', expect: [] },
  ]);
});
