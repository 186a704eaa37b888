import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOf } from '../../../server/src/lsp/analysis';
import type { ServerContext } from '../../../server/src/lsp/context';
import { emptyFs, fixedClock, testContext } from '../lsp/serverContext';
import { checkText } from '../../../server/src/checker/documentChecker';
import { PasswordStore } from '../../../server/src/lsp/passwords';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';

const clock = fixedClock;
const uri = 'file:///etc/es/elasticsearch.yml';

function context(): ServerContext {
  return testContext();
}

// Each version changes one thing; the others stay, so later versions reuse what earlier ones computed.
const versions = [
  ['xpack.security.transport.ssl.enabeld: true', 'xpack.security.http.ssl.verification_mode: ful', 'xpack.security.authc.realms.ldap.ldap1.url: nope', 'cluster.name: a'],
  ['xpack.security.transport.ssl.enabeld: true', 'xpack.security.http.ssl.verification_mode: ful', 'xpack.security.authc.realms.ldap.ldap1.url: nope', 'cluster.name: ab'],
  ['xpack.security.transport.ssl.enabled: true', 'xpack.security.http.ssl.verification_mode: ful', 'xpack.security.authc.realms.ldap.ldap1.url: nope', 'cluster.name: ab'],
  ['xpack.security.transport.ssl.enabled: true', 'xpack.security.http.ssl.verification_mode: full', 'xpack.security.authc.realms.ldap.ldap1.url: ldap://h', 'cluster.name: ab'],
  ['xpack.security.transport.ssl.enabeld: true', 'xpack.security.http.ssl.verification_mode: ful', 'xpack.security.authc.realms.ldap.ldap1.url: nope', 'xpack.security.http.ssl.keystore.pth: x'],
].map((lines) => `${lines.join('\n')}\n`);

describe('an open document checked version after version', () => {
  test('reports exactly what a fresh check of the same text reports', () => {
    const ctx = context();
    versions.forEach((text, i) => {
      const doc = TextDocument.create(uri, 'yaml', i + 1, text);
      const reused = analysisOf(ctx, doc)?.result.findings;
      const fresh = checkText({ text, product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' }, { fs: emptyFs, clock, passwords: new PasswordStore(), certificates: new CertificateFileCache(emptyFs, clock), options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [] } }).findings;
      assert.ok(fresh.length > 0, `version ${i + 1} has findings`);
      assert.deepEqual(reused, fresh, `version ${i + 1}`);
    });
  });
});
