import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { checkDeployment } from '../../../server/src/checker/documentChecker';
import type { FileSystem } from '../../../server/src/core/environment';
import { checkForms } from '../../../server/src/rules/forms';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { makeCa, makeCert, type TestCert } from '../pki/helpers/certs';
import { fixedClock, memoryFs } from './helpers';

const env: CheckEnvironment = { fs: memoryFs({}), clock: fixedClock, options: defaultCheckOptions, passwords: { get: () => undefined } };

const indent = (pem: string) => pem.trim().split('\n').map((l) => `    ${l}`).join('\n');

function manifest(secret: string, extraSpec = ''): string {
  return `${secret}---
apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
  namespace: prod
spec:
  version: 8.15.0
  http:
    tls:
      certificate:
        secretName: es-http
${extraSpec}  nodeSets:
  - name: default
    count: 1
`;
}

function certFindings(text: string) {
  return checkForms(text, recognizeForms(text)!, env).findings.filter((f) => f.ruleId.startsWith('eck-certificate'));
}

describe('ECK certificates from a Secret in the same file', () => {
  let good: TestCert;
  let other: TestCert;
  let expired: TestCert;
  before(async () => {
    const ca = await makeCa('CN=ca');
    good = await makeCert({ subject: 'CN=es', issuer: ca, dns: ['quickstart-es-http', 'quickstart-es-http.prod.svc'] });
    other = await makeCert({ subject: 'CN=other', issuer: ca, dns: ['elsewhere.example.com'] });
    expired = await makeCert({ subject: 'CN=old', issuer: ca, dns: ['quickstart-es-http', 'quickstart-es-http.prod.svc'], notBefore: new Date('2024-01-01'), notAfter: new Date('2025-01-01') });
  });

  const secret = (crt: TestCert, key: TestCert, keys = ['tls.crt', 'tls.key']) =>
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: es-http\n  namespace: prod\nstringData:\n${keys.includes('tls.crt') ? `  tls.crt: |\n${indent(crt.pem)}\n` : ''}${keys.includes('tls.key') ? `  tls.key: |\n${indent(key.keyPem)}\n` : ''}`;

  test('a matching certificate that names the service is silent', () => {
    assert.deepEqual(certFindings(manifest(secret(good, good))), []);
  });

  test('a missing tls.key is an error on the secretName', () => {
    const text = manifest(secret(good, good, ['tls.crt']));
    const [f] = certFindings(text);
    assert.equal(f.ruleId, 'eck-certificate-secret');
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.range.start, f.range.end), 'es-http');
    assert.match(f.message, /`tls\.key`/);
  });

  test('names not covered and a key of another certificate are warnings', () => {
    const text = manifest(secret(other, good));
    const messages = certFindings(text).map((f) => `${f.severity} ${f.message}`);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /^warning .*`quickstart-es-http`, `quickstart-es-http\.prod\.svc`/);
    assert.match(messages[1], /^warning `tls\.key` .* not the private key/);
  });

  test('the transport layer takes a CA: a Secret without ca.key is an error', () => {
    const text = manifest(secret(good, good), '  transport:\n    tls:\n      certificate:\n        secretName: es-http\n');
    const [f] = certFindings(text);
    assert.equal(f.ruleId, 'eck-certificate-secret');
    assert.match(f.message, /TRANSPORT TLS/);
    assert.match(f.message, /`ca\.crt` and `ca\.key`/);
  });

  test("Kibana's certificate must name the -kb-http service", () => {
    const issued = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: kb-cert\n  dnsNames:\n  - kb-es-http\n';
    const kb = `${issued}---\napiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\nspec:\n  http:\n    tls:\n      certificate:\n        secretName: kb-cert\n`;
    const [f] = certFindings(kb);
    assert.match(f.message, /does not ask for `kb-kb-http`/);
  });

  test('an expired certificate is a warning', () => {
    const [f] = certFindings(manifest(secret(expired, expired)));
    assert.match(f.message, /expired on 2025-01-01/);
  });

  test('base64 data is decoded, and a Secret in another namespace is not the one referenced', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const data = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: es-http\n  namespace: prod\ndata:\n  tls.crt: ${b64(other.pem)}\n  tls.key: ${b64(other.keyPem)}\n`;
    assert.equal(certFindings(manifest(data)).length, 1);
    assert.deepEqual(certFindings(manifest(data.replace('namespace: prod', 'namespace: dev'))), []);
  });

  test("cert-manager's dnsNames are checked against the service names and the subjectAltNames", () => {
    const issued = (names: string[]) => `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\n  namespace: prod\nspec:\n  secretName: es-http\n  dnsNames:\n${names.map((n) => `  - ${n}\n`).join('')}`;
    const sans = '      selfSignedCertificate:\n        subjectAltNames:\n        - dns: es.example.com\n';
    const withSans = manifest(issued(['quickstart-es-http', 'quickstart-es-http.prod.svc'])).replace('  http:\n    tls:\n', `  http:\n    tls:\n${sans}`);
    const [missing] = certFindings(withSans);
    assert.match(missing.message, /does not ask for `es\.example\.com`;/);
    assert.equal(withSans.slice(missing.range.start, missing.range.end).split('\n')[0], '- quickstart-es-http');
    const fine = manifest(issued(['quickstart-es-http', 'quickstart-es-http.prod.svc']));
    assert.deepEqual(certFindings(fine), []);
  });
});

