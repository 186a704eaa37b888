// A Kubernetes Secret manifest that holds generated PEM files under the names ECK reads, so ECK users need not
// run `kubectl create secret generic ... --from-file=...` by hand.
//
// Sources:
// - ECK "Manage HTTP certificates on ECK" (https://www.elastic.co/docs/deploy-manage/security/k8s-https-settings):
//   a custom certificate is a Secret with tls.crt, tls.key and ca.crt; a CA that ECK issues certificates from is a
//   Secret with ca.crt and ca.key; either is named in spec.http.tls.certificate.secretName.
// - ECK reads unencrypted keys only ("RSA PRIVATE KEY", "EC PRIVATE KEY", RSA "PRIVATE KEY"; an encrypted one is
//   refused): elastic/cloud-on-k8s pkg/controller/common/certificates/pem.go, ParsePEMPrivateKey.
// - Secret fields (apiVersion v1, kind Secret, metadata, type, data as base64): Kubernetes API reference, Secret v1.
import { PkiError } from '../errors';
import type { FileRole, GeneratedFile, GenerateRequestSpec, GenerateResult } from './types';

/** Which Secret to write: its name and, when given, its namespace. */
export interface K8sSecretOptions {
  name: string;
  namespace?: string;
}

/** The manifest, the data keys it holds, and the lines to add to the Elasticsearch resource. */
export interface K8sSecret {
  manifest: string;
  keys: string[];
  specLines: string[];
}

// Secret names are DNS subdomains, namespaces DNS labels (Kubernetes object names and IDs).
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

// ECK writes and owns <name>-es-http-certs-internal, -es-http-certs-public and -es-http-ca-internal ("Manage HTTP
// certificates on ECK"); a custom certificate under one of those names would be overwritten by the operator.
const ECK_OWNED = /-es-http-(certs-internal|certs-public|ca-internal)$/;

/** Why a Secret name cannot be used (Kubernetes refuses it, or ECK owns it), or undefined when it can. */
export function secretNameProblem(name: string): string | undefined {
  if (!DNS_SUBDOMAIN.test(name)) return 'Kubernetes names are lower-case letters, digits, \'-\' and \'.\', at most 253 characters';
  if (ECK_OWNED.test(name)) return 'ECK manages Secrets with this name itself; choose another';
  return undefined;
}

/** Throws INVALID_INPUT when Kubernetes would refuse the Secret's name or namespace, or ECK owns the name. */
export function checkSecretNames(options: K8sSecretOptions): void {
  const problem = secretNameProblem(options.name);
  if (problem) throw new PkiError('INVALID_INPUT', `[${options.name}] is not a valid Secret name: ${problem}`);
  if (options.namespace !== undefined && !DNS_LABEL.test(options.namespace)) {
    throw new PkiError('INVALID_INPUT', `[${options.namespace}] is not a valid namespace: lower-case letters, digits and '-', at most 63 characters`);
  }
}

/** The names ECK gives an Elasticsearch cluster's HTTP service: `<name>-es-http` and its in-cluster DNS name. */
export function eckHttpServiceNames(cluster: string, namespace: string): string[] {
  return [`${cluster}-es-http`, `${cluster}-es-http.${namespace}.svc`];
}

function oneFile(files: GeneratedFile[], role: FileRole, key: string): GeneratedFile {
  const found = files.filter((f) => f.role === role);
  if (found.length !== 1) {
    throw new PkiError('INVALID_INPUT', `A Secret holds one ${key}; this request makes ${found.length}. Make one certificate per Secret.`);
  }
  return found[0];
}

/**
 * The Secret for generated PEM files: ca.crt + ca.key for a CA (`forCa`), else tls.crt, tls.key and ca.crt.
 * Throws INVALID_INPUT when a key is encrypted (ECK cannot read it) or a file is missing or repeated.
 */
