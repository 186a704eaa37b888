import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../../server/src/rules/index';
import { checkText } from '../../../server/src/checker/documentChecker';
import { ruleDocsUrl } from '../../../server/src/rules/docs';
import type { FileSystem } from '../../../server/src/core/environment';

const noFiles: FileSystem = { stat: () => undefined, readFile: () => undefined };

describe('rule documentation links', () => {
  for (const id of Object.keys(RULE_IDS)) {
    it(`${id} links to an Elastic doc page for both products`, () => {
      for (const product of ['elasticsearch', 'kibana'] as const) {
        assert.match(ruleDocsUrl(id, product) ?? '', /^https:\/\/www\.elastic\.co\/docs\/[a-z0-9/-]+$/);
      }
    });
  }

  it('every finding of a check carries a docs link, the setting page winning over the rule page', () => {
    const text = 'xpack.security.transport.ssl.verfication_mode: full\nxpack.security.http.ssl.verification_mode: partial\n: :\n';
    const env = { fs: noFiles, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [] }, passwords: { get: () => undefined } };
    const { findings } = checkText({ text, product: 'elasticsearch' }, env);
    assert.ok(findings.length >= 3);
    for (const f of findings) assert.match(f.docsUrl ?? '', /^https:\/\/www\.elastic\.co\//, f.ruleId);
    const unknown = findings.find((f) => f.ruleId === 'unknown-setting');
    assert.equal(unknown?.docsUrl, ruleDocsUrl('unknown-setting', 'elasticsearch'));
  });
});
