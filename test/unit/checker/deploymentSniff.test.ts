// An open document's versions go through checkDeployment with the document's FormSniff: a settings file that
// becomes a deployment file by an edit (and back) is answered as a fresh checker answers it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentChecker } from '../../../server/src/checker/documentChecker';
import { defaultCheckOptions } from '../../../server/src/rules/types';
import { fixedClock, memoryFs } from '../rules/helpers';

const environment = () => ({ fs: memoryFs({}), clock: fixedClock, passwords: { get: () => undefined }, options: { ...defaultCheckOptions } });
const PLAIN = Array.from({ length: 30 }, (_, i) => `node.attr.rack${i}: r`).join('\n');
const COMPOSE_TAIL = '\nservices:\n  es01:\n    image:\n\n      docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    environment:\n      - xpack.security.enabled=maybe\n';

describe('checkDeployment across versions', () => {
  test('a settings file turned into a compose file by edits, and back', () => {
    const checker = new DocumentChecker(environment);
    const versions = [PLAIN, PLAIN.replace('rack3: r', 'rack3: rr'), PLAIN + '\nservices:\n  es01:\n    imag:\n', PLAIN + COMPOSE_TAIL, PLAIN + COMPOSE_TAIL.replace('image:', 'imag:'), PLAIN + '\n'];
    const forms = versions.map((text, i) => {
      const doc = { uri: 'file:///ws/stack.yml', version: i + 1, text };
      const kept = checker.checkDeployment(doc, 'stack.yml', '/ws/stack.yml');
      const fresh = new DocumentChecker(environment).checkDeployment(doc, 'stack.yml', '/ws/stack.yml');
      assert.deepEqual(kept?.result.findings, fresh?.result.findings, `version ${i + 1}`);
      return kept?.form;
    });
    assert.deepEqual(forms, [undefined, undefined, undefined, 'compose', undefined, undefined]);
  });
});
