// Elastic TLS: Generate Kibana Client Certificate — a clientAuth certificate Kibana presents to Elasticsearch
// (elasticsearch.ssl.certificate / key) when Elasticsearch asks for client certificates.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { pickCaSource } from '../generate/caSource';
import { askCommon } from '../generate/commonSteps';
import { askInstances, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate Kibana Client Certificate';

export async function generateKibanaClientCertificate(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'kibanaClient', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const steps = new Steps(TITLE, folder ? 6 : 7);
  const source = await pickCaSource(services, steps.next(), { selfSigned: false, newCa: false });
  if (!source) return emptyResult('cancelled');
  const instances = await askInstances(steps.next(), 'kibana', false);
  if (!instances) return emptyResult('cancelled');
  const common = await askCommon(steps, { defaultDays: 1095, chooseFormat: true, what: 'Kibana client', folder });
  if (!common) return emptyResult('cancelled');
  return generateAndWrite(services, 'kibanaClient', { ...common, instances, ...(source.ca ? { ca: source.ca } : {}) }, true);
}
