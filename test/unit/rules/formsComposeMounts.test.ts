import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { recognizeForms } from '../../../server/src/config/forms';
import { checkForms } from '../../../server/src/rules/forms';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { makeCa, makeCert, type TestCert } from '../pki/helpers/certs';
import { memoryFs } from './helpers';
import { systemClock } from '../../../server/src/core/environment';

// Settings a compose file's `environment:` gives an image name paths in that service's container; the same
// file's `volumes:` say which of them are workspace files.
const COMPOSE = '/ws/docker-compose.yml';

function compose(esVolumes: string, kibanaVolumes = '', esEnv = '- xpack.security.http.ssl.certificate=certs/http.crt', kbEnv = 'SERVER_SSL_CERTIFICATE: /usr/share/kibana/config/certs/kibana.crt'): string {
  return `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    environment:
      - xpack.security.http.ssl.enabled=true
      - xpack.security.http.ssl.key=certs/http.key
      ${esEnv}
    volumes:
${esVolumes}
  kibana:
    image: docker.elastic.co/kibana/kibana:8.15.0
    environment:
      SERVER_SSL_ENABLED: "true"
      SERVER_SSL_KEY: /usr/share/kibana/config/certs/kibana.key
      ${kbEnv}
    volumes:
${kibanaVolumes || '      - kbdata:/usr/share/kibana/data'}
volumes:
  certs: {}
  kbdata: {}
`;
}

function check(text: string, files: Record<string, string | 'dir'>, filePath: string | null = COMPOSE, roots = ['/ws']) {
  const options = { ...defaultCheckOptions, workspaceRoots: roots, readOutsideWorkspace: roots.includes('/ws') };
  const env: CheckEnvironment = { fs: memoryFs({ [COMPOSE]: text, ...files }), clock: systemClock, options, passwords: { get: () => undefined } };
  return checkForms(text, recognizeForms(text)!, env, { filePath: filePath ?? undefined });
}

const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
const SHORT = '      - ./certs:/usr/share/elasticsearch/config/certs:ro';
const LONG = '      - type: bind\n        source: ./certs\n        target: /usr/share/elasticsearch/config/certs\n        read_only: true';

