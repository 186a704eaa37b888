// One builder per kind of request: which certificates to make and which files, settings and commands result.
import { PkiError } from '../errors';
import { makeCsr } from './csr';
import { HTTP_CA_DN, daysForYears, makeCa, makeSignedCertificate, type CaMaterial, type CertificateProfile } from './issue';
import { FileSet, baseName, type Protection } from './output';
import { httpSettings, kibanaClientSettings, kibanaTrustSettings, sampleYaml, transportSettings } from './settings';
import type { GenerateRequestSpec, GenerateResult, InstanceSpec, KeySpec } from './types';
import type { KeyWork } from './workQueue';

/** What every builder gets: the request with defaults applied, the CA (if any), and the time. */
export interface BuildContext {
  spec: GenerateRequestSpec;
  instances: InstanceSpec[];
  ca?: CaMaterial;
  key?: KeySpec;
  days: number;
  now: Date;
  protection: Protection;
  /** Protection for a CA made in this run. */
  caProtection: Protection;
  /** Paces key generation: cancellation between keys, progress after each. */
  work: KeyWork;
  /** How README text and hints name a file of the layout (where the user finds it). */
  show: (layoutPath: string) => string;
}

/** A path as one shell word, quoted only when it needs to be, so a hint can be pasted as it is. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function fileStem(instance: InstanceSpec): string {
  return instance.filename ?? instance.name;
}

function issue(ctx: BuildContext, instance: InstanceSpec, profile: CertificateProfile) {
  return makeSignedCertificate({ instance, ca: ctx.ca, profile, key: ctx.key, days: ctx.days, now: ctx.now });
}

function hasPassword(p: Protection): boolean {
  return p.password !== undefined && p.password !== '';
}

/** `ca`: elastic-stack-ca.p12 (key entry `ca`), or ca/ca.crt + ca/ca.key. */
export function buildCa(ctx: BuildContext, files: FileSet): Omit<GenerateResult, 'files'> {
  const ca = ctx.ca as CaMaterial;
  const pem = ctx.spec.format === 'pem';
  const p12 = ctx.spec.fileName ?? 'elastic-stack-ca.p12';
  if (pem) {
    files.addCertificate('ca/ca.crt', ca.certDer, 'caCertificate');
    files.addKey('ca/ca.key', ca.key, ctx.caProtection, 'caKey');
  } else {
    files.addPkcs12(p12, 'ca', { certDer: ca.certDer, key: ca.key }, undefined, ctx.caProtection);
  }
  const { show } = ctx;
  const where = pem ? `${show('ca/ca.crt')} and ${show('ca/ca.key')}` : show(p12);
  const signWith = pem ? `--ca-cert ${shellWord(show('ca/ca.crt'))} --ca-key ${shellWord(show('ca/ca.key'))}` : `--ca ${shellWord(show(p12))}`;
  return {
    settings: {},
    keystoreCommands: [],
    readme: [
      `A new certificate authority is in ${where}.`,
      'Keep its private key off the nodes and somewhere safe: whoever has it can issue certificates your cluster trusts.',
      `Use it to sign node certificates next, for example: estls gen cert ${signWith} --name node1 --dns node1.example.com`,
      ...(hasPassword(ctx.caProtection) ? ['(give its password with --ca-pass, or in ESTLS_CA_PASS)'] : []),
    ].join('\n'),
  };
}

/** `cert`: transport certificates, one P12 (with the CA as trusted entry) or PEM pair per instance. */
export async function buildCert(ctx: BuildContext, files: FileSet): Promise<Omit<GenerateResult, 'files'>> {
  const profile: CertificateProfile = ctx.spec.extendedKeyUsage === false ? 'plain' : 'transport';
  const pem = ctx.spec.format === 'pem';
  const single = ctx.instances.length === 1 && !pem;
  let first: { p12?: string; cert?: string; key?: string } = {};
  let onlyFile: string | undefined;
  // Keys are made a few at a time on Node's thread pool (cancellable between keys); files keep the instances' order.
  const all = await ctx.work.map(ctx.instances, (instance) => issue(ctx, instance, profile));
  for (const [i, instance] of ctx.instances.entries()) {
    const issued = all[i];
    const stem = fileStem(instance);
    if (pem) {
      files.addCertificate(`${stem}/${stem}.crt`, issued.certDer, 'certificate');
      files.addKey(`${stem}/${stem}.key`, issued.key, ctx.protection, 'key');
      if (!first.cert) first = { cert: `${stem}.crt`, key: `${stem}.key` };
    } else {
      const path = single ? (ctx.spec.fileName ?? (instance.name === 'instance' ? 'elastic-certificates.p12' : `${stem}.p12`)) : `${stem}/${stem}.p12`;
      files.addPkcs12(path, instance.name, issued, ctx.ca, ctx.protection);
      if (!first.p12) first = { p12: baseName(path) };
      if (single) onlyFile = path;
    }
  }
  if (pem && ctx.ca) files.addCertificate('ca/ca.crt', ctx.ca.certDer, 'caCertificate');
  const { settings, commands } = transportSettings({
    format: pem ? 'pem' : 'pkcs12',
    ...first,
    ca: pem && ctx.ca ? 'ca.crt' : undefined,
    hasPassword: hasPassword(ctx.protection),
  });
  return {
    settings: { elasticsearch: settings },
    keystoreCommands: commands,
    readme: [
      `Transport certificates for ${ctx.instances.map((i) => i.name).join(', ')}${onlyFile ? ` in ${ctx.show(onlyFile)}` : ''}.`,
      'Copy each node\'s file into that node\'s config/certs/ folder and add the settings below to its elasticsearch.yml,',
      'changing the file name for each node. Every node must trust the same CA.',
    ].join('\n'),
  };
}

