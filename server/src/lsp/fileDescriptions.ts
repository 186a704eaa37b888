// How the server describes a file a setting points at: the engine's description, with the workspace trust rule.
import type { FileRole } from '../catalog/types';
import { describeFile } from '../features/fileHover';
import { insideRoots } from '../rules/paths';
import type { ServerContext } from './context';

/**
 * May the server read this file? Always when trusted; otherwise only when its path, and its real path with every
 * link followed, are inside the workspace folders.
 */
export function mayRead(ctx: ServerContext, absolutePath: string): boolean {
  return ctx.settings.trusted || (insideRoots(absolutePath, ctx.workspaceRoots) && ctx.confinement.allows(absolutePath));
}

/** Markdown about the file at `absolutePath` for a hover. */
export function describeFileFor(ctx: ServerContext, absolutePath: string, role: FileRole | undefined): string {
  return describeFile(absolutePath, role, {
    fs: ctx.fs,
    clock: ctx.clock,
    mayRead: (p) => mayRead(ctx, p),
    certificates: ctx.certificates,
    passwords: ctx.passwords,
  });
}

/** True when the path exists; I/O errors count as absent. */
export function exists(ctx: ServerContext, absolutePath: string): boolean {
  try {
    return ctx.fs.stat(absolutePath) !== undefined;
  } catch {
    return false;
  }
}
