// What a hover says about a file that a path setting points at, before (or instead of) reading certificates.
import type { FileRole } from '../catalog/types';
import type { FileSystem } from '../rules/environment';

/** Whether a file may be read, and how to describe its contents once it may. */
export interface FileHoverEnv {
  fs: FileSystem;
  /** False for files outside the workspace when the workspace is not trusted. */
  mayRead(absolutePath: string): boolean;
  /** Markdown about a readable file's contents (certificate summary, or why it cannot be opened). */
  describeContents?(absolutePath: string, bytes: Uint8Array, role: FileRole | undefined): string;
}

/** Largest file a hover reads; certificate files are kilobytes. */
const MAX_HOVER_BYTES = 1024 * 1024;

/** A markdown description of the file at `absolutePath`; never throws. */
export function describeFile(absolutePath: string, role: FileRole | undefined, env: FileHoverEnv): string {
  const shown = `\`${absolutePath}\``;
  if (!env.mayRead(absolutePath)) {
    return `${shown} is outside the workspace, and the workspace is not trusted, so the file was not read.`;
  }
  let stat;
  try {
    stat = env.fs.stat(absolutePath);
  } catch (e) {
    return `${shown} cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'I/O error'}.`;
  }
  if (!stat) return `**Missing**: ${shown} does not exist.`;
  if (stat.isDirectory) return `${shown} is a folder; the setting needs a file.`;
  if (!env.describeContents) return `${shown} (${stat.size} bytes).`;
  if (stat.size > MAX_HOVER_BYTES) return `${shown} is ${stat.size} bytes, too large to be a certificate or keystore.`;
  try {
    const bytes = env.fs.readFile(absolutePath);
    if (!bytes) return `**Missing**: ${shown} does not exist.`;
    return env.describeContents(absolutePath, bytes, role);
  } catch (e) {
    return `${shown} cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'I/O error'}.`;
  }
}
