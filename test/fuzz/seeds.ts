// Seed corpora, made fresh at the start of a run (or read from the cache in .corpus/): certificates, keys,
// CSRs and keystores from Node's crypto, the project's own generator and openssl; settings files from
// examples/ and test fixtures; instances files and DNs for the generator's parsers.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeCsr } from '../../server/src/pki/generate/csr';
import { makeCa, makeSignedCertificate } from '../../server/src/pki/generate/issue';
import { certificateToPem, csrToPem, privateKeyToPem } from '../../server/src/pki/pemWrite';
import { httpSettings, kibanaClientSettings, kibanaTrustSettings, sampleYaml, transportSettings } from '../../server/src/pki/generate/settings';
import { writePkcs12 } from '../../server/src/pki/pkcs12/write';
import { writeJavaKeystore } from '../unit/pki/helpers/javaKeystore';
import { writeEsKeystore } from '../unit/pki/helpers/esKeystore';
import { pem as pemArmour, pkcs7Bundle } from '../unit/pki/helpers/pkcs7';

/** A keystore and the password it was made with. */
export interface KeystoreSeed { bytes: Uint8Array; password: string }

export interface Corpus {
  pem: Uint8Array[];
  der: Uint8Array[];
  pkcs12: KeystoreSeed[];
  /** JKS and JCEKS keystores (test helper writer and keytool). */
  jks: KeystoreSeed[];
  /** elasticsearch.keystore files of each format version (password '' or the seed password). */
  esKeystore: KeystoreSeed[];
  yaml: Uint8Array[];
  instances: Uint8Array[];
  dn: Uint8Array[];
  /** Which sources worked, for the run's header. */
  sources: string[];
}

export const ROOT = path.resolve(__dirname, '../..');
const enc = new TextEncoder();
const SEED_PASSWORD = 'fuzz-Pa55';

function pemToDer(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/g)) {
    const body = m[1].split('\n').filter((l) => !l.includes(':')).join('');
    out.push(Buffer.from(body.replace(/\s/g, ''), 'base64'));
  }
  return out;
}

function filesUnder(dir: string, re: RegExp, depth = 3): string[] {
  if (depth < 0 || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(p, re, depth - 1);
    return re.test(e.name) ? [p] : [];
  });
}

