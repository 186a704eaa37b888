// Elastic TLS: Generate HTTP Certificates — certutil `http`: certificates for the REST layer, signed by an existing
// CA or by a new HTTP CA made on the way; 5 years by default.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { pickCaSource } from '../generate/caSource';
import { askCommon, daysInYears } from '../generate/commonSteps';
import { askInstances, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate HTTP Certificates';

export async function generateHttpCertificates(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'http', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const steps = new Steps(TITLE, folder ? 6 : 7);
  const source = await pickCaSource(services, steps.next(), { selfSigned: false, newCa: true });
  if (!source) return emptyResult('cancelled');
  const instances = await askInstances(steps.next(), 'http', true);
  if (!instances) return emptyResult('cancelled');
  const common = await askCommon(steps, { defaultDays: daysInYears(5), chooseFormat: true, what: 'HTTP', folder });
  if (!common) return emptyResult('cancelled');
  return generateAndWrite(services, 'http', { ...common, instances, ...(source.ca ? { ca: source.ca } : {}) }, true);
}
