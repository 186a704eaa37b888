import type { ScalarValue, Setting } from '../config/types';
import type { FileStat } from '../core/environment';
import type { Finding } from '../core/finding';
import { insideRoots, settingPathCandidates } from './paths';
import { valueItems } from './ssl/contexts';
import { defOf, makeFinding, q } from './support';
import type { Rule, RuleContext } from './types';

/** At most this many paths are looked up per check; real files name a handful. */
const MAX_PATHS = 500;

/** Every file a setting names must exist and be a file. */
export const missingFileRule: Rule = (ctx) => {
  const out: Finding[] = [];
  let budget = MAX_PATHS;
  for (const setting of ctx.model.byKey.values()) {
    const def = defOf(ctx, setting.key);
    if (!def || !(def.fileRole || def.type === 'path' || def.type === 'pathList')) continue;
    const items = def.type === 'pathList' || setting.value.kind === 'list' ? valueItems(setting, ctx.model.product === 'elasticsearch') : valueItems(setting, false);
    for (const item of items) {
      if (--budget < 0) return out;
      const f = checkPath(ctx, setting, item);
      if (f) out.push(f);
    }
  }
  return out;
};

function checkPath(ctx: RuleContext, setting: Setting, item: ScalarValue): Finding | undefined {
  const value = item.text.trim();
  if (value === '' || item.templated) return undefined;
  const candidates = settingPathCandidates(ctx, value).filter((p) => ctx.options.readOutsideWorkspace || insideRoots(p, ctx.options.workspaceRoots));
  if (candidates.length === 0) return undefined;
  const stats = candidates.map((p) => safeStat(ctx, p));
  if (stats.some((s) => s === 'unknown' || s?.isFile)) return undefined;
  const dirIndex = stats.findIndex((s) => s !== undefined && s !== 'unknown' && s.isDirectory);
  const message = dirIndex >= 0
    ? `${q(setting.key)} names ${q(candidates[dirIndex])}, which is a directory; it must name a file.`
    : `${q(setting.key)} names a file that does not exist: ${describe(ctx, candidates)}.`;
  return makeFinding(ctx, 'missing-file', setting.key, { severity: 'error', message, range: item.range, data: { path: candidates[0] } });
}

function describe(ctx: RuleContext, candidates: string[]): string {
  if (candidates.length === 1) return `looked for ${q(candidates[0])}`;
  const how = ctx.model.product === 'kibana' ? ' (Kibana resolves relative paths against its working directory, usually the Kibana home)' : '';
  return `looked for ${candidates.map(q).join(' and ')}${how}`;
}

/** A stat that never throws: a permission error means "cannot tell", not "missing". */
function safeStat(ctx: RuleContext, path: string): FileStat | undefined | 'unknown' {
  try {
    const stat = ctx.fs.stat(path);
    // A FIFO or device exists; whether it can be read is the certificate rules' answer, not "missing".
    return stat && !stat.isFile && !stat.isDirectory ? 'unknown' : stat;
  } catch {
    return 'unknown';
  }
}
