// A generation request arrives as untyped JSON (over the protocol, or built by the CLI). Its shape is checked
// before anything uses it, so a wrong type ends in a message that names the field, never in a Node TypeError that
// quotes the value (a number given as the password would be printed). Then the work it asks for is bounded.
import { PkiError } from '../errors';
import { checkKeySpec } from './keyPair';
import type { GenerateRequestSpec, KeySpec } from './types';

/** Most instances one request may name. certutil has no bound; 1,000 EC certificates take about 11 s. */
export const MAX_INSTANCES = 1000;

/**
 * Most key-generation work one request may ask for, in units of one EC key. An RSA key costs (bits / 1024)^3
 * units (RSA-2048: 8, RSA-3072: 27, RSA-4096: 64): its prime search grows about with the cube of the size, and
 * measured, one RSA-4096 key took about 0.5 s where an EC key with its certificate took 11 ms. 3,200 units is
 * 400 RSA-2048 keys or 50 RSA-4096 keys, near half a minute at worst, and cancellable between keys.
 */
export const MAX_KEY_WORK = 3200;

/** The work units of one key of `spec` (certutil's default is RSA-2048). */
export function keyWork(spec: KeySpec | undefined): number {
  if (!spec || spec.type === 'rsa') return ((spec?.bits ?? 2048) / 1024) ** 3;
  return 1;
}

const KINDS = new Set(['ca', 'cert', 'http', 'kibanaClient', 'csr']);

function fail(field: string, what: string): never {
  throw new PkiError('INVALID_INPUT', `The request's ${field} must be ${what}.`);
}

function optional(value: unknown, field: string, type: 'string' | 'boolean' | 'number'): void {
  if (value !== undefined && typeof value !== type) fail(field, `a ${type}`);
}

function stringList(value: unknown, field: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(field, 'a list of strings');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCaShape(ca: unknown): void {
  if (ca === undefined) return;
  if (!isObject(ca)) fail('"ca"', 'an object');
  if (ca.kind === 'pkcs12') {
    if (typeof ca.path !== 'string') fail('"ca.path"', 'a string');
    if (typeof ca.password !== 'string') fail('"ca.password"', 'a string');
  } else if (ca.kind === 'pem') {
    if (typeof ca.certPath !== 'string') fail('"ca.certPath"', 'a string');
    if (typeof ca.keyPath !== 'string') fail('"ca.keyPath"', 'a string');
    optional(ca.keyPassword, '"ca.keyPassword"', 'string');
  } else if (ca.kind !== 'selfSigned') fail('"ca.kind"', 'pkcs12, pem or selfSigned');
}

function checkKeyShape(key: unknown): void {
  if (key === undefined) return;
  if (!isObject(key)) fail('"key"', 'an object');
  checkKeySpec(key as KeySpec);
}

function checkInstancesShape(instances: unknown): void {
  if (instances === undefined) return;
  if (!Array.isArray(instances)) fail('"instances"', 'a list');
  if (instances.length > MAX_INSTANCES) {
    throw new PkiError('LIMIT', `The request names ${instances.length} instances; at most ${MAX_INSTANCES} are made in one request.`);
  }
  instances.forEach((instance: unknown, i) => {
    if (!isObject(instance)) fail(`instance ${i + 1}`, 'an object');
    if (typeof instance.name !== 'string') fail(`instance ${i + 1}'s "name"`, 'a string');
    optional(instance.filename, `instance ${i + 1}'s "filename"`, 'string');
    stringList(instance.dns, `instance ${i + 1}'s "dns"`, true);
    stringList(instance.ip, `instance ${i + 1}'s "ip"`, true);
    stringList(instance.cn, `instance ${i + 1}'s "cn"`, false);
  });
}

/** Throws INVALID_INPUT naming the first field of the wrong type (never its value), LIMIT for too many instances. */
export function checkRequestShape(spec: unknown): asserts spec is GenerateRequestSpec {
  if (!isObject(spec)) fail('body', 'an object');
  if (typeof spec.kind !== 'string' || !KINDS.has(spec.kind)) fail('"kind"', 'ca, cert, http, kibanaClient or csr');
  for (const field of ['caDn', 'password', 'caPassword', 'fileName'] as const) optional(spec[field], `"${field}"`, 'string');
  for (const field of ['legacyPkcs12', 'extendedKeyUsage'] as const) optional(spec[field], `"${field}"`, 'boolean');
  optional(spec.days, '"days"', 'number');
  if (spec.format !== undefined && spec.format !== 'pkcs12' && spec.format !== 'pem') fail('"format"', 'pkcs12 or pem');
  checkCaShape(spec.ca);
  checkKeyShape(spec.key);
  checkInstancesShape(spec.instances);
  checkSecretShape(spec.k8sSecret);
}

function checkSecretShape(secret: unknown): void {
  if (secret === undefined) return;
  if (!isObject(secret)) fail('"k8sSecret"', 'an object');
  if (typeof secret.name !== 'string') fail('"k8sSecret.name"', 'a string');
  optional(secret.namespace, '"k8sSecret.namespace"', 'string');
  optional(secret.cluster, '"k8sSecret.cluster"', 'string');
}

/**
 * Refuses a request whose keys together cost more than MAX_KEY_WORK: one key per instance, plus the CA's when the
 * run makes one.
 */
export function checkKeyWork(spec: GenerateRequestSpec, instanceCount: number, makesCa: boolean): void {
  const keys = instanceCount + (makesCa ? 1 : 0);
  const work = keys * keyWork(spec.key);
  if (work > MAX_KEY_WORK) {
    const most = Math.floor(MAX_KEY_WORK / keyWork(spec.key)) - (makesCa ? 1 : 0);
    throw new PkiError('LIMIT', `The request makes ${keys} keys of this kind; at most ${most} are made in one request. Use EC keys or split the instances into several requests.`);
  }
}
