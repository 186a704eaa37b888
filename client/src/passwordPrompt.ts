// Asks for a keystore password and checks it with the server before accepting it: a wrong password keeps the box
// open with "Wrong password" under it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectFileResponse } from '../../server/src/protocol';
import type { Services } from './services';

/** Result of a successful unlock: the password and what the server read with it. */
export interface Unlocked {
  password: string;
  response: Extract<InspectFileResponse, { ok: true }>;
}

/** Codes that mean "ask for a (different) password". */
export function needsPassword(response: InspectFileResponse): boolean {
  return !response.ok && (response.code === 'PASSWORD_REQUIRED' || response.code === 'BAD_PASSWORD');
}

/** Tries a password; returns the message to show under the box, or the unlocked result. */
async function tryPassword(services: Services, file: string, password: string): Promise<Unlocked | string> {
  try {
    const response = await services.server.inspectFile({ path: file, password });
    if (response.ok) return { password, response };
    return response.code === 'BAD_PASSWORD' || response.code === 'PASSWORD_REQUIRED' ? 'Wrong password' : response.message;
  } catch (e) {
    services.log.error('Checking the password failed', e);
    return 'The language server could not check the password';
  }
}

/** Shows a masked input box for `file`; resolves undefined when the user cancels. Stores nothing. */
export function promptForPassword(services: Services, file: string, title?: string): Promise<Unlocked | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = title ?? 'Elastic TLS: Unlock Keystore';
    box.prompt = `Password for ${path.basename(file)}`;
    box.password = true;
    box.ignoreFocusOut = true;
    let done = false;
    const finish = (value: Unlocked | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue(() => (box.validationMessage = undefined));
    box.onDidAccept(async () => {
      box.busy = true;
      box.enabled = false;
      const outcome = await tryPassword(services, file, box.value);
      box.busy = false;
      box.enabled = true;
      if (typeof outcome === 'string') box.validationMessage = outcome;
      else finish(outcome);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** Checks a password given by a caller (no prompt); stores it when it works. */
export async function unlockWith(services: Services, file: string, password: string): Promise<Unlocked | string> {
  const outcome = await tryPassword(services, file, password);
  if (typeof outcome !== 'string') await services.passwords.set(file, password);
  return outcome;
}
