// Elastic TLS: Generate Node Certificate — certutil `cert` for the transport layer, signed by a CA, one or more nodes.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { pickCaSource } from '../generate/caSource';
import { askCommon } from '../generate/commonSteps';
import { askInstances, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate Node Certificate';

export async function generateNodeCertificate(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'cert', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const steps = new Steps(TITLE, folder ? 6 : 7);
  const source = await pickCaSource(services, steps.next(), { selfSigned: true, newCa: false });
  if (!source) return emptyResult('cancelled');
  const instances = await askInstances(steps.next(), 'node1', true);
  if (!instances) return emptyResult('cancelled');
  const common = await askCommon(steps, { defaultDays: 1095, chooseFormat: true, what: 'node', folder });
  if (!common) return emptyResult('cancelled');
  return generateAndWrite(services, 'cert', { ...common, instances, ...(source.ca ? { ca: source.ca } : {}) }, true);
}
