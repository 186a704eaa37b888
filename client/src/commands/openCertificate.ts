// Elastic TLS: Open in Certificate Viewer — opens any file (PEM, DER, PKCS#12, key) in the read-only viewer.
import * as vscode from 'vscode';
import { VIEW_TYPE } from '../certificateEditor/viewType';

export async function openCertificate(arg?: unknown): Promise<boolean> {
  let uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.file(arg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    uri = (
      await vscode.window.showOpenDialog({
        title: 'Elastic TLS: Open in Certificate Viewer',
        canSelectMany: false,
        filters: { 'Certificates, keys and keystores': ['p12', 'pfx', 'pem', 'crt', 'cer', 'der', 'key', 'csr'], 'All files': ['*'] },
      })
    )?.[0];
  }
  if (!uri) return false;
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  return true;
}