/** Deployment files that hold settings: an ECK pair, Helm values, a compose file and a ConfigMap. */
const DEPLOYMENT_SEEDS: readonly string[] = [
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\napiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: es\nspec:\n  version: 8.15.0\n  http:\n    tls:\n      selfSignedCertificate:\n        disabled: true\n        subjectAltNames:\n        - ip: 10.0.0.1\n        - dns: es.example.com\n  nodeSets:\n  - name: default\n    config:\n      xpack.security.transport.ssl.verification_mode: none\n      xpack.security.authc:\n        anonymous.roles: superuser\n---\napiVersion: kibana.k8s.elastic.co/v1\nkind: Kibana\nspec:\n  elasticsearchRef:\n    name: es\n  config: {elasticsearch.hosts: ["https://es:9200"], server.ssl.enabled: maybe}\n',
  'clusterName: es\nprotocol: https\nimageTag: 7.17.3\nesConfig:\n  elasticsearch.yml: |2\n    xpack.security.http.ssl.enabled: false\n    xpack.security.transport.ssl:\n      enabled: true\n  log4j2.properties: |\n    status = error\nextraEnvs:\n- name: xpack.security.enabled\n  value: "true"\n',
  'services:\n  es01:\n    image: docker.elastic.co/elasticsearch/elasticsearch:${TAG}\n    environment:\n      - node.name=es01\n      - "xpack.security.http.ssl.enabled=true"\n      - xpack.security.http.ssl.verification_mode=none\n  kibana:\n    image: kibana:8.11.0\n    environment:\n      ELASTICSEARCH_SSL_VERIFICATIONMODE: nonee\n      xpack.security.encryptionKey: short\n      SERVER_SSL_ENABLED: "true"\n      SERVER_SSL_ENABLED: "false"\n',
  'apiVersion: v1\nkind: ConfigMap\ndata:\n  elasticsearch.yml: |-\n    xpack.security.enabled: true\n  kibana.yml: |+\n    server.ssl.enabled: yes\n\n',
  // Environment settings whose paths go through the service's own volumes (bind, named, long syntax).
  'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    environment:\n      - xpack.security.http.ssl.certificate=certs/http.crt\n      - xpack.security.http.ssl.key=/usr/share/elasticsearch/config/certs/http.key\n    volumes:\n      - ./certs:/usr/share/elasticsearch/config/certs:ro\n      - data:/usr/share/elasticsearch/data\n      - type: bind\n        source: ${CERTS:-./c}\n        target: /c\n  kibana:\n    image: kibana:8.15.0\n    environment:\n      SERVER_SSL_CERTIFICATE: /usr/share/kibana/config/certs/kb.crt\n    volumes: [certs:/usr/share/kibana/config/certs]\nvolumes: {data: {}, certs: {}}\n',
  // Helm values whose settings name files in a mounted Secret (a folder, and one key through subPath).
  'esConfig:\n  elasticsearch.yml: |\n    xpack.security.http.ssl.keystore.path: /usr/share/elasticsearch/config/certs/http.p12\n    xpack.security.transport.ssl.certificate: /etc/tls/tls.crt\nsecretMounts:\n  - name: certs\n    secretName: elastic-certificates\n    path: /usr/share/elasticsearch/config/certs\n  - name: one\n    secretName: tls\n    path: /etc/tls/tls.crt\n    subPath: tls.crt\n',
  // A Beat's ssl blocks: paths, inline PEM, a list of CAs, a passphrase.
  'output.elasticsearch:\n  hosts: ["https://es01:9200", "[::1]:9200"]\n  ssl:\n    certificate_authorities: ["/fuzz/ca.crt", "-----BEGIN CERTIFICATE-----\\nMII=\\n-----END CERTIFICATE-----"]\n    certificate: /fuzz/fb.crt\n    key: /fuzz/fb.key\n    key_passphrase: x\n    verification_mode: full\nsetup.kibana:\n  host: "https://kb:5601"\n  ssl.certificate_authorities: /fuzz/ca.crt\n',
  // A manifest whose documents are cut before parsing: markers with comments, an explicit end, a directive.
  '# all\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {}\n--- # es\napiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata: {name: es}\nspec:\n  http: {tls: {certificate: {secretName: s}}}\n  nodeSets:\n  - config:\n      node.name: x\n...\n%YAML 1.2\n---\nkind: Secret\nmetadata:\n  name: s\ndata:\n  tls.crt: |\n    ---\n---\nkind: ConfigMap\ndata:\n  elasticsearch.yml: |\n    a: 1\n',
];

function fromRepository(c: Corpus): void {
  for (const file of [...filesUnder(path.join(ROOT, 'examples'), /./), ...filesUnder(path.join(ROOT, 'test/fixtures'), /./)]) {
    const bytes = fs.readFileSync(file);
    if (bytes.length > 1024 * 1024) continue;
    if (/\.ya?ml$/.test(file)) (/instances/.test(file) ? c.instances : c.yaml).push(bytes);
    else if (/\.(p12|pfx)$/.test(file)) c.pkcs12.push({ bytes, password: /stack-ca/.test(file) ? '' : 'changeme' });
    else if (/\.(crt|pem|key|csr|cer)$/.test(file)) {
      c.pem.push(bytes);
      c.der.push(...pemToDer(bytes.toString('utf8')));
    } else if (/\.der$/.test(file)) c.der.push(bytes);
  }
  c.sources.push('repository files');
}

function fromNodeCrypto(c: Corpus): void {
  const pairs = [
    crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }),
    crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
    crypto.generateKeyPairSync('ed25519'),
  ];
  for (const { privateKey, publicKey } of pairs) {
    const type = privateKey.asymmetricKeyType;
    c.der.push(privateKey.export({ type: 'pkcs8', format: 'der' }), publicKey.export({ type: 'spki', format: 'der' }));
    c.der.push(privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: SEED_PASSWORD }));
    c.pem.push(enc.encode(privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: SEED_PASSWORD }) as string));
    c.pem.push(enc.encode(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string));
    if (type === 'rsa' || type === 'ec') {
      const trad = type === 'rsa' ? 'pkcs1' : 'sec1';
      c.pem.push(enc.encode(privateKey.export({ type: trad, format: 'pem', cipher: 'aes-128-cbc', passphrase: SEED_PASSWORD }) as string));
      c.der.push(privateKey.export({ type: trad, format: 'der' }));
    }
  }
  c.sources.push('node crypto keys');
}

