// Elastic TLS: Unlock Keystore… — asks for a keystore's password, checks it with the server and stores it in
// SecretStorage (which also sends it to the server).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { promptForPassword, unlockWith } from '../passwordPrompt';
import type { Services } from '../services';

/** Accepted arguments: a path, a URI, or `{ path, password? }` (a given password skips the prompt). */
export type UnlockArgs = string | vscode.Uri | { path: string; password?: string };

/** The result for callers: whether a password is now stored, and why not. */
export interface UnlockResult {
  unlocked: boolean;
  message?: string;
}

function pathOf(arg: UnlockArgs | undefined): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return arg.scheme === 'file' ? arg.fsPath : undefined;
  return arg?.path;
}

async function pickKeystore(): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({
    title: 'Elastic TLS: Unlock Keystore',
    canSelectMany: false,
    filters: { 'Keystores and keys': ['p12', 'pfx', 'jks', 'key', 'pem'], 'All files': ['*'] },
  });
  return uris?.[0]?.fsPath;
}

export async function unlockKeystore(services: Services, arg?: UnlockArgs): Promise<UnlockResult> {
  const file = pathOf(arg) ?? (await pickKeystore());
  if (!file) return { unlocked: false, message: 'cancelled' };
  const given = typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg.password : undefined;
  if (given !== undefined) {
    const outcome = await unlockWith(services, file, given);
    return typeof outcome === 'string' ? { unlocked: false, message: outcome } : { unlocked: true };
  }
  const unlocked = await promptForPassword(services, file);
  if (!unlocked) return { unlocked: false, message: 'cancelled' };
  await services.passwords.set(file, unlocked.password);
  void vscode.window.showInformationMessage(`Elastic TLS stored the password for ${path.basename(file)}.`);
  return { unlocked: true };
}
