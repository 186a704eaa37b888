// Which stack version a settings file is for: the user's choice, the host file's own version (ECK spec.version,
// Helm imageTag, compose image tags, found by the deploy-form readers), or a literal version in the deployment
// files beside it; else the current release.
import * as path from 'node:path';
import { configuredStackVersion, CURRENT_STACK_VERSION, parseStackVersion, type StackVersion } from '../catalog/version';
import type { Product } from '../catalog/types';
import type { FileSystem } from '../core/environment';
import { versionsInFile, WORKSPACE_VERSION_FILES } from './versionSources';

/** What `inferStackVersion` may use, strongest first. */
export interface StackVersionInput {
  /** The file being checked (absolute), whose folder and ancestors are searched. */
  filePath?: string;
  product: Product;
  /** `elasticTls.stackVersion` or `--stack-version`, as the user wrote it. */
  configured?: string;
  /** Where `configured` came from, for messages (`the setting elasticTls.stackVersion`). */
  configuredSource?: string;
  /** A version the host file states for this document (ECK `spec.version`, Helm `imageTag`, compose `image:`). */
  fromHostFile?: StackVersion;
  fs: FileSystem;
  /** The search stops at the workspace folder holding the file; without one, only the file's folder and parent. */
  workspaceRoots: readonly string[];
  /** When false (untrusted workspace), nothing outside `workspaceRoots` is read. */
  readOutsideWorkspace: boolean;
}

/** Folders searched when the file lies in no workspace folder: its own and its parent. */
const LEVELS_WITHOUT_ROOT = 2;

/** The stack version to check a file against, and where it came from. */
export function inferStackVersion(input: StackVersionInput): StackVersion {
  const configured = configuredStackVersion(input.configured, input.configuredSource ?? 'the configured stack version');
  if (configured) return configured;
  if (input.fromHostFile && parseStackVersion(input.fromHostFile.version)) return input.fromHostFile;
  return input.filePath ? fromWorkspace(input, input.filePath) ?? CURRENT_STACK_VERSION : CURRENT_STACK_VERSION;
}

function fromWorkspace(input: StackVersionInput, filePath: string): StackVersion | undefined {
  for (const dir of foldersToSearch(input, filePath)) {
    for (const name of WORKSPACE_VERSION_FILES) {
      const file = path.join(dir, name);
      const found = safely(() => versionsInFile(input.fs, file, input.product));
      if (found) return { ...found, inferred: true };
    }
  }
  return undefined;
}

/** The file's folder and its ancestors up to (and including) the workspace folder that holds it. */
function foldersToSearch(input: StackVersionInput, filePath: string): string[] {
  const root = input.workspaceRoots.map((r) => path.resolve(r)).find((r) => isInside(filePath, r));
  if (!root && !input.readOutsideWorkspace) return [];
  const out: string[] = [];
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    out.push(dir);
    const parent = path.dirname(dir);
    if (root ? dir === root : out.length >= LEVELS_WITHOUT_ROOT) break;
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A deployment file that cannot be read or parsed says nothing about the version. */
function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
