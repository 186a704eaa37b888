import type { Finding } from '../../core/finding';
import { sslContextsOf } from '../checkScope';
import { isTrue, type SslContext } from './contexts';
import { atLeast } from '../../catalog/version';
import { assumedVersionNote, missing, q, stackVersionOf } from '../support';
import { kibanaCompanionFindings } from './companionsKibana';
import type { Rule, RuleContext } from '../types';

/** Elasticsearch contexts that act as TLS servers and are validated at startup. */
const ES_SERVER_CONTEXTS = ['xpack.security.transport.ssl.', 'xpack.security.http.ssl.'];

/** TLS settings that need another setting which is missing. */
export const sslMissingCompanionRule: Rule = (ctx) => {
  const contexts = sslContextsOf(ctx);
  const out: Finding[] = [];
  // Only contexts the catalog knows: a plugin's own `*.ssl.*` keys (say `wazuh.api.ssl.key`) follow its rules, not ours.
  for (const sslCtx of contexts.filter((c) => knownContext(ctx, c))) out.push(...certificateKeyPairs(ctx, sslCtx));
  if (ctx.model.product === 'elasticsearch') {
    for (const sslCtx of contexts.filter((c) => ES_SERVER_CONTEXTS.includes(c.prefix))) out.push(...esServerContext(ctx, sslCtx));
  } else {
    out.push(...kibanaCompanionFindings(ctx, contexts));
  }
  return out;
};

function knownContext(ctx: RuleContext, sslCtx: SslContext): boolean {
  return ctx.catalog.lookup(`${sslCtx.prefix}certificate`) !== undefined || ctx.catalog.lookup(`${sslCtx.prefix}key`) !== undefined;
}

/** A certificate needs its key and a key its certificate (unless a keystore supplies both). */
function certificateKeyPairs(ctx: RuleContext, sslCtx: SslContext): Finding[] {
  const cert = sslCtx.settings.get('certificate');
  const key = sslCtx.settings.get('key');
  if (cert && !key) return [missing(ctx, cert, `${q(cert.key)} is set without ${q(sslCtx.prefix + 'key')}; the certificate's private key must be given too.`, 'error')];
  if (key && !cert) return [missing(ctx, key, `${q(key.key)} is set without ${q(sslCtx.prefix + 'certificate')}; the private key's certificate must be given too.`, 'error')];
  return [];
}

/**
 * Before 7.0 every SSL context fell back to the global `xpack.ssl.*` settings (Elasticsearch 6.x security
 * settings reference, "Default TLS/SSL settings"), so key material there serves transport and HTTP too.
 */
function globalMaterial(ctx: RuleContext): boolean {
  if (atLeast(stackVersionOf(ctx), '7.0.0')) return false;
  return ['xpack.ssl.keystore.path', 'xpack.ssl.certificate', 'xpack.ssl.key'].some((k) => ctx.model.byKey.has(k));
}

function esServerContext(ctx: RuleContext, sslCtx: SslContext): Finding[] {
  const p = sslCtx.prefix;
  const enabled = sslCtx.settings.get('enabled');
  if (enabled && isTrue(enabled)) {
    const material = ['keystore.path', 'certificate', 'key'].some((s) => sslCtx.settings.has(s)) || globalMaterial(ctx);
    if (material) return [];
    return [missing(ctx, enabled, `${q(enabled.key)} is true, but neither ${q(p + 'keystore.path')} nor ${q(p + 'certificate')} and ${q(p + 'key')} are set; Elasticsearch will not start without a key and certificate.`, 'error')];
  }
  if (enabled) return [];
  const first = [...sslCtx.settings.values()].sort((a, b) => a.keyRange.start - b.keyRange.start)[0];
  const name = `${p}enabled`;
  const insertAt = lineStart(ctx.model.text, first.keyParts[0].range.start);
  const indent = ctx.model.text.slice(insertAt, first.keyParts[0].range.start);
  // 8.0 made the switch mandatory beside other settings of the context; 7.x ran with TLS off (the default).
  const refused = atLeast(stackVersionOf(ctx), '8.0.0');
  const verdict = refused
    ? 'Elasticsearch 8.0 and later refuse to start until it is set explicitly.'
    : 'on this version TLS stays off by default and those settings have no effect; 8.0 refuses to start this way.';
  return [missing(ctx, first, `${q(name)} is not set, but other ${q(p.slice(0, -1))} settings are; ${verdict}${assumedVersionNote(ctx)}`, refused ? 'error' : 'warning', [
    { title: `Add ${q(name + ': true')}`, edits: [{ range: { start: insertAt, end: insertAt }, newText: `${indent}${name}: true\n` }], isPreferred: true },
    { title: `Add ${q(name + ': false')}`, edits: [{ range: { start: insertAt, end: insertAt }, newText: `${indent}${name}: false\n` }] },
  ])];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
