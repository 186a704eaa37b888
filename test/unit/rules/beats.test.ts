import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { applyEdits } from '../helpers/edits';
import { beatsFindings } from '../../../server/src/rules/beats';

const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);

describe('Beats and Agent files', () => {
  test('are recognised by name or by content, and other YAML is not', () => {
    assert.equal(recognizeForms('a: 1\n', undefined, '/etc/filebeat/filebeat.yml')?.form, 'beats');
    assert.equal(recognizeForms('output.logstash:\n  hosts: ["l:5044"]\n')?.form, 'beats');
    assert.equal(recognizeForms('outputs:\n  default:\n    type: elasticsearch\ninputs: []\n')?.form, 'beats');
    assert.equal(recognizeForms('a: 1\n', undefined, '/etc/elasticsearch/elasticsearch.yml'), undefined);
    assert.equal(recognizeForms('outputs:\n  x: 1\n'), undefined);
  });

  const text = `filebeat.inputs:
- type: filestream
  ssl.verification_mode: anything
output.elasticsearch:
  hosts: ["http://es:9200", "https://es2:9200"]
  api_key: \${KEY}
  ssl:
    verification_mode: none
    supported_protocols: [TLSv1.1, TLSv1.2, TLSv9]
    certificate_authorites: ["/etc/ca.crt"]
    enabled: yes
setup.kibana.ssl.verification_mode: strict
output.logstash.ssl.enabled: maybe
`;
  const findings = beatsFindings(text);
  const by = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => at(text, f));

  test('the outputs TLS options are judged, inputs are not', () => {
    assert.deepEqual(by('insecure-setting'), ['"http://es:9200"', 'none', 'TLSv1.1']);
    assert.deepEqual(by('invalid-value'), ['TLSv9', 'maybe']);
    assert.deepEqual(by('unknown-setting'), ['certificate_authorites']);
    assert.ok(!findings.some((f) => at(text, f) === 'anything'));
  });

  test('a misspelt option is a warning whose fix renames it', () => {
    const f = findings.find((x) => x.ruleId === 'unknown-setting')!;
    assert.equal(f.severity, 'warning');
    assert.match(applyEdits(text, f.fixes![0].edits), /^ {4}certificate_authorities: \["\/etc\/ca\.crt"\]$/m);
    assert.match(f.docsUrl ?? '', /beats/);
  });

  test('a clean output says nothing', () => {
    const clean = 'output.elasticsearch:\n  hosts: ["https://es:9200"]\n  username: beats\n  password: ${PW}\n  ssl.certificate_authorities: ["/etc/ca.crt"]\n  ssl.verification_mode: full\n  ssl.enabled: on\n';
    assert.deepEqual(beatsFindings(clean), []);
  });
});
