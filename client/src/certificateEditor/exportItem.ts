// The viewer's Export actions: the server encodes the item as PEM; this asks first for a private key, lets the
// user pick where, and writes through the generator's writer (asks before overwriting, keys 0600).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportItem } from '../../../server/src/pki/exportPem';
import { writeGeneratedFiles } from '../generate/writeFiles';
import type { Services } from '../services';

const EXPORT_KEY = 'Export Private Key';

/** True for the items that hold a private key. */
export function isKeyItem(item: ExportItem): boolean {
  return item.kind === 'key' || item.kind === 'entryKey';
}

async function confirmKeyExport(): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(
    'Export the private key without a password?',
    { modal: true, detail: 'The key is written as unencrypted PEM (PKCS#8), readable only by you (mode 0600). Anyone who gets a copy can use this certificate.' },
    EXPORT_KEY,
  );
  return answer === EXPORT_KEY;
}

/** Runs one Export action for `file`; every refusal or failure ends in a message, never a half-written file. */
export async function exportItem(services: Services, file: string, item: ExportItem): Promise<void> {
  const privateKey = isKeyItem(item);
  if (privateKey && !(await confirmKeyExport())) return;
  const password = await services.passwords.get(file);
  const response = await services.server.exportPem({ path: file, item, ...(password !== undefined ? { password } : {}), ...(privateKey ? { confirmedPrivateKey: true } : {}) });
  if (!response.ok) {
    void vscode.window.showErrorMessage(`Export failed: ${response.message}`);
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(path.dirname(file), response.result.suggestedName)),
    filters: privateKey ? { 'PEM private key': ['key', 'pem'] } : { 'PEM certificates': ['crt', 'pem'] },
    saveLabel: 'Export',
  });
  if (!target) return;
  const folder = vscode.Uri.joinPath(target, '..');
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const outcome = await writeGeneratedFiles(folder, [{ path: name, contentBase64: Buffer.from(response.result.pem, 'utf8').toString('base64'), private: response.result.privateKey }], 'ask');
  if (outcome.status === 'written') void vscode.window.setStatusBarMessage(`Exported to ${target.fsPath}`, 4000);
}
