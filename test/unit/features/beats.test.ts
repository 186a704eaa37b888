import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { beatsCompleteAt, beatsHoverAt } from '../../../server/src/features/beats';
import { memoryFs } from '../rules/helpers';

const TEXT = `filebeat.inputs: []
output.elasticsearch:
  hosts: ["https://es01:9200"]
  ssl:
    verification_mode: full
    certificate_authorities: ["/etc/filebeat/ca.crt"]
    certificate: "-----BEGIN CERTIFICATE-----"
    verfication_mode: none
setup.kibana.ssl.enabled: true
`;

describe('Beats hover', () => {
  test('an ssl option: its meaning and Beats docs, over the key part', () => {
    const at = TEXT.indexOf('verification_mode') + 2;
    const hover = beatsHoverAt(TEXT, at)!;
    assert.match(hover.markdown, /^\*\*`output\.elasticsearch\.ssl\.verification_mode`\*\* · Beats SSL option/);
    assert.match(hover.markdown, /configuration-ssl\.html/);
    assert.equal(TEXT.slice(hover.range.start, hover.range.end), 'verification_mode');
  });

  test('a misspelt option says the Beat ignores it; keys outside ssl blocks get nothing', () => {
    assert.match(beatsHoverAt(TEXT, TEXT.indexOf('verfication_mode') + 1)!.markdown, /not an SSL option of Beats/);
    assert.equal(beatsHoverAt(TEXT, TEXT.indexOf('hosts') + 1), undefined);
    assert.equal(beatsHoverAt(TEXT, TEXT.indexOf('filebeat.inputs') + 1), undefined);
  });

  test('a path: the file in a live config folder, described; inline PEM said so', () => {
    const fs = memoryFs({ '/etc/filebeat/fields.yml': 'x', '/etc/filebeat/ca.crt': 'pem' });
    const described: string[] = [];
    const hover = beatsHoverAt(TEXT, TEXT.indexOf('/etc/filebeat/ca.crt') + 3, {
      describeFile: (p, role) => (described.push(`${p} ${role}`), 'DESCRIBED'),
      locator: { filePath: '/etc/filebeat/filebeat.yml', fs, workspaceRoots: [] },
    })!;
    assert.match(hover.markdown, /^DESCRIBED\n\nLocation: the live config directory \(fields\.yml beside it\)\.$/);
    assert.deepEqual(described, ['/etc/filebeat/ca.crt certificateAuthorities']);
    assert.match(beatsHoverAt(TEXT, TEXT.indexOf('-----BEGIN') + 3)!.markdown, /Inline PEM/);
  });

  test('a path of another machine is not checked, and how to map it', () => {
    const hover = beatsHoverAt(TEXT, TEXT.indexOf('/etc/filebeat/ca.crt') + 3, { locator: { filePath: '/ws/filebeat.yml', fs: memoryFs({}), workspaceRoots: ['/ws'] } })!;
    assert.match(hover.markdown, /\*\*not checked here\*\*.*elasticTls\.pathMappings/);
  });
});

describe('Beats completion', () => {
  const withCursor = (text: string) => ({ text: text.replace('|', ''), at: text.indexOf('|') });

  test('inside an ssl block: the options not yet set, replacing the typed word', () => {
    const { text, at } = withCursor('output.elasticsearch:\n  ssl:\n    verification_mode: full\n    ce|\n');
    const entries = beatsCompleteAt(text, at);
    const labels = entries.map((e) => e.label);
    assert.ok(labels.includes('certificate_authorities') && labels.includes('key'));
    assert.ok(!labels.includes('verification_mode'));
    assert.equal(text.slice(entries[0].range.start, entries[0].range.end), 'ce');
  });

  test('a dotted key typed from the output keeps its ssl. prefix', () => {
    const { text, at } = withCursor('output.logstash:\n  ssl.ke|\n');
    const key = beatsCompleteAt(text, at).find((e) => e.label === 'key')!;
    assert.equal(key.insertText, 'ssl.key');
  });

  test('values of verification_mode and supported_protocols', () => {
    const mode = withCursor('setup.kibana.ssl.verification_mode: |\n');
    assert.deepEqual(beatsCompleteAt(mode.text, mode.at).map((e) => e.label), ['full', 'strict', 'certificate', 'none']);
    const protocols = withCursor('output.elasticsearch.ssl.supported_protocols: [|]\n');
    assert.deepEqual(beatsCompleteAt(protocols.text, protocols.at).map((e) => e.label), ['TLSv1.2', 'TLSv1.3']);
  });

  test('nothing outside ssl blocks, in an input, or in a comment', () => {
    for (const t of ['filebeat.inputs:\n- type: filestream\n  ssl.|\n', 'output.elasticsearch:\n  ho|\n', 'output.elasticsearch.ssl:\n  # ce|\n']) {
      const { text, at } = withCursor(t);
      assert.deepEqual(beatsCompleteAt(text, at), [], t);
    }
  });
});
