// Makes the next input for each target from the seed corpus, with the run's seeded generator.
import type { Corpus } from '../seeds';
import { concat, mutateBytes } from './bytes';
import { mutateDer } from './der';
import type { FuzzInput } from './input';
import { mutatePem } from './pem';
import { mutatePkcs12 } from './pkcs12';
import { mutateEsKeystore, mutateJavaKeystore } from './keystores';
import type { Prng } from './prng';
import { mutateYaml } from './yaml';

export type Generator = (rng: Prng) => FuzzInput;

const enc = new TextEncoder();
const WRONG_PASSWORDS = ['', 'wrong', 'S3cr3t-fuzz', '\u00e9\ud83d\udd12', 'x'.repeat(300)];
const HOSTS = ['es01', 'localhost', '127.0.0.1', '::1', '[::1]', '*.example.com', 'a.example', '', '.', '0x7f.1', '1.2.3.4.5',
  'xn--nxasmq6b', 'A'.repeat(300), '::ffff:127.0.0.1', '10.0.0.1', 'es01.', 'ES01', '*', 'a..b', '256.1.1.1', 'fe80::1%eth0'];
const DN_TOKENS = [',', '+', '=', '\\', '"', '#', ';', ' ', 'CN=', 'OU=', 'DC=', 'O=', 'C=US', 'C=USA', '\\2C', '#0403', '\u00e9', '\\\\', '=#', ' + '];

function password(rng: Prng, right: string | undefined): string | undefined {
  const roll = rng.int(10);
  if (roll < 6 && right !== undefined) return right;
  if (roll < 8) return undefined;
  return rng.pick(WRONG_PASSWORDS);
}

function offsets(rng: Prng, length: number): number[] {
  return Array.from({ length: 4 }, () => rng.int(length + 2));
}

/** A recently made input, reused now and then so mutations stack. */
class Recent {
  private items: Uint8Array[] = [];
  private count = 0;
  take(rng: Prng, fallback: Uint8Array): Uint8Array {
    return this.items.length > 0 && rng.chance(0.25) ? rng.pick(this.items) : fallback;
  }
  keep(bytes: Uint8Array): Uint8Array {
    if (bytes.length < 256 * 1024) this.items[this.count++ % 64] = bytes;
    return bytes;
  }
}

/** One certificate-like file for the rules' in-memory file system. */
export function certFile(rng: Prng, c: Corpus): Uint8Array {
  if (c.jks.length && rng.chance(0.1)) {
    const s = rng.pick(c.jks);
    return rng.chance(0.5) ? s.bytes : mutateJavaKeystore(s.bytes, s.password, rng, c.der);
  }
  const roll = rng.int(3);
  if (roll === 0 && c.pkcs12.length) {
    const s = rng.pick(c.pkcs12);
    return rng.chance(0.5) ? s.bytes : mutatePkcs12(s.bytes, s.password, rng, [], c.der);
  }
  const pool = roll === 1 ? c.der : c.pem;
  if (pool.length === 0) return new Uint8Array(0);
  const base = rng.pick(pool);
  return rng.chance(0.5) ? base : roll === 1 ? mutateDer(base, rng, c.der) : mutatePem(base, rng, c.pem, c.der);
}

/** Keys of the deployment forms, so mutations build and break ECK, Helm, compose and ConfigMap shapes. */
const FORM_KEYS = [
  'apiVersion: elasticsearch.k8s.elastic.co/v1', 'apiVersion: kibana.k8s.elastic.co/v1', 'kind: Elasticsearch', 'kind: Kibana',
  'kind: ConfigMap', 'spec', 'nodeSets', 'config', 'elasticsearchRef', 'selfSignedCertificate', 'subjectAltNames', 'services',
  'image: elasticsearch:8.1.0', 'image: docker.elastic.co/kibana/kibana:7.17.0', 'environment', 'esConfig', 'kibanaConfig',
  'elasticsearch.yml: |', 'kibana.yml: |2', 'extraEnvs', 'protocol', 'ELASTICSEARCH_SSL_VERIFICATIONMODE', 'SERVER_SSL_ENABLED',
];

function yamlGenerator(c: Corpus, keys: readonly string[], withFiles: boolean): Generator {
  const recent = new Recent();
  return (rng) => {
    const bytes = recent.keep(mutateYaml(recent.take(rng, rng.pick(c.yaml)), rng, c.yaml, keys));
    const opts: FuzzInput['opts'] = { product: rng.chance(0.6) ? 'elasticsearch' : 'kibana', offsets: offsets(rng, bytes.length) };
    if (withFiles) {
      opts.files = Array.from({ length: 1 + rng.int(3) }, () => certFile(rng, c));
      opts.password = password(rng, 'fuzz-Pa55');
    }
    return { bytes, opts };
  };
}

