import type { Fix } from '../core/finding';
import type { Finding } from '../core/finding';
import { renameKeyEdit } from './fixes';
import { isTemplatedKey, knownLeafPrefix, makeFinding, productName, q } from './support';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';
import type { Setting } from '../config/types';

/** Keys inside a namespace the catalog covers completely must be known; suggests close known keys. */
export const unknownSettingRule: Rule = (ctx) => {
  const out: Finding[] = [];
  eachPending(ctx, 'unknown-setting', ctx.model.settings, (setting) => {
    if (!ctx.catalog.isOwned(setting.key) || ctx.catalog.lookup(setting.key) || knownLeafPrefix(ctx, setting.key)) return true;
    // A templated key reads the text around the setting: never kept as quiet.
    if (!isTemplatedKey(ctx, setting)) out.push(unknownFinding(ctx, setting, out.length < MAX_SUGGESTED));
    return false;
  });
  return out;
};

/** Suggestions scan the whole catalog; a file full of unknown keys gets them for the first ones only. */
const MAX_SUGGESTED = 10;

function unknownFinding(ctx: RuleContext, setting: Setting, suggest: boolean): Finding {
  const suggestions = suggest ? ctx.catalog.suggest(setting.key) : [];
  const fixes: Fix[] = [];
  for (const suggestion of suggestions) {
    const edit = renameKeyEdit(setting, suggestion, ctx.model.text);
    if (edit) fixes.push({ title: `Change to ${q(suggestion)}`, edits: [edit], isPreferred: fixes.length === 0 && suggestions.length === 1 });
  }
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(q).join(' or ')}?` : '';
  return makeFinding(ctx, 'unknown-setting', undefined, {
    severity: 'error',
    message: `${q(setting.key)} is not a known ${productName(ctx)} setting, and ${productName(ctx)} refuses unknown settings.${hint}`,
    range: setting.keyRange,
    fixes: fixes.length > 0 ? fixes : undefined,
  });
}
