import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOf, uriToPath } from '../../../server/src/lsp/analysis';
import type { ServerContext } from '../../../server/src/lsp/context';
import { testContext } from './serverContext';


function context(): ServerContext {
  return testContext();
}

describe('analysis of an open document', () => {
  test('one parse per version; a changed environment re-runs only the rules', () => {
    const ctx = context();
    // Declared live, so its missing keystore is this machine's error.
    ctx.settings.liveConfigDirs = ['/etc/es'];
    const doc = TextDocument.create('file:///etc/es/elasticsearch.yml', 'yaml', 1, 'xpack.security.transport.ssl.keystore.path: node.p12\n');
    const first = analysisOf(ctx, doc);
    assert.equal(first?.product, 'elasticsearch');
    assert.ok(first.result.findings.some((f) => f.ruleId === 'missing-file'));
    assert.equal(analysisOf(ctx, doc), first);
    ctx.checker.environmentChanged();
    const second = analysisOf(ctx, doc);
    // Two checks (a new answer) over one parse (the same model object).
    assert.notEqual(second, first);
    assert.equal(second?.result.model, first.result.model);
    assert.equal(analysisOf(ctx, doc), second);
  });

  test('a new version is parsed again', () => {
    const ctx = context();
    const uri = 'file:///etc/es/elasticsearch.yml';
    const first = analysisOf(ctx, TextDocument.create(uri, 'yaml', 1, 'a: 1\n'));
    const next = analysisOf(ctx, TextDocument.create(uri, 'yaml', 2, 'b: 1\n'));
    assert.equal(next?.result.model.settings[0].key, 'b');
    assert.notEqual(next?.result.model, first?.result.model);
  });

  test('files no product claims have no analysis; the user mapping claims more', () => {
    const ctx = context();
    const doc = TextDocument.create('file:///srv/node-1.yaml', 'yaml', 1, 'a: 1\n');
    assert.equal(analysisOf(ctx, doc), undefined);
    ctx.settings = { ...ctx.settings, files: { '**/node-*.yaml': 'elasticsearch' } };
    ctx.checker.environmentChanged();
    assert.equal(analysisOf(ctx, doc)?.product, 'elasticsearch');
  });

  test('uriToPath takes file uris only', () => {
    assert.equal(uriToPath('file:///etc/es/elasticsearch.yml'), '/etc/es/elasticsearch.yml');
    assert.equal(uriToPath('untitled:Untitled-1'), undefined);
  });
});
