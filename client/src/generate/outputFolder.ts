// The folder generated files go to. Default: `certs/` beside the workspace's elasticsearch.yml (Elasticsearch reads
// certificates from its config directory), else `certs/` in the first workspace folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { askText } from './prompts';

/** The first elasticsearch.yml / kibana.yml in the workspace, if any. */
export async function findConfigFile(product: 'elasticsearch' | 'kibana'): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles(`**/${product}.{yml,yaml}`, '**/node_modules/**', 1);
  if (found[0]) return found[0];
  const loose = await vscode.workspace.findFiles(`**/${product}*.{yml,yaml}`, '**/node_modules/**', 1);
  return loose[0];
}

export async function defaultOutputFolder(): Promise<string | undefined> {
  const yml = await findConfigFile('elasticsearch');
  if (yml && yml.scheme === 'file') return path.join(path.dirname(yml.fsPath), 'certs');
  const root = vscode.workspace.workspaceFolders?.[0];
  return root && root.uri.scheme === 'file' ? path.join(root.uri.fsPath, 'certs') : undefined;
}

/** Turns an absolute path, a workspace-relative path or a file URI string into a URI. */
export function resolveOutputFolder(text: string): vscode.Uri | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return vscode.Uri.parse(trimmed);
  if (path.isAbsolute(trimmed)) return vscode.Uri.file(trimmed);
  const root = vscode.workspace.workspaceFolders?.[0];
  return root ? vscode.Uri.joinPath(root.uri, trimmed) : undefined;
}

export async function askOutputFolder(title: string): Promise<vscode.Uri | undefined> {
  const suggested = (await defaultOutputFolder()) ?? '';
  const text = await askText({
    title,
    prompt: 'Output folder (absolute, or relative to the workspace folder); created if missing',
    value: suggested,
    validateInput: (v) => (resolveOutputFolder(v) ? undefined : 'Enter an absolute folder path, or open a workspace folder'),
  });
  return text === undefined ? undefined : resolveOutputFolder(text);
}
