// `estls gen ca|http ... --k8s-secret NAME [--namespace NS] [--cluster NAME]`: the certificates as one Kubernetes
// Secret manifest for ECK (mode 0600, never printed), made by the engine (pki/generate/k8sSecret.ts).
import type { GenerateRequestSpec } from '../pki/generate/types';
import { UsageError, one, type GenArgs } from './genArgs';
import { planOutput, type OutputPlan } from './genOutput';

/**
 * The request with its Secret, or as it is without --k8s-secret. Flag combinations that cannot work are usage
 * errors here; what the engine checks besides (a password, several instances) it refuses itself.
 */
export function withK8sSecret(a: GenArgs, spec: GenerateRequestSpec): GenerateRequestSpec {
  const name = one(a, 'k8s-secret');
  if (name === undefined) {
    for (const flag of ['namespace', 'cluster']) if (a.values.has(flag)) throw new UsageError(`--${flag} goes with --k8s-secret`);
    return spec;
  }
  if (spec.kind !== 'ca' && spec.kind !== 'http') throw new UsageError('--k8s-secret makes the Secret ECK reads for HTTPS: use it with ca or http');
  if (a.values.has('cluster') && spec.kind !== 'http') throw new UsageError('--cluster names the HTTP certificate: use it with http');
  if (spec.kind === 'http' && !spec.ca) throw new UsageError('--k8s-secret with http needs --ca or --ca-cert/--ca-key: a CA made on the fly would be lost (make one with estls gen ca --k8s-secret NAME)');
  if (spec.password) throw new UsageError('ECK reads only unencrypted keys: leave out --pass (and ESTLS_PASS) with --k8s-secret');
  if (a.flags.has('p12')) throw new UsageError('--k8s-secret writes PEM; --p12 does not apply');
  const namespace = one(a, 'namespace');
  const cluster = one(a, 'cluster');
  return { ...spec, k8sSecret: { name, ...(namespace !== undefined ? { namespace } : {}), ...(cluster !== undefined ? { cluster } : {}) } };
}

/** --out for a Secret: a .yaml/.yml file, or a folder (the current one by default) that gets NAME.yaml. */
export function planSecretOutput(out: string | undefined, cwd: string): OutputPlan {
  const plan = planOutput(out, cwd);
  if (plan.kind === 'folder' || (plan.kind === 'file' && /\.ya?ml$/i.test(plan.file))) return plan;
  throw new UsageError('--k8s-secret writes one YAML manifest: give --out a .yaml file or a folder');
}
