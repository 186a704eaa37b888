import * as path from 'node:path';
import type { ConfigModel } from '../config/types';
import { PathLocator, type PathLocation } from '../config/paths/locator';
import type { CheckOptions, RuleContext } from './types';

/** What path resolution needs; a RuleContext fits. */
export interface PathContext {
  model: Pick<ConfigModel, 'product' | 'filePath'>;
  options: Pick<CheckOptions, 'configDir'>;
}

/**
 * Where a product looks for a relative path, in order. Elasticsearch resolves against its config directory
 * (`configDir`, else the yml's folder). Kibana opens paths relative to its working directory (elastic/kibana
 * issue 11775), usually the Kibana home, which is the parent of the `config/` folder holding kibana.yml; the
 * yml's own folder is tried too. Empty when the path is relative and no base is known.
 */
export function settingPathCandidates(ctx: PathContext, value: string): string[] {
  const p = value.trim();
  if (isAbsolute(p)) return [path.normalize(p)];
  const ymlDir = ctx.model.filePath ? path.dirname(ctx.model.filePath) : undefined;
  if (ctx.model.product === 'elasticsearch') {
    const base = ctx.options.configDir ?? ymlDir;
    return base ? [path.resolve(base, p)] : [];
  }
  const bases = [ctx.options.configDir ?? ymlDir, ymlDir ? path.dirname(ymlDir) : undefined];
  return [...new Set(bases.filter((b): b is string => !!b).map((b) => path.resolve(b, p)))];
}

/**
 * The absolute path a setting's value points at, the way the product resolves it (the first candidate);
 * undefined for a relative path when neither a config directory nor the yml's path is known.
 */
export function resolveSettingPath(ctx: PathContext, value: string): string | undefined {
  return settingPathCandidates(ctx, value)[0];
}

function isAbsolute(p: string): boolean {
  return path.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p);
}

/** True when `file` lies inside one of the roots (or no roots restrict it). */
export function insideRoots(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(path.resolve(root), file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

/** The check's path locator: the one runRules made, or a new one for a rule run alone. */
export function locatorOf(ctx: RuleContext): PathLocator {
  return ctx.paths ?? newLocator(ctx);
}

/** A locator for one check of one settings file, from the options the user set. */
export function newLocator(ctx: Pick<RuleContext, 'model' | 'options' | 'fs'>): PathLocator {
  const { options, model } = ctx;
  return new PathLocator({
    product: model.product,
    filePath: model.filePath,
    fs: ctx.fs,
    workspaceRoots: options.workspaceRoots,
    configDir: options.configDir,
    liveConfigDirs: options.liveConfigDirs,
    pathMappings: options.pathMappings,
  });
}

/**
 * The local paths a value may be read from, within the workspace rules: the product's candidates for a live
 * file, the mapped file for another machine's path, none otherwise.
 */
export function readablePaths(ctx: RuleContext, location: PathLocation): string[] {
  const paths = location.kind === 'live' ? location.candidates : location.kind === 'mapped' ? [location.localPath] : [];
  return paths.filter((p) => ctx.options.readOutsideWorkspace || insideRoots(p, ctx.options.workspaceRoots));
}
