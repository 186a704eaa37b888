// A small finding builder for the certificate-content rules.
import type { OffsetRange, Severity, Finding } from '../../core/finding';
import { defOf } from '../support';
import type { CertificateRuleId } from '../ids';
import type { RuleContext } from '../types';

/** A certificate-rule finding with the setting's doc page attached when the catalog knows it. */
export function certFinding(ctx: RuleContext, ruleId: CertificateRuleId, key: string, severity: Severity, message: string, range: OffsetRange, data?: Record<string, string>): Finding {
  const f: Finding = { ruleId, severity, message, range };
  const docsUrl = defOf(ctx, key)?.docs;
  if (docsUrl) f.docsUrl = docsUrl;
  if (data) f.data = data;
  return f;
}
