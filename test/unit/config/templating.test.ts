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

/** The parse findings of a templated file, and a lookup of its settings' values as the user wrote them. */
function parsed(text: string) {
  const m = parseConfig(text, { product: 'elasticsearch' });
  const written = (key: string) => {
    const s = m.byKey.get(key);
    return s && text.slice(s.value.range.start, s.value.range.end);
  };
  return { m, ids: m.findings.map((f) => f.ruleId), written };
}

describe('template dialects', () => {
  test('Terraform templatefile: directives with strip markers and interpolations, braces nested', () => {
    const { ids, written, m } = parsed([
      'cluster.name: ${cluster_name}',
      '%{ if tls ~}',
      'xpack.security.http.ssl.enabled: true',
      '%{~ else }',
      'xpack.security.http.ssl.enabled: false',
      '%{ endif ~}',
      '%{ for h in hosts ~}',
      '# ${h}',
      '%{ endfor ~}',
      '${indent(2, yamlencode({ a = 1 }))}',
      'discovery.seed_hosts: [${join(",", hosts)}]',
      'xpack.security.http.ssl.key: certs/http.key',
      '',
    ].join('\n'));
    assert.deepEqual(ids, [], 'no syntax finding and no duplicate across the if/else');
    assert.equal(written('cluster.name'), '${cluster_name}');
    assert.equal(written('discovery.seed_hosts'), '[${join(",", hosts)}]');
    assert.equal(written('xpack.security.http.ssl.key'), 'certs/http.key');
    assert.equal(m.byKey.get('xpack.security.http.ssl.key')?.value.kind === 'scalar' && (m.byKey.get('xpack.security.http.ssl.key')?.value as { templated: boolean }).templated, false);
  });

  test('Jinja/Ansible: a key after a tag on the same line is read as a key, where the user wrote it', () => {
    const text = 'a: 1\n{%- if x +%}xpack.security.enabled: true\n{%- else %}xpack.security.enabled: false\n{%- endif %}\n{# note #}\nnode.name: "{{ inventory_hostname }}"\n';
    const { ids, m } = parsed(text);
    assert.deepEqual(ids, []);
    const [first, second] = m.settings.filter((s) => s.key === 'xpack.security.enabled');
    assert.equal(text.slice(first.keyRange.start, first.keyRange.end), 'xpack.security.enabled');
    assert.equal(text.slice(second.value.range.start, second.value.range.end), 'false');
    assert.equal(text.slice(first.pairRange.start, first.pairRange.end), 'xpack.security.enabled: true');
  });

  test('a key after an expression is not moved: the expression is part of the key', () => {
    const { m } = parsed('{{ prefix }}.enabled: true\n');
    assert.equal(m.settings[0].key, '{{ prefix }}.enabled');
  });

  test('Go templates of Helm: toYaml with nindent, with/else/end', () => {
    const { ids, written } = parsed([
      'xpack.security.enabled: true',
      '{{- toYaml .Values.esConfig | nindent 4 }}',
      '{{- if .Values.tls }}',
      'xpack.security.http.ssl.enabled: true',
      '{{- else }}',
      'xpack.security.http.ssl.enabled: false',
      '{{- end }}',
      'xpack.security.http.ssl.verification_mode: full',
      '',
    ].join('\n'));
    assert.deepEqual(ids, []);
    assert.equal(written('xpack.security.http.ssl.verification_mode'), 'full');
  });

  test('Salt (Jinja with set and pillar lookups)', () => {
    const { ids, written } = parsed("{%- set es = salt['pillar.get']('elasticsearch', {}) %}\ncluster.name: {{ es.get('cluster', 'c1') }}\nxpack.security.enabled: true\n");
    assert.deepEqual(ids, []);
    assert.equal(written('xpack.security.enabled'), 'true');
  });

  test('consul-template and confd (Go templates with functions)', () => {
    const consul = parsed('{{ with secret "pki/issue/es" "common_name=es" }}\nxpack.security.http.ssl.enabled: true\n{{ end }}\nnode.name: {{ key "es/node" }}\n');
    assert.deepEqual(consul.ids, []);
    const confd = parsed('cluster.name: {{getv "/es/cluster"}}\n{{range gets "/es/hosts/*"}}\n# {{.Value}}\n{{end}}\nxpack.security.enabled: true\n');
    assert.deepEqual(confd.ids, []);
    assert.equal(confd.written('xpack.security.enabled'), 'true');
  });

  test('ERB: statements and output tags; a key set in if and else is not a duplicate', () => {
    const { ids } = parsed('node.name: <%= @node %>\n<% if @tls %>\nxpack.security.http.ssl.enabled: true\n<% else %>\nxpack.security.http.ssl.enabled: false\n<% end %>\n');
    assert.deepEqual(ids, []);
  });

  test('a key repeated within one branch, or outside any branch, is still a duplicate', () => {
    assert.deepEqual(parsed('{% if x %}\na: 1\na: 2\n{% endif %}\n').ids, ['duplicate-setting']);
    assert.deepEqual(parsed('a: 1\n{% if x %}\na: 2\n{% endif %}\n').ids, ['duplicate-setting']);
    assert.deepEqual(parsed('{% if x %}\n{% for h in hs %}\na: 1\n{% endfor %}\n{% else %}\na: 2\n{% endif %}\n').ids, []);
  });

  test('nested braces and long runs stay linear', { timeout: 5000 }, () => {
    const text = `a: ${'${'.repeat(50_000)}${'}'.repeat(50_000)}\nb: ${'%{'.repeat(50_000)}\n${'{%'.repeat(50_000)}\n`;
    assert.equal(blankTemplates(text).length, text.length);
    assert.ok(Array.isArray(parseConfig(text, { product: 'elasticsearch' }).findings));
  });
});
