import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { asFindingPayload, payloadOf, planCodeActions, planFixAll } from '../../../server/src/features/codeActions';
import { checkText } from '../../../server/src/checker/documentChecker';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { fixedClock, memoryFs } from '../rules/helpers';
import { applyEdits } from '../helpers/edits';
import type { Finding } from '../../../server/src/core/finding';

const text = 'xpack.security.transport.ssl.keystore.secure_password: x\nxpack.security.enabled: ture\n';

const finding: Finding = {
  ruleId: 'secure-setting-in-yml',
  severity: 'error',
  message: 'anything at all: the actions must not depend on it',
  range: { start: 0, end: 53 },
  fixes: [
    { title: 'Remove the line', edits: [{ range: { start: 0, end: 57 }, newText: '' }], isPreferred: true, command: 'bin/elasticsearch-keystore add xpack.security.transport.ssl.keystore.secure_password' },
    { title: 'Only a command', edits: [], command: 'bin/elasticsearch-keystore list' },
  ],
};

describe('code actions from finding data', () => {
  test('edits, then a copy-command action per command, in order', () => {
    const plans = planCodeActions(payloadOf(finding, 3), text.length);
    assert.deepEqual(plans.map((p) => [p.title, !!p.edits, p.command?.name]), [
      ['Remove the line', true, undefined],
      ['Copy the command: bin/elasticsearch-keystore add xpack.security.transport.ssl.keystore.secure_password', false, 'copyCommand'],
      ['Only a command', false, 'copyCommand'],
    ]);
    assert.equal(plans[0].isPreferred, true);
    assert.equal(applyEdits(text, plans[0].edits!), 'xpack.security.enabled: ture\n');
  });

  test('generate data starts the matching Generate command with the target pre-filled', () => {
    const plans = planCodeActions({ ruleId: 'missing-file', version: 1, data: { kind: 'generate', command: 'generateHttpCertificates', target: '/ws/certs/http.p12', path: '/ws/certs/http.p12' } }, 0);
    assert.deepEqual(plans, [{ title: 'Generate http.p12…', kind: 'quickfix', command: { name: 'generateHttpCertificates', args: [{ targetPath: '/ws/certs/http.p12' }] } }]);
    // Only the known Generate commands: data naming anything else gives no action.
    assert.deepEqual(planCodeActions({ ruleId: 'missing-file', version: 1, data: { kind: 'generate', command: 'forgetPasswords', target: '/x' } }, 0), []);
  });

  test('map data offers to add a path mapping for the folder', () => {
    const plans = planCodeActions({ ruleId: 'path-not-checked', version: 1, data: { kind: 'map', containerPath: '/etc/elasticsearch/certs' } }, 0);
    assert.deepEqual(plans, [{ title: 'Map /etc/elasticsearch/certs to a workspace folder…', kind: 'quickfix', command: { name: 'addPathMapping', args: ['/etc/elasticsearch/certs'] } }]);
  });

  test('unlock data gives an action that runs the unlock command with the path', () => {
    const plans = planCodeActions({ ruleId: 'x', version: 1, data: { kind: 'unlock', path: '/etc/es/certs/node.p12' } }, 0);
    assert.deepEqual(plans, [{ title: 'Enter the password for node.p12', kind: 'quickfix', command: { name: 'unlockKeystore', args: ['/etc/es/certs/node.p12'] } }]);
  });

  test('the message plays no part', () => {
    const a = planCodeActions(payloadOf(finding, 1), text.length);
    const b = planCodeActions(payloadOf({ ...finding, message: 'Did you mean `something`?' }, 1), text.length);
    assert.deepEqual(a, b);
  });

  test('overlapping or out-of-range edits drop that fix only', () => {
    const payload = {
      ruleId: 'x',
      version: 1,
      fixes: [
        { title: 'overlap', edits: [{ range: { start: 0, end: 5 }, newText: 'a' }, { range: { start: 3, end: 8 }, newText: 'b' }] },
        { title: 'past the end', edits: [{ range: { start: 0, end: 10_000 }, newText: '' }] },
        { title: 'good', edits: [{ range: { start: 0, end: 1 }, newText: 'X' }] },
      ],
    };
    assert.deepEqual(planCodeActions(payload, text.length).map((p) => p.title), ['good']);
  });

  const shapes: Array<[string, unknown]> = [
    ['null', null],
    ['no version', { ruleId: 'a' }],
    ['fixes not a list', { ruleId: 'a', version: 1, fixes: 'x' }],
    ['edit with a backwards range', { ruleId: 'a', version: 1, fixes: [{ title: 't', edits: [{ range: { start: 4, end: 2 }, newText: '' }] }] }],
    ['data with a non-string value', { ruleId: 'a', version: 1, data: { kind: 1 } }],
    ['command not a string', { ruleId: 'a', version: 1, fixes: [{ title: 't', edits: [], command: ['rm'] }] }],
  ];
  for (const [name, value] of shapes) {
    test(`client data is refused when malformed: ${name}`, () => assert.equal(asFindingPayload(value), undefined));
  }

  test('well-formed data round-trips', () => {
    const payload = payloadOf(finding, 7);
    assert.deepEqual(asFindingPayload(JSON.parse(JSON.stringify(payload))), payload);
  });
});