async function fromGenerator(c: Corpus): Promise<void> {
  const now = new Date();
  const ca = await makeCa({ now, key: { type: 'ec', curve: 'P-256' } });
  const instance = { name: 'es01', dns: ['es01', 'localhost', '*.example.com'], ip: ['127.0.0.1', '::1'], cn: ['es01.local'] };
  const leaf = await makeSignedCertificate({ instance, ca, profile: 'transport', now, key: { type: 'ec', curve: 'P-384' } });
  const csr = await makeCsr(instance, { type: 'ec', curve: 'P-256' });
  c.der.push(ca.certDer, leaf.certDer, csr.csrDer ?? new Uint8Array(0));
  c.pem.push(enc.encode(certificateToPem(leaf.certDer) + certificateToPem(ca.certDer) + privateKeyToPem(leaf.key)));
  c.pem.push(enc.encode(privateKeyToPem(leaf.key, { passphrase: SEED_PASSWORD })));
  if (csr.csrDer) c.pem.push(enc.encode(csrToPem(csr.csrDer)));
  const entry = { alias: 'es01', key: leaf.key, chain: [leaf.certDer, ca.certDer] };
  const trusted = [{ alias: 'ca', certDer: ca.certDer }];
  for (const [password, legacy] of [[SEED_PASSWORD, false], [SEED_PASSWORD, true], ['', false]] as const) {
    c.pkcs12.push({ bytes: writePkcs12([entry], trusted, { password, legacy, iterations: 64 }), password });
  }
  const bundle = pkcs7Bundle([leaf.certDer, ca.certDer]);
  c.der.push(bundle);
  c.pem.push(enc.encode(pemArmour('PKCS7', bundle)));
  const keyObject = crypto.createPrivateKey({ key: Buffer.from(leaf.key.export({ type: 'pkcs8', format: 'der' })), format: 'der', type: 'pkcs8' });
  for (const type of ['JKS', 'JCEKS'] as const) {
    for (const password of [SEED_PASSWORD, '']) {
      const keys = [{ alias: 'es01', key: keyObject, chain: [leaf.certDer, ca.certDer] }];
      c.jks.push({ bytes: writeJavaKeystore({ type, password, keys, trusted: [{ alias: 'ca', cert: ca.certDer }], iterations: 16 }), password });
    }
  }
  for (const version of [3, 4, 5, 6]) {
    const settings = { 'keystore.seed': 'seed', 'xpack.security.http.ssl.keystore.secure_password': 'x', 'a.file': Buffer.from([0, 1, 2]) };
    c.esKeystore.push({ bytes: writeEsKeystore({ version, settings }), password: '' });
    if (version === 5) c.esKeystore.push({ bytes: writeEsKeystore({ version, settings, password: SEED_PASSWORD }), password: SEED_PASSWORD });
  }
  c.sources.push('project generator');
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore', timeout: 20_000 });
}

