// Writes generated files through vscode.workspace.fs: every file goes to a temporary name in its own folder first and
// is renamed into place only when all were written, so a failure or a refusal leaves nothing half done (folders
// it made included). Local files get the CLI's modes whatever the umask: keys and keystores 0600 before any byte
// is written, public files 0644; on other file systems the caller says that modes could not be set.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { GeneratedFile } from '../../../server/src/protocol';
import { canSetModes, createWithMode, enforceMode, modeFor, tempFileName } from './fileModes';
import { safeSegments } from './safePath';

/** How to treat files that exist: ask with a modal (default No), refuse, or replace. */
export type OverwritePolicy = 'ask' | 'refuse' | 'replace';

/**
 * What was written; `modesNotSet` lists the keys and keystores on a file system (not `file:`) whose modes the
 * extension cannot set, so the user can be told to check who may read them.
 */
export type WriteOutcome = { status: 'written'; written: vscode.Uri[]; modesNotSet: vscode.Uri[] } | { status: 'exists'; existing: vscode.Uri[] };

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
  return vscode.Uri.joinPath(target, '..', tempFileName(randomBytes(8).toString('hex')));
}

/** Writes one file to its temporary name with the CLI's mode (0600 keys, 0644 the rest) on local files. */
async function writeTemp(temp: vscode.Uri, file: GeneratedFile): Promise<void> {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  const mode = modeFor(file.private);
  if (canSetModes(temp.scheme)) createWithMode(temp.fsPath, mode);
  await vscode.workspace.fs.writeFile(temp, bytes);
  if (canSetModes(temp.scheme)) enforceMode(temp.fsPath, mode);
}

async function removeQuietly(uris: vscode.Uri[]): Promise<void> {
  await Promise.all(uris.map((u) => Promise.resolve(vscode.workspace.fs.delete(u, { useTrash: false })).catch(() => undefined)));
}

/** Makes `dir` and returns the folders that did not exist before, outermost first. */
async function makeFolders(dir: vscode.Uri): Promise<vscode.Uri[]> {
  const missing: vscode.Uri[] = [];
  for (let d = dir; !(await exists(d)); d = vscode.Uri.joinPath(d, '..')) {
    missing.unshift(d);
    if (vscode.Uri.joinPath(d, '..').path === d.path) break;
  }
  if (missing.length) await vscode.workspace.fs.createDirectory(dir);
  return missing;
}

/** Removes folders this run made, innermost first; one that is not empty (someone else wrote there) stays. */
async function removeFolders(folders: vscode.Uri[]): Promise<void> {
  for (const d of [...folders].reverse()) {
    await Promise.resolve(vscode.workspace.fs.delete(d, { recursive: false, useTrash: false })).catch(() => undefined);
  }
}

/** Writes every file under `folder`, or none of them. */
export async function writeGeneratedFiles(folder: vscode.Uri, files: GeneratedFile[], policy: OverwritePolicy): Promise<WriteOutcome> {
  const targets = files.map((f) => vscode.Uri.joinPath(folder, ...safeSegments(f.path)));
  const existing: vscode.Uri[] = [];
  for (const target of targets) if (await exists(target)) existing.push(target);
  const replace = existing.length === 0 || policy === 'replace' || (policy === 'ask' && (await confirmOverwrite(existing)));
  if (!replace) return { status: 'exists', existing };

  const temps: vscode.Uri[] = [];
  const folders: vscode.Uri[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      folders.push(...(await makeFolders(vscode.Uri.joinPath(targets[i], '..'))));
      const temp = tempSibling(targets[i]);
      temps.push(temp);
      await writeTemp(temp, files[i]);
    }
    for (let i = 0; i < files.length; i++) {
      await vscode.workspace.fs.rename(temps[i], targets[i], { overwrite: existing.length > 0 });
    }
  } catch (e) {
    await removeQuietly(temps);
    await removeFolders(folders);
    throw e;
  }
  const modesNotSet = canSetModes(folder.scheme) ? [] : targets.filter((_t, i) => files[i].private);
  return { status: 'written', written: targets, modesNotSet };
}
