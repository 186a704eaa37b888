import type { Setting } from '../config/types';
import type { Finding } from '../core/finding';
import { removeSettingsEdits } from './fixes';
import { plainScalar } from './ssl/contexts';
import { atLeast } from '../catalog/version';
import { assumedVersionNote, defOf, makeFinding, q, stackVersionOf } from './support';
import type { Rule, RuleContext } from './types';
import { eachPending } from './checkScope';

/** Legacy plain-text SSL password settings and the secure setting that replaces each. */
const LEGACY_SSL_PASSWORDS: Record<string, string> = {
  'keystore.password': 'keystore.secure_password',
  'keystore.key_password': 'keystore.secure_key_password',
  'truststore.password': 'truststore.secure_password',
  key_passphrase: 'secure_key_passphrase',
};

/**
 * The secure replacement of a legacy plain-text SSL password key (`<p>.ssl.keystore.password` ->
 * `<p>.ssl.keystore.secure_password`), or undefined for any other key.
 */
export function legacyPasswordReplacement(key: string): string | undefined {
  const i = key.lastIndexOf('.ssl.');
  if (i < 0) return undefined;
  const replacement = LEGACY_SSL_PASSWORDS[key.slice(i + 5)];
  return replacement ? `${key.slice(0, i + 5)}${replacement}` : undefined;
}

/** Kibana settings that hold a secret in plain text. */
function isKibanaSecret(key: string): boolean {
  return key === 'elasticsearch.password' || key === 'elasticsearch.serviceAccountToken' || /(?:^|\.)(?:keyPassphrase|encryptionKey)$/.test(key) || /\.(?:keystore|truststore)\.password$/.test(key);
}

/** Secrets belong in the product's keystore, not in the yml. */
export const secretsRule: Rule = (ctx) => {
  const out: Finding[] = [];
  // Whether a setting is a secret follows from its key and value; the fix's edits may read its neighbours.
  eachPending(ctx, 'secrets', ctx.model.settings, (setting) => {
    const f = ctx.model.product === 'elasticsearch' ? esSecret(ctx, setting) : kibanaSecret(ctx, setting);
    if (f) out.push(f);
    return !f;
  });
  return out;
};

function esSecret(ctx: RuleContext, setting: Setting): Finding | undefined {
  const def = defOf(ctx, setting.key);
  const lastSegment = setting.key.slice(setting.key.lastIndexOf('.') + 1);
  const secure = def ? def.secure === true : lastSegment.startsWith('secure_');
  const fixes = (name: string): Finding['fixes'] => [{
    title: `Remove the line and store ${q(name)} in the Elasticsearch keystore`,
    edits: removeSettingsEdits(ctx.model, [setting]),
    command: `bin/elasticsearch-keystore add ${name}`,
  }];
  if (secure) {
    return makeFinding(ctx, 'secure-setting-in-yml', setting.key, {
      severity: 'error',
      message: `${q(setting.key)} is a secure setting: Elasticsearch reads it only from the keystore and refuses to start when it is in elasticsearch.yml.`,
      range: setting.keyRange,
      fixes: fixes(setting.key),
    });
  }
  const replacement = legacyPasswordReplacement(setting.key);
  if (!replacement) return undefined;
  // The plain-text forms were deprecated in 7.17 (the catalog's `deprecated.since`); before, the keystore is advice.
  const since = def?.deprecated?.since ?? '7.17.0';
  const isDeprecated = atLeast(stackVersionOf(ctx), since);
  return makeFinding(ctx, 'deprecated-plain-password', setting.key, {
    severity: isDeprecated ? 'warning' : 'hint',
    message: isDeprecated
      ? `${q(setting.key)} keeps a password in plain text and is deprecated since ${since}; store it as ${q(replacement)} in the Elasticsearch keystore instead.${assumedVersionNote(ctx)}`
      : `${q(setting.key)} keeps a password in plain text; ${q(replacement)} in the Elasticsearch keystore keeps it out of the file (and ${since} deprecates the plain form).${assumedVersionNote(ctx)}`,
    range: setting.keyRange,
    tags: isDeprecated ? ['deprecated'] : undefined,
    fixes: fixes(replacement),
  });
}

/**
 * Kibana's own docs write these settings in kibana.yml, and the Kibana keystore is an option, not a rule: a hint.
 * An empty value holds no secret.
 */
function kibanaSecret(ctx: RuleContext, setting: Setting): Finding | undefined {
  if (!isKibanaSecret(setting.key) || setting.value.kind !== 'scalar' || !plainScalar(setting)?.text) return undefined;
  return makeFinding(ctx, 'plaintext-secret', setting.key, {
    severity: 'hint',
    message: `${q(setting.key)} holds a secret in plain text; the Kibana keystore can keep it out of kibana.yml.`,
    range: setting.keyRange,
    fixes: [{
      title: `Remove the line and store ${q(setting.key)} in the Kibana keystore`,
      edits: removeSettingsEdits(ctx.model, [setting]),
      command: `bin/kibana-keystore add ${setting.key}`,
    }],
  });
}
