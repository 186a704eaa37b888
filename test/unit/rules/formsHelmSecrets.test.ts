import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { checkDeployment } from '../../../server/src/checker/documentChecker';
import { recognizeForms } from '../../../server/src/config/forms';
import { systemClock, type FileSystem } from '../../../server/src/core/environment';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { makeCa, makeCert, type TestCert } from '../pki/helpers/certs';

// A Helm values file of Elastic's chart: esConfig names files that `secretMounts` puts in the pod from a
// Kubernetes Secret. They are never in the repository, so never missing; a Secret manifest beside the values
// file, when there is one, is what gets checked.
const VALUES = '/chart/values.yaml';
const CERTS = '/usr/share/elasticsearch/config/certs';

function values(mount = `  - name: elastic-certificates\n    secretName: elastic-certificates\n    path: ${CERTS}\n`): string {
  return `clusterName: es
protocol: https
esConfig:
  elasticsearch.yml: |
    xpack.security.http.ssl.enabled: true
    xpack.security.http.ssl.certificate: ${CERTS}/tls.crt
    xpack.security.http.ssl.key: ${CERTS}/tls.key
secretMounts:
${mount}`;
}

const indent = (pem: string) => pem.trim().split('\n').map((l) => `    ${l}`).join('\n');
const b64 = (text: string) => Buffer.from(text).toString('base64');

function folder(files: Record<string, string>): FileSystem {
  return {
    stat: (p) => (files[p] === undefined ? undefined : { size: files[p].length, mtimeMs: 0, isFile: true, isDirectory: false }),
    readFile: (p) => (files[p] === undefined ? undefined : new TextEncoder().encode(files[p])),
    listDir: (dir) => Object.keys(files).filter((p) => p.startsWith(`${dir}/`)).map((p) => ({ name: p.slice(dir.length + 1), isDirectory: false })),
  };
}

function check(text: string, siblings: Record<string, string> = {}) {
  const env: CheckEnvironment = { fs: folder({ [VALUES]: text, ...siblings }), clock: systemClock, passwords: { get: () => undefined }, options: { ...defaultCheckOptions, workspaceRoots: ['/chart'] } };
  return checkDeployment(text, recognizeForms(text, undefined, VALUES)!, env, VALUES).findings;
}

const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
const loud = (findings: ReturnType<typeof check>) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

describe('Helm secretMounts: files that live in a Kubernetes Secret', () => {
  let good: TestCert;
  let expired: TestCert;
  let other: TestCert;
  before(async () => {
    const ca = await makeCa('CN=ca');
    good = await makeCert({ subject: 'CN=es', issuer: ca, dns: ['es'] });
    other = await makeCert({ subject: 'CN=other', issuer: ca, dns: ['other'] });
    expired = await makeCert({ subject: 'CN=old', issuer: ca, dns: ['es'], notBefore: new Date('2024-01-01'), notAfter: new Date('2025-01-01') });
  });

  const secret = (crt: string, key: string | undefined, encoded = false) => {
    const field = encoded ? 'data' : 'stringData';
    const entry = (name: string, pem: string) => (encoded ? `  ${name}: ${b64(pem)}\n` : `  ${name}: |\n${indent(pem)}\n`);
    return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: elastic-certificates\n${field}:\n${entry('tls.crt', crt)}${key ? entry('tls.key', key) : ''}`;
  };

  test('no manifest of the Secret in the workspace: never missing, a hint that says where the file lives', () => {
    const text = values();
    const findings = check(text);
    assert.deepEqual(loud(findings).map((f) => f.ruleId), []);
    const hint = findings.find((f) => f.ruleId === 'path-not-checked' && at(text, f).endsWith('tls.crt'));
    assert.equal(hint?.severity, 'hint');
    assert.match(hint!.message, /`secretMounts` mounts the Kubernetes Secret `elastic-certificates` at `\/usr\/share\/elasticsearch\/config\/certs`, and no manifest of that Secret is in the workspace/);
  });

  test('the Secret beside the values file, right: silent', () => {
    assert.deepEqual(loud(check(values(), { '/chart/secret.yaml': secret(good.pem, good.keyPem) })).map((f) => f.message), []);
    assert.deepEqual(loud(check(values(), { '/chart/secret.yaml': secret(good.pem, good.keyPem, true) })).map((f) => f.message), []);
  });

  test('an expired certificate and a key of another one in the Secret are reported on the esConfig lines', () => {
    const text = values();
    for (const encoded of [false, true]) {
      const findings = check(text, { '/chart/secret.yaml': secret(expired.pem, other.keyPem, encoded) });
      const expiredAt = findings.find((f) => f.ruleId === 'certificate-expired');
      assert.equal(expiredAt && at(text, expiredAt), `${CERTS}/tls.crt`);
      assert.match(expiredAt!.message, /secret\.yaml#elastic-certificates\/tls\.crt/);
      const mismatch = findings.find((f) => f.ruleId === 'key-certificate-mismatch');
      assert.ok(mismatch, findings.map((f) => f.ruleId).join());
    }
  });

  test('a key the Secret lacks is not missing either: a hint naming the Secret', () => {
    const text = values();
    const findings = check(text, { '/chart/secret.yaml': secret(good.pem, undefined) });
    assert.deepEqual(loud(findings).map((f) => f.ruleId), []);
    const hint = findings.find((f) => f.ruleId === 'path-not-checked' && at(text, f).endsWith('tls.key'));
    assert.match(hint?.message ?? '', /has no key `tls.key`/);
  });

  test('subPath mounts one key of the Secret as the file at path', () => {
    const mount = `  - name: crt\n    secretName: elastic-certificates\n    path: ${CERTS}/tls.crt\n    subPath: tls.crt\n`;
    const text = values(mount);
    const findings = check(text, { '/chart/secret.yaml': secret(expired.pem, good.keyPem) });
    assert.equal(findings.filter((f) => f.ruleId === 'certificate-expired').length, 1);
    // tls.key is outside that mount: an ordinary container path, at most a hint.
    assert.ok(findings.filter((f) => at(text, f).endsWith('tls.key')).every((f) => f.severity === 'hint'));
  });
});
