// Writes generated files through vscode.workspace.fs: every file goes to a temporary name in its own folder first and
// is renamed into place only when all were written, so a failure or a refusal leaves nothing half done. Keys and
// keystores get mode 0600 before they appear under their real name.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { GeneratedFile } from '../../../server/src/protocol';
import { safeSegments } from './safePath';

/** How to treat files that exist: ask with a modal (default No), refuse, or replace. */
export type OverwritePolicy = 'ask' | 'refuse' | 'replace';

export type WriteOutcome = { status: 'written'; written: vscode.Uri[] } | { status: 'exists'; existing: vscode.Uri[] };

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function confirmOverwrite(existing: vscode.Uri[]): Promise<boolean> {
  const names = existing.map((u) => u.fsPath).join('\n');
  const answer = await vscode.window.showWarningMessage(
    existing.length === 1 ? 'Overwrite the existing file?' : `Overwrite ${existing.length} existing files?`,
    { modal: true, detail: `${names}\n\nIf you choose No, nothing is written.` },
    'Overwrite',
  );
  return answer === 'Overwrite';
}

function tempSibling(target: vscode.Uri): vscode.Uri {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  return vscode.Uri.joinPath(target, '..', `.${name}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes one file to its temporary name; private files are created 0600 before any byte is written. */
async function writeTemp(temp: vscode.Uri, file: GeneratedFile): Promise<void> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (file.private && temp.scheme === 'file') fs.closeSync(fs.openSync(temp.fsPath, 'wx', 0o600));
  await vscode.workspace.fs.writeFile(temp, bytes);
  if (file.private && temp.scheme === 'file') fs.chmodSync(temp.fsPath, 0o600);
}

async function removeQuietly(uris: vscode.Uri[]): Promise<void> {
  await Promise.all(uris.map((u) => Promise.resolve(vscode.workspace.fs.delete(u, { useTrash: false })).catch(() => undefined)));
}

/** Writes every file under `folder`, or none of them. */
export async function writeGeneratedFiles(folder: vscode.Uri, files: GeneratedFile[], policy: OverwritePolicy): Promise<WriteOutcome> {
  const targets = files.map((f) => vscode.Uri.joinPath(folder, ...safeSegments(f.path)));
  const existing: vscode.Uri[] = [];
  for (const target of targets) if (await exists(target)) existing.push(target);
  const replace = existing.length === 0 || policy === 'replace' || (policy === 'ask' && (await confirmOverwrite(existing)));
  if (!replace) return { status: 'exists', existing };

  const temps: vscode.Uri[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(targets[i], '..'));
      const temp = tempSibling(targets[i]);
      temps.push(temp);
      await writeTemp(temp, files[i]);
    }
    for (let i = 0; i < files.length; i++) {
      await vscode.workspace.fs.rename(temps[i], targets[i], { overwrite: existing.length > 0 });
    }
  } catch (e) {
    await removeQuietly(temps);
    throw e;
  }
  return { status: 'written', written: targets };
}