describe('compose environment settings through the same file\'s volumes', () => {
  let good: TestCert;
  let expired: TestCert;
  let other: TestCert;
  before(async () => {
    const ca = await makeCa('CN=ca');
    good = await makeCert({ subject: 'CN=es01', issuer: ca, dns: ['es01'] });
    other = await makeCert({ subject: 'CN=other', issuer: ca, dns: ['other'] });
    expired = await makeCert({ subject: 'CN=old', issuer: ca, dns: ['es01'], notBefore: new Date('2024-01-01'), notAfter: new Date('2025-01-01') });
  });

  for (const [name, volumes] of [['short', SHORT], ['long', LONG]] as const) {
    test(`${name} syntax: a relative path missing behind a bind mount is a warning with the Generate fix`, () => {
      const text = compose(volumes);
      const missing = check(text, { '/ws/certs': 'dir', '/ws/certs/http.key': good.keyPem }).findings.filter((f) => f.ruleId === 'missing-file');
      assert.equal(missing.length, 1);
      const [f] = missing;
      assert.equal(f.severity, 'warning');
      assert.equal(at(text, f), 'certs/http.crt');
      assert.match(f.message, /`\/usr\/share\/elasticsearch\/config\/certs\/http.crt`.*service `es01` in `docker-compose.yml` mounts `.\/certs`/);
      assert.deepEqual(f.data, { path: '/ws/certs/http.crt', kind: 'generate', command: 'generateHttpCertificates', target: '/ws/certs/http.crt' });
    });
  }

  test('present and right behind the mount: silent', () => {
    const text = compose(SHORT);
    const files = { '/ws/certs/http.crt': good.pem, '/ws/certs/http.key': good.keyPem };
    const loud = check(text, files).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(loud.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  test('an expired certificate and a key of another certificate are reported on the environment entries', () => {
    const text = compose(LONG);
    const findings = check(text, { '/ws/certs/http.crt': expired.pem, '/ws/certs/http.key': other.keyPem }).findings;
    const expiredAt = findings.find((f) => f.ruleId === 'certificate-expired');
    assert.ok(expiredAt && at(text, expiredAt) === 'certs/http.crt');
    const mismatch = findings.find((f) => f.ruleId === 'key-certificate-mismatch');
    assert.ok(mismatch && at(text, mismatch) === 'certs/http.key');
  });

  test('Kibana: an absolute container path behind a bind mount is checked, Kibana variable names and all', () => {
    const text = compose(SHORT, '      - ./kibana-certs:/usr/share/kibana/config/certs');
    const findings = check(text, { '/ws/certs/http.crt': good.pem, '/ws/certs/http.key': good.keyPem, '/ws/kibana-certs': 'dir', '/ws/kibana-certs/kibana.key': good.keyPem }).findings;
    const missing = findings.filter((f) => f.ruleId === 'missing-file');
    assert.deepEqual(missing.map((f) => at(text, f)), ['/usr/share/kibana/config/certs/kibana.crt']);
    assert.equal(missing[0].severity, 'warning');
    assert.equal((missing[0].data as Record<string, string>).target, '/ws/kibana-certs/kibana.crt');
  });

  test('a named volume, or a path nothing mounts, gets nothing above a hint', () => {
    const named = compose('      - certs:/usr/share/elasticsearch/config/certs');
    const quiet = (text: string) => check(text, {}).findings.filter((f) => f.severity !== 'hint' && /missing-file|certificate/.test(f.ruleId));
    assert.deepEqual(quiet(named), []);
    // A named volume deeper than a bind mount hides what the bind would show there.
    const hidden = compose('      - ./config:/usr/share/elasticsearch/config\n      - certs:/usr/share/elasticsearch/config/certs');
    assert.deepEqual(quiet(hidden), []);
    const hints = check(named, {}).findings.filter((f) => f.ruleId === 'path-not-checked');
    assert.ok(hints.every((f) => f.severity === 'hint'));
    assert.ok(hints.some((f) => at(named, f) === 'certs/http.crt'));
  });

  test('a bind mount whose folder the workspace lacks (made at set-up) gets a hint that says so', () => {
    const text = compose(SHORT);
    const findings = check(text, {}).findings;
    assert.deepEqual(findings.filter((f) => f.ruleId === 'missing-file'), []);
    const hint = findings.find((f) => f.ruleId === 'path-not-checked' && at(text, f) === 'certs/http.crt');
    assert.equal(hint?.severity, 'hint');
    assert.match(hint!.message, /mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`, but the workspace holds no `\/ws\/certs`/);
  });

  test('without the host file, or outside the workspace of an untrusted window, nothing is read', () => {
    const text = compose(SHORT);
    assert.deepEqual(check(text, {}, null).findings.filter((f) => f.ruleId === 'missing-file'), []);
    assert.deepEqual(check(text, {}, COMPOSE, ['/elsewhere']).findings.filter((f) => f.ruleId === 'missing-file'), []);
  });

  test('a variable from the .env beside the compose file resolves the mount', () => {
    const text = compose('      - ${CERTS_DIR}:/usr/share/elasticsearch/config/certs');
    const missing = check(text, { '/ws/.env': 'CERTS_DIR=./pki\n', '/ws/pki': 'dir', '/ws/pki/http.key': good.keyPem }).findings.filter((f) => f.ruleId === 'missing-file');
    assert.deepEqual(missing.map((f) => (f.data as Record<string, string>).path), ['/ws/pki/http.crt']);
    assert.deepEqual(check(text, {}).findings.filter((f) => f.ruleId === 'missing-file'), []);
  });
});
