// Elastic TLS: Forget Stored Passwords — clears every keystore password from SecretStorage and from the server.
import * as vscode from 'vscode';
import type { Services } from '../services';

export async function forgetPasswords(services: Services): Promise<number> {
  const count = await services.passwords.clear();
  await services.server.forgetPasswords();
  services.log.info(`Forgot ${count} stored password(s).`);
  void vscode.window.showInformationMessage(
    count === 0 ? 'Elastic TLS had no stored passwords.' : `Elastic TLS forgot ${count} stored password${count === 1 ? '' : 's'}.`,
  );
  return count;
}
