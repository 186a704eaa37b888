import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { systemClock } from '../../../server/src/core/environment';
import { beatsFindings } from '../../../server/src/rules/beats';
import { defaultCheckOptions, type CheckEnvironment } from '../../../server/src/rules/types';
import { makeCa, makeCert, type TestCert } from '../pki/helpers/certs';
import { memoryFs } from './helpers';

// The files a Beat's ssl blocks name get the checks Elasticsearch's do: missing in a live config folder,
// expired, a key of another certificate, a CA file holding no CA, and a server certificate (trusted as its own
// anchor) that does not name the hosts dialled.
const LIVE = '/etc/filebeat/filebeat.yml';
const REPO = '/ws/beats/filebeat.yml';

function run(text: string, files: Record<string, string | 'dir'>, filePath = LIVE) {
  const env: CheckEnvironment = { fs: memoryFs(files), clock: systemClock, passwords: { get: () => undefined }, options: { ...defaultCheckOptions, workspaceRoots: ['/ws'] } };
  return beatsFindings(text, env, filePath);
}

const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
const beat = (ssl: string, hosts = '["https://es01:9200"]') => `filebeat.inputs: []\noutput.elasticsearch:\n  hosts: ${hosts}\n  ssl:\n${ssl}`;
const LIVE_DIR = { '/etc/filebeat/fields.yml': 'x' };

describe('Beats ssl files', () => {
  let ca: TestCert;
  let client: TestCert;
  let other: TestCert;
  let expired: TestCert;
  let server: TestCert;
  before(async () => {
    ca = await makeCa('CN=ca');
    client = await makeCert({ subject: 'CN=filebeat', issuer: ca, dns: ['filebeat'] });
    other = await makeCert({ subject: 'CN=other', issuer: ca, dns: ['other'] });
    expired = await makeCert({ subject: 'CN=old', issuer: ca, notBefore: new Date('2024-01-01'), notAfter: new Date('2025-01-01') });
    server = await makeCert({ subject: 'CN=es01', dns: ['es01'] });
  });

  const SSL = '    certificate_authorities: ["/etc/filebeat/certs/ca.crt"]\n    certificate: /etc/filebeat/certs/fb.crt\n    key: /etc/filebeat/certs/fb.key\n';

  test('right files in a live config folder: silent', () => {
    const files = { ...LIVE_DIR, '/etc/filebeat/certs/ca.crt': ca.pem, '/etc/filebeat/certs/fb.crt': client.pem, '/etc/filebeat/certs/fb.key': client.keyPem };
    assert.deepEqual(run(beat(SSL), files).map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  test('a missing file in a live config folder is an error; in a repository nothing is said', () => {
    const text = beat(SSL);
    const files = { ...LIVE_DIR, '/etc/filebeat/certs/fb.crt': client.pem, '/etc/filebeat/certs/fb.key': client.keyPem };
    const [missing, ...rest] = run(text, files);
    assert.equal(missing.ruleId, 'missing-file');
    assert.equal(missing.severity, 'error');
    assert.equal(at(text, missing), '"/etc/filebeat/certs/ca.crt"');
    assert.deepEqual(rest, []);
    assert.deepEqual(run(text, {}, REPO), []);
  });

  test('expired certificate, key of another certificate, CA file without a CA', () => {
    const text = beat(SSL);
    const files = { ...LIVE_DIR, '/etc/filebeat/certs/ca.crt': other.pem, '/etc/filebeat/certs/fb.crt': expired.pem, '/etc/filebeat/certs/fb.key': client.keyPem };
    const found = run(text, files);
    const by = (id: string) => found.find((f) => f.ruleId === id);
    assert.equal(at(text, by('certificate-expired')!), '/etc/filebeat/certs/fb.crt');
    assert.equal(at(text, by('key-certificate-mismatch')!), '/etc/filebeat/certs/fb.key');
    assert.equal(at(text, by('certificate-authority-not-ca')!), '"/etc/filebeat/certs/ca.crt"');
  });

  test("a server's own certificate as the CA must name the hosts under verification_mode full, not under certificate", () => {
    const files = { ...LIVE_DIR, '/etc/filebeat/certs/es.crt': server.pem };
    const ssl = (mode: string) => `    certificate_authorities: /etc/filebeat/certs/es.crt\n${mode}`;
    const wrongHost = beat(ssl(''), '["https://10.0.0.5:9200", "es01:9200"]');
    const mismatch = run(wrongHost, files).find((f) => f.ruleId === 'certificate-hostname-mismatch');
    assert.match(mismatch?.message ?? '', /does not cover `10\.0\.0\.5`.*it names `es01`/);
    assert.equal(run(wrongHost.replace('10.0.0.5', 'es01'), files).filter((f) => f.ruleId === 'certificate-hostname-mismatch').length, 0);
    assert.equal(run(beat(ssl('    verification_mode: certificate\n'), '["https://10.0.0.5:9200"]'), files).filter((f) => f.ruleId === 'certificate-hostname-mismatch').length, 0);
  });

  test('inline PEM is read from the value; a switched-off block and templated paths are left alone', () => {
    const inline = `    certificate_authorities:\n      - |\n${expired.pem.trim().split('\n').map((l) => `        ${l}`).join('\n')}\n`;
    const text = beat(inline);
    const f = run(text, LIVE_DIR).find((x) => x.ruleId === 'certificate-expired');
    assert.match(f?.message ?? '', /inline PEM/);
    assert.deepEqual(run(beat(`    enabled: false\n${SSL}`), LIVE_DIR), []);
    assert.deepEqual(run(beat('    certificate_authorities: ["${path.config}/ca.crt"]\n'), LIVE_DIR), []);
  });

  test('a compose service that mounts the Beat and its certs: a mounted missing file is a warning', () => {
    const compose = 'services:\n  filebeat:\n    image: docker.elastic.co/beats/filebeat:8.15.0\n    volumes:\n      - ./beats/filebeat.yml:/usr/share/filebeat/filebeat.yml:ro\n      - ./certs:/usr/share/filebeat/certs:ro\n';
    const text = beat('    certificate_authorities: ["/usr/share/filebeat/certs/ca.crt"]\n');
    const [f] = run(text, { '/ws/docker-compose.yml': compose, [REPO]: text, '/ws/certs': 'dir' }, REPO);
    assert.equal(f?.severity, 'warning');
    assert.match(f.message, /service `filebeat` in `docker-compose.yml` mounts `\.\/certs`/);
    assert.equal(run(text, { '/ws/docker-compose.yml': compose, [REPO]: text, '/ws/certs': 'dir', '/ws/certs/ca.crt': ca.pem }, REPO).length, 0);
  });
});
