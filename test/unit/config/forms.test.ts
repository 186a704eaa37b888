import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embeddedModel, recognizeForms, sniffForms, type EmbeddedDocument } from '../../../server/src/config/forms';
import { parseHost } from '../../../server/src/config/forms/hostYaml';

const ECK = `apiVersion: v1
kind: Service
metadata:
  name: unrelated
---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
  namespace: prod
spec:
  version: 8.15.0
  nodeSets:
    - name: masters
      config:
        node.roles: ["master"]
        xpack.security.authc:
          anonymous.roles: superuser
    - config: {xpack.security.audit.enabled: true}
      name: data
`;

/** The host text a setting's key range covers: the map back to the host must be exact. */
function keyTexts(text: string, doc: EmbeddedDocument): string[] {
  return embeddedModel(text, doc).settings.map((s) => text.slice(s.keyRange.start, s.keyRange.end));
}

describe('sniffForms', () => {
  test('names each deployment form by content', () => {
    assert.deepEqual(sniffForms(ECK), ['eck']);
    assert.deepEqual(sniffForms('esConfig:\n  elasticsearch.yml: |\n    a.b: c\n'), ['helm']);
    assert.deepEqual(sniffForms('services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.1.0\n'), ['compose']);
    assert.deepEqual(sniffForms('services:\n  kb:\n    image: "kibana:7.17.0"\n'), ['compose']);
    assert.deepEqual(sniffForms('kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    a.b: c\n'), ['configmap']);
  });

  test('says nothing for other YAML', () => {
    assert.deepEqual(sniffForms('services:\n  db:\n    image: postgres:16\n'), []);
    assert.deepEqual(sniffForms('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n'), []);
    assert.deepEqual(sniffForms('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
    assert.deepEqual(sniffForms('xpack.security.enabled: true\n'), []);
    assert.equal(recognizeForms('name: x\nlist: [1, 2]\n'), undefined);
  });
});

describe('recognizeForms: ECK', () => {
  const forms = recognizeForms(ECK)!;

  test('one document per nodeSet config, with the host context and version', () => {
    assert.equal(forms.form, 'eck');
    assert.equal(forms.documents.length, 2);
    const [masters, data] = forms.documents;
    assert.equal(masters.product, 'elasticsearch');
    assert.deepEqual(masters.host, { name: 'quickstart', namespace: 'prod', place: 'spec.nodeSets[0].config' });
    assert.equal(masters.version?.version, '8.15.0');
    assert.equal(data.host.place, 'spec.nodeSets[1].config');
  });

  test('settings keep the host offsets, nested and flow forms alike', () => {
    const [masters, data] = forms.documents;
    assert.deepEqual(keyTexts(ECK, masters), ['node.roles', 'anonymous.roles']);
    assert.deepEqual(embeddedModel(ECK, masters).settings.map((s) => s.key), ['node.roles', 'xpack.security.authc.anonymous.roles']);
    assert.deepEqual(keyTexts(ECK, data), ['xpack.security.audit.enabled']);
    const model = embeddedModel(ECK, masters);
    assert.equal(model.text, ECK);
    const value = model.byKey.get('xpack.security.authc.anonymous.roles')!.value;
    assert.equal(value.kind === 'scalar' && ECK.slice(value.range.start, value.range.end), 'superuser');
  });

  test('Kibana: spec.config and its elasticsearchRef', () => {
    const text = 'apiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  elasticsearchRef:\n    name: quickstart\n  config:\n    server.publicBaseUrl: https://kb\n';
    const [doc] = recognizeForms(text)!.documents;
    assert.equal(doc.product, 'kibana');
    assert.equal(doc.host.elasticsearchRef, 'quickstart');
    assert.deepEqual(keyTexts(text, doc), ['server.publicBaseUrl']);
  });

  test('HTTP TLS turned off and a bad subject alternative name are reported on their values', () => {
    const text = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  http:\n    tls:\n      selfSignedCertificate:\n        disabled: true\n        subjectAltNames:\n          - ip: 10.0.0.256\n          - dns: es.example.com\n          - ip: "::1"\n          - dns: bad_name!\n';
    const found = recognizeForms(text)!.findings;
    assert.deepEqual(found.map((f) => [f.ruleId, text.slice(f.range.start, f.range.end)]), [
      ['eck-http-tls-disabled', 'true'],
      ['eck-invalid-san', '10.0.0.256'],
      ['eck-invalid-san', 'bad_name!'],
    ]);
  });

  test('pods set up for a service mesh turn plain HTTP into information that names the mesh; opting out of injection does not', () => {
    const manifest = (podMeta: string) => `apiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  http:\n    tls:\n      selfSignedCertificate:\n        disabled: true\n  podTemplate:\n    metadata:\n${podMeta}`;
    const severity = (text: string) => recognizeForms(text)!.findings.filter((f) => f.ruleId === 'eck-http-tls-disabled').map((f) => [f.severity, /Istio|Linkerd/.exec(f.message)?.[0]]);
    assert.deepEqual(severity(manifest('      annotations:\n        sidecar.istio.io/rewriteAppHTTPProbers: "true"\n')), [['information', 'Istio']]);
    assert.deepEqual(severity(manifest('      annotations:\n        linkerd.io/inject: enabled\n')), [['information', 'Linkerd']]);
    assert.deepEqual(severity(manifest('      labels:\n        sidecar.istio.io/inject: "false"\n')), [['warning', undefined]]);
    assert.deepEqual(severity(manifest('      labels:\n        app: kb\n')), [['warning', undefined]]);
  });

  test('a custom certificate makes a disabled self-signed one no finding', () => {
    const text = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nspec:\n  http:\n    tls:\n      certificate:\n        secretName: my-cert\n      selfSignedCertificate:\n        disabled: true\n';
    assert.deepEqual(recognizeForms(text)!.findings, []);
  });

  test('Helm templating in the host does not stop the reading', () => {
    const text = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  version: {{ .Values.version }}\n  nodeSets:\n  - name: default\n    config:\n      {{- with .Values.extra }}\n      xpack.security.audit.enabled: {{ .enabled }}\n      {{- end }}\n';
    const [doc] = recognizeForms(text)!.documents;
    assert.equal(doc.version, undefined);
    assert.deepEqual(keyTexts(text, doc), ['xpack.security.audit.enabled']);
  });
});

describe('recognizeForms: block scalars', () => {
  for (const indicator of ['|', '|-', '|+', '|2']) {
    test(`a ConfigMap's ${indicator} elasticsearch.yml maps every key to the host`, () => {
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: es\ndata:\n  elasticsearch.yml: ${indicator}\n    xpack.security.enabled: true\n    xpack.security.http.ssl:\n      enabled: false\n\n  log4j2.properties: x\n`;
      const forms = recognizeForms(text)!;
      assert.equal(forms.form, 'configmap');
      const [doc] = forms.documents;
      assert.deepEqual(keyTexts(text, doc), ['xpack.security.enabled', 'enabled']);
      assert.equal(embeddedModel(text, doc).settings[1].key, 'xpack.security.http.ssl.enabled');
    });
  }

  test('a block scalar is read as written: a list at its top is reported where it stands', () => {
    const text = 'kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    - xpack.security.enabled: true\n';
    const [finding] = embeddedModel(text, recognizeForms(text)!.documents[0]).findings;
    assert.equal(finding.ruleId, 'yaml-syntax');
    assert.equal(text.slice(finding.range.start, finding.range.start + 2), '- ');
  });

  test('Helm esConfig / kibanaConfig hold the settings file; other files and imageTag', () => {
    const es = 'clusterName: logs\nimageTag: 8.5.1\nesConfig:\n  log4j2.properties: |\n    status = error\n  elasticsearch.yml: |\n    xpack.security.enabled: true\n';
    const [doc] = recognizeForms(es)!.documents;
    assert.equal(doc.product, 'elasticsearch');
    assert.equal(doc.version?.version, '8.5.1');
    assert.deepEqual(keyTexts(es, doc), ['xpack.security.enabled']);
    const kb = 'kibanaConfig:\n  kibana.yml: |\n    server.ssl.enabled: true\nextraEnvs:\n  - name: ELASTICSEARCH_SSL_VERIFICATIONMODE\n    value: "none"\n';
    const docs = recognizeForms(kb)!.documents;
    assert.deepEqual(docs.map((d) => [d.product, d.host.place]), [['kibana', 'kibanaConfig.kibana.yml'], ['kibana', 'extraEnvs']]);
    const env = embeddedModel(kb, docs[1]).settings[0];
    assert.equal(env.key, 'elasticsearch.ssl.verificationMode');
    assert.equal(kb.slice(env.value.range.start, env.value.range.end), 'none');
  });

  test("a Secret's stringData is read, its base64 data is not", () => {
    const text = 'apiVersion: v1\nkind: Secret\nstringData:\n  kibana.yml: |\n    server.ssl.enabled: true\ndata:\n  elasticsearch.yml: eHBhY2s=\n';
    const docs = recognizeForms(text)!.documents;
    assert.deepEqual(docs.map((d) => d.product), ['kibana']);
  });
});

describe('recognizeForms: compose', () => {
  const text = `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.11.0
    environment:
      - node.name=es01
      - "xpack.security.http.ssl.enabled=true"
      - ES_JAVA_OPTS=-Xms1g
      - xpack.security.enabled=
      - ELASTIC_PASSWORD
  kibana:
    image: kibana:8.11.0
    environment:
      ELASTICSEARCH_SSL_VERIFICATIONMODE: none
      SERVER_SSL_ENABLED: "true"
      NODE_OPTIONS: --max-old-space-size=2048
      xpack.security.encryptionKey: \${KEY}
      SERVER_SSL_ENABLED: "false"
  db:
    image: postgres:16
    environment:
      - a.b=c
`;
  const forms = recognizeForms(text)!;

  test('Elasticsearch reads dotted lower-case names with a value, as its entrypoint does', () => {
    const [es] = forms.documents;
    assert.equal(es.host.name, 'es01');
    assert.equal(es.version?.version, '8.11.0');
    assert.deepEqual(keyTexts(text, es), ['node.name', 'xpack.security.http.ssl.enabled']);
    const value = embeddedModel(text, es).byKey.get('xpack.security.http.ssl.enabled')!.value;
    assert.equal(value.kind === 'scalar' && text.slice(value.range.start, value.range.end), 'true');
  });

  test("Kibana reads its image's variables as settings", () => {
    const kb = forms.documents[1];
    assert.equal(kb.names, 'env');
    const model = embeddedModel(text, kb);
    assert.deepEqual(model.settings.map((s) => s.key), ['elasticsearch.ssl.verificationMode', 'server.ssl.enabled', 'server.ssl.enabled']);
    assert.deepEqual(keyTexts(text, kb)[0], 'ELASTICSEARCH_SSL_VERIFICATIONMODE');
  });

  test('a dotted Kibana variable is ignored by the image, with a rename fix; a repeated name is reported', () => {
    const [ignored, repeated] = forms.findings;
    assert.equal(ignored.ruleId, 'kibana-env-ignored');
    assert.equal(text.slice(ignored.range.start, ignored.range.end), 'xpack.security.encryptionKey');
    assert.equal(ignored.fixes?.[0].edits[0].newText, 'XPACK_SECURITY_ENCRYPTIONKEY');
    assert.equal(repeated.ruleId, 'duplicate-env');
    assert.equal(forms.findings.length, 2);
  });

  test('services of other images are left alone', () => {
    assert.equal(forms.documents.length, 2);
  });
});

describe('parseHost: documents cut before parsing', () => {
  const texts = [
    'a: 1\n---\nb: 2\n',
    '# c\n--- # c\na: 1\n...\n---\nb: |\n  ---\n  x\n--- |\n  s\n',
    '%YAML 1.2\n---\na: [1,\n  2]\n---\nb: "x\n  y"\n',
    '---\n---\n\n---\nkey: {a: 1}\n--- !!map\nc: d\n---x: 1\n',
    'a:\n- 1\n---\t\nb: 2\n--- \r\nc: 3\r\n',
  ];
  test('a document read alone has the nodes and offsets of the whole-stream parse', () => {
    for (const text of texts) {
      const whole = parseHost(text)!.map((d) => JSON.stringify([d.contents, d.contents?.range]));
      const cut = parseHost(text, () => true)!.map((d) => JSON.stringify([d.contents, d.contents?.range]));
      assert.deepEqual(cut, whole, text);
    }
  });

  test('a refused piece is not parsed, and the others keep their offsets', () => {
    const text = 'a: 1\n---\nskip: me\n---\nb: 2\n';
    const docs = parseHost(text, (source) => !source.includes('skip'))!;
    assert.deepEqual(docs.map((d) => d.contents?.range?.[0]), [0, text.indexOf('b: 2')]);
  });
});

describe('recognizeForms: bounds', () => {
  test('every document of a 5,000-document manifest is read, none dropped in silence', () => {
    const one = (i: number) => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: es${i}\nspec:\n  nodeSets:\n  - config:\n      xpack.security.enabled: true\n`;
    const text = Array.from({ length: 5000 }, (_, i) => one(i)).join('---\n');
    const forms = recognizeForms(text)!;
    assert.equal(forms.documents.length, 5000);
    assert.deepEqual(forms.findings, []);
    const last = forms.documents[4999];
    assert.ok(last.source === 'text' && text.slice(last.start, last.end) === '      xpack.security.enabled: true\n');
  });

  test('in a large manifest only the documents a reader looks at are parsed, at their own offsets', () => {
    const deployment = (i: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;
    const eck = (i: number) => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: es${i}\nspec:\n  http:\n    tls:\n      certificate:\n        secretName: s${i}\n  nodeSets:\n  - config:\n      node.name: n${i}\n`;
    const secret = (i: number) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s${i}\nstringData:\n  tls.crt: x\n`;
    const parts = Array.from({ length: 3000 }, (_, i) => (i % 500 === 7 ? eck(i) : i % 500 === 8 ? secret(i) : deployment(i)));
    // A marker with a comment after it, and a document ended by `...`, are still cut where YAML cuts them.
    const text = `# leading comment\n${parts.join('--- # next\n')}...\n`;
    const forms = recognizeForms(text)!;
    assert.equal(forms.documents.length, 6);
    for (const [n, doc] of forms.documents.entries()) {
      const i = 500 * n + 7;
      assert.ok(doc.source === 'text' && text.slice(doc.start, doc.end) === `      node.name: n${i}\n`);
    }
    assert.deepEqual(forms.kubernetes.secrets.map((s) => s.name), [8, 508, 1008, 1508, 2008, 2508].map((i) => `s${i}`));
    const ref = forms.kubernetes.references[5];
    assert.equal(text.slice(ref.range.start, ref.range.end), 's2507');
  });

  test('a 10 MB compose file is refused at once', () => {
    const text = `services:\n  es:\n    image: elasticsearch:8.1.0\n${'#'.repeat(100)}\n`.repeat(1) + 'x: 1\n'.repeat(2_000_000);
    const forms = recognizeForms(text)!;
    assert.equal(forms.findings[0].ruleId, 'file-too-large');
  });

  test('a block scalar of 100,000 lines is one document', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `    k${i}: x`).join('\n');
    const text = `kind: ConfigMap\ndata:\n  elasticsearch.yml: |\n${lines}\n`;
    const forms = recognizeForms(text)!;
    assert.equal(forms.documents.length, 1);
  });
});
