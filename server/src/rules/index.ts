import { safeMessage } from '../core/safeText';
import { ruleDocsUrl } from './docs';
import type { Finding } from '../core/finding';
import { insecureSettingRule } from './insecure';
import { kibanaCredentialsRule } from './kibanaCredentials';
import { certificateRules } from './certificates';
import { CheckScope, readOncePerCheck, statOncePerCheck } from './checkScope';
import { lifecycleRule } from './lifecycle';
import { missingFileRule } from './missingFiles';
import { newLocator } from './paths';
import { secretsRule } from './secrets';
import { sslMissingCompanionRule } from './ssl/companions';
import { sslConflictRule } from './ssl/conflicts';
import type { Rule, RuleContext } from './types';
import { unknownSettingRule } from './unknownSettings';
import { invalidValueRule } from './values';

export { RULE_IDS, type RuleId } from './ids';
export { resolveSettingPath, settingPathCandidates, newLocator } from './paths';

/** Every rule family, run in this order on each check. */
export const allRules: Rule[] = [
  unknownSettingRule,
  invalidValueRule,
  sslConflictRule,
  sslMissingCompanionRule,
  secretsRule,
  insecureSettingRule,
  lifecycleRule,
  kibanaCredentialsRule,
  missingFileRule,
  certificateRules,
];

/**
 * Runs every rule on a parsed model and returns all findings (parse findings included) sorted by offset. A rule
 * that throws contributes no findings instead of failing the check. checker/ parses and calls this.
 */
export function runRules(context: RuleContext, rules: readonly Rule[] = allRules): Finding[] {
  // Every rule looks up the same keys, stats the same paths and reads the same certificate files: answer
  // each once for this check.
  const ctx: RuleContext = {
    ...context,
    catalog: context.catalog.withLookupCache(),
    fs: statOncePerCheck(context.fs),
    certificates: context.certificates && readOncePerCheck(context.certificates),
    scope: context.scope ?? new CheckScope(),
  };
  ctx.paths ??= newLocator(ctx);
  const findings: Finding[] = [...ctx.model.findings];
  for (const rule of rules) {
    try {
      findings.push(...rule(ctx));
    } catch {
      // One broken rule must not hide the others' findings.
    }
  }
  for (const finding of findings) {
    finding.docsUrl ??= ruleDocsUrl(finding.ruleId, ctx.model.product);
    shownSafely(finding);
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/**
 * Messages echo values from the file: a password in a URL is masked and control characters are escaped here,
 * once, for every front end (diagnostics, CLI text and JSON, code action titles). Edits keep the file's text.
 */
function shownSafely(finding: Finding): void {
  finding.message = safeMessage(finding.message);
  for (const fix of finding.fixes ?? []) fix.title = safeMessage(fix.title);
  for (const related of finding.related ?? []) related.message = safeMessage(related.message);
}