function fromOpenssl(c: Corpus): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-fuzz-seeds-'));
  try {
    openssl(['req', '-x509', '-newkey', 'ed25519', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=fuzz/O=Ex\\, Inc.',
      '-addext', 'subjectAltName=DNS:a.example,IP:10.0.0.1,email:x@example.com,URI:https://x.example', '-addext', 'extendedKeyUsage=serverAuth'], dir);
    openssl(['req', '-new', '-key', 'k.pem', '-out', 'r.pem', '-subj', '/CN=csr'], dir);
    const p = `pass:${SEED_PASSWORD}`;
    const variants: Array<[string, string[]]> = [
      ['modern.p12', []], ['legacy.p12', ['-legacy']], ['plain.p12', ['-keypbe', 'NONE', '-certpbe', 'NONE']],
      ['nomac.p12', ['-nomac']], ['certs.p12', ['-nokeys']],
    ];
    for (const [name, extra] of variants) {
      openssl(['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', name, '-passout', p, '-iter', '64', ...extra], dir);
      c.pkcs12.push({ bytes: fs.readFileSync(path.join(dir, name)), password: SEED_PASSWORD });
    }
    fs.writeFileSync(path.join(dir, 'db.txt'), '');
    fs.writeFileSync(path.join(dir, 'ca.cnf'), `[ca]\ndefault_ca=c\n[c]\ndatabase=db.txt\ndefault_md=sha256\ndefault_crl_days=7\ncertificate=c.pem\nprivate_key=k.pem\n`);
    openssl(['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'l.pem'], dir);
    openssl(['crl2pkcs7', '-in', 'l.pem', '-certfile', 'c.pem', '-out', 'b.p7b'], dir);
    for (const f of ['c.pem', 'k.pem', 'r.pem', 'l.pem', 'b.p7b']) {
      const bytes = fs.readFileSync(path.join(dir, f));
      c.pem.push(bytes);
      c.der.push(...pemToDer(bytes.toString('utf8')));
    }
    c.sources.push('openssl');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function builtinTexts(c: Corpus): void {
  const es = [
    'xpack.security.enabled: true',
    'xpack.security.transport.ssl:',
    '  enabled: true',
    '  verification_mode: certificate',
    '  keystore.path: certs/node.p12',
    '  truststore.path: certs/node.p12',
    '  keystore.secure_password: S3cr3t-fuzz',
    'xpack.security.http.ssl.enabled: true',
    'xpack.security.http.ssl.certificate: certs/http.crt',
    'xpack.security.http.ssl.key: certs/http.key',
    'xpack.security.http.ssl.key_passphrase: pass-fuzz',
    'xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt", "${CA}" ]',
    'xpack.security.authc.realms.pki.pki1.order: 1',
  ].join('\n');
  const kb = [
    'server.ssl.enabled: true',
    'server.ssl.certificate: /etc/kibana/kibana.crt',
    'server.ssl.key: /etc/kibana/kibana.key',
    'elasticsearch.hosts: ["https://es01:9200"]',
    'elasticsearch.ssl:',
    '  certificateAuthorities: [ "config/ca.crt" ]',
    '  verificationMode: full',
    '  keystore.path: certs/client.p12',
    '  keystore.password: {{ kibana_pw }}',
    'elasticsearch.password: changeme',
  ].join('\n');
  c.yaml.push(enc.encode(es), enc.encode(kb), enc.encode(''), enc.encode('a.b: &x 1\nc: *x\n---\nd: [1, {e: f}]\n'));
  c.yaml.push(...DEPLOYMENT_SEEDS.map((t) => enc.encode(t)));
  c.instances.push(enc.encode('instances:\n  - name: "node1"\n    ip: ["192.0.2.1"]\n    dns: ["node1.example.com"]\n  - name: "CN=node2,OU=ops"\n    filename: n2\n    cn: [a]\n'));
  for (const dn of ['CN=Elastic Certificate Tool Autogenerated CA', 'CN=a\\,b,OU=x+OU=y,DC=example,DC=com', 'CN="quoted",O=Ex', 'node1', 'CN=#0403616263']) {
    c.dn.push(enc.encode(dn));
  }
  c.sources.push('built-in texts');
}

/** The sample settings the generator writes beside its files, for both formats and products. */
function fromGeneratorSamples(c: Corpus): void {
  for (const format of ['pkcs12', 'pem'] as const) {
    const files = { format, p12: 'node.p12', cert: 'node.crt', key: 'node.key', ca: 'ca.crt', hasPassword: true };
    const t = transportSettings(files);
    const h = httpSettings(files);
    const k = kibanaClientSettings(files);
    c.yaml.push(enc.encode(sampleYaml('transport', [...t.settings, ...h.settings, ...k.elasticsearch], [...t.commands, ...h.commands])));
    c.yaml.push(enc.encode(sampleYaml('kibana', [...kibanaTrustSettings('ca.crt', 'es01.example.com'), ...kibanaTrustSettings('ca.crt', undefined), ...k.kibana], k.commands)));
  }
  c.sources.push('generator samples');
}

/** Builds the corpus; a source that fails (no openssl here, a module not there yet) is left out and named. */
export async function buildCorpus(log: (line: string) => void): Promise<Corpus> {
  const c: Corpus = { pem: [], der: [], pkcs12: [], jks: [], esKeystore: [], yaml: [], instances: [], dn: [], sources: [] };
  const steps: Array<[string, () => void | Promise<void>]> = [
    ['repository files', () => fromRepository(c)], ['node crypto', () => fromNodeCrypto(c)],
    ['project generator', () => fromGenerator(c)], ['generator samples', () => fromGeneratorSamples(c)], ['openssl', () => fromOpenssl(c)], ['built-in texts', () => builtinTexts(c)],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (e) {
      log(`fuzz: seed source "${name}" unavailable: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  c.der = c.der.filter((d) => d.length > 0);
  return c;
}
