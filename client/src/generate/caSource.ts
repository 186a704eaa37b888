// Where the signing CA comes from: a P12 file, a PEM certificate and key, a self-signed certificate, or (HTTP only)
// a new CA made on the way.
import * as vscode from 'vscode';
import type { CaSource } from '../../../server/src/protocol';
import { promptForPassword } from '../passwordPrompt';
import type { Services } from '../services';
import { askText } from './prompts';
import { checkPassword } from './validation';

type Choice = 'pkcs12' | 'pem' | 'selfSigned' | 'newCa';

/** `{ ca: undefined }` means "make a new CA" (HTTP); undefined means the user cancelled. */
export type CaPick = { ca: CaSource | undefined };

async function pickFile(title: string, label: string, extensions: string[]): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({
    title: `${title}: ${label}`,
    canSelectMany: false,
    openLabel: 'Select',
    filters: { [label]: extensions, 'All files': ['*'] },
  });
  return uris?.[0]?.fsPath;
}

async function pkcs12Source(services: Services, title: string): Promise<CaSource | undefined> {
  const path = await pickFile(title, 'CA keystore (PKCS#12)', ['p12', 'pfx']);
  if (!path) return undefined;
  const stored = await services.passwords.get(path);
  if (stored !== undefined) return { kind: 'pkcs12', path, password: stored };
  const unlocked = await promptForPassword(services, path, title);
  if (!unlocked) return undefined;
  await services.passwords.set(path, unlocked.password);
  return { kind: 'pkcs12', path, password: unlocked.password };
}

async function pemSource(title: string): Promise<CaSource | undefined> {
  const certPath = await pickFile(title, 'CA certificate (PEM)', ['crt', 'pem', 'cer']);
  if (!certPath) return undefined;
  const keyPath = await pickFile(title, 'CA private key (PEM)', ['key', 'pem']);
  if (!keyPath) return undefined;
  const keyPassword = await askText({
    title,
    prompt: 'Passphrase of the CA key (leave empty if the key is not encrypted)',
    password: true,
    validateInput: checkPassword,
  });
  if (keyPassword === undefined) return undefined;
  return { kind: 'pem', certPath, keyPath, ...(keyPassword ? { keyPassword } : {}) };
}

/** Asks where the CA comes from. */
export async function pickCaSource(
  services: Services,
  title: string,
  options: { selfSigned: boolean; newCa: boolean },
): Promise<CaPick | undefined> {
  const items: Array<vscode.QuickPickItem & { choice: Choice }> = [
    ...(options.newCa ? [{ label: 'Make a new CA', description: 'CN=Elasticsearch HTTP CA, written beside the certificates', choice: 'newCa' as const }] : []),
    { label: 'CA in a PKCS#12 file', description: 'such as elastic-stack-ca.p12', choice: 'pkcs12' },
    { label: 'CA as PEM certificate and key', description: 'such as ca.crt + ca.key', choice: 'pem' },
    ...(options.selfSigned ? [{ label: 'Self-signed', description: 'no CA; for tests only', choice: 'selfSigned' as const }] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Signing CA', ignoreFocusOut: true });
  if (!picked) return undefined;
  switch (picked.choice) {
    case 'newCa':
      return { ca: undefined };
    case 'selfSigned':
      return { ca: { kind: 'selfSigned' } };
    case 'pkcs12': {
      const ca = await pkcs12Source(services, title);
      return ca ? { ca } : undefined;
    }
    case 'pem': {
      const ca = await pemSource(title);
      return ca ? { ca } : undefined;
    }
  }
}
