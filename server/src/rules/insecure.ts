import type { Setting } from '../config/types';
import type { Finding } from '../core/finding';
import { replaceScalarEdit } from './fixes';
import { isFalse, plainScalar, valueItems } from './ssl/contexts';
import { makeFinding, q } from './support';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';

const OLD_PROTOCOLS = new Set(['TLSv1', 'TLSv1.1', 'SSLv3', 'SSLv2Hello']);

/** Settings that work but weaken security. */
export const insecureSettingRule: Rule = (ctx) => {
  const out: Finding[] = [];
  eachPending(ctx, 'insecure-setting', ctx.model.byKey.values(), (setting) => {
    const found = checkSetting(ctx, setting);
    out.push(...found);
    return found.length === 0;
  });
  out.push(...transportTlsOffInCluster(ctx));
  return out;
};

function checkSetting(ctx: RuleContext, setting: Setting): Finding[] {
  const key = setting.key;
  const last = key.slice(key.lastIndexOf('.') + 1);
  const scalar = plainScalar(setting);
  const value = scalar?.text.toLowerCase();
  if ((last === 'verification_mode' || last === 'verificationMode') && value === 'none') {
    const fixes = ['full', 'certificate'].map((mode) => ({ title: `Change to ${q(mode)}`, edits: [replaceScalarEdit(scalar!, mode)] }));
    return [warn(ctx, setting, scalar!.range, `${q(key)} is \`none\`: certificates are not verified at all, so anyone in the middle can impersonate the other side. Use \`full\` (or \`certificate\`).`, fixes)];
  }
  if (last === 'supported_protocols' || last === 'supportedProtocols') {
    return valueItems(setting, ctx.model.product === 'elasticsearch')
      .filter((item) => OLD_PROTOCOLS.has(item.text))
      .map((item) => warn(ctx, setting, item.range, `${q(item.text)} in ${q(key)} is an outdated protocol version with known weaknesses; allow only TLSv1.2 and TLSv1.3.`));
  }
  if (ctx.model.product !== 'elasticsearch') return [];
  if (key === 'xpack.security.enabled' && isFalse(setting)) {
    return [warn(ctx, setting, scalar!.range, `${q(key)} is false: the cluster accepts requests without authentication and without TLS.`)];
  }
  if (key === 'xpack.security.authc.anonymous.roles') {
    return valueItems(setting, true)
      .filter((item) => item.text === 'superuser')
      .map((item) => warn(ctx, setting, item.range, `Anonymous users get the \`superuser\` role through ${q(key)}: anyone who can reach the cluster has full control.`));
  }
  if (/^(?:xpack\.security\.transport\.ssl|transport\.profiles\.[^.]+\.xpack\.security\.ssl)\.client_authentication$/.test(key) && (value === 'optional' || value === 'none')) {
    return [warn(ctx, setting, scalar!.range, `${q(key)} is \`${value}\`: nodes joining over the transport layer need not prove who they are with a certificate. Use \`required\`.`)];
  }
  return [];
}

/** Transport TLS turned off in a file that describes a multi-node cluster. */
function transportTlsOffInCluster(ctx: RuleContext): Finding[] {
  if (ctx.model.product !== 'elasticsearch') return [];
  const enabled = ctx.model.byKey.get('xpack.security.transport.ssl.enabled');
  if (!enabled || !isFalse(enabled)) return [];
  const cluster = ['discovery.seed_hosts', 'cluster.initial_master_nodes']
    .map((k) => ctx.model.byKey.get(k))
    .find((s) => valueItems(s, true).length > 1);
  if (!cluster) return [];
  return [warn(ctx, enabled, plainScalar(enabled)!.range, `${q(enabled.key)} is false while ${q(cluster.key)} lists several nodes: traffic between nodes travels unencrypted and any host can join. Elasticsearch refuses this in production mode when security is on.`)];
}

function warn(ctx: RuleContext, setting: Setting, range: { start: number; end: number }, message: string, fixes?: Finding['fixes']): Finding {
  return makeFinding(ctx, 'insecure-setting', setting.key, { severity: 'warning', message, range, fixes });
}
