// Reading one SSL context's files and turning read failures and format mix-ups into findings.
import type { FileRole } from '../../catalog/types';
import type { ScalarValue, Setting } from '../../config/types';
import type { CertificateFileRead, CertificateFiles } from '../../pki/fileCache';
import type { ContextFile, ContextFiles, ResolvedRead } from './files';
import { certificateFiles, fileSettings, passwordSettings, resolveExisting } from './files';
import type { SslContext } from '../ssl/contexts';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';
import { formatMismatch, kibanaPkcs7Problem } from './formats';
import { swappedFinding } from './swapped';

/** Reads every file of a context; unreadable ones become findings and are left out. */
export function loadContextFiles(ctx: RuleContext, context: SslContext, files: CertificateFiles = certificateFiles(ctx)): ContextFiles {
  const out: ContextFiles = { context, authorities: [], findings: [] };
  for (const { role, setting, item } of fileSettings(ctx, context)) {
    const pw = passwordSettings(ctx, context, role);
    const resolved = resolveExisting(ctx, item.text.trim(), files, pw.plain?.text);
    if (!resolved || resolved.read.kind === 'missing') continue;
    const problem = readProblem(ctx, context, role, setting, item, resolved);
    if (problem) {
      out.findings.push(problem);
      continue;
    }
    if (resolved.read.kind !== 'parsed') continue;
    const cf: ContextFile = { role, setting, item, path: resolved.path, file: resolved.read.file };
    const formatProblem = contentProblem(ctx, context, cf);
    if (formatProblem) {
      out.findings.push(formatProblem);
      continue;
    }
    if (role === 'certificateAuthorities') out.authorities.push(cf);
    else if (role !== 'other') out[role] = cf;
  }
  return out;
}

type ReadError = Extract<CertificateFileRead, { kind: 'error' }>;

function readProblem(ctx: RuleContext, context: SslContext, role: FileRole, setting: Setting, item: ScalarValue, resolved: ResolvedRead) {
  const read = resolved.read;
  const mismatch = formatMismatch(ctx, context, role, setting, item, read.kind === 'parsed' ? read.file.result.format : read.kind === 'error' ? read.format : undefined, resolved.path);
  if (mismatch) return mismatch;
  if (read.kind !== 'error') return undefined;
  const code = read.error.code;
  if (code === 'PASSWORD_REQUIRED') return lockedFinding(ctx, context, role, setting, item, resolved.path);
  if (code === 'BAD_PASSWORD') {
    const from = resolved.passwordSource === 'user' ? 'The password you entered' : 'The password set in this file';
    return makeFinding(ctx, 'certificate-bad-password', setting.key, { severity: 'error', message: `${from} does not open ${q(resolved.path)}.`, range: item.range, data: { kind: 'unlock', path: resolved.path } });
  }
  if (code === 'JKS' && ctx.model.product === 'kibana') return jksFinding(ctx, setting, item, read);
  // Outside an untrusted workspace nothing is known about the file, so nothing is said.
  if (code === 'OUTSIDE_WORKSPACE') return undefined;
  const severity = code === 'TOO_LARGE' || code === 'LIMIT' || code === 'NOT_A_FILE' ? 'warning' : 'error';
  return makeFinding(ctx, 'certificate-unreadable', setting.key, { severity, message: `${q(resolved.path)} cannot be read: ${read.error.message}`, range: item.range });
}

function jksFinding(ctx: RuleContext, setting: Setting, item: ScalarValue, read: ReadError) {
  return makeFinding(ctx, 'certificate-file-format', setting.key, { severity: 'error', message: `Kibana reads only PKCS#12 keystores. ${read.error.message}`, range: item.range });
}

function lockedFinding(ctx: RuleContext, context: SslContext, role: FileRole, setting: Setting, item: ScalarValue, path: string) {
  const pw = passwordSettings(ctx, context, role);
  const data = { kind: 'unlock', path };
  if (role === 'key' && ctx.model.product === 'kibana' && !pw.anyPresent) {
    const passKey = `${context.prefix}keyPassphrase`;
    return makeFinding(ctx, 'encrypted-key-without-passphrase', setting.key, { severity: 'warning', message: `The private key ${q(path)} is encrypted, but ${q(passKey)} is not set, so Kibana cannot read it.`, range: item.range, data });
  }
  if (role === 'key') {
    const where = ctx.model.product === 'elasticsearch' ? ` Elasticsearch takes the passphrase from ${q(pw.secureNames[0] ?? `${context.prefix}secure_key_passphrase`)} in the Elasticsearch keystore.` : '';
    return makeFinding(ctx, 'keystore-locked', setting.key, { severity: 'information', message: `The private key ${q(path)} is encrypted.${where} Enter the passphrase to check the key.`, range: item.range, data });
  }
  if (ctx.model.product === 'kibana' && !pw.anyPresent) {
    const passKey = `${context.prefix}${role}.password`;
    return makeFinding(ctx, 'keystore-locked', setting.key, { severity: 'warning', message: `${q(path)} is password-protected, but ${q(passKey)} is not set, so Kibana cannot open it. Enter the password to check its certificates.`, range: item.range, data });
  }
  const where = ctx.model.product === 'elasticsearch' && pw.secureNames[0] ? ` Elasticsearch takes its password from ${q(pw.secureNames[0])} in the Elasticsearch keystore.` : '';
  return makeFinding(ctx, 'keystore-locked', setting.key, { severity: 'information', message: `${q(path)} is password-protected and the empty password does not open it.${where} Enter the password to check its certificates.`, range: item.range, data });
}

function contentProblem(ctx: RuleContext, context: SslContext, cf: ContextFile) {
  const r = cf.file.result;
  const at = (msg: string) => makeFinding(ctx, 'certificate-unreadable', cf.setting.key, { severity: 'error', message: msg, range: cf.item.range });
  const swapped = swappedFinding(ctx, context, cf);
  if (swapped) return swapped;
  if ((cf.role === 'certificate' || cf.role === 'certificateAuthorities') && r.certificates.length === 0) return at(`${q(cf.path)} holds no certificate.`);
  const pkcs7 = kibanaPkcs7Problem(ctx, cf);
  if (pkcs7) return pkcs7;
  if (cf.role === 'key' && r.keys.length === 0) return at(`${q(cf.path)} holds no private key.`);
  if (cf.role === 'keystore' && !r.entries.some((e) => e.hasKey)) return at(`The keystore ${q(cf.path)} holds no private key entry, so ${q(context.prefix)} has no key to present.`);
  return undefined;
}
