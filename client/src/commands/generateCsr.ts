// Elastic TLS: Generate CSR — certutil `csr`: a key and a certificate signing request per instance, for a CA
// outside the cluster to sign.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { askCommon } from '../generate/commonSteps';
import { askInstances, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate CSR';

export async function generateCsr(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'csr', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const steps = new Steps(TITLE, folder ? 3 : 4);
  const instances = await askInstances(steps.next(), 'node1', true);
  if (!instances) return emptyResult('cancelled');
  const common = await askCommon(steps, { chooseFormat: false, what: 'CSR', folder });
  if (!common) return emptyResult('cancelled');
  return generateAndWrite(services, 'csr', { ...common, instances }, true);
}
