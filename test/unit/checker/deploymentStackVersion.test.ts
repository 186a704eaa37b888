import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDeployment } from '../../../server/src/checker/documentChecker';
import { recognizeForms } from '../../../server/src/config/forms/recognize';
import { defaultCheckOptions } from '../../../server/src/rules/types';
import { fixedClock, memoryFs } from '../rules/helpers';

// A compose file whose own image tag names 6.8.0, where xpack.ssl.* is still valid.
const COMPOSE = [
  'services:',
  '  es01:',
  '    image: docker.elastic.co/elasticsearch/elasticsearch:6.8.0',
  '    environment:',
  '      - xpack.ssl.key=/certs/es01.key',
  '',
].join('\n');

function check(files: Record<string, string>, stackVersion?: { version: string; source: string }) {
  const forms = recognizeForms(COMPOSE, undefined, 'stack.yml');
  assert.ok(forms, 'the compose file is recognised');
  const env = {
    fs: memoryFs({ '/ws/app/stack.yml': COMPOSE, ...files }),
    clock: fixedClock,
    passwords: { get: () => undefined },
    options: { ...defaultCheckOptions, workspaceRoots: ['/ws'], stackVersion },
  };
  const found = checkDeployment(COMPOSE, forms, env, '/ws/app/stack.yml').findings.filter((f) => f.ruleId === 'removed-setting');
  return found.map((f) => f.severity);
}

describe('a deployment file follows its own stack version', () => {
  test('the host image tag wins over a version found beside the file', () => {
    assert.deepEqual(check({ '/ws/values.yaml': 'imageTag: 8.12.0\n' }), ['hint']);
  });

  test('the configured version wins over the host image tag', () => {
    assert.deepEqual(check({}, { version: '8.0.0', source: '--stack-version' }), ['error']);
  });
});
