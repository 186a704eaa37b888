// Elastic TLS: Copy — copies a string (such as a keystore command) to the clipboard and says so.
import * as vscode from 'vscode';

export async function copyCommand(text?: unknown): Promise<boolean> {
  if (typeof text !== 'string' || text === '') return false;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage('Copied to the clipboard.');
  return true;
}
