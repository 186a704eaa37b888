// Certificate generation as elasticsearch-certutil does it, without a JVM: the one entry point front ends call.
import 'reflect-metadata';
import { X509Certificate } from 'node:crypto';
import { PkiError } from '../errors';
import { checkPkcs12Password } from '../pkcs12/write';
import { DEFAULT_DAYS, daysForYears, type CaMaterial } from './issue';
import { BuildContext, buildCa, buildCert, buildCsr, buildHttp, buildKibanaClient, caForRun } from './kinds';
import { checkKeyWork, checkRequestShape } from './requestShape';
import { KeyWork } from './workQueue';
import { loadCa } from './loadCa';
import { secretResult, secretSpec } from './k8sSecret';
import { FileSet, type Protection } from './output';
import type { GenerateEnvironment, GenerateRequestSpec, GenerateResult, InstanceSpec } from './types';
import { validateInstance } from './validate';

export { makeCa, makeSignedCertificate, checkCa, DEFAULT_CA_DN, HTTP_CA_DN } from './issue';
export type { CaMaterial, IssuedCertificate, CertificateProfile } from './issue';
export { makeCsr } from './csr';
export { loadCa } from './loadCa';
export { parseInstances } from './instances';
export { validateInstance, isValidDnsName, isValidIp, isValidFilename, splitCommaList } from './validate';
export type * from './types';

type Builder = (ctx: BuildContext, files: FileSet) => Omit<GenerateResult, 'files'> | Promise<Omit<GenerateResult, 'files'>>;
const BUILDERS: Readonly<Record<GenerateRequestSpec['kind'], Builder>> = {
  ca: buildCa,
  cert: buildCert,
  http: buildHttp,
  kibanaClient: buildKibanaClient,
  csr: buildCsr,
};

/**
 * The instance name certutil uses when none is given: `instance` for cert and csr; for http the first DNS name
 * without a wildcard (else the first with `*.` removed, else `elasticsearch`); `kibana-client` for Kibana's.
 */
export function defaultInstanceName(kind: GenerateRequestSpec['kind'], dns: readonly string[] = []): string {
  if (kind === 'kibanaClient') return 'kibana-client';
  if (kind !== 'http') return 'instance';
  return dns.find((d) => !d.includes('*')) ?? dns.map((d) => d.replace('*.', ''))[0] ?? 'elasticsearch';
}

function defaultInstances(spec: GenerateRequestSpec): InstanceSpec[] {
  if (spec.instances && spec.instances.length > 0) return spec.instances;
  return [{ name: defaultInstanceName(spec.kind), dns: [], ip: [] }];
}

/** Every instance checked as certutil does; all problems reported together. */
function checkInstances(instances: InstanceSpec[]): void {
  const problems = instances.flatMap((i) => validateInstance(i).map((m) => `${i.name || '(no name)'}: ${m}`));
  const stems = instances.map((i) => i.filename ?? i.name);
  const repeated = [...new Set(stems.filter((s, i) => stems.indexOf(s) !== i))];
  for (const stem of repeated) problems.push(`file name [${stem}] is used by more than one instance`);
  if (problems.length) throw new PkiError('INVALID_INPUT', problems.join('\n'));
}

function protectionFor(spec: GenerateRequestSpec, password: string | undefined): Protection {
  const isP12 = spec.format !== 'pem' && spec.kind !== 'csr' && !(spec.kind === 'kibanaClient' && spec.format === undefined);
  if (isP12) checkPkcs12Password(password ?? '');
  else if (password === '') throw new PkiError('INVALID_INPUT', 'An encrypted PEM key needs a non-empty passphrase.');
  return { password, legacy: spec.legacyPkcs12 };
}

function daysFor(spec: GenerateRequestSpec, now: Date): number {
  if (spec.days !== undefined) return spec.days;
  return spec.kind === 'http' ? daysForYears(now, 5) : DEFAULT_DAYS;
}

const DAY_MS = 86_400_000;

/** Whole days left before a loaded CA expires; undefined for a CA made in this run, or none. */
function caDaysLeft(ca: CaMaterial | undefined, now: Date): number | undefined {
  if (!ca || ca.generated) return undefined;
  return Math.floor((Date.parse(new X509Certificate(Buffer.from(ca.certDer)).validTo) - now.getTime()) / DAY_MS);
}

/**
 * The validity the certificates get. A default validity stops where the signing CA stops: a certificate that
 * outlives its CA is not trusted once the CA expires. A validity the user asked for is kept (and warned about).
 */
function effectiveDays(spec: GenerateRequestSpec, requested: number, caLeft: number | undefined): number {
  if (spec.days !== undefined || caLeft === undefined || caLeft < 1) return requested;
  return Math.min(requested, caLeft);
}

