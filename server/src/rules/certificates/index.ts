// Certificate-content rules: read the files each SSL context names and report what would break TLS:
// expiry, key/certificate mismatch, untrusted chains, transport usages, host names, truststores Java finds
// empty, format mix-ups, password problems and certificates a CRL beside them revokes. Missing files are left to the missing-file rule.
import { caStrictFindings, expiryFindings, chainFindings, ekuFindings, keyMatchFindings, kibanaKeystoreFindings, truststoreFindings } from './checks';
import { hostnameFindings } from './hosts';
import { certificateFiles } from './files';
import { loadContextFiles } from './load';
import { revocationFindings } from './revocation';
import type { Finding } from '../../core/finding';
import { sslContextsOf } from '../checkScope';
import { isFalse, type SslContext } from '../ssl/contexts';
import type { Rule, RuleContext } from '../types';
import type { CertificateFiles } from '../../pki/fileCache';
import { policyFindings } from './policy';

export { CERTIFICATE_RULE_IDS } from '../ids';
export type { CertificateRuleId } from '../ids';

/** Every certificate-content check for every SSL context of the file. */
export const certificateRules: Rule = (ctx) => {
  const out: Finding[] = [];
  // One cache for the whole check, so a file named by several contexts is read once.
  const cache = certificateFiles(ctx);
  for (const context of sslContextsOf(ctx)) {
    // A context switched off loads none of its files.
    if (isFalse(context.settings.get('enabled'))) continue;
    out.push(...contextFindings(ctx, context, cache));
  }
  return out;
};

/**
 * One context's findings, kept between checks of the document while the settings the checks read (found by
 * watching them read: rules/contextMemo.ts) and the environment stay. The checks see the model and the context
 * only through the views they are handed here.
 */
function contextFindings(ctx: RuleContext, context: SslContext, cache: CertificateFiles): Finding[] {
  if (!ctx.scope) return contextChecks(ctx, context, cache);
  return ctx.scope.trackedContextFindings('certificates', context.prefix, ctx.model, context, (model, tracked) => contextChecks({ ...ctx, model }, tracked, cache));
}

/** Every check of one context. */
function contextChecks(ctx: RuleContext, context: SslContext, cache: CertificateFiles): Finding[] {
  const files = loadContextFiles(ctx, context, cache);
  return [
    ...files.findings,
    ...expiryFindings(ctx, files),
    ...keyMatchFindings(ctx, files),
    ...chainFindings(ctx, files),
    ...ekuFindings(ctx, files),
    ...hostnameFindings(ctx, files),
    ...truststoreFindings(ctx, files),
    ...kibanaKeystoreFindings(ctx, files),
    ...caStrictFindings(ctx, files),
    ...policyFindings(ctx, files),
    ...revocationFindings(ctx, files, cache),
  ];
}
