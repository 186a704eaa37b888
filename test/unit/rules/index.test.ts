import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allRules, RULE_IDS, runRules } from '../../../server/src/rules';
import { checkText } from '../../../server/src/checker/documentChecker';
import { applyEdits } from '../helpers/edits';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { contextFor, fixedClock, memoryFs } from './helpers';

const env: CheckEnvironment = { fs: memoryFs({}), clock: fixedClock, options: defaultCheckOptions, passwords: { get: () => undefined } };

describe('checkText', () => {
  test('messages mask a password in a URL and escape control characters, edits keep the text', () => {
    const text = 'elasticsearch.hosts: [ "https://kibana_system:hunter2@es01:9200" ]\nelasticsearch.ssl.verificationMode: "in\\e[31mfo"\n';
    const { findings } = checkText({ text, product: 'kibana' }, env);
    const shown = JSON.stringify(findings.map((f) => [f.message, f.fixes?.map((x) => x.title), f.related?.map((r) => r.message)]));
    assert.match(shown, /https:\/\/kibana_system:\*\*\*@es01:9200/);
    assert.match(shown, /in\\\\u001b\[31mfo/);
    assert.equal(shown.includes('hunter2'), false);
    assert.equal(shown.includes('\x1b'), false);
  });

  test('a broken rule yields nothing and the others still report', () => {
    const ctx = contextFor('xpack.security.enabled: maybe\n');
    const findings = runRules(ctx, [() => { throw new Error('boom'); }, ...allRules]);
    assert.ok(findings.some((f) => f.ruleId === 'invalid-value'));
  });

  test('findings come sorted by offset, parse findings included', () => {
    const ctx = contextFor('xpack.security.enabled: maybe\nxpack.security.enabled: nope\nxpack.security.transport.ssl.verification_mode: none\n');
    const findings = runRules(ctx);
    const starts = findings.map((f) => f.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.ok(findings.some((f) => f.ruleId === 'duplicate-setting'));
  });

  test('every reported rule id is listed in RULE_IDS', () => {
    const text = 'xpack.security.enabled: maybe\nxpack.security.enabled: x\nxpack.security.transprt.ssl.enabled: true\nxpack.security.transport.ssl.keystore.secure_password: x\nxpack.security.transport.ssl.keystore.password: y\nxpack.ssl.certificate: a\n';
    for (const f of runRules(contextFor(text, { filePath: '/es/elasticsearch.yml' }))) assert.ok(f.ruleId in RULE_IDS, f.ruleId);
    assert.ok('certificate-expired' in RULE_IDS, 'certificate rule ids are listed too');
    for (const [id, line] of Object.entries(RULE_IDS)) {
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(line.length > 10);
    }
  });

  test('the real catalog: a wrong verification mode is refused with a fix', () => {
    const text = 'xpack.security.transport.ssl.verification_mode: ful\n';
    const { model, findings } = checkText({ text, product: 'elasticsearch' }, env);
    assert.equal(model.settings.length, 1);
    const f = findings.find((x) => x.ruleId === 'invalid-value');
    assert.ok(f);
    assert.equal(text.slice(f.range.start, f.range.end), 'ful');
    assert.equal(applyEdits(text, f.fixes![0].edits), 'xpack.security.transport.ssl.verification_mode: full\n');
  });

  test('the real catalog: a clean transport block raises nothing', () => {
    const text = [
      'xpack.security.enabled: true',
      'xpack.security.transport.ssl:',
      '  enabled: true',
      '  verification_mode: certificate',
      '  keystore.path: certs/elastic-certificates.p12',
      '  truststore.path: certs/elastic-certificates.p12',
      '',
    ].join('\n');
    const files = { '/es/config/certs/elastic-certificates.p12': 'x' };
    const { findings } = checkText({ text, product: 'elasticsearch', filePath: '/es/config/elasticsearch.yml' }, { ...env, fs: memoryFs(files) });
    const settingsRules = findings.filter((f) => !f.ruleId.startsWith('cert'));
    assert.deepEqual(settingsRules.map((f) => f.ruleId), []);
  });

  test('the real catalog: a typo in the owned namespace is unknown', () => {
    const text = 'xpack.security.transport.ssl.verifcation_mode: full\n';
    const { findings } = checkText({ text, product: 'elasticsearch' }, env);
    const f = findings.find((x) => x.ruleId === 'unknown-setting');
    assert.ok(f);
    assert.equal(f.fixes?.[0] && applyEdits(text, f.fixes[0].edits), 'xpack.security.transport.ssl.verification_mode: full\n');
  });

  test('the real Kibana catalog: a wrong verificationMode', () => {
    const text = 'elasticsearch.ssl.verificationMode: strict\n';
    const { findings } = checkText({ text, product: 'kibana' }, env);
    assert.deepEqual(findings.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end)]), [['invalid-value', 'strict']]);
  });

  test('a file the parser refuses gives exactly its one finding', () => {
    const { findings } = checkText({ text: 'a: [[[[\0', product: 'elasticsearch' }, env);
    assert.deepEqual(findings.map((f) => f.ruleId), ['not-text']);
  });
});