function pemGenerator(c: Corpus): Generator {
  const recent = new Recent();
  return (rng) => {
    const bytes = recent.keep(mutatePem(recent.take(rng, rng.pick(c.pem)), rng, c.pem, c.der));
    return { bytes, opts: { fileName: rng.pick(['a.pem', 'a.crt', 'a.key', 'a.csr']), password: password(rng, 'fuzz-Pa55') } };
  };
}

function derGenerator(c: Corpus): Generator {
  const recent = new Recent();
  return (rng) => {
    const base = recent.take(rng, rng.pick(c.der));
    const bytes = recent.keep(rng.chance(0.85) ? mutateDer(base, rng, c.der) : mutateBytes(base, rng, c.der));
    return { bytes, opts: { fileName: rng.pick(['a.der', 'a.cer', 'a.key']), password: password(rng, 'fuzz-Pa55') } };
  };
}

function pkcs12Generator(c: Corpus): Generator {
  return (rng) => {
    const seed = rng.pick(c.pkcs12);
    const pw = password(rng, seed.password);
    const bytes = mutatePkcs12(seed.bytes, pw ?? '', rng, c.pkcs12.map((s) => s.bytes), c.der);
    return { bytes, opts: { fileName: 'a.p12', password: pw } };
  };
}

function jksGenerator(c: Corpus): Generator {
  return (rng) => {
    const seed = rng.pick(c.jks);
    const pw = password(rng, seed.password);
    const bytes = rng.chance(0.1) ? seed.bytes : mutateJavaKeystore(seed.bytes, pw ?? '', rng, c.der);
    return { bytes, opts: { fileName: rng.pick(['a.jks', 'a.jceks', 'truststore']), password: pw } };
  };
}

function esKeystoreGenerator(c: Corpus): Generator {
  return (rng) => {
    const seed = rng.pick(c.esKeystore);
    const bytes = rng.chance(0.1) ? seed.bytes : mutateEsKeystore(seed.bytes, rng, c.der);
    return { bytes, opts: { fileName: 'elasticsearch.keystore', password: password(rng, seed.password) } };
  };
}

function verifyGenerator(c: Corpus): Generator {
  const p12 = pkcs12Generator(c);
  return (rng) => {
    const hosts = Array.from({ length: 3 }, () => (rng.chance(0.8) ? rng.pick(HOSTS) : Buffer.from(rng.bytes(8)).toString('latin1')));
    if (c.pkcs12.length && rng.chance(0.4)) {
      const input = p12(rng);
      return { ...input, opts: { ...input.opts, hosts } };
    }
    const bundle = concat(Array.from({ length: 1 + rng.int(4) }, () => rng.pick(c.pem)));
    const bytes = rng.chance(0.6) ? mutatePem(bundle, rng, c.pem, c.der) : bundle;
    return { bytes, opts: { fileName: 'bundle.pem', password: password(rng, 'fuzz-Pa55'), hosts } };
  };
}

function dnGenerator(c: Corpus): Generator {
  return (rng) => {
    let text = new TextDecoder().decode(rng.pick(c.dn));
    for (let i = rng.smallSize(4); i > 0; i--) {
      const at = rng.int(text.length + 1);
      text = rng.chance(0.7) ? text.slice(0, at) + rng.pick(DN_TOKENS) + text.slice(at) : text.slice(0, at) + text.slice(at + rng.smallSize(4));
    }
    const bytes = rng.chance(0.1) ? mutateBytes(enc.encode(text), rng, c.dn) : enc.encode(text);
    return { bytes, opts: {} };
  };
}

const ODD_STRINGS = ['', ' ', 'node1', 'CN=a,OU=b', 'CN=', '=x', 'a'.repeat(300), '../../etc/x', 'é', '*.example.com', '::1', '999.1.1.1',
  '10.0.0.1', 'node 1', 'a,b', '\u0000', '-', '.', 'xn--a', 'UPPER', '#0403'];

/**
 * A generation request as JSON: every field of the type GenerateRequestSpec declares (the client is ours), with odd
 * values: names, DNs, addresses, key specs, days, formats and CA sources a user could type or pick.
 */
