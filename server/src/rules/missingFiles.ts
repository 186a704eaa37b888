import type { FileRole } from '../catalog/types';
import type { PathLocation } from '../config/paths/locator';
import type { ScalarValue, Setting } from '../config/types';
import type { FileStat } from '../core/environment';
import type { Finding } from '../core/finding';
import { locatorOf, readablePaths } from './paths';
import { valueItems } from './ssl/contexts';
import { eachPending } from './checkScope';
import { defOf, makeFinding, q } from './support';
import type { Rule, RuleContext } from './types';

/** At most this many paths are looked up per check; real files name a handful. */
const MAX_PATHS = 500;

/**
 * Every file a setting names must exist and be a file, where that can be known: on this machine's live
 * config it is an error, as the product refuses to start; behind a compose mount or a user's mapping it is a
 * warning (the file may be made before the container starts); a path nothing maps gets only a hint.
 */
export const missingFileRule: Rule = (ctx) => {
  const out: Finding[] = [];
  let budget = MAX_PATHS;
  // A setting that names no file has nothing to say whatever its value: that is kept with it (CheckScope.eachPending),
  // so an edit looks up only the settings it touched and the path settings. The product reads the first of
  // duplicate keys, and so does this rule; a later duplicate may become the first, so it is not kept.
  eachPending(ctx, 'missing-file', ctx.model.settings, (setting) => {
    const def = defOf(ctx, setting.key);
    if (!def || !(def.fileRole || def.type === 'path' || def.type === 'pathList')) return true;
    if (budget < 0 || ctx.model.byKey.get(setting.key) !== setting) return false;
    const items = def.type === 'pathList' || setting.value.kind === 'list' ? valueItems(setting, ctx.model.product === 'elasticsearch') : valueItems(setting, false);
    const check = (item: ScalarValue) => checkPath(ctx, setting, item, def.fileRole);
    if (ctx.scope && items.length <= budget) {
      // A setting's verdicts depend on its own text, the file's place, the options and the disk: kept while
      // those stay (rules/contextMemo.ts), so typing elsewhere looks up no path again.
      budget -= items.length;
      out.push(...ctx.scope.contextFindings('missing-file', setting.key, [setting], ctx.model, () => items.map(check).filter((f) => f !== undefined)));
      return false;
    }
    for (const item of items) {
      // Past the budget no path is looked up, in this setting or any later one.
      if (--budget < 0) return false;
      const f = check(item);
      if (f) out.push(f);
    }
    return false;
  });
  return out;
};

function checkPath(ctx: RuleContext, setting: Setting, item: ScalarValue, role: FileRole | undefined): Finding | undefined {
  const value = item.text.trim();
  if (value === '' || item.templated) return undefined;
  const location = locatorOf(ctx).locate(value);
  if (location.kind === 'templated') return undefined;
  if (location.kind === 'unmapped') return notChecked(ctx, setting, item, location);
  const candidates = readablePaths(ctx, location);
  if (candidates.length === 0) return undefined;
  const stats = candidates.map((p) => safeStat(ctx, p));
  if (stats.some((s) => s === 'unknown' || s?.isFile)) return undefined;
  const dirIndex = stats.findIndex((s) => s !== undefined && s !== 'unknown' && s.isDirectory);
  if (location.kind === 'mapped') return mappedMissing(ctx, setting, item, location, role, dirIndex >= 0);
  const message = dirIndex >= 0
    ? `${q(setting.key)} names ${q(candidates[dirIndex])}, which is a directory; it must name a file.`
    : `${q(setting.key)} names a file that does not exist: ${describe(ctx, candidates)}.`;
  return makeFinding(ctx, 'missing-file', setting.key, { severity: 'error', message, range: item.range, data: { path: candidates[0] } });
}

/** A mounted or mapped path whose local file is missing: a warning that says what is mounted where. */
function mappedMissing(ctx: RuleContext, setting: Setting, item: ScalarValue, location: Extract<PathLocation, { kind: 'mapped' }>, role: FileRole | undefined, isDir: boolean): Finding | undefined {
  if (location.assumed) return undefined;
  const what = isDir ? 'is a directory, where a file belongs' : 'does not exist';
  const message = `${q(setting.key)} names ${q(location.containerPath)}: ${location.via}, and ${q(location.localPath)} ${what}.`;
  const command = generateCommandFor(setting.key, role, ctx.model.product);
  const data: Record<string, string> = { path: location.localPath };
  if (command && !isDir) Object.assign(data, { kind: 'generate', command, target: location.localPath });
  return makeFinding(ctx, 'missing-file', setting.key, { severity: 'warning', message, range: item.range, data });
}

/** A path on another machine that nothing maps here: a hint with the way to map it. */
function notChecked(ctx: RuleContext, setting: Setting, item: ScalarValue, location: Extract<PathLocation, { kind: 'unmapped' }>): Finding | undefined {
  if (!location.containerPath) return undefined;
  const folder = location.containerPath.replace(/[\\/][^\\/]*$/, '') || '/';
  if (location.reason) {
    const message = `${q(location.containerPath)} is not checked here: ${location.reason}.`;
    return makeFinding(ctx, 'path-not-checked', setting.key, { severity: 'hint', message, range: item.range });
  }
  const message = `${q(location.containerPath)} is a path on the node or in the container, not checked here. Map ${q(folder)} to a workspace folder (setting elasticTls.pathMappings, or estls --map) or mount it in docker-compose to check it.`;
  return makeFinding(ctx, 'path-not-checked', setting.key, { severity: 'hint', message, range: item.range, data: { kind: 'map', containerPath: folder } });
}

/** Client generate commands (names of `Commands` in protocol.ts) a missing file's quick fix may start. */
export type GenerateCommandName = 'generateCa' | 'generateNodeCertificate' | 'generateHttpCertificates' | 'generateKibanaClientCertificate';

/** The Generate command that makes the kind of file a setting names, if any. */
export function generateCommandFor(key: string, role: FileRole | undefined, product: 'elasticsearch' | 'kibana'): GenerateCommandName | undefined {
  if (!role || role === 'other') return undefined;
  if (role === 'certificateAuthorities' || role === 'truststore') return 'generateCa';
  if (product === 'kibana') return key.startsWith('elasticsearch.ssl.') ? 'generateKibanaClientCertificate' : 'generateNodeCertificate';
  return key.startsWith('xpack.security.http.ssl.') ? 'generateHttpCertificates' : 'generateNodeCertificate';
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
