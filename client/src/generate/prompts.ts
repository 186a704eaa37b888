// Small prompt steps shared by the generation commands. Each returns undefined when the user cancels.
import * as vscode from 'vscode';
import type { InstanceSpec, KeySpec, OutputFormat } from '../../../server/src/protocol';
import { checkDays, checkDnsList, checkFilename, checkInstanceName, checkIpList, checkPassword, splitList } from './validation';

/** A step counter for prompt titles: "Generate CA (2/6)". */
export class Steps {
  private step = 0;
  constructor(
    private readonly title: string,
    private readonly total: number,
  ) {}
  next(): string {
    this.step += 1;
    return `${this.title} (${Math.min(this.step, this.total)}/${this.total})`;
  }
}

export async function askText(options: vscode.InputBoxOptions): Promise<string | undefined> {
  return vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
}

export async function pickKeySpec(title: string): Promise<KeySpec | undefined> {
  const items: Array<vscode.QuickPickItem & { spec: KeySpec }> = [
    { label: 'RSA 2048', description: 'default, as certutil', spec: { type: 'rsa', bits: 2048 } },
    { label: 'RSA 3072', spec: { type: 'rsa', bits: 3072 } },
    { label: 'RSA 4096', spec: { type: 'rsa', bits: 4096 } },
    { label: 'EC P-256', spec: { type: 'ec', curve: 'P-256' } },
    { label: 'EC P-384', spec: { type: 'ec', curve: 'P-384' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Key type', ignoreFocusOut: true });
  return picked?.spec;
}

export async function pickFormat(title: string): Promise<OutputFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: OutputFormat }> = [
    { label: 'PKCS#12 (.p12)', description: 'one password-protected file', format: 'pkcs12' },
    { label: 'PEM (.crt + .key)', description: 'separate certificate and key files', format: 'pem' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Output format', ignoreFocusOut: true });
  return picked?.format;
}

/** Days of validity; an unchanged default returns `null` so the engine applies its own default. */
export async function askDays(title: string, defaultDays: number): Promise<number | null | undefined> {
  const text = await askText({ title, prompt: 'Validity in days', value: String(defaultDays), validateInput: checkDays });
  if (text === undefined) return undefined;
  const days = Number(text.trim());
  return days === defaultDays ? null : days;
}

/** A masked password, typed twice. Empty is allowed (and means "no passphrase" for PEM keys). */
export async function askNewPassword(title: string, prompt: string): Promise<string | undefined> {
  const password = await askText({ title, prompt, password: true, validateInput: checkPassword });
  if (password === undefined || password === '') return password;
  const again = await askText({
    title,
    prompt: 'Type the password again',
    password: true,
    validateInput: (v) => (v === password || password.startsWith(v) ? undefined : 'The passwords do not match'),
  });
  if (again === undefined) return undefined;
  if (again !== password) {
    void vscode.window.showErrorMessage('The passwords did not match; nothing was generated.');
    return undefined;
  }
  return password;
}

/** One instance: name, then DNS names and IP addresses, checked as typed; `defaultDns` pre-fills the DNS names. */
export async function askInstance(title: string, defaultName: string, defaultDns: readonly string[] = []): Promise<InstanceSpec | undefined> {
  const name = await askText({
    title,
    prompt: 'Name (plain, such as node1, or a DN such as CN=node1,OU=ops)',
    value: defaultName,
    validateInput: (v) => (v.includes('=') ? checkInstanceNameAsDn(v) : checkInstanceName(v)),
  });
  if (name === undefined) return undefined;
  let filename: string | undefined;
  if (name.includes('=')) {
    filename = await askText({ title, prompt: 'File name for this certificate', value: defaultName, validateInput: checkFilename });
    if (filename === undefined) return undefined;
  }
  const dns = await askText({ title, prompt: 'DNS names, comma separated (may be empty)', value: defaultDns.join(', '), validateInput: checkDnsList });
  if (dns === undefined) return undefined;
  const ip = await askText({ title, prompt: 'IP addresses, comma separated (may be empty)', validateInput: checkIpList });
  if (ip === undefined) return undefined;
  return { name: name.trim(), ...(filename ? { filename } : {}), dns: splitList(dns), ip: splitList(ip) };
}

function checkInstanceNameAsDn(name: string): string | undefined {
  const error = checkInstanceName(name);
  // A DN is rarely a valid file name; the file name is asked for separately.
  return error && error.endsWith('is not a valid filename') ? undefined : error;
}

/** Instances until the user says there are no more; the first is offered `defaultDns`. */
export async function askInstances(title: string, defaultName: string, allowMany: boolean, defaultDns: readonly string[] = []): Promise<InstanceSpec[] | undefined> {
  const instances: InstanceSpec[] = [];
  for (;;) {
    const first = instances.length === 0;
    const instance = await askInstance(title, first ? defaultName : `${defaultName}${instances.length + 1}`, first ? defaultDns : []);
    if (!instance) return undefined;
    instances.push(instance);
    if (!allowMany) return instances;
    const more = await vscode.window.showQuickPick(['No, that is all', 'Add another'], {
      title,
      placeHolder: `${instances.length} so far. Add another?`,
      ignoreFocusOut: true,
    });
    if (more === undefined) return undefined;
    if (more !== 'Add another') return instances;
  }
}
