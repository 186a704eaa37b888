import { editDistance } from '../catalog/lookup';
import type { SettingDef } from '../catalog/types';
import type { ScalarValue, Setting } from '../config/types';
import type { Finding, Fix } from '../core/finding';
import { replaceScalarEdit } from './fixes';
import { valueItems } from './ssl/contexts';
import { knownLeafPrefix, makeFinding, q } from './support';
import { productName } from '../catalog/types';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';
import { checkBoolean, checkDuration, checkNumber, checkSize, checkTime, checkUrl, nearestBoolean } from './valueFormats';

const LIST_TYPES = new Set(['list', 'enumList', 'pathList', 'urlList']);

/** Values must fit their setting's type; templated values are never judged. */
export const invalidValueRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const reportedMaps = new Set<string>();
  eachPending(ctx, 'invalid-value', ctx.model.settings, (setting) => {
    const def = ctx.catalog.lookup(setting.key)?.def;
    if (!def) return mapWhereScalarBelongs(ctx, setting, reportedMaps, out);
    const found = checkSetting(ctx, setting, def);
    out.push(...found);
    return found.length === 0;
  });
  return out;
};

function checkSetting(ctx: RuleContext, setting: Setting, def: SettingDef): Finding[] {
  const v = setting.value;
  if (v.kind === 'null' || def.type === 'object') return [];
  if (v.kind === 'list') {
    if (!LIST_TYPES.has(def.type)) return [invalid(ctx, setting, v.range, `${q(setting.key)} takes a single value, not a list.`)];
    if (v.hasNonScalarItems) return [invalid(ctx, setting, v.range, `${q(setting.key)} takes a list of plain values, not of maps or lists.`)];
  }
  if (v.kind === 'scalar' && v.templated) return [];
  const items = LIST_TYPES.has(def.type) ? valueItems(setting, ctx.model.product === 'elasticsearch') : v.kind === 'scalar' ? [v] : [];
  const out: Finding[] = [];
  for (const item of items) {
    const f = checkScalar(ctx, setting, def, item);
    if (f) out.push(f);
  }
  return out;
}

function checkScalar(ctx: RuleContext, setting: Setting, def: SettingDef, item: ScalarValue): Finding | undefined {
  const text = item.text;
  const es = ctx.model.product === 'elasticsearch';
  switch (def.type) {
    case 'enum':
    case 'enumList':
      return checkEnum(ctx, setting, def, item, def.caseInsensitive === true || (es && def.type === 'enum'));
    case 'boolean': {
      const problem = checkBoolean(text, es, !item.quoted && item.source === text);
      if (!problem) return undefined;
      const fix = nearestBoolean(text);
      return invalid(ctx, setting, item.range, `${q(setting.key)} ${problem}, not ${q(text)}.`, fix ? [valueFix(item, fix)] : undefined);
    }
    case 'integer':
    case 'number':
      return report(ctx, setting, item, checkNumber(text, def.type === 'integer', def.min, def.max));
    case 'time':
      return report(ctx, setting, item, checkTime(text));
    case 'duration':
      return report(ctx, setting, item, checkDuration(text));
    case 'size':
      return report(ctx, setting, item, checkSize(text));
    case 'url':
    case 'urlList':
      // Parsing a URL is the costliest format check; the answer depends only on the text.
      return report(ctx, setting, item, ctx.scope ? ctx.scope.remember(`url\0${text}`, () => checkUrl(text)) : checkUrl(text));
    case 'string':
    case 'list':
      if (def.minLength) return tooShort(ctx, setting, def.minLength, item);
      return def.advisedMinLength ? shorterThanAdvised(ctx, setting, def.advisedMinLength, item) : undefined;
    default:
      return undefined;
  }
}

/** Shorter than the docs ask, which the product accepts: it runs, with a key that is easier to guess. */
function shorterThanAdvised(ctx: RuleContext, setting: Setting, advised: number, item: ScalarValue): Finding | undefined {
  const length = item.text.length;
  if (length >= advised) return undefined;
  return makeFinding(ctx, 'invalid-value', setting.key, {
    severity: 'warning',
    message: `${q(setting.key)} is ${length} characters long; ${productName(ctx.model.product)} accepts it, but its docs ask for at least ${advised} random characters, and a short key is easier to guess.`,
    range: item.range,
  });
}

