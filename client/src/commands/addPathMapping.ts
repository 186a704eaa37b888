// Elastic TLS: Map a Container Path: adds `CONTAINER_PATH: LOCAL_FOLDER` to the workspace's
// elasticTls.pathMappings, so the paths a settings file names on another machine are checked here.
import * as path from 'node:path';
import * as vscode from 'vscode';

/** What a script may pass to skip the prompts. */
interface MappingArgs {
  containerPath: string;
  localPath: string;
}

function isMappingArgs(v: unknown): v is MappingArgs {
  const a = v as Partial<MappingArgs> | null;
  return typeof a === 'object' && a !== null && typeof a.containerPath === 'string' && typeof a.localPath === 'string';
}

async function askContainerPath(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Elastic TLS: Map a Container Path',
    prompt: 'Path on the node or in the container (absolute), for example /usr/share/elasticsearch/config',
    validateInput: (v) => (v.trim().startsWith('/') ? undefined : 'Enter an absolute path'),
  });
}

async function askLocalFolder(containerPath: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: `Local folder that holds ${containerPath}`,
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Map here',
  });
  return picked?.[0];
}

/** `${workspaceFolder}/rel` (`${workspaceFolder:name}/rel` in a multi-root workspace) when inside a folder, else absolute. */
function written(local: string): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const index = folders.findIndex((f) => f.uri.scheme === 'file' && !path.relative(f.uri.fsPath, local).startsWith('..') && !path.isAbsolute(path.relative(f.uri.fsPath, local)));
  if (index < 0) return local;
  const rel = path.relative(folders[index].uri.fsPath, local).split(path.sep).join('/');
  // With several folders a workspace-level `${workspaceFolder}` would mean each folder in turn: name it.
  const variable = folders.length === 1 ? '${workspaceFolder}' : `\${workspaceFolder:${folders[index].name}}`;
  return rel ? `${variable}/${rel}` : variable;
}

/** Adds the mapping to the workspace settings; resolves to the mapping written, or undefined when cancelled. */
export async function addPathMapping(arg?: unknown): Promise<Record<string, string> | undefined> {
  let containerPath: string | undefined;
  let local: string | undefined;
  if (isMappingArgs(arg)) ({ containerPath, localPath: local } = arg);
  else {
    containerPath = typeof arg === 'string' ? arg : await askContainerPath();
    if (!containerPath) return undefined;
    local = (await askLocalFolder(containerPath))?.fsPath;
  }
  if (!containerPath || !local) return undefined;
  const config = vscode.workspace.getConfiguration('elasticTls');
  const next = { ...config.get<Record<string, string>>('pathMappings', {}), [containerPath.trim()]: written(local) };
  await config.update('pathMappings', next, vscode.ConfigurationTarget.Workspace);
  return next;
}
