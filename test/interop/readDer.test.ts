// Elasticsearch reads the files of `ssl.certificate` and `ssl.certificate_authorities` with Java's
// CertificateFactory.getInstance("X.509").generateCertificates (PemUtils.readCertificates in elastic/elasticsearch
// libs/ssl-config). Here that very call, run by the JDK on files openssl wrote, is the oracle: the certificate rules
// are silent for Elasticsearch exactly where Java reads certificates (DER included), and speak where it reads none.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogFor } from '../../server/src/catalog';
import type { Product } from '../../server/src/catalog/types';
import { parseConfig } from '../../server/src/config/parse';
import { certificateRules } from '../../server/src/rules/certificates';
import { nodeFileSystem } from '../../server/src/core/nodeFileSystem';
import { defaultCheckOptions } from '../../server/src/rules/types';
import { CertificateFileCache } from '../../server/src/pki/fileCache';
import { hasTool, openssl, run, tmpDir } from './helpers/tools';
import { issue } from './helpers/opensslPki';

function javaPath(): string {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : undefined;
  return fromHome && fs.existsSync(fromHome) ? fromHome : 'java';
}

// What PemUtils.readCertificates does with one path, printed as "<count>" or "error".
const READER = `import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
public class ReadCerts {
  public static void main(String[] args) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (String file : args) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        System.out.println(factory.generateCertificates(in).size());
      } catch (Exception e) {
        System.out.println("error");
      }
    }
  }
}
`;

const haveTools = hasTool(javaPath(), ['-version']) && hasTool('openssl');

describe('DER certificates as Elasticsearch reads them (the JDK as oracle)', { skip: !haveTools && 'java or openssl not installed' }, () => {
  const dir = tmpDir('estls-der-');
  const clock = { now: () => new Date() };
  const javaReads = new Map<string, string>();

  function ruleIds(yml: string, product: Product = 'elasticsearch'): string[] {
    const file = dir.file(`${product}.yml`);
    fs.writeFileSync(file, yml);
    const model = parseConfig(yml, { product, filePath: file });
    const certificates = new CertificateFileCache(nodeFileSystem, clock);
    return certificateRules({ model, catalog: catalogFor(product), fs: nodeFileSystem, clock, options: defaultCheckOptions, passwords: { get: () => undefined }, certificates }).map((f) => f.ruleId).sort();
  }

  before(() => {
    const ca = issue(dir, 'ca', { subject: '/CN=DER CA', kind: 'rsa', days: 400, ext: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash'] });
    const node = issue(dir, 'node', { subject: '/CN=node1', kind: 'rsa', days: 400, issuer: ca, ext: ['subjectAltName=DNS:node1', 'extendedKeyUsage=serverAuth,clientAuth'] });
    openssl(['x509', '-in', ca.cert, '-outform', 'der', '-out', dir.file('ca.der')]);
    openssl(['x509', '-in', node.cert, '-outform', 'der', '-out', dir.file('node.der')]);
    openssl(['pkcs8', '-topk8', '-nocrypt', '-in', node.key, '-outform', 'der', '-out', dir.file('node-key.der')]);
    fs.copyFileSync(node.key, dir.file('node.key'));
    fs.writeFileSync(dir.file('ReadCerts.java'), READER);
    const files = ['ca.der', 'node.der', 'node-key.der'];
    const out = run(javaPath(), [dir.file('ReadCerts.java'), ...files.map((f) => dir.file(f))], { timeoutMs: 120_000 }).stdout.trim().split('\n');
    files.forEach((f, i) => javaReads.set(f, out[i]));
  });
  after(() => dir.cleanup());

  it('Java reads one certificate from each DER certificate file, and none from a DER key', () => {
    assert.deepEqual(Object.fromEntries(javaReads), { 'ca.der': '1', 'node.der': '1', 'node-key.der': 'error' });
  });

  it('the rules are silent for DER certificate files where Java reads them', () => {
    assert.deepEqual(ruleIds('xpack.security.transport.ssl:\n  enabled: true\n  certificate: node.der\n  key: node.key\n  certificate_authorities: [ ca.der ]\n'), []);
  });

  it('and speak where Java reads no certificate, and for Kibana (Node.js reads PEM only)', () => {
    assert.deepEqual(ruleIds('xpack.security.transport.ssl:\n  enabled: true\n  certificate: node.der\n  key: node.key\n  certificate_authorities: [ node-key.der ]\n'), ['certificate-unreadable']);
    assert.deepEqual(ruleIds('elasticsearch.ssl.certificateAuthorities: [ ca.der ]\n', 'kibana'), ['certificate-file-format']);
  });
});
