import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../../server/src/config/parse';
import { blankTemplates } from '../../../server/src/config/templating';

describe('templated files', () => {
  test('blanking keeps the length and the newlines', () => {
    const text = '{{- if .Values.tls }}\na: {{ .Values.a }}\n{% endif %}\n';
    const out = blankTemplates(text);
    assert.equal(out.length, text.length);
    assert.deepEqual([...out].map((c, i) => (c === '\n') === (text[i] === '\n')).every(Boolean), true);
    assert.equal(out.split('\n')[0].trim(), '');
    assert.match(out.split('\n')[1], /^a: _+$/);
  });

  test('a Helm file parses without noise and keeps plain lines checked', () => {
    const text = [
      '{{- if .Values.security }}',
      'xpack.security.enabled: true',
      '{{- end }}',
      'xpack.security.http.ssl:',
      '  enabled: {{ .Values.tls.enabled | quote }}',
      '  {{- with .Values.tls }}',
      '  certificate: {{ .cert }}',
      '  {{- end }}',
      '  key: certs/http.key',
      '{{ toYaml .Values.extra | nindent 0 }}',
      'node.name: {{ .Release.Name }}-0',
      '',
    ].join('\n');
    const m = parseConfig(text, { product: 'elasticsearch' });
    assert.deepEqual(m.findings, []);
    const byKey = (k: string) => m.byKey.get(k)!.value;
    const enabled = byKey('xpack.security.http.ssl.enabled');
    assert.ok(enabled.kind === 'scalar' && enabled.templated);
    assert.equal(text.slice(enabled.range.start, enabled.range.end), '{{ .Values.tls.enabled | quote }}');
    const key = byKey('xpack.security.http.ssl.key');
    assert.ok(key.kind === 'scalar' && !key.templated && key.text === 'certs/http.key');
    assert.ok(m.byKey.has('xpack.security.enabled'));
    const name = byKey('node.name');
    assert.ok(name.kind === 'scalar' && name.templated && name.text === '{{ .Release.Name }}-0');
  });

  test('Jinja blocks and comments', () => {
    const text = '{% for h in hosts %}\n{# a comment #}\ndiscovery.seed_hosts: [{{ h }}]\n{% endfor %}\ncluster.name: "{{ name }}"\n';
    const m = parseConfig(text, { product: 'elasticsearch' });
    assert.deepEqual(m.findings, []);
    const v = m.byKey.get('cluster.name')!.value;
    assert.ok(v.kind === 'scalar' && v.templated && v.text === '{{ name }}');
  });

  test('a real error next to templates is still reported', () => {
    const m = parseConfig('{{- if x }}\na: b: c\n{{- end }}\n', { product: 'elasticsearch' });
    assert.deepEqual(m.findings.map((f) => f.ruleId), ['yaml-syntax']);
  });

  test('openings far from any closing stay text, in linear time', { timeout: 5000 }, () => {
    const text = `a: {{ x${' '.repeat(5000)}}}\n${'{{'.repeat(100000)}\n`;
    const out = blankTemplates(text);
    assert.equal(out.length, text.length);
    assert.ok(out.startsWith('a: {{ x'), 'a span longer than the limit is left alone');
    const near = `${'{{'.concat('x'.repeat(3990)).repeat(200)}}}`;
    assert.equal(blankTemplates(near).length, near.length);
  });

  test('an unclosed template does not hang', () => {
    const text = `a: {{ ${'x'.repeat(100000)}\n`.repeat(20);
    const m = parseConfig(text, { product: 'elasticsearch' });
    assert.ok(Array.isArray(m.findings));
  });
});
