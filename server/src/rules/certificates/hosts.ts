// With verification_mode full, peers check that the transport certificate names the host they dial:
// warn when the certificate does not cover the hosts the node is configured with.
import type { Finding } from '../../core/finding';
import { certificateCoversHost } from '../../pki/verifyHost';
import type { ContextFiles } from './files';
import { isTransportContext, presented } from './checks';
import { plainScalar, valueItems } from '../ssl/contexts';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';

/** The settings whose host names the certificate must cover. */
const HOST_SETTINGS = ['network.host', 'network.publish_host', 'transport.host', 'transport.publish_host'];

/** Values no certificate check can judge: special names, wildcard binds, templates. */
function checkableHost(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('_') || v.includes('*') || v.includes('${')) return false;
  return !['0.0.0.0', '::', '[::]', '0'].includes(v);
}

/** `[v6]:port` -> `v6`, `host:port` -> `host`; a bare IPv6 address stays whole. */
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1];
  return (value.match(/:/g) ?? []).length === 1 ? value.replace(/:\d+$/, '') : value;
}

/** The hosts the node is configured with, deduplicated, each with the setting it came from. */
function configuredHosts(ctx: RuleContext): Array<{ host: string; key: string }> {
  const out: Array<{ host: string; key: string }> = [];
  for (const key of HOST_SETTINGS) {
    for (const item of valueItems(ctx.model.byKey.get(key), true)) {
      const host = stripPort(item.text.trim());
      if (checkableHost(host) && !out.some((h) => h.host === host)) out.push({ host, key });
    }
  }
  return out;
}

/** Transport certificate names vs network.host / publish_host / transport.host, when verification is full. */
export function hostnameFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  if (ctx.model.product !== 'elasticsearch' || !isTransportContext(files.context.prefix)) return [];
  const written = plainScalar(files.context.settings.get('verification_mode'))?.text.toLowerCase();
  if ((written ?? 'full') !== 'full') return [];
  const p = presented(files);
  if (!p) return [];
  const missing = configuredHosts(ctx).filter((h) => !certificateCoversHost(p.leaf.summary, h.host));
  if (missing.length === 0) return [];
  const names = p.leaf.summary.sans.filter((s) => s.type === 'dns' || s.type === 'ip').map((s) => s.value);
  const list = missing.map((m) => `${q(m.host)} (${m.key})`).join(', ');
  const has = names.length > 0 ? `it names ${names.map(q).join(', ')}` : 'it has no DNS or IP names';
  return [makeFinding(ctx, 'certificate-hostname-mismatch', p.source.setting.key, { severity: 'warning', message: `With verification_mode full${written ? '' : ' (the default)'}, other nodes check the host they connect to against this certificate, but it does not cover ${list}; ${has}. Add the names to the certificate or set verification_mode: certificate.`, range: p.source.item.range })];
}
