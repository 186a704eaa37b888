// A private key given to `certificate`, or a certificate given to `key`: the product fails to load the context
// (Elasticsearch finds no certificate in the file; Kibana's Node.js cannot parse it). When the other setting holds
// the opposite kind, the two paths are swapped and a fix exchanges them.
import type { ScalarValue } from '../../config/types';
import type { Fix } from '../../core/finding';
import type { ContextFile } from './files';
import { certificateFiles, resolveExisting } from './files';
import type { SslContext } from '../ssl/contexts';
import { plainScalar } from '../ssl/contexts';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';

/** What a read file holds, for the swap check. */
function holds(ctx: RuleContext, item: ScalarValue | undefined): 'key' | 'certificate' | undefined {
  if (!item) return undefined;
  const read = resolveExisting(ctx, item.text.trim(), certificateFiles(ctx))?.read;
  if (read?.kind !== 'parsed') return undefined;
  const r = read.file.result;
  if (r.certificates.length > 0 && r.keys.length === 0) return 'certificate';
  if (r.keys.length > 0 && r.certificates.length === 0) return 'key';
  return undefined;
}

function swapFix(a: ScalarValue, b: ScalarValue): Fix {
  return { title: 'Swap the certificate and key paths', edits: [{ range: a.range, newText: b.source }, { range: b.range, newText: a.source }], isPreferred: true };
}

/** The finding for a `certificate` file that holds only a key, or a `key` file that holds only certificates. */
export function swappedFinding(ctx: RuleContext, context: SslContext, cf: ContextFile) {
  const r = cf.file.result;
  const keyInCert = cf.role === 'certificate' && r.certificates.length === 0 && r.keys.length > 0;
  const certInKey = cf.role === 'key' && r.keys.length === 0 && r.certificates.length > 0;
  if (!keyInCert && !certInKey) return undefined;
  const otherSuffix = keyInCert ? 'key' : 'certificate';
  const other = plainScalar(context.settings.get(otherSuffix));
  const swapped = holds(ctx, other) === (keyInCert ? 'certificate' : 'key');
  const what = keyInCert ? 'a private key and no certificate' : 'certificates and no private key';
  const wants = keyInCert ? 'the PEM certificate (BEGIN CERTIFICATE)' : 'the PEM private key';
  const hint = swapped ? ` while ${q(context.prefix + otherSuffix)} names ${q(other!.text)}, which holds the ${keyInCert ? 'certificate' : 'key'}: the two paths are swapped.` : '.';
  const f = makeFinding(ctx, 'certificate-key-swapped', cf.setting.key, { severity: 'error', message: `${q(cf.path)} holds ${what}, but ${q(cf.setting.key)} takes ${wants}, so ${ctx.model.product === 'kibana' ? 'Kibana' : 'Elasticsearch'} cannot load this SSL context${hint}`, range: cf.item.range });
  const own = plainScalar(cf.setting);
  if (swapped && own && other) f.fixes = [swapFix(own, other)];
  return f;
}