/** `http`: elasticsearch/http.p12 (per node folders when several), Kibana's CA file and samples, ca/ca.p12 if new. */
export async function buildHttp(ctx: BuildContext, files: FileSet): Promise<Omit<GenerateResult, 'files'>> {
  const ca = ctx.ca as CaMaterial;
  const pem = ctx.spec.format === 'pem';
  const perNode = ctx.instances.length > 1;
  let es: ReturnType<typeof httpSettings> = { settings: [], commands: [] };
  // certutil http turns a dotted host name into a DN: es.example.com -> CN=es,DC=example,DC=com.
  const subjectName = (name: string) => (name.includes('=') ? name : `CN=${name.split('.').join(',DC=')}`);
  const all = await ctx.work.map(ctx.instances, (i) => issue(ctx, { ...i, name: subjectName(i.name) }, 'http'));
  for (const [i, instance] of ctx.instances.entries()) {
    const issued = all[i];
    const dir = perNode ? `elasticsearch/${fileStem(instance)}` : 'elasticsearch';
    if (pem) {
      files.addCertificate(`${dir}/http.crt`, issued.certDer, 'certificate');
      files.addKey(`${dir}/http.key`, issued.key, ctx.protection, 'key');
    } else {
      files.addPkcs12(`${dir}/http.p12`, 'http', issued, ca, ctx.protection);
    }
    es = httpSettings({
      format: pem ? 'pem' : 'pkcs12',
      p12: 'http.p12',
      cert: 'http.crt',
      key: 'http.key',
      hasPassword: hasPassword(ctx.protection),
    });
    files.add(`${dir}/sample-elasticsearch.yml`, sampleYaml('HTTPS for Elasticsearch', es.settings, es.commands), false);
  }
  if (ca.generated) files.addPkcs12('ca/ca.p12', 'ca', { certDer: ca.certDer, key: ca.key }, undefined, ctx.caProtection);
  files.addCertificate('kibana/elasticsearch-ca.pem', ca.certDer, 'caCertificate');
  const kibana = kibanaTrustSettings('elasticsearch-ca.pem', hostCovered(ctx.instances[0]));
  files.add('kibana/sample-kibana.yml', sampleYaml('Kibana trusting Elasticsearch over HTTPS', kibana, []), false);
  // README.txt sits beside the files, so it names them as they are in the output; the printed text names them where they are.
  const layout = { perNode, pem, newCa: ca.generated };
  files.add('README.txt', httpReadme(layout, (p) => p) + '\n', false);
  const readme = httpReadme(layout, ctx.show);
  return { settings: { elasticsearch: es.settings, kibana }, keystoreCommands: es.commands, readme };
}

function httpReadme(layout: { perNode: boolean; pem: boolean; newCa: boolean }, show: (layoutPath: string) => string): string {
  const keyFiles = layout.pem ? `${show('elasticsearch/http.crt')} and ${show('elasticsearch/http.key')}` : show('elasticsearch/http.p12');
  return [
    'HTTPS certificates for Elasticsearch.',
    layout.perNode
      ? `Each folder under ${show('elasticsearch')}/ belongs to one node: copy its files to that node's config/certs/.`
      : `Copy ${keyFiles} to config/certs/ on every node.`,
    `Give ${show('kibana/elasticsearch-ca.pem')} to Kibana and to every client that calls Elasticsearch over HTTPS.`,
    layout.newCa ? `${show('ca/ca.p12')} holds the new CA and its key: keep it safe and off the nodes.` : '',
  ].filter(Boolean).join('\n');
}