export function k8sSecret(files: GeneratedFile[], forCa: boolean, options: K8sSecretOptions): K8sSecret {
  checkSecretNames(options);
  const roles: Array<[string, FileRole]> = forCa
    ? [['ca.crt', 'caCertificate'], ['ca.key', 'caKey']]
    : [['ca.crt', 'caCertificate'], ['tls.crt', 'certificate'], ['tls.key', 'key']];
  const data = roles.map(([key, role]) => [key, oneFile(files, role, key)] as const);
  for (const [key, file] of data) {
    if (file.private && /ENCRYPTED/.test(Buffer.from(file.contentBase64, 'base64').toString('latin1'))) {
      throw new PkiError('INVALID_INPUT', `The key for ${key} is encrypted; ECK reads only unencrypted keys. Make it without a password.`);
    }
  }
  const manifest = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${options.name}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'type: Opaque',
    'data:',
    ...data.map(([key, file]) => `  ${key}: ${file.contentBase64}`),
    '',
  ].join('\n');
  const specLines = ['spec:', '  http:', '    tls:', '      certificate:', `        secretName: ${options.name}`];
  return { manifest, keys: data.map(([key]) => key), specLines };
}

/**
 * The request to generate for a Secret: PEM, keys unencrypted, one certificate, and for `http` with a `cluster` the
 * ECK service names as SANs when no instance is given. Throws INVALID_INPUT for what a Secret cannot hold.
 */
export function secretSpec(spec: GenerateRequestSpec): GenerateRequestSpec {
  const secret = spec.k8sSecret!;
  checkSecretNames(secret);
  const refuse = (message: string) => new PkiError('INVALID_INPUT', message);
  if (spec.kind !== 'ca' && spec.kind !== 'http') throw refuse('A Secret for ECK holds a CA or an HTTP certificate: use it with ca or http.');
  if (spec.kind === 'http' && !spec.ca) throw refuse('A Secret for an HTTP certificate needs a given CA: a CA made on the fly would be lost. Make one first (a CA Secret, or a CA file).');
  if (spec.password || spec.caPassword) throw refuse('ECK reads only unencrypted keys: make the Secret without a password.');
  if (secret.cluster !== undefined && spec.kind !== 'http') throw refuse('The cluster name sets an HTTP certificate\'s names: use it with http.');
  const names = secret.cluster === undefined ? undefined : eckHttpServiceNames(secret.cluster, secret.namespace ?? 'default');
  const instances = spec.instances?.length ? spec.instances : names ? [{ name: names[0], dns: names, ip: [] }] : spec.instances;
  if ((instances?.length ?? 0) > 1) throw refuse('A Secret holds one certificate: give one instance.');
  const { k8sSecret: _secret, fileName: _file, ...rest } = spec;
  return { ...rest, format: 'pem', password: undefined, caPassword: undefined, instances };
}

/** The generated files as one Secret manifest (0600), with the README saying how to apply it and use it. */
export function secretResult(result: GenerateResult, spec: GenerateRequestSpec, show: (layoutPath: string) => string): GenerateResult {
  const options = spec.k8sSecret!;
  const namespace = options.namespace ?? (options.cluster !== undefined ? 'default' : undefined);
  const secret = k8sSecret(result.files, spec.kind === 'ca', { name: options.name, ...(namespace ? { namespace } : {}) });
  const file = spec.fileName ?? `${options.name}.yaml`;
  const issues = spec.kind === 'ca' ? '; ECK then issues the HTTP certificates from this CA' : '';
  const readme = [
    `Secret ${options.name} (${secret.keys.join(', ')})${namespace ? ` in namespace ${namespace}` : ''} is in ${show(file)}.`,
    'Keep it out of version control: it holds a private key. Apply it with:',
    `  kubectl apply -f ${show(file)}`,
    '',
    `# add to the Elasticsearch resource (kind: Elasticsearch)${issues}:`,
    ...secret.specLines,
  ].join('\n');
  const manifest = Buffer.from(secret.manifest, 'utf8').toString('base64');
  return { ...result, files: [{ path: file, contentBase64: manifest, private: true }], settings: {}, keystoreCommands: [], readme, k8sSpecLines: secret.specLines };
}
