// Opens a file at a line for the Stack view and the Certificates tree: settings files and PEM text in the text
// editor with the line selected, binary certificate and keystore files in the certificate viewer.
import * as vscode from 'vscode';
import { VIEW_TYPE } from '../certificateEditor/viewType';

const TEXT_FILE = /\.(ya?ml|pem|crt|cer|key|csr|env|json|conf|properties)$|(^|[\\/])[^.\\/]+$/i;

/** Opens `file` at 0-based `line`; binary files go to the viewer. */
export async function openPlace(file: string, line = 0): Promise<void> {
  const uri = vscode.Uri.file(file);
  if (!TEXT_FILE.test(file) || /elasticsearch\.keystore$/.test(file)) {
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    return;
  }
  const position = new vscode.Position(Math.max(0, line), 0);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
}