function generateGenerator(c: Corpus): Generator {
  return (rng) => {
    const instance = () => ({ name: rng.pick(ODD_STRINGS), dns: [rng.pick(ODD_STRINGS)], ip: rng.chance(0.5) ? [] : [rng.pick(ODD_STRINGS)], ...(rng.chance(0.3) ? { cn: [rng.pick(ODD_STRINGS)] } : {}), ...(rng.chance(0.3) ? { filename: rng.pick(ODD_STRINGS) } : {}) });
    const spec: Record<string, unknown> = {
      kind: rng.pick(['ca', 'cert', 'http', 'kibanaClient', 'csr']),
      instances: Array.from({ length: rng.int(3) }, instance),
      key: rng.pick([{ type: 'ec', curve: 'P-256' }, { type: 'ec', curve: 'P-384' }]),
      format: rng.pick(['pkcs12', 'pem']),
    };
    if (rng.chance(0.5)) spec.password = rng.pick(['', 'fuzz-Pa55', 'é', 'x'.repeat(2000)]);
    if (rng.chance(0.3)) spec.days = rng.pick([0, -5, 1, 36500, 1e9, 1.5, Number.MAX_SAFE_INTEGER]);
    if (rng.chance(0.3)) spec.caDn = rng.pick(ODD_STRINGS);
    if (rng.chance(0.3)) spec.legacyPkcs12 = true;
    if (rng.chance(0.4)) {
      const seed = c.pkcs12.length ? rng.pick(c.pkcs12) : undefined;
      spec.ca = rng.pick<unknown>([{ kind: 'selfSigned' }, { kind: 'pkcs12', path: 'certs/ca.p12', password: seed?.password ?? '' },
        { kind: 'pem', certPath: 'certs/ca.crt', keyPath: 'certs/ca.key', keyPassword: rng.chance(0.5) ? 'fuzz-Pa55' : undefined }]);
    }
    // A request is JSON from the other side of the protocol: any field may hold any type.
    if (rng.chance(0.2)) {
      const field = rng.pick(['kind', 'password', 'caPassword', 'days', 'instances', 'key', 'ca', 'format', 'legacyPkcs12', 'caDn']);
      spec[field] = rng.pick<unknown>([12345, null, {}, [], true, 'x', [1, 2], { kind: 'pkcs12', path: 7, password: 8 }, [{ name: 5, dns: 'a', ip: [1] }]]);
    }
    const files = Array.from({ length: 1 + rng.int(2) }, () => certFile(rng, c));
    return { bytes: enc.encode(JSON.stringify(spec)), opts: { files } };
  };
}

const READ_KIND_NAMES = ['settings', 'instances', 'pki'];

/**
 * Bytes for the file gate: corpus files, mutated, and now and then exactly at or one past the smallest limit
 * (instances, 1 MB), as the file name says which kind it is read as.
 */
function gateGenerator(c: Corpus): Generator {
  const pools = [c.pem, c.der, c.yaml, c.instances].filter((p) => p.length > 0);
  return (rng) => {
    const fileName = rng.pick(READ_KIND_NAMES);
    if (rng.chance(0.05)) return { bytes: new Uint8Array(1024 * 1024 + rng.int(2)).fill(0x61), opts: { fileName: 'instances' } };
    const base = pools.length ? rng.pick(rng.pick(pools)) : new Uint8Array(0);
    return { bytes: rng.chance(0.5) ? base : mutateBytes(base, rng, c.der), opts: { fileName } };
  };
}

const URL_PIECES = ['https://', 'http://', 'u', ':', 'p@ss', '@', 'host', ':9200', '/path', '?q', '#f', '"', ' ', '\u001b[31m', '\u009b', '\u2028', '\u202e', '\n', '\t', '`', ',', '***', 'é'];

/** Text with URLs, credentials, quotes and control characters in odd orders, for the masking and escaping helpers. */
function safeTextGenerator(c: Corpus): Generator {
  return (rng) => {
    if (c.yaml.length && rng.chance(0.3)) return { bytes: mutateBytes(rng.pick(c.yaml), rng, c.yaml), opts: {} };
    const text = Array.from({ length: 1 + rng.int(24) }, () => rng.pick(URL_PIECES)).join('');
    return { bytes: enc.encode(text), opts: {} };
  };
}

/** The generator of every in-process target; a target whose seeds are missing gets none. */
export function generators(c: Corpus, keys: readonly string[]): Record<string, Generator | undefined> {
  const has = (n: number) => n > 0;
  return {
    yaml: has(c.yaml.length) ? yamlGenerator(c, keys, false) : undefined,
    rules: has(c.yaml.length) ? yamlGenerator(c, keys, true) : undefined,
    features: has(c.yaml.length) ? yamlGenerator(c, keys, false) : undefined,
    forms: has(c.yaml.length) ? yamlGenerator(c, [...keys, ...FORM_KEYS], true) : undefined,
    pem: has(c.pem.length) ? pemGenerator(c) : undefined,
    der: has(c.der.length) ? derGenerator(c) : undefined,
    pkcs12: has(c.pkcs12.length) ? pkcs12Generator(c) : undefined,
    jks: has(c.jks.length) ? jksGenerator(c) : undefined,
    'elasticsearch-keystore': has(c.esKeystore.length) ? esKeystoreGenerator(c) : undefined,
    verify: has(c.pem.length) ? verifyGenerator(c) : undefined,
    instances: has(c.instances.length) ? yamlGenerator({ ...c, yaml: c.instances }, ['instances', 'name', 'ip', 'dns', 'cn', 'filename'], false) : undefined,
    dn: has(c.dn.length) ? dnGenerator(c) : undefined,
    generate: generateGenerator(c),
    gate: gateGenerator(c),
    safeText: safeTextGenerator(c),
  };
}
