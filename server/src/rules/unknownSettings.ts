import type { Fix } from '../core/finding';
import type { Finding } from '../core/finding';
import { renameKeyEdit } from './fixes';
import { isTemplatedKey, knownLeafPrefix, makeFinding, q } from './support';
import { productName } from '../catalog/types';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';
import type { Setting } from '../config/types';

/** Keys inside a namespace the catalog covers completely must be known; suggests close known keys. */
export const unknownSettingRule: Rule = (ctx) => {
  const out: Finding[] = [];
  eachPending(ctx, 'unknown-setting', ctx.model.settings, (setting) => {
    const known = ctx.catalog.lookup(setting.key);
    if (known?.def.serverlessOnly) {
      out.push(serverlessOnly(ctx, setting));
      return false;
    }
    if (!ctx.catalog.isOwned(setting.key) || known || knownLeafPrefix(ctx, setting.key)) return true;
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
    message: `${q(setting.key)} is not a known ${productName(ctx.model.product)} setting, and ${productName(ctx.model.product)} refuses unknown settings.${hint}`,
    range: setting.keyRange,
    fixes: fixes.length > 0 ? fixes : undefined,
  });
}

/** A key only Elastic Cloud Serverless reads: self-managed Kibana's schema has `never` in its place. */
function serverlessOnly(ctx: RuleContext, setting: Setting): Finding {
  return makeFinding(ctx, 'unknown-setting', setting.key, {
    severity: 'error',
    message: `${q(setting.key)} is read only by Kibana on Elastic Cloud Serverless; self-managed Kibana refuses to start with it.`,
    range: setting.keyRange,
  });
}
