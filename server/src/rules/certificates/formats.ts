// A file whose format does not fit its setting: a keystore where PEM belongs, PEM where a keystore belongs,
// a CRL or the Elasticsearch keystore given as a certificate, and the formats one product reads and the other
// does not. Elasticsearch reads certificates through Java's CertificateFactory.generateCertificates
// (PemUtils.readCertificates in elastic/elasticsearch libs/ssl-config), which takes DER and PKCS#7 bundles too, and
// keystores as PKCS#12 or JKS (KeyStoreUtil.inferKeyStoreType). Kibana hands certificate files to Node.js, which
// reads PEM certificates only, and reads keystores with node-forge as PKCS#12 only (readPkcs12Keystore and
// readPkcs12Truststore in elastic/kibana packages/kbn-crypto/src/pkcs12.ts).
import type { FileRole } from '../../catalog/types';
import type { ScalarValue, Setting } from '../../config/types';
import { pkcs12ConversionCommand } from '../../pki/sniff';
import type { ContextFile } from './files';
import type { Finding } from '../../core/finding';
import type { SslContext } from '../ssl/contexts';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';

const PEM_ROLES = new Set<FileRole>(['certificate', 'key', 'certificateAuthorities']);
const KEYSTORE_FORMATS = new Set(['pkcs12', 'jks', 'jceks']);

interface Where {
  ctx: RuleContext;
  context: SslContext;
  role: FileRole;
  setting: Setting;
  item: ScalarValue;
  path: string;
}

/** The finding for a file whose format (sniffed or read) does not fit the setting, if any. */
export function formatMismatch(ctx: RuleContext, context: SslContext, role: FileRole, setting: Setting, item: ScalarValue, format: string | undefined, path: string): Finding | undefined {
  if (!format) return undefined;
  const w: Where = { ctx, context, role, setting, item, path };
  const at = (message: string) => makeFinding(ctx, 'certificate-file-format', setting.key, { severity: 'error', message: message, range: item.range });
  if (format === 'elasticsearch-keystore') return at(`${q(path)} is the Elasticsearch secure-settings keystore (elasticsearch.keystore), not a certificate or TLS keystore.`);
  if (PEM_ROLES.has(role)) return pemRoleMismatch(w, format, at);
  if (role === 'keystore' || role === 'truststore') return keystoreRoleMismatch(w, format, at);
  return undefined;
}

function pemRoleMismatch(w: Where, format: string, at: (m: string) => Finding): Finding | undefined {
  const { context, role, setting, path } = w;
  if (KEYSTORE_FORMATS.has(format)) {
    const instead = role === 'certificateAuthorities' ? 'truststore.path' : 'keystore.path';
    return at(`${q(path)} is a ${format === 'pkcs12' ? 'PKCS#12' : 'Java'} keystore, but ${q(setting.key)} takes a PEM file. Use ${q(context.prefix + instead)} for it, or extract PEM files from it.`);
  }
  if (format === 'crl') return at(`${q(path)} is a certificate revocation list (CRL), but ${q(setting.key)} takes certificates.`);
  if (format === 'der') return derMismatch(w.ctx, role, setting, path, at);
  if (format === 'pkcs7') return pkcs7Mismatch(w.ctx, role, setting, path, true, at);
  return undefined;
}

/**
 * A binary DER file where PEM is the rule. Elasticsearch reads certificates with CertificateFactory, which takes DER
 * as well as PEM (PemUtils.readCertificates, used by PemKeyConfig and PemTrustConfig), so a DER certificate is fine
 * there; its private keys are read as PEM only (PemUtils.readPrivateKey). Kibana hands files to Node.js's TLS, which
 * reads PEM only.
 */
function derMismatch(ctx: RuleContext, role: FileRole, setting: Setting, path: string, at: (m: string) => Finding): Finding | undefined {
  if (role === 'key') return at(`${q(path)} is binary DER, but ${q(setting.key)} takes a PEM private key. Convert it, for example: openssl pkey -inform der -in ${path} -out ${path}.pem`);
  if (ctx.model.product === 'elasticsearch') return undefined;
  return at(`${q(path)} is binary DER; Kibana reads PEM certificates only. Convert it, for example: openssl x509 -inform der -in ${path} -out ${path}.pem`);
}

function keystoreRoleMismatch(w: Where, format: string, at: (m: string) => Finding): Finding | undefined {
  const { ctx, context, role, setting, path } = w;
  if (format === 'pem' || format === 'der' || format === 'pkcs7' || format === 'crl') {
    const instead = role === 'keystore' ? `${q(context.prefix + 'certificate')} and ${q(context.prefix + 'key')}` : q(context.prefix + (ctx.model.product === 'kibana' ? 'certificateAuthorities' : 'certificate_authorities'));
    const what = { pem: 'a PEM file', der: 'a DER file', pkcs7: 'a PKCS#7 certificate bundle', crl: 'a certificate revocation list' }[format];
    return at(`${q(path)} is ${what}, but ${q(setting.key)} takes a PKCS#12 keystore. Use ${instead} for certificate files.`);
  }
  if ((format === 'jks' || format === 'jceks') && ctx.model.product === 'kibana') {
    return at(`${q(path)} is a Java ${format.toUpperCase()} keystore, but Kibana reads only PKCS#12 keystores. Convert it: ${pkcs12ConversionCommand(path)}`);
  }
  return undefined;
}

function pkcs7Mismatch(ctx: RuleContext, role: FileRole, setting: Setting, path: string, der: boolean, at: (m: string) => Finding): Finding | undefined {
  // Elasticsearch reads PKCS#7 certificates; a private key is another matter.
  if (ctx.model.product === 'elasticsearch' && role !== 'key') return undefined;
  const convert = `openssl pkcs7${der ? ' -inform der' : ''} -print_certs -in ${path} -out ${path}.pem`;
  const who = ctx.model.product === 'kibana' ? 'Kibana reads PEM certificates only' : `${q(setting.key)} takes a PEM private key`;
  return at(`${q(path)} is a PKCS#7 certificate bundle; ${who}. Convert it: ${convert}`);
}

/** Kibana and a PEM file holding a PKCS#7 block: Node.js reads only CERTIFICATE blocks. */
export function kibanaPkcs7Problem(ctx: RuleContext, cf: ContextFile): Finding | undefined {
  if (ctx.model.product !== 'kibana' || !PEM_ROLES.has(cf.role)) return undefined;
  if (!(cf.file.pemBlocks ?? []).some((b) => b.label === 'PKCS7' || b.label === 'CMS')) return undefined;
  return pkcs7Mismatch(ctx, cf.role, cf.setting, cf.path, false, (m) => makeFinding(ctx, 'certificate-file-format', cf.setting.key, { severity: 'error', message: m, range: cf.item.range }));
}