/**
 * Kibana's schema refuses a string shorter than its `minLength` (the encryption keys: `schema.string({ minLength: 32 })`
 * in the security and encryptedSavedObjects config schemas), so Kibana does not start.
 */
function tooShort(ctx: RuleContext, setting: Setting, minLength: number, item: ScalarValue): Finding | undefined {
  // Joi (under @kbn/config-schema) measures a string's length in UTF-16 units, as JavaScript does.
  const length = item.text.length;
  if (length >= minLength) return undefined;
  // Never echo the value: these settings hold secrets.
  return invalid(ctx, setting, item.range, `${q(setting.key)} is ${length} characters long, but ${productName(ctx.model.product)} requires at least ${minLength} and refuses to start ("value has length [${length}] but it must have a minimum length of [${minLength}]").`);
}

function report(ctx: RuleContext, setting: Setting, item: ScalarValue, problem: string | undefined): Finding | undefined {
  return problem ? invalid(ctx, setting, item.range, `${q(setting.key)} ${problem}, not ${q(item.text)}.`) : undefined;
}

/** Elasticsearch lower-cases single-choice values such as verification_mode; Kibana compares them exactly. */
function checkEnum(ctx: RuleContext, setting: Setting, def: SettingDef, item: ScalarValue, ignoreCase: boolean): Finding | undefined {
  const values = def.values ?? [];
  if (values.length === 0 || values.includes(item.text)) return undefined;
  if (ignoreCase && values.some((v) => v.toLowerCase() === item.text.toLowerCase())) return undefined;
  // Keyed on every input, so an unchanged value reuses the previous check's answer.
  const nearest = ctx.scope ? ctx.scope.remember(`nearest-value\0${values.join('\u0001')}\0${item.text}`, () => nearestValue(item.text, values)) : nearestValue(item.text, values);
  const allowed = values.map(q).join(', ');
  return invalid(ctx, setting, item.range, `${q(setting.key)} does not accept ${q(item.text)}; allowed values: ${allowed}.`, nearest ? [valueFix(item, nearest)] : undefined);
}

/** The allowed value closest to what was typed: a case-insensitive match first, then the smallest edit distance. */
export function nearestValue(text: string, values: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const sameCase = values.find((v) => v.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(text.length / 2)) + 1;
  for (const v of values) {
    const d = editDistance(lower, v.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best;
}

function valueFix(item: ScalarValue, newValue: string): Fix {
  return { title: `Change to ${q(newValue)}`, edits: [replaceScalarEdit(item, newValue)], isPreferred: true };
}

function invalid(ctx: RuleContext, setting: Setting, range: { start: number; end: number }, message: string, fixes?: Fix[]): Finding {
  return makeFinding(ctx, 'invalid-value', setting.key, { severity: 'error', message, range, fixes });
}

/**
 * `a.b: {c: 1}` where `a.b` is a single-value setting: reported once, on the key that opens the map. Only
 * inside owned namespaces: elsewhere a key may legitimately extend a known one (`...watermark.low.max_headroom`).
 * True when the setting's key alone says there is nothing to report.
 */
function mapWhereScalarBelongs(ctx: RuleContext, setting: Setting, reported: Set<string>, out: Finding[]): boolean {
  if (!ctx.catalog.isOwned(setting.key)) return true;
  const leaf = knownLeafPrefix(ctx, setting.key);
  if (!leaf) return true;
  // Reported once per map: whether this setting reports depends on the others, so it is never kept as quiet.
  if (reported.has(leaf.key)) return false;
  reported.add(leaf.key);
  let written = '';
  let range = setting.keyRange;
  for (const part of setting.keyParts) {
    written = written ? `${written}.${part.text}` : part.text;
    range = part.range;
    if (written.length >= leaf.key.length) break;
  }
  out.push(invalid(ctx, setting, range, `${q(leaf.key)} takes a single value, but a map of settings was given.`));
  return false;
}
