import type { Lifecycle, SettingMatch } from '../catalog/types';
import { atLeast, type StackVersion } from '../catalog/version';
import type { Setting } from '../config/types';
import type { Finding, Fix } from '../core/finding';
import { renameKeyEdit } from './fixes';
import { legacyPasswordReplacement } from './secrets';
import { assumedVersionNote, makeFinding, q, stackVersionOf } from './support';
import { productName } from '../catalog/types';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';

/**
 * Deprecated settings (still work) and removed ones (refused), with the replacement from the catalog. Both
 * follow the stack version: a setting removed in 8.0 is valid on 7.x, where it gets at most a hint.
 */
export const lifecycleRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const version = stackVersionOf(ctx);
  // The verdict follows from the key and the stack version, which is part of the check's environment.
  eachPending(ctx, 'lifecycle', ctx.model.settings, (setting) => {
    const f = lifecycleFinding(ctx, setting, version);
    if (f) out.push(f);
    return !f;
  });
  return out;
};

function lifecycleFinding(ctx: RuleContext, setting: Setting, version: StackVersion): Finding | undefined {
  const match = ctx.catalog.lookup(setting.key);
  if (!match) return undefined;
  const { removed: gone, deprecated: old } = match.def;
  if (gone && atLeast(version, gone.since)) return removed(ctx, setting, match, gone);
  if (old && atLeast(version, old.since) && !(ctx.model.product === 'elasticsearch' && legacyPasswordReplacement(setting.key))) {
    return deprecated(ctx, setting, match, old);
  }
  return gone ? removedLater(ctx, setting, match, gone) : undefined;
}

function replacementOf(life: Lifecycle, match: SettingMatch): string | undefined {
  return life.replacement ? fillPlaceholders(life.replacement, match.params) : undefined;
}

function removed(ctx: RuleContext, setting: Setting, match: SettingMatch, life: Lifecycle): Finding {
  const replacement = replacementOf(life, match);
  const instead = replacement ? ` Use ${q(replacement)} instead.` : '';
  return makeFinding(ctx, 'removed-setting', setting.key, {
    severity: 'error',
    message: `${q(setting.key)} was removed in ${productName(ctx.model.product)} ${life.since}, which refuses to start with it.${instead}${note(life.note)}${assumedVersionNote(ctx)}`,
    range: setting.keyRange,
    fixes: renameFix(ctx, setting, replacement),
  });
}

/** Valid on the file's version, gone in a later one: worth knowing before an upgrade, nothing more. */
function removedLater(ctx: RuleContext, setting: Setting, match: SettingMatch, life: Lifecycle): Finding {
  const replacement = replacementOf(life, match);
  const instead = replacement ? ` ${q(replacement)} replaces it.` : '';
  return makeFinding(ctx, 'removed-setting', setting.key, {
    severity: 'hint',
    message: `${q(setting.key)} is valid here, but ${productName(ctx.model.product)} ${life.since} removed it; change it before upgrading.${instead}${assumedVersionNote(ctx)}`,
    range: setting.keyRange,
  });
}

function deprecated(ctx: RuleContext, setting: Setting, match: SettingMatch, life: Lifecycle): Finding {
  const replacement = replacementOf(life, match);
  const instead = replacement ? ` Use ${q(replacement)} instead.` : '';
  return makeFinding(ctx, 'deprecated-setting', setting.key, {
    severity: 'warning',
    message: `${q(setting.key)} is deprecated since ${productName(ctx.model.product)} ${life.since}.${instead}${note(life.note)}${assumedVersionNote(ctx)}`,
    range: setting.keyRange,
    tags: ['deprecated'],
    fixes: renameFix(ctx, setting, replacement),
  });
}

function note(text: string | undefined): string {
  return text ? ` ${text}` : '';
}

function renameFix(ctx: RuleContext, setting: Setting, replacement: string | undefined): Fix[] | undefined {
  if (!replacement || replacement.includes('<')) return undefined;
  const edit = renameKeyEdit(setting, replacement, ctx.model.text);
  return edit ? [{ title: `Rename to ${q(replacement)}`, edits: [edit], isPreferred: true }] : undefined;
}

/** Replaces `<name>` segments of a replacement key with the values the user's key gave them. */
function fillPlaceholders(key: string, params: Record<string, string>): string {
  return key.replace(/<([^>]+)>/g, (whole, name: string) => params[name] ?? whole);
}
