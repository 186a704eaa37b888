// Elastic TLS: Generate HTTP Certificates — certutil `http`: certificates for the REST layer, signed by an existing
// CA or by a new HTTP CA made on the way; 5 years by default.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { pickCaSource } from '../generate/caSource';
import { askCommon, daysInYears } from '../generate/commonSteps';
import { askEckSecret, eckServiceNames } from '../generate/eckSecret';
import { askInstances, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate HTTP Certificates';

export async function generateHttpCertificates(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'http', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const secret = await askEckSecret(services, `${TITLE}: Kubernetes`, 'http');
  if (secret === undefined) return emptyResult('cancelled');
  // A Secret skips the format and password questions (PEM, unencrypted key: what ECK reads).
  const steps = new Steps(TITLE, (folder ? 6 : 7) - (secret ? 2 : 0));
  // A Secret holds one certificate signed by a CA that lives on: a CA made on the fly would be lost.
  const source = await pickCaSource(services, steps.next(), { selfSigned: false, newCa: !secret });
  if (!source) return emptyResult('cancelled');
  // For ECK the certificate is for the cluster's HTTP service: its names are offered (and can be changed).
  const names = secret ? eckServiceNames(secret.resource) : [];
  const instances = await askInstances(steps.next(), names[0] ?? 'http', !secret, names);
  if (!instances) return emptyResult('cancelled');
  const common = await askCommon(steps, { defaultDays: daysInYears(5), chooseFormat: true, what: 'HTTP', folder, k8sSecret: !!secret });
  if (!common) return emptyResult('cancelled');
  const args = { ...common, instances, ...(source.ca ? { ca: source.ca } : {}), ...(secret ? { k8sSecret: secret.k8sSecret } : {}) };
  return generateAndWrite(services, 'http', args, true, secret?.resource);
}
