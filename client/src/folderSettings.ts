// Path settings that each workspace folder may set for itself (`elasticTls.pathMappings`,
// `elasticTls.liveConfigDirs`, scope "resource"): read per folder, and made absolute against the folder that
// set them, so the server receives one merged answer. Pure, so it is unit-tested without VS Code.
import * as path from 'node:path';

/** One workspace folder's own values of the path settings. */
export interface FolderPathSettings {
  /** Absolute path of the folder. */
  folder: string;
  pathMappings?: Record<string, string>;
  liveConfigDirs?: string[];
}

/**
 * `${workspaceFolder}` means the folder that set the value; a relative path is relative to it. Other variables
 * (`${workspaceFolder:name}`) are left for the server, which knows every folder.
 */
export function inFolder(value: string, folder: string): string {
  const replaced = value.trim().split('${workspaceFolder}').join(folder);
  return replaced.startsWith('${') || path.isAbsolute(replaced) ? replaced : path.join(folder, replaced);
}

/** The merged settings: later folders win for the same container path; live folders are all kept, once. */
export function mergeFolderPathSettings(folders: readonly FolderPathSettings[]): { pathMappings: Record<string, string>; liveConfigDirs: string[] } {
  const pathMappings: Record<string, string> = {};
  const live = new Set<string>();
  for (const f of folders) {
    for (const [container, local] of Object.entries(f.pathMappings ?? {})) {
      if (typeof local === 'string') pathMappings[container] = inFolder(local, f.folder);
    }
    for (const dir of f.liveConfigDirs ?? []) if (typeof dir === 'string') live.add(inFolder(dir, f.folder));
  }
  return { pathMappings, liveConfigDirs: [...live] };
}
