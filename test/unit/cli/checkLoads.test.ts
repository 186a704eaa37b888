// `estls check` on a settings file that names no certificate file must not evaluate the certificate readers:
// their ASN.1 schemas were about a quarter of its start-up (issue 16; a rule importing pki/readPkiFile at the
// top brought them back once). Run in a fresh process, which lists the modules it loaded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const src = path.resolve(__dirname, '../../../server/src');

function modulesLoadedBy(file: string): string[] {
  const script = `
    const { runCheck } = require(${JSON.stringify(path.join(src, 'cli/check.ts'))});
    const { nodeIo } = require(${JSON.stringify(path.join(src, 'cli/io.ts'))});
    runCheck([${JSON.stringify(file)}], { ...nodeIo(), out() {}, err() {} }).then(() => console.log(JSON.stringify(Object.keys(require.cache))));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 60_000 })) as string[];
}

describe('estls check loads only what a settings file needs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-loads-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('no certificate reader or ASN.1 schema for a file that names no readable certificate', () => {
    const file = path.join(dir, 'elasticsearch.yml');
    fs.writeFileSync(file, [
      'xpack.security.enabled: true',
      'xpack.security.http.ssl.enabled: true',
      'xpack.security.http.ssl.certificate: missing/http.crt',
      'xpack.security.transport.ssl.verfication_mode: full',
      '',
    ].join('\n'));
    const loaded = modulesLoadedBy(file);
    assert.ok(loaded.some((f) => f.endsWith(path.join('rules', 'beatsCertificates.ts'))), 'the probe sees the rules it loads');
    assert.deepEqual(loaded.filter((f) => /@peculiar|asn1js|readPkiFile|pkcs12|jks/i.test(f)), []);
  });

  test('the readers do load once a certificate file is read', () => {
    const file = path.join(dir, 'read', 'elasticsearch.yml');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(path.join(dir, 'read', 'http.crt'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    fs.writeFileSync(file, 'xpack.security.http.ssl.enabled: true\nxpack.security.http.ssl.certificate: http.crt\n');
    assert.ok(modulesLoadedBy(file).some((f) => /readPkiFile/.test(f)));
  });
});
