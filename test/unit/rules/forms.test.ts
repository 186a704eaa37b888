import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { RULE_IDS } from '../../../server/src/rules';
import { applyEdits } from '../helpers/edits';
import { checkForms } from '../../../server/src/rules/forms';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { fixedClock, memoryFs } from './helpers';
import { AnswerMemo } from '../../../server/src/core/answerMemo';
import type { ConfigModel } from '../../../server/src/config/types';

const env: CheckEnvironment = { fs: memoryFs({}), clock: fixedClock, options: defaultCheckOptions, passwords: { get: () => undefined } };

function check(text: string) {
  const forms = recognizeForms(text);
  assert.ok(forms, 'not recognised');
  return checkForms(text, forms, env);
}

const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);

describe('checkForms: ECK', () => {
  const text = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
spec:
  version: 8.15.0
  nodeSets:
  - name: default
    config:
      xpack.security.transport.ssl.verfication_mode: full
      xpack.security.http.ssl.verification_mode: none
      xpack.security.transport.ssl.key: /mnt/certs/tls.key
      node.store.allow_mmap: false
`;
  const result = check(text);
  const ids = result.findings.map((f) => f.ruleId);

  test('the settings rules run inside a nodeSet config, at host offsets, with a working fix', () => {
    const typo = result.findings.find((f) => f.ruleId === 'unknown-setting')!;
    assert.equal(at(text, typo), 'xpack.security.transport.ssl.verfication_mode');
    const fixed = applyEdits(text, typo.fixes![0].edits);
    assert.match(fixed, /^ {6}xpack\.security\.transport\.ssl\.verification_mode: full$/m);
    assert.ok(result.findings.some((f) => f.ruleId === 'insecure-setting' && at(text, f) === 'none'));
  });

  test('a setting the operator manages is a warning whose fix removes its line', () => {
    const managed = result.findings.find((f) => f.ruleId === 'eck-managed-setting')!;
    assert.equal(at(text, managed), 'xpack.security.transport.ssl.key');
    assert.equal(managed.severity, 'warning');
    assert.doesNotMatch(applyEdits(text, managed.fixes![0].edits), /tls\.key/);
  });

  test('no missing companion in contexts the operator completes, and no file looked up in the pod', () => {
    assert.ok(!ids.includes('ssl-missing-companion'), ids.join());
    assert.ok(!ids.includes('missing-file'));
  });

  test('every id is listed with a docs page', () => {
    for (const f of result.findings) {
      assert.ok(f.ruleId in RULE_IDS, f.ruleId);
      assert.match(f.docsUrl ?? '', /^https:\/\//);
    }
  });

  test('Kibana: elasticsearch.hosts beside elasticsearchRef is a warning; without the ref it is not', () => {
    const kb = 'apiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  elasticsearchRef:\n    name: quickstart\n  config:\n    elasticsearch.hosts: ["https://es:9200"]\n';
    const [hosts] = check(kb).findings.filter((f) => f.ruleId === 'eck-managed-hosts');
    assert.equal(at(kb, hosts), 'elasticsearch.hosts');
    const noRef = kb.replace('  elasticsearchRef:\n    name: quickstart\n', '');
    assert.ok(!check(noRef).findings.some((f) => f.ruleId === 'eck-managed-hosts'));
  });

  test('a clean manifest gets nothing', () => {
    const clean = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  version: 8.15.0\n  nodeSets:\n  - name: default\n    config:\n      node.store.allow_mmap: false\n      xpack.security.authc.anonymous.roles: viewer\n';
    assert.deepEqual(check(clean).findings, []);
  });
});

describe('checkForms: compose and Helm', () => {
  test('a wrong Kibana variable value is reported on the value, and a typo fix never renames the variable', () => {
    const text = 'services:\n  kb:\n    image: docker.elastic.co/kibana/kibana:8.11.0\n    environment:\n      - ELASTICSEARCH_SSL_VERIFICATIONMODE=nonee\n';
    const [bad] = check(text).findings.filter((f) => f.ruleId === 'invalid-value');
    assert.equal(at(text, bad), 'nonee');
    for (const fix of bad.fixes ?? []) for (const e of fix.edits) assert.ok(e.range.start >= text.indexOf('nonee'));
    if (bad.fixes) assert.match(applyEdits(text, bad.fixes[0].edits), /ELASTICSEARCH_SSL_VERIFICATIONMODE=none\n/);
  });

  test('a literal Kibana secret in a variable is only a hint', () => {
    const text = 'services:\n  kb:\n    image: kibana:8.11.0\n    environment:\n      ELASTICSEARCH_PASSWORD: changeme\n      ELASTICSEARCH_SERVICEACCOUNTTOKEN: ${TOKEN}\n';
    const findings = check(text).findings.filter((f) => f.ruleId === 'plaintext-secret');
    assert.deepEqual(findings.map((f) => [f.severity, at(text, f).length > 0]), findings.map(() => ['hint', true]));
  });

  test('Elasticsearch settings in a compose list are checked like a yml', () => {
    const text = 'services:\n  es:\n    image: elasticsearch:8.11.0\n    environment:\n      - xpack.security.http.ssl.enabled=maybe\n';
    const [bad] = check(text).findings.filter((f) => f.ruleId === 'invalid-value');
    assert.equal(at(text, bad), 'maybe');
  });

  test('a fix that would insert a `key: value` line is not offered in an environment list', () => {
    const text = 'services:\n  es:\n    image: elasticsearch:8.11.0\n    environment:\n      - xpack.security.http.ssl.verification_mode=full\n';
    const [missing] = check(text).findings.filter((f) => f.ruleId === 'ssl-missing-companion');
    assert.ok(missing, 'the missing enabled flag is still reported');
    assert.equal(missing.fixes, undefined);
  });

  test('the 6.x-only platinum image makes the global xpack.ssl settings valid key material', () => {
    const text = 'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch-platinum:${TAG}\n    environment:\n      - xpack.security.transport.ssl.enabled=true\n      - xpack.ssl.certificate=certs/es.crt\n      - xpack.ssl.key=certs/es.key\n';
    const result = check(text);
    assert.match(result.parts[0].document.version?.source ?? '', /elasticsearch-platinum image/);
    const loud = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(loud.map((f) => f.ruleId), []);
    const later = check(text.replace('elasticsearch-platinum:${TAG}', 'elasticsearch:7.17.0'));
    assert.ok(later.findings.some((f) => f.ruleId === 'ssl-missing-companion' && f.severity === 'error'));
  });

  test("a service whose image names no version runs at the version the file's other Elastic images agree on", () => {
    const kibana = '  kb:\n    image: docker.elastic.co/kibana/kibana:${TAG}\n    environment:\n      - ELASTICSEARCH_USERNAME=elastic\n';
    const es = (image: string) => `  es:\n    image: ${image}\n    environment:\n      - cluster.name=c\n`;
    const versionOf = (text: string) => check(text).parts.find((p) => p.document.product === 'kibana')?.document.version;
    const six = `services:\n${es('docker.elastic.co/elasticsearch/elasticsearch-platinum:${TAG}')}${kibana}`;
    assert.equal(versionOf(six)?.version, '6.x');
    assert.match(versionOf(six)?.source ?? '', /service es\b.*one compose file runs Kibana and Elasticsearch at one version/);
    const credentials = check(six).findings.find((f) => f.ruleId === 'kibana-credentials');
    assert.notEqual(credentials?.severity, 'error', 'Kibana 6.x accepts the elastic user');
    assert.equal(check(`services:\n${kibana}${es('elasticsearch:8.11.0')}`).findings.find((f) => f.ruleId === 'kibana-credentials')?.severity, 'error', 'the order of the services does not matter');
    const disagree = `services:\n${es('elasticsearch:7.17.0')}${es('elasticsearch:8.11.0').replace('es:', 'es2:')}${kibana}`;
    assert.equal(versionOf(disagree), undefined, 'images that disagree give no version');
  });

  test("Helm protocol against the settings' HTTP TLS", () => {
    const text = 'protocol: https\nesConfig:\n  elasticsearch.yml: |\n    xpack.security.http.ssl.enabled: false\n';
    const [mismatch] = check(text).findings.filter((f) => f.ruleId === 'helm-protocol-mismatch');
    assert.equal(at(text, mismatch), 'https');
    assert.match(applyEdits(text, mismatch.fixes![0].edits), /^protocol: http\n/);
    const agrees = text.replace('false', 'true');
    assert.ok(!check(agrees).findings.some((f) => f.ruleId === 'helm-protocol-mismatch'));
  });

  test('a 100,000-line block scalar is checked, its findings bounded', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `    k${i}: x`).join('\n');
    const big = check(`kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n${lines}\n`);
    assert.ok(big.findings.length <= 25);
  });

  test('every document of a 5,000-document manifest is checked, the last as the first', () => {
    const one = (i: number) => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: es${i}\nspec:\n  nodeSets:\n  - config:\n      xpack.security.transport.ssl.verification_mode: ${i === 4999 ? 'nonee' : 'none'}\n`;
    const text = Array.from({ length: 5000 }, (_, i) => one(i)).join('---\n');
    const many = check(text);
    assert.equal(many.parts.length, 5000);
    assert.equal(many.findings.filter((f) => f.ruleId === 'insecure-setting').length, 4999);
    const [invalid] = many.findings.filter((f) => f.ruleId === 'invalid-value');
    assert.equal(at(text, invalid), 'nonee');
    assert.ok(invalid.range.start > text.lastIndexOf('es4999'));
  });

  test('parses kept across checks give the findings of a fresh check', () => {
    const doc = (name: string, mode: string) => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: ${name}\nspec:\n  nodeSets:\n  - config:\n      xpack.security.http.ssl.verification_mode: ${mode}\n`;
    const parses = new AnswerMemo<ConfigModel>();
    const first = [doc('a', 'full'), doc('b', 'nonee'), doc('c', 'full')].join('---\n');
    // The second check moves the repeated documents and edits one: each finding must land where a fresh check puts it.
    const second = [doc('a0', 'nonee'), doc('b', 'full'), doc('c', 'full'), doc('d', 'nonee')].join('---\n');
    for (const text of [first, second, first]) {
      const kept = checkForms(text, recognizeForms(text)!, env, { parses }).findings;
      assert.deepEqual(kept, check(text).findings);
    }
  });
});
