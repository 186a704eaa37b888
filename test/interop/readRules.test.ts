// The certificate rules on files real tools wrote: keytool keystores and truststores, an openssl truststore
// (no Java trusted mark), a JKS file, read from disk through the real file system.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { catalogFor } from '../../server/src/catalog';
import type { Product } from '../../server/src/catalog/types';
import { parseConfig } from '../../server/src/config/parse';
import { certificateRules } from '../../server/src/rules/certificates';
import { nodeFileSystem } from '../../server/src/core/nodeFileSystem';
import { defaultCheckOptions } from '../../server/src/rules/types';
import { CertificateFileCache } from '../../server/src/pki/fileCache';
import { hasTool, keytool, keytoolPath, openssl, tmpDir } from './helpers/tools';
import { issue, keytoolImportTrusted } from './helpers/opensslPki';

const haveTools = hasTool(keytoolPath(), ['-help']) && hasTool('openssl');

describe('certificate rules on keystores made by keytool and openssl', { skip: !haveTools && 'keytool or openssl not installed' }, () => {
  const dir = tmpDir('estls-rules-');
  const clock = { now: () => new Date() };
  function ruleIds(yml: string, product: Product = 'elasticsearch', passwords: Record<string, string> = {}): string[] {
    const file = dir.file(`${product}.yml`);
    fs.writeFileSync(file, yml);
    const model = parseConfig(yml, { product, filePath: file });
    const certificates = new CertificateFileCache(nodeFileSystem, clock);
    const findings = certificateRules({ model, catalog: catalogFor(product), fs: nodeFileSystem, clock, options: defaultCheckOptions, passwords: { get: (p) => passwords[p] }, certificates });
    return findings.map((f) => f.ruleId).sort();
  }

  before(() => {
    const ca = issue(dir, 'ca', { subject: '/CN=Rules CA', kind: 'rsa', days: 400, ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'] });
    const node = issue(dir, 'node', { subject: '/CN=node1', kind: 'rsa', days: 400, issuer: ca, ext: ['subjectAltName=DNS:node1,IP:127.0.0.1', 'extendedKeyUsage=serverAuth,clientAuth'] });
    openssl(['pkcs12', '-export', '-inkey', node.key, '-in', node.cert, '-certfile', ca.cert, '-name', 'node1', '-out', dir.file('node.p12'), '-passout', 'pass:nodepass']);
    keytoolImportTrusted(dir.file('truststore.p12'), 'ca', ca.cert, 'trustpass');
    openssl(['pkcs12', '-export', '-nokeys', '-in', ca.cert, '-out', dir.file('openssl-trust.p12'), '-passout', 'pass:']);
    keytool(['-genkeypair', '-storetype', 'JKS', '-keystore', dir.file('node.jks'), '-storepass', 'changeit', '-keypass', 'changeit', '-alias', 'n', '-keyalg', 'RSA', '-dname', 'CN=n', '-noprompt']);
  });
  after(() => dir.cleanup());

  const transport = (ts: string, extra = '') => `network.host: node1\nxpack.security.transport.ssl:\n  enabled: true\n  keystore.path: node.p12\n  keystore.password: nodepass\n  truststore.path: ${ts}\n${extra}`;

  it('is silent for a keystore and a keytool truststore that fit together', () => {
    assert.deepEqual(ruleIds(transport('truststore.p12', '  truststore.password: trustpass\n')), []);
  });

  it('reports an openssl truststore without the Java trusted mark', () => {
    assert.deepEqual(ruleIds(transport('openssl-trust.p12')), ['truststore-without-trusted-entries']);
  });

  it('asks for the truststore password when it is not known', () => {
    assert.deepEqual(ruleIds(transport('truststore.p12')), ['keystore-locked']);
    assert.deepEqual(ruleIds(transport('truststore.p12'), 'elasticsearch', { [dir.file('truststore.p12')]: 'trustpass' }), []);
  });

  it('leaves JKS to Elasticsearch but tells Kibana users it cannot read it', () => {
    assert.deepEqual(ruleIds('xpack.security.http.ssl:\n  enabled: true\n  keystore.path: node.jks\n'), []);
    assert.deepEqual(ruleIds('server.ssl.enabled: true\nserver.ssl.keystore.path: node.jks\n', 'kibana'), ['certificate-file-format']);
  });
});
