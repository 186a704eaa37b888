// Elastic TLS: Generate CA — certutil `ca`: a CA certificate and key as PKCS#12 or PEM.
import { emptyResult, type GenerateCommandResult } from '../generate/args';
import { askCommon } from '../generate/commonSteps';
import { askEckSecret } from '../generate/eckSecret';
import { askText, Steps } from '../generate/prompts';
import { ensureTrusted, folderArg, generateAndWrite, isArgs } from '../generate/run';
import { checkDn } from '../generate/validation';
import type { Services } from '../services';

const TITLE = 'Elastic TLS: Generate CA';

export async function generateCa(services: Services, arg?: unknown): Promise<GenerateCommandResult> {
  if (isArgs(arg)) return generateAndWrite(services, 'ca', arg, false);
  if (!ensureTrusted()) return emptyResult('untrusted');
  const folder = folderArg(arg);
  const secret = await askEckSecret(services, `${TITLE}: Kubernetes`, 'ca');
  if (secret === undefined) return emptyResult('cancelled');
  // A Secret skips the format and password questions (PEM, unencrypted key: what ECK reads).
  const steps = new Steps(TITLE, (folder ? 5 : 6) - (secret ? 2 : 0));
  const caDn = await askText({
    title: steps.next(),
    prompt: 'Subject DN of the CA (leave empty for certutil\'s default name)',
    placeHolder: 'CN=My Elastic CA',
    validateInput: checkDn,
  });
  if (caDn === undefined) return emptyResult('cancelled');
  const common = await askCommon(steps, { defaultDays: 1095, chooseFormat: true, what: 'CA', folder, k8sSecret: !!secret });
  if (!common) return emptyResult('cancelled');
  const args = { ...common, ...(caDn.trim() ? { caDn: caDn.trim() } : {}), ...(secret ? { k8sSecret: secret.k8sSecret } : {}) };
  return generateAndWrite(services, 'ca', args, true, secret?.resource);
}
