// Kibana's own startup checks on the credentials it uses against Elasticsearch, from its config schema and
// deprecations (elastic/kibana src/core/packages/elasticsearch/server-internal/src/elasticsearch_config.ts;
// 7.x: src/core/server/elasticsearch/elasticsearch_config.ts).
import { atLeast } from '../catalog/version';
import type { Setting } from '../config/types';
import type { Finding } from '../core/finding';
import { removeSettingsEdits } from './fixes';
import { plainScalar } from './ssl/contexts';
import { assumedVersionNote, makeFinding, q, stackVersionOf } from './support';
import type { Rule, RuleContext } from './types';

const USERNAME = 'elasticsearch.username';
const PASSWORD = 'elasticsearch.password';
const TOKEN = 'elasticsearch.serviceAccountToken';

/** The user Kibana connects as, and a service account token beside basic credentials. */
export const kibanaCredentialsRule: Rule = (ctx) => {
  if (ctx.model.product !== 'kibana') return [];
  const out: Finding[] = [];
  const username = ctx.model.byKey.get(USERNAME);
  const user = plainScalar(username)?.text;
  if (username && user === 'elastic') out.push(elasticUser(ctx, username));
  if (username && user === 'kibana') out.push(...kibanaUser(ctx, username));
  const token = ctx.model.byKey.get(TOKEN);
  if (token) out.push(...tokenBesideCredentials(ctx, token, username));
  return out;
};

/**
 * 8.0 and later: the schema's validate refuses `elastic` ('value of "elastic" is forbidden'). 7.x: a logged
 * deprecation ('Setting [elasticsearch.username] to "elastic" is deprecated'). Before: the superuser works.
 */
function elasticUser(ctx: RuleContext, username: Setting): Finding {
  const version = stackVersionOf(ctx);
  const instead = `use ${q('elasticsearch.serviceAccountToken')} (a token for the elastic/kibana service account) or the ${q('kibana_system')} user instead.`;
  if (atLeast(version, '8.0.0')) {
    return credentialFinding(ctx, username, 'error', `Kibana 8.0 and later refuse ${q('elasticsearch.username: elastic')} ("value of \\"elastic\\" is forbidden"): the superuser cannot write the system indices Kibana needs; ${instead}`);
  }
  if (atLeast(version, '7.0.0')) {
    return credentialFinding(ctx, username, 'warning', `Connecting Kibana as the ${q('elastic')} superuser is deprecated in 7.x and refused from 8.0; ${instead}`, true);
  }
  return credentialFinding(ctx, username, 'information', `Kibana connects as the ${q('elastic')} superuser; Elastic recommends the built-in Kibana user, and 8.0 refuses ${q('elastic')} here.`);
}

/** The `kibana` user was renamed `kibana_system` in 7.8; Kibana logs a deprecation for the old name from then on. */
function kibanaUser(ctx: RuleContext, username: Setting): Finding[] {
  if (!atLeast(stackVersionOf(ctx), '7.8.0')) return [];
  return [credentialFinding(ctx, username, 'warning', `The built-in ${q('kibana')} user is deprecated since 7.8; use ${q('kibana_system')} (or a service account token) instead.`, true)];
}

/**
 * The schema refuses a token beside a username ('serviceAccountToken cannot be specified when "username" is
 * also set'); a password without a username is simply not used.
 */
function tokenBesideCredentials(ctx: RuleContext, token: Setting, username: Setting | undefined): Finding[] {
  if (username) {
    return [credentialFinding(ctx, token, 'error', `Kibana refuses ${q(TOKEN)} together with ${q(USERNAME)} ("serviceAccountToken cannot be specified when \\"username\\" is also set"); keep one way to authenticate.`)];
  }
  const password = ctx.model.byKey.get(PASSWORD);
  if (!password) return [];
  return [makeFinding(ctx, 'kibana-credentials', PASSWORD, {
    severity: 'warning',
    message: `${q(PASSWORD)} has no effect: Kibana authenticates with ${q(TOKEN)}, and a password is used only with ${q(USERNAME)}.`,
    range: password.keyRange,
    tags: ['unnecessary'],
    fixes: [{ title: `Remove ${q(PASSWORD)}`, edits: removeSettingsEdits(ctx.model, [password]) }],
  })];
}

function credentialFinding(ctx: RuleContext, setting: Setting, severity: Finding['severity'], message: string, deprecated = false): Finding {
  return makeFinding(ctx, 'kibana-credentials', setting.key, {
    severity,
    message: `${message}${assumedVersionNote(ctx)}`,
    range: setting.value.range,
    tags: deprecated ? ['deprecated'] : undefined,
  });
}