describe('ECK certificates from a Secret in a sibling file', () => {
  let other: TestCert;
  before(async () => {
    other = await makeCert({ subject: 'CN=other', dns: ['elsewhere.example.com'] });
  });

  /** A folder of two files, listed and read as the server's file system would. */
  function folder(files: Record<string, string>): FileSystem {
    const bytes = (p: string) => (files[p] === undefined ? undefined : new TextEncoder().encode(files[p]));
    return {
      stat: (p) => (files[p] === undefined ? undefined : { size: files[p].length, mtimeMs: 0, isFile: true, isDirectory: false }),
      readFile: (p) => bytes(p),
      listDir: (dir) => Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => ({ name: p.slice(dir.length + 1), isDirectory: false })),
    };
  }

  test("is found, and its problem is reported on the reference with the Secret's place as related", () => {
    const secret = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: es-http\n  namespace: prod\nstringData:\n  tls.crt: |\n${indent(other.pem)}\n  tls.key: |\n${indent(other.keyPem)}\n`;
    const text = manifest('');
    const fs = folder({ '/k8s/es.yaml': text, '/k8s/secret.yaml': secret, '/k8s/notes.txt': 'es-http' });
    const forms = recognizeForms(text)!;
    const [f] = checkDeployment(text, forms, { ...env, fs, options: { ...defaultCheckOptions, workspaceRoots: ['/k8s'] } }, '/k8s/es.yaml').findings.filter((x) => x.ruleId === 'eck-certificate-names');
    assert.equal(text.slice(f.range.start, f.range.end), 'es-http');
    assert.equal(f.related?.[0].file, '/k8s/secret.yaml');
    assert.equal(secret.slice(f.related![0].range.start, f.related![0].range.end), 'tls.crt');
  });

  test('nothing is read outside the workspace of an untrusted folder', () => {
    const text = manifest('');
    let listed = false;
    const fs: FileSystem = { stat: () => undefined, readFile: () => undefined, listDir: () => ((listed = true), []) };
    checkDeployment(text, recognizeForms(text)!, { ...env, fs, options: { ...defaultCheckOptions, readOutsideWorkspace: false, workspaceRoots: ['/elsewhere'] } }, '/k8s/es.yaml');
    assert.equal(listed, false);
  });
});

describe("Kibana's elasticsearchRef", () => {
  const kibana = (ref: string) => `apiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nmetadata:\n  name: kb\n  namespace: prod\nspec:\n  elasticsearchRef:\n    name: ${ref}\n`;
  const cluster = 'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: quickstart\nspec:\n  version: 8.15.0\n---\n';
  const refs = (text: string) => checkForms(text, recognizeForms(text)!, env).findings.filter((f) => f.ruleId === 'eck-unresolved-ref');

  test('naming an Elasticsearch of the same file is silent; naming none is a hint on the name', () => {
    assert.deepEqual(refs(cluster + kibana('quickstart')), []);
    const text = cluster + kibana('other');
    const [f] = refs(text);
    assert.equal(f.severity, 'hint');
    assert.equal(text.slice(f.range.start, f.range.end), 'other');
  });

  test('an Elasticsearch in a file beside it resolves the name', () => {
    const text = kibana('quickstart');
    const files: Record<string, string> = { '/k8s/kb.yaml': text, '/k8s/es.yaml': cluster };
    const fs: FileSystem = {
      stat: (p) => (files[p] === undefined ? undefined : { size: files[p].length, mtimeMs: 0, isFile: true, isDirectory: false }),
      readFile: (p) => (files[p] === undefined ? undefined : new TextEncoder().encode(files[p])),
      listDir: () => Object.keys(files).map((p) => ({ name: p.slice('/k8s/'.length), isDirectory: false })),
    };
    const found = checkDeployment(text, recognizeForms(text)!, { ...env, fs, options: { ...defaultCheckOptions, workspaceRoots: ['/k8s'] } }, '/k8s/kb.yaml');
    assert.deepEqual(found.findings.filter((f) => f.ruleId === 'eck-unresolved-ref'), []);
  });
});