/**
 * A host name (or IP) the HTTP certificate covers, for Kibana's `elasticsearch.hosts`: the first DNS name that is
 * not a wildcard, else the first IP address; undefined when the certificate names neither.
 */
export function hostCovered(instance: InstanceSpec | undefined): string | undefined {
  const dns = instance?.dns.find((d) => !d.includes('*'));
  if (dns) return dns;
  const ip = instance?.ip[0];
  return ip === undefined ? undefined : ip.includes(':') ? `[${ip}]` : ip;
}

/** Kibana's client certificate for mutual TLS to Elasticsearch (PEM by default; Kibana reads PEM directly). */
export async function buildKibanaClient(ctx: BuildContext, files: FileSet): Promise<Omit<GenerateResult, 'files'>> {
  const ca = ctx.ca as CaMaterial;
  const [issued] = await ctx.work.map([ctx.instances[0]], (i) => issue(ctx, i, 'client'));
  const p12 = ctx.spec.format === 'pkcs12';
  if (p12) files.addPkcs12('kibana/kibana-client.p12', 'kibana-client', issued, ca, ctx.protection);
  else {
    files.addCertificate('kibana/kibana-client.crt', issued.certDer, 'certificate');
    files.addKey('kibana/kibana-client.key', issued.key, ctx.protection, 'key');
  }
  files.addCertificate('elasticsearch/kibana-ca.crt', ca.certDer, 'caCertificate');
  const s = kibanaClientSettings({
    format: p12 ? 'pkcs12' : 'pem',
    p12: 'kibana-client.p12',
    cert: 'kibana-client.crt',
    key: 'kibana-client.key',
    ca: 'kibana-ca.crt',
    hasPassword: hasPassword(ctx.protection),
  });
  return {
    settings: { elasticsearch: s.elasticsearch, kibana: s.kibana },
    keystoreCommands: s.commands,
    readme: [
      'A client certificate for Kibana to log in to Elasticsearch through a PKI realm (mutual TLS).',
      'Copy elasticsearch/kibana-ca.crt to config/certs/ on every node, add the Elasticsearch settings and restart.',
      'Then map the certificate\'s DN to the kibana_system role (role mapping), configure Kibana with the client',
      'certificate and key, and remove elasticsearch.username and elasticsearch.password from kibana.yml.',
    ].join('\n'),
  };
}

/** `csr`: <filename>/<filename>.csr and .key per instance, for a CA outside this tool. */
export async function buildCsr(ctx: BuildContext, files: FileSet): Promise<Omit<GenerateResult, 'files'>> {
  const all = await ctx.work.map(ctx.instances, (instance) => makeCsr(instance, ctx.key));
  for (const [i, instance] of ctx.instances.entries()) {
    const { csrDer, key } = all[i];
    const stem = fileStem(instance);
    files.addCsr(`${stem}/${stem}.csr`, csrDer);
    files.addKey(`${stem}/${stem}.key`, key, ctx.protection);
  }
  return {
    settings: {},
    keystoreCommands: hasPassword(ctx.protection) ? ['bin/elasticsearch-keystore add xpack.security.transport.ssl.secure_key_passphrase'] : [],
    readme: [
      'Certificate signing requests, one folder per instance, each with its private key.',
      'Send only the .csr files to your certificate authority; the .key files never leave your hands.',
      'When the signed certificates come back, put each one beside its key and configure them with the CA certificate.',
    ].join('\n'),
  };
}

/** The CA a run signs with: loaded, made now (`ca`, and `http` without one), or none when self-signed. */
export async function caForRun(
  spec: GenerateRequestSpec,
  now: Date,
  days: number,
  load: () => Promise<CaMaterial>,
): Promise<CaMaterial | undefined> {
  if (spec.kind === 'csr') return undefined;
  if (spec.kind === 'ca') return makeCa({ dn: spec.caDn, key: spec.key, days, now });
  if (spec.ca?.kind === 'selfSigned') {
    if (spec.kind !== 'cert') throw new PkiError('INVALID_INPUT', 'Only transport certificates can be self-signed.');
    return undefined;
  }
  if (spec.ca) return load();
  // certutil gives a new HTTP CA its own validity (5 years), whatever the certificates get.
  if (spec.kind === 'http') return makeCa({ dn: spec.caDn ?? HTTP_CA_DN, key: spec.key, days: daysForYears(now, 5), now });
  throw new PkiError('INVALID_INPUT', 'Must specify either --ca or --ca-cert/--ca-key or --self-signed');
}
