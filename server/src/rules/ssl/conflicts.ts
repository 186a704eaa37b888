import type { Setting } from '../../config/types';
import type { Finding } from '../../core/finding';
import { removeSettingsEdits } from '../fixes';
import { sslContextsOf } from '../checkScope';
import type { SslContext } from './contexts';
import { makeFinding, q } from '../support';
import type { Rule, RuleContext } from '../types';

/** Pairs of suffixes that one Elasticsearch SSL context refuses together, with why. */
const ES_CONFLICTS: Array<[string, string, string]> = [
  ['keystore.path', 'certificate', 'a keystore already holds the certificate'],
  ['keystore.path', 'key', 'a keystore already holds the private key'],
  ['truststore.path', 'certificate_authorities', 'trust comes either from a truststore or from PEM CA files'],
  ['keystore.secure_password', 'keystore.password', 'the secure and the legacy password cannot both be set'],
  ['keystore.secure_key_password', 'keystore.key_password', 'the secure and the legacy key password cannot both be set'],
  ['truststore.secure_password', 'truststore.password', 'the secure and the legacy password cannot both be set'],
  ['secure_key_passphrase', 'key_passphrase', 'the secure and the legacy passphrase cannot both be set'],
];

/** Kibana's ssl schema (server.ssl and elasticsearch.ssl) refuses PEM material beside a keystore. */
const KIBANA_CONFLICTS: Array<[string, string, string]> = [
  ['keystore.path', 'certificate', 'Kibana takes the certificate from the keystore'],
  ['keystore.path', 'key', 'Kibana takes the private key from the keystore'],
];

/** Two settings of one SSL context that exclude each other; reported on the one written later. */
export const sslConflictRule: Rule = (ctx) => {
  const pairs = ctx.model.product === 'kibana' ? KIBANA_CONFLICTS : ES_CONFLICTS;
  const out: Finding[] = [];
  for (const sslCtx of sslContextsOf(ctx)) {
    for (const [a, b, why] of pairs) {
      const first = sslCtx.settings.get(a);
      const second = sslCtx.settings.get(b);
      if (first && second) out.push(conflict(ctx, sslCtx, first, second, why));
    }
  }
  return out;
};

function conflict(ctx: RuleContext, sslCtx: SslContext, a: Setting, b: Setting, why: string): Finding {
  const [earlier, later] = a.keyRange.start < b.keyRange.start ? [a, b] : [b, a];
  return makeFinding(ctx, 'ssl-conflict', later.key, {
    severity: 'error',
    message: `${q(later.key)} and ${q(earlier.key)} cannot both be set in ${q(sslCtx.prefix.slice(0, -1))}: ${why}. Keep one of them.`,
    range: later.keyRange,
    related: [{ message: `${q(earlier.key)} is set here.`, range: earlier.keyRange }],
    fixes: [
      { title: `Remove ${q(later.key)}`, edits: removeSettingsEdits(ctx.model, [later]) },
      { title: `Remove ${q(earlier.key)}`, edits: removeSettingsEdits(ctx.model, [earlier]) },
    ],
  });
}
