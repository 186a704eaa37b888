import { productName, type SettingDef } from '../catalog/types';
import { CURRENT_STACK_VERSION, describeVersion, type StackVersion } from '../catalog/version';
import type { Setting } from '../config/types';
import type { Finding } from '../core/finding';
import type { RuleId } from './ids';
import type { RuleContext } from './types';

/** The catalog definition of a setting, if the catalog knows it. */
export function defOf(ctx: RuleContext, key: string): SettingDef | undefined {
  return ctx.catalog.lookup(key)?.def;
}

/** A finding with a typed rule id and the setting's doc page attached when the catalog knows it. */
export function makeFinding(ctx: RuleContext, ruleId: RuleId, key: string | undefined, f: Omit<Finding, 'ruleId' | 'docsUrl'>): Finding {
  const finding: Finding = { ruleId, ...f };
  // Callers pass optional data as it comes; a finding carries the field only when there is some.
  if (finding.data === undefined) delete finding.data;
  const docsUrl = key ? defOf(ctx, key)?.docs : undefined;
  if (docsUrl) finding.docsUrl = docsUrl;
  return finding;
}

/** True when a key was written with template syntax, so nothing can be said about it. */
export function isTemplatedKey(ctx: RuleContext, setting: Setting): boolean {
  const { start, end } = { start: setting.keyParts[0].range.start, end: setting.keyRange.end };
  const written = ctx.model.text.slice(start, end);
  return written.includes('{{') || written.includes('{%') || written.includes('${');
}

/** Quotes a key or value for a message. */
export function q(text: string): string {
  return `\`${text}\``;
}

/** More segments than any setting key has. */
const MAX_KEY_SEGMENTS = 32;

/**
 * The longest proper prefix of a key that the catalog knows as a scalar setting: `a.b.c` under a known `a.b`
 * means a map was written where `a.b` takes a single value.
 */
export function knownLeafPrefix(ctx: RuleContext, key: string): { key: string; def: SettingDef } | undefined {
  const segments = key.split('.');
  // No catalog key has more segments than this (the deepest have about 10); starting from every prefix of a
  // key made of 60,000 dots took minutes.
  for (let n = Math.min(segments.length - 1, MAX_KEY_SEGMENTS); n >= 1; n--) {
    const prefix = segments.slice(0, n).join('.');
    const def = defOf(ctx, prefix);
    if (def) return def.type === 'object' ? undefined : { key: prefix, def };
  }
  return undefined;
}

/** A missing-companion finding on a setting's key. */
export function missing(ctx: RuleContext, setting: Setting, message: string, severity: Finding['severity'], fixes?: Finding['fixes']): Finding {
  return makeFinding(ctx, 'ssl-missing-companion', setting.key, { severity, message, range: setting.keyRange, fixes });
}

/** The stack version this check assumes: the user's or the inferred one, else the current release. */
export function stackVersionOf(ctx: RuleContext): StackVersion {
  return ctx.options.stackVersion ?? CURRENT_STACK_VERSION;
}

/** ` Checked as Kibana 8.11.0 (from ...).`: the sentence a version-dependent finding ends with. */
export function assumedVersionNote(ctx: RuleContext): string {
  return ` Checked as ${describeVersion(productName(ctx.model.product), stackVersionOf(ctx))}.`;
}
