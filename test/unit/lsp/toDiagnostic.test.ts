import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../server/src/core/lineIndex';
import { RelatedFiles, toDiagnostic } from '../../../server/src/lsp/toDiagnostic';
import type { FileSystem } from '../../../server/src/core/environment';
import type { Finding } from '../../../server/src/core/finding';

const other = 'a: 1\nb: 2\n';
const fs: FileSystem = {
  stat: (p) => (p === '/etc/kibana/kibana.yml' ? { size: other.length, mtimeMs: 0, isFile: true, isDirectory: false } : undefined),
  readFile: (p) => (p === '/etc/kibana/kibana.yml' ? Buffer.from(other) : undefined),
};
const text = 'x: 1\ny: 2\nx: 3\n';
const lines = new LineIndex(text);
const uri = 'file:///etc/es/elasticsearch.yml';

const finding: Finding = {
  ruleId: 'duplicate-setting',
  severity: 'warning',
  message: 'x is set twice',
  range: { start: 10, end: 11 },
  tags: ['unnecessary', 'deprecated'],
  related: [
    { message: 'first here', range: { start: 0, end: 1 } },
    { message: 'and in Kibana', range: { start: 5, end: 6 }, file: '/etc/kibana/kibana.yml' },
    { message: 'gone', range: { start: 5, end: 6 }, file: '/nowhere.yml' },
  ],
  fixes: [{ title: 'Remove', edits: [{ range: { start: 10, end: 15 }, newText: '' }] }],
  data: { kind: 'unlock', path: '/p.p12' },
};

describe('finding to diagnostic', () => {
  const d = toDiagnostic(finding, uri, 4, lines, new RelatedFiles(fs));

  test('range, severity, code, source and message', () => {
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
    assert.equal(d.severity, 2);
    assert.equal(d.code, 'duplicate-setting');
    assert.equal(d.source, 'Elastic TLS');
    assert.equal(d.message, 'x is set twice');
  });

  test('the docs link is the finding\'s own, and absent when it has none', () => {
    assert.equal(d.codeDescription, undefined);
    const withDocs = toDiagnostic({ ...finding, docsUrl: 'https://docs.example/x' }, uri, 1, lines, new RelatedFiles(fs));
    assert.equal(withDocs.codeDescription?.href, 'https://docs.example/x');
  });

  test('tags map to LSP tags', () => assert.deepEqual(d.tags, [1, 2]));

  test('related places in this and other files, with positions from each file', () => {
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [
      [uri, 0, 'first here'],
      ['file:///etc/kibana/kibana.yml', 1, 'and in Kibana'],
      ['file:///nowhere.yml', 0, 'gone'],
    ]);
  });

  test('data carries the rule, the version, the fixes and the facts', () => {
    assert.deepEqual(d.data, { ruleId: 'duplicate-setting', version: 4, fixes: finding.fixes, data: finding.data });
  });

  test('severities all map', () => {
    const sev = (severity: Finding['severity']) => toDiagnostic({ ...finding, severity }, uri, 1, lines, new RelatedFiles(fs)).severity;
    assert.deepEqual([sev('error'), sev('warning'), sev('information'), sev('hint')], [1, 2, 3, 4]);
  });
});
