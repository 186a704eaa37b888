// `estls gen ... --k8s-secret NAME [--namespace NS] [--cluster NAME]`: the certificates as one Kubernetes Secret
// manifest (mode 0600) for ECK, instead of loose files. The manifest holds keys, so it is never printed.
import * as path from 'node:path';
import { eckHttpServiceNames, k8sSecret, type K8sSecretOptions } from '../pki/generate/k8sSecret';
import type { GenerateRequestSpec, GenerateResult } from '../pki/generate/types';
import { UsageError, one, type GenArgs } from './genArgs';
import { shellWord } from '../pki/generate/kinds';
import { displayPath, planOutput, type OutputPlan, type PlacedFile } from './genOutput';
import type { CliIo } from './io';

/** A Secret request: the Secret's names and the generation request adjusted for it. */
export interface SecretRequest extends K8sSecretOptions {
  spec: GenerateRequestSpec;
}

/** ECK's Elasticsearch HTTP certificate names, when `--cluster` names the Elasticsearch resource. */
function eckInstances(a: GenArgs, spec: GenerateRequestSpec, namespace: string): GenerateRequestSpec['instances'] {
  const cluster = one(a, 'cluster');
  if (cluster === undefined || spec.instances !== undefined) return spec.instances;
  const dns = eckHttpServiceNames(cluster, namespace);
  return [{ name: dns[0], dns, ip: [] }];
}

/**
 * The Secret asked for, or undefined without --k8s-secret. ECK takes a CA (ca.crt + ca.key, it then issues the
 * HTTP certificates) or one HTTP certificate (tls.crt, tls.key, ca.crt), with unencrypted PEM keys.
 */
export function k8sRequest(a: GenArgs, spec: GenerateRequestSpec): SecretRequest | undefined {
  const name = one(a, 'k8s-secret');
  if (name === undefined) {
    for (const flag of ['namespace', 'cluster']) if (a.values.has(flag)) throw new UsageError(`--${flag} goes with --k8s-secret`);
    return undefined;
  }
  if (spec.kind !== 'ca' && spec.kind !== 'http') throw new UsageError('--k8s-secret makes the Secret ECK reads for HTTPS: use it with ca or http');
  if (a.values.has('cluster') && spec.kind !== 'http') throw new UsageError('--cluster names the HTTP certificate: use it with http');
  if (spec.kind === 'http' && !spec.ca) throw new UsageError('--k8s-secret with http needs --ca or --ca-cert/--ca-key: a CA made on the fly would be lost (make one with estls gen ca --k8s-secret NAME)');
  if (spec.password) throw new UsageError('ECK reads only unencrypted keys: leave out --pass (and ESTLS_PASS) with --k8s-secret');
  if (a.flags.has('p12')) throw new UsageError('--k8s-secret writes PEM; --p12 does not apply');
  const given = one(a, 'namespace');
  // ECK's service names need a namespace; `default` is the one kubectl uses when none is set.
  const namespace = given ?? (a.values.has('cluster') ? 'default' : undefined);
  const instances = spec.kind === 'http' ? eckInstances(a, spec, namespace ?? 'default') : spec.instances;
  if ((instances?.length ?? 0) > 1) throw new UsageError('a Secret holds one certificate: give one instance');
  return { name, ...(namespace ? { namespace } : {}), spec: { ...spec, format: 'pem', password: undefined, instances } };
}

/** --out for a Secret: a .yaml/.yml file, or a folder (the current one by default) that gets NAME.yaml. */
export function planSecretOutput(out: string | undefined, cwd: string): OutputPlan {
  const plan = planOutput(out, cwd);
  if (plan.kind === 'folder' || (plan.kind === 'file' && /\.ya?ml$/i.test(plan.file))) return plan;
  throw new UsageError('--k8s-secret writes one YAML manifest: give --out a .yaml file or a folder');
}

/** The manifest as the one file to write, 0600: it holds a private key. */
export function placeSecret(result: GenerateResult, secret: SecretRequest, plan: OutputPlan): PlacedFile[] {
  const target = plan.kind === 'folder' ? path.join(plan.dir, `${secret.name}.yaml`) : plan.file;
  const { manifest } = k8sSecret(result.files, secret.spec.kind === 'ca', secret);
  return [{ target, bytes: Buffer.from(manifest, 'utf8'), mode: 0o600 }];
}

/** What to do next: apply the manifest, then point the Elasticsearch resource at it. Never the manifest itself. */
export function reportSecret(result: GenerateResult, secret: SecretRequest, written: PlacedFile, io: CliIo): void {
  for (const w of result.warnings ?? []) io.err(`estls gen: warning: ${w}\n`);
  const file = shellWord(displayPath(written.target, io.cwd));
  const { keys, specLines } = k8sSecret(result.files, secret.spec.kind === 'ca', secret);
  const issues = secret.spec.kind === 'ca' ? '; ECK then issues the HTTP certificates from this CA' : '';
  io.out(`\nSecret ${secret.name} (${keys.join(', ')})${secret.namespace ? ` in namespace ${secret.namespace}` : ''}.\n`);
  io.out(`Keep ${file} out of version control: it holds a private key. Apply it with:\n  kubectl apply -f ${file}\n`);
  io.out(`\n# add to the Elasticsearch resource (kind: Elasticsearch)${issues}:\n${specLines.join('\n')}\n`);
}
