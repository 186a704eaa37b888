import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lifecycleRule } from '../../../server/src/rules/lifecycle';
import { contextFor, runCases } from './helpers';

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
    {
      name: 'removed in 7.0 is an error on 7.0',
      text: 'xpack.ssl.certificate: node.crt\n',
      options: { stackVersion: { version: '7.0.0', source: 'test' } },
      expect: [{ ruleId: 'removed-setting', severity: 'error', text: 'xpack.ssl.certificate', on: 'key' }],
    },
    {
      name: 'removed in 7.0 is valid on 6.8, a hint before upgrading',
      text: 'xpack.ssl.certificate: node.crt\n',
      options: { stackVersion: { version: '6.8.23', source: 'test' } },
      expect: [{ ruleId: 'removed-setting', severity: 'hint', text: 'xpack.ssl.certificate', on: 'key' }],
    },
    {
      name: 'deprecated in 8.1 is a warning on 8.1',
      text: 'xpack.security.old_name: x\n',
      options: { stackVersion: { version: '8.1.0', source: 'test' } },
      expect: [{ ruleId: 'deprecated-setting', severity: 'warning', text: 'xpack.security.old_name', on: 'key' }],
    },
    { name: 'deprecated in 8.1 says nothing on 8.0', text: 'xpack.security.old_name: x\n', options: { stackVersion: { version: '8.0.1', source: 'test' } }, expect: [] },
    {
      name: 'deprecated, then removed: a warning between the two',
      text: 'xpack.security.sunset: x\n',
      options: { stackVersion: { version: '8.5.0', source: 'test' } },
      expect: [{ ruleId: 'deprecated-setting', severity: 'warning', text: 'xpack.security.sunset', on: 'key' }],
    },
    {
      name: 'deprecated, then removed: an error after the removal',
      text: 'xpack.security.sunset: x\n',
      options: { stackVersion: { version: '9.0.0', source: 'test' } },
      expect: [{ ruleId: 'removed-setting', severity: 'error', text: 'xpack.security.sunset', on: 'key' }],
    },
    {
      name: 'deprecated, then removed: a hint before the deprecation',
      text: 'xpack.security.sunset: x\n',
      options: { stackVersion: { version: '7.17.0', source: 'test' } },
      expect: [{ ruleId: 'removed-setting', severity: 'hint', text: 'xpack.security.sunset', on: 'key' }],
    },
    { name: 'current settings', text: 'xpack.security.new_name: x\n', expect: [] },
    { name: 'legacy passwords are left to deprecated-plain-password', text: 'xpack.security.http.ssl.keystore.password: pw\n', expect: [] },
  ]);
});

describe('lifecycle messages name the version they assumed', () => {
  test('the configured version and its source', () => {
    const ctx = contextFor('xpack.ssl.certificate: a.crt\n', { options: { stackVersion: { version: '7.2.0', source: '--stack-version' } } });
    assert.match(lifecycleRule(ctx)[0].message, /Elasticsearch 7\.2\.0 \(from --stack-version\)/);
  });

  test('the current release when nothing names one', () => {
    const ctx = contextFor('xpack.ssl.certificate: a.crt\n');
    const [finding] = lifecycleRule(ctx);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /Elasticsearch 9\.x \(assumed: no stack version found/);
  });
});