describe('fix all of one rule in a document', () => {
  const env: CheckEnvironment = { fs: memoryFs({}), clock: fixedClock, options: { ...defaultCheckOptions, stackVersion: { version: '7.17.0', source: 'test' } }, passwords: { get: () => undefined } };
  const check = (text: string) => checkText({ text, product: 'elasticsearch' }, env).findings;

  test('the 6.x global xpack.ssl settings are renamed in one step, which leaves no half-renamed pair behind', () => {
    const text = 'xpack.security.transport.ssl.enabled: true\nxpack.ssl.key: certs/node.key\nxpack.ssl.certificate: certs/node.crt\nxpack.ssl.certificate_authorities: [ certs/ca.crt ]\n';
    const before = check(text);
    assert.equal(before.filter((f) => f.ruleId === 'removed-setting').length, 3);
    const plan = planFixAll('removed-setting', before, text.length);
    assert.equal(plan?.title, 'Fix all 3 removed-setting problems in this file');
    const fixed = applyEdits(text, plan!.edits!);
    assert.equal(fixed, text.replace(/xpack\.ssl\./g, 'xpack.security.transport.ssl.'));
    const after = check(fixed);
    assert.deepEqual(after.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
    // One fix at a time would first give a key without its certificate: the state the whole step avoids.
    const one = applyEdits(text, planCodeActions(payloadOf(before.find((f) => f.ruleId === 'removed-setting')!, 1), text.length)[0].edits!);
    assert.ok(check(one).some((f) => f.ruleId === 'ssl-missing-companion' && f.severity === 'error'));
  });

  test('offered only for two or more preferred fixes; a colliding or repeated edit is made once', () => {
    const at = (start: number, end: number, newText: string, isPreferred = true): Finding => ({ ruleId: 'r', severity: 'error', message: 'm', range: { start, end }, fixes: [{ title: 't', edits: [{ range: { start, end }, newText }], isPreferred }] });
    assert.equal(planFixAll('r', [at(0, 2, 'a'), at(5, 6, 'b', false)], 10), undefined, 'one preferred fix: the single quick fix is enough');
    assert.equal(planFixAll('other', [at(0, 2, 'a'), at(5, 6, 'b')], 10), undefined);
    const plan = planFixAll('r', [at(0, 2, 'a'), at(1, 3, 'x'), at(5, 6, 'b'), at(5, 6, 'b'), at(8, 8, 'i'), at(8, 8, 'j')], 10);
    assert.deepEqual(plan?.edits?.map((e) => [e.range.start, e.range.end, e.newText]), [[0, 2, 'a'], [5, 6, 'b'], [8, 8, 'i']]);
    assert.equal(plan?.title, 'Fix all 4 r problems in this file', 'the repeated edit fixes its finding too');
  });
});
