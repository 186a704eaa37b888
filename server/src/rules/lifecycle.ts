import type { SettingMatch } from '../catalog/types';
import type { Setting } from '../config/types';
import type { Finding, Fix } from '../core/finding';
import { renameKeyEdit } from './fixes';
import { legacyPasswordReplacement } from './secrets';
import { makeFinding, productName, q } from './support';
import type { Rule, RuleContext } from './types';

/** Deprecated settings (still work) and removed ones (refused), with the replacement from the catalog. */
export const lifecycleRule: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const setting of ctx.model.settings) {
    const match = ctx.catalog.lookup(setting.key);
    if (!match) continue;
    if (match.def.removed) out.push(removed(ctx, setting, match));
    else if (match.def.deprecated && !(ctx.model.product === 'elasticsearch' && legacyPasswordReplacement(setting.key))) {
      out.push(deprecated(ctx, setting, match));
    }
  }
  return out;
};

function removed(ctx: RuleContext, setting: Setting, match: SettingMatch): Finding {
  const life = match.def.removed!;
  const replacement = life.replacement ? fillPlaceholders(life.replacement, match.params) : undefined;
  const instead = replacement ? ` Use ${q(replacement)} instead.` : '';
  return makeFinding(ctx, 'removed-setting', setting.key, {
    severity: 'error',
    message: `${q(setting.key)} was removed in ${productName(ctx)} ${life.since}, which refuses to start with it.${instead}${note(life.note)}`,
    range: setting.keyRange,
    fixes: renameFix(ctx, setting, replacement),
  });
}

function deprecated(ctx: RuleContext, setting: Setting, match: SettingMatch): Finding {
  const life = match.def.deprecated!;
  const replacement = life.replacement ? fillPlaceholders(life.replacement, match.params) : undefined;
  const instead = replacement ? ` Use ${q(replacement)} instead.` : '';
  return makeFinding(ctx, 'deprecated-setting', setting.key, {
    severity: 'warning',
    message: `${q(setting.key)} is deprecated since ${productName(ctx)} ${life.since}.${instead}${note(life.note)}`,
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