/** The single output file's name from `fileName`: a plain file name, not a path. */
function checkFileName(name: string | undefined): void {
  if (name === undefined) return;
  if (name === '' || name.startsWith('.') || /[/\\\0]/.test(name)) {
    throw new PkiError('INVALID_INPUT', `[${name}] is not a valid file name`);
  }
}

/**
 * Makes the files a request asks for, with certutil's defaults, and the settings, keystore commands and README
 * that go with them. Throws PkiError (INVALID_INPUT, NOT_A_CA, KEY_MISMATCH, BAD_PASSWORD, ...) on bad input.
 * Kibana client certificates default to PEM (format undefined); every other kind defaults to PKCS#12.
 */
export async function generate(spec: GenerateRequestSpec, env: GenerateEnvironment): Promise<GenerateResult> {
  // The request may be any JSON: its shape is checked first, so no later step quotes a value in a TypeError.
  checkRequestShape(spec);
  checkFileName(spec.fileName);
  if (spec.k8sSecret) return secretResult(await generateFiles(secretSpec(spec), env), spec, env.showPath ?? ((p) => p));
  return generateFiles(spec, env);
}

async function generateFiles(spec: GenerateRequestSpec, env: GenerateEnvironment): Promise<GenerateResult> {
  const now = env.clock.now();
  const requested = daysFor(spec, now);
  if (!Number.isInteger(requested) || requested < 1) throw new PkiError('INVALID_INPUT', 'the certificate must be valid for at least one day');
  const instances = defaultInstances(spec);
  // Only `ca` and `http` without a CA write a CA; `http` always writes it as ca/ca.p12.
  const newHttpCa = spec.kind === 'http' && !spec.ca;
  const keyCount = spec.kind === 'ca' ? 1 : instances.length + (newHttpCa ? 1 : 0);
  if (spec.kind !== 'ca') {
    checkInstances(instances);
    checkKeyWork(spec, instances.length, newHttpCa);
  }
  const protection = protectionFor(spec, spec.password);
  const caProtection = newHttpCa
    ? protectionFor({ ...spec, kind: 'ca', format: 'pkcs12' }, spec.caPassword ?? spec.password)
    : protection;
  const work = new KeyWork(keyCount, env);
  work.checkpoint();
  const ca = await caForRun(spec, now, requested, () => loadCa(spec.ca!, { fs: env.fs, baseDir: env.baseDir }));
  if (spec.kind === 'ca' || newHttpCa) work.madeOne();
  const caLeft = caDaysLeft(ca, now);
  const days = effectiveDays(spec, requested, caLeft);
  const show = env.showPath ?? ((p: string) => p);
  const ctx: BuildContext = { spec, instances, ca, key: spec.key, days, now, protection, caProtection, show, work };
  const files = new FileSet();
  const rest = await BUILDERS[spec.kind](ctx, files);
  // Shortened by a day or less (a CA made moments ago with the same validity) is not worth a word.
  const warnings = [...passwordWarnings(spec), ...caWarnings(ca, now, days, days < requested - 1 ? requested : undefined)];
  return { files: files.files, ...rest, ...(warnings.length ? { warnings } : {}) };
}

/** certutil warns above 50 characters: OpenSSL before 1.1.0 cannot read such files. */
function passwordWarnings(spec: GenerateRequestSpec): string[] {
  const long = [spec.password, spec.caPassword].some((p) => p !== undefined && p.length > 50);
  return long ? ['The password is longer than 50 characters: OpenSSL older than 1.1.0 cannot read these files.'] : [];
}

/** `shortenedFrom`: the default validity the certificates would have had, when they were made to end with the CA. */
function caWarnings(ca: CaMaterial | undefined, now: Date, days: number, shortenedFrom?: number): string[] {
  if (!ca || ca.generated) return [];
  const notAfter = Date.parse(new X509Certificate(Buffer.from(ca.certDer)).validTo);
  if (notAfter <= now.getTime()) return ['The CA certificate has expired: certificates it signs will not be trusted.'];
  const on = new Date(notAfter).toISOString().slice(0, 10);
  if (shortenedFrom !== undefined) {
    return [`The CA certificate expires on ${on}: the new certificates are valid for ${days} days, until then, instead of the default ${shortenedFrom}. Renew the CA before that date.`];
  }
  // A day of slack: a CA made moments ago with the same validity must not trigger the warning.
  if (notAfter + DAY_MS < now.getTime() + days * DAY_MS) {
    return [`The CA certificate expires on ${on}, before the new certificates do; they stop working then.`];
  }
  return [];
}
