// The files a Beat's or a standalone Agent's `ssl` blocks name: `certificate_authorities`, `certificate` and
// `key`. Found where the settings file says (its live config folder, a compose service that mounts it, the
// user's mappings) and read through the same certificate cache and pki readers as Elasticsearch's files.
//
// Facts from elastic/elastic-agent-libs transport/tlscommon (tls.go): a value starting with `-` is inline PEM,
// anything else a path opened as written (os.Open, so relative to the working directory); a CA file that adds
// no certificate to the pool is an error ("not a certificate"), as is a certificate whose key does not match
// (tls.X509KeyPair) or a key that cannot be read. With verification_mode `full` (the default) Go checks the
// server's certificate against the host dialled.
import * as path from 'node:path';
import { BEATS_LIVE_MARKERS } from '../catalog/beats/ssl';
import { PathLocator, isTemplatedPath, type PathLocation } from '../config/paths/locator';
import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import type { Finding, Severity } from '../core/finding';
import { keysMatch } from '../pki/keys';
import type { CertificateFileRead } from '../pki/fileCache';
import { CertificateFileCache } from '../pki/fileCache';
import type { ParsedCertificate, ParsedFile } from '../pki/parsed';
import { certificateCoversHost } from '../pki/verifyHost';
import { insideRoots } from './paths';
import { sslContexts, plainScalar, valueItems, type SslContext } from './ssl/contexts';
import { BEATS_SSL_PARENTS } from '../catalog/beats/ssl';
import type { CheckEnvironment } from './types';

/** One file an `ssl` block names, read. */
interface BeatsFile {
  role: 'certificate_authorities' | 'certificate' | 'key';
  setting: Setting;
  item: ScalarValue;
  /** The local file, or `inline` for PEM written in the value. */
  where: string;
  file: ParsedFile;
}

/** Certificate and path findings of every `ssl` block of a Beat's configuration. */
export function beatsCertificateFindings(model: ConfigModel, env: CheckEnvironment, filePath: string | undefined): Finding[] {
  const locator = new PathLocator({
    product: 'elasticsearch', filePath, fs: env.fs, workspaceRoots: env.options.workspaceRoots, pathMappings: env.options.pathMappings,
    liveConfigDirs: env.options.liveConfigDirs, configDir: env.options.configDir, liveMarkers: BEATS_LIVE_MARKERS,
  });
  const cache = env.certificates ?? new CertificateFileCache(env.fs, env.clock);
  const out: Finding[] = [];
  for (const context of sslContexts(model)) {
    if (!BEATS_SSL_PARENTS.some((re) => re.test(`${context.prefix}enabled`))) continue;
    const enabled = plainScalar(context.settings.get('enabled'))?.text.toLowerCase();
    if (enabled === 'false' || enabled === 'no' || enabled === 'off') continue;
    const files: BeatsFile[] = [];
    for (const role of ['certificate_authorities', 'certificate', 'key'] as const) {
      const setting = context.settings.get(role);
      for (const item of setting ? valueItems(setting, false) : []) {
        const read = readItem(env, locator, cache, context, role, setting!, item, out);
        if (read) files.push(read);
      }
    }
    out.push(...contentFindings(env, model, context, files));
  }
  return out;
}

function readItem(env: CheckEnvironment, locator: PathLocator, cache: CertificateFileCache | NonNullable<CheckEnvironment['certificates']>, context: SslContext, role: BeatsFile['role'], setting: Setting, item: ScalarValue, out: Finding[]): BeatsFile | undefined {
  const value = item.text.trim();
  if (value === '' || item.templated || isTemplatedPath(value)) return undefined;
  if (value.startsWith('-')) return inline(env, role, setting, item, out);
  const location = locator.locate(value);
  const local = localPath(env, location, value);
  if (!local) return undefined;
  const password = role === 'key' ? plainScalar(context.settings.get('key_passphrase'))?.text : undefined;
  let read: CertificateFileRead;
  try {
    read = cache.read(local.path, env.passwords.get(local.path) ?? password);
  } catch {
    return undefined;
  }
  if (read.kind === 'missing') {
    if (local.mayBeMissing) return undefined;
    out.push(finding(local.live ? 'error' : 'warning', 'missing-file', item, local.live
      ? `\`${setting.key}\` names a file that does not exist: \`${local.path}\`; the Beat stops at start-up.`
      : `\`${setting.key}\` names \`${value}\`: ${local.via}, and \`${local.path}\` does not exist.`));
    return undefined;
  }
  if (read.kind === 'error') {
    if (read.error.code === 'OUTSIDE_WORKSPACE') return undefined;
    if (read.error.code === 'BAD_PASSWORD') {
      out.push(finding('error', 'certificate-bad-password', item, `\`${context.prefix}key_passphrase\` does not open the private key \`${local.path}\`, so the Beat cannot load it.`, { kind: 'unlock', path: local.path }));
      return undefined;
    }
    if (read.error.code === 'PASSWORD_REQUIRED') {
      const set = context.settings.has('key_passphrase') || context.settings.has('key_passphrase_path');
      const message = set ? `The private key \`${local.path}\` is encrypted; its passphrase is not known here, so the key is not checked.` : `The private key \`${local.path}\` is encrypted, but \`${context.prefix}key_passphrase\` is not set, so the Beat cannot load it.`;
      out.push(finding(set ? 'information' : 'warning', set ? 'keystore-locked' : 'encrypted-key-without-passphrase', item, message, { kind: 'unlock', path: local.path }));
      return undefined;
    }
    out.push(finding('error', 'certificate-unreadable', item, `\`${local.path}\` cannot be read: ${read.error.message}`));
    return undefined;
  }
  return { role, setting, item, where: local.path, file: read.file };
}

/** The local file a located value stands for, and how sure its absence is. */
function localPath(env: CheckEnvironment, location: PathLocation, value: string): { path: string; live: boolean; mayBeMissing: boolean; via: string } | undefined {
  const readable = (p: string) => env.options.readOutsideWorkspace || insideRoots(p, env.options.workspaceRoots);
  if (location.kind === 'live') {
    const p = location.localPath;
    // A Beat opens a relative path against its working directory, which the config folder need not be.
    return readable(p) ? { path: p, live: true, mayBeMissing: !path.isAbsolute(value), via: location.via } : undefined;
  }
  if (location.kind === 'mapped' && !location.inSecret) {
    return readable(location.localPath) ? { path: location.localPath, live: false, mayBeMissing: location.assumed === true, via: location.via } : undefined;
  }
  return undefined;
}

/** Inline PEM (`certificate: |` followed by `-----BEGIN ...`), read from the value itself. */
function inline(env: CheckEnvironment, role: BeatsFile['role'], setting: Setting, item: ScalarValue, out: Finding[]): BeatsFile | undefined {
  try {
    // Loaded here, not with the rules: the readers bring the ASN.1 schemas, which a check of a file that inlines
    // no certificate never needs (see pki/fileCache.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; the bundler keeps it
    const { readPkiFile } = require('../pki/readPkiFile') as typeof import('../pki/readPkiFile');
    return { role, setting, item, where: 'inline PEM', file: readPkiFile(new TextEncoder().encode(item.text), { clock: env.clock }) };
  } catch (e) {
    if (role !== 'key') out.push(finding('error', 'certificate-unreadable', item, `The inline PEM of \`${setting.key}\` cannot be read: ${e instanceof Error ? e.message : String(e)}`));
    return undefined;
  }
}

function contentFindings(env: CheckEnvironment, model: ConfigModel, context: SslContext, files: BeatsFile[]): Finding[] {
  const out: Finding[] = [];
  const now = env.clock.now();
  const cert = files.find((f) => f.role === 'certificate');
  const key = files.find((f) => f.role === 'key');
  for (const f of files) {
    if (f.role !== 'key' && f.file.certificates.length === 0) {
      out.push(finding('error', 'certificate-unreadable', f.item, `${place(f)} holds no PEM certificate, so the Beat refuses it at start-up.`));
      continue;
    }
    if (f.role === 'key' && f.file.keys.length === 0) {
      out.push(finding('error', 'certificate-unreadable', f.item, `${place(f)} holds no private key.`));
      continue;
    }
    for (const c of f.file.certificates.slice(0, 5)) {
      if (new Date(c.summary.notAfter) < now) out.push(finding('error', 'certificate-expired', f.item, `The certificate \`${c.summary.subject}\` in ${place(f)} expired on ${c.summary.notAfter.slice(0, 10)}.`, { path: f.where }));
      else if (c.summary.daysLeft < env.options.expiryWarningDays) out.push(finding('warning', 'certificate-expiring', f.item, `The certificate \`${c.summary.subject}\` in ${place(f)} expires in ${c.summary.daysLeft} days (${c.summary.notAfter.slice(0, 10)}).`, { path: f.where }));
    }
  }
  const leaf = cert?.file.certificates[0];
  const privateKey = key?.file.keys[0];
  if (cert && key && leaf && privateKey && !keysMatch(privateKey.key, leaf.x509.publicKey)) {
    out.push(finding('error', 'key-certificate-mismatch', key.item, `\`${key.where === 'inline PEM' ? 'the inline key' : key.where}\` is not the private key of ${place(cert)}: the Beat fails to load the pair (tls.X509KeyPair).`));
  }
  out.push(...authorityFindings(model, context, files.filter((f) => f.role === 'certificate_authorities')));
  return out;
}

/**
 * A CA file whose certificates are all leaves (no CA:TRUE): Go trusts such a certificate only as the very one
 * the server presents, so with verification_mode full it must also name the hosts dialled.
 */
function authorityFindings(model: ConfigModel, context: SslContext, authorities: BeatsFile[]): Finding[] {
  const out: Finding[] = [];
  const mode = plainScalar(context.settings.get('verification_mode'))?.text.toLowerCase() ?? 'full';
  const hosts = hostsOf(model, context.prefix);
  for (const f of authorities) {
    const leaves = f.file.certificates.filter((c) => !c.summary.isCA);
    if (leaves.length === 0 || leaves.length < f.file.certificates.length) continue;
    out.push(finding('warning', 'certificate-authority-not-ca', f.item, `${place(f)} holds no CA certificate (none has CA:TRUE): it verifies only a server that presents this very certificate, and no certificate it signs.`));
    if (mode !== 'full' && mode !== 'strict') continue;
    const uncovered = hosts.filter((h) => !leaves.some((c: ParsedCertificate) => certificateCoversHost(c.summary, h.host)));
    if (uncovered.length > 0) {
      const names = leaves[0].summary.sans.filter((s) => s.type === 'dns' || s.type === 'ip').map((s) => `\`${s.value}\``);
      out.push(finding('warning', 'certificate-hostname-mismatch', f.item, `With verification_mode ${mode}, the server's certificate must name the host dialled, but the certificate in ${place(f)} does not cover ${uncovered.map((h) => `\`${h.host}\``).join(', ')} (${settingKeys(uncovered)}); it names ${names.join(', ') || 'no DNS or IP names'}.`));
    }
  }
  return out;
}

function settingKeys(hosts: Array<{ key: string }>): string {
  return [...new Set(hosts.map((h) => h.key))].join(', ');
}

/** The hosts of the output or Kibana an `ssl` block belongs to, without scheme, port or path. */
function hostsOf(model: ConfigModel, prefix: string): Array<{ host: string; key: string }> {
  const parent = prefix.slice(0, -'ssl.'.length);
  const key = parent.startsWith('setup.kibana.') ? `${parent}host` : `${parent}hosts`;
  const out: Array<{ host: string; key: string }> = [];
  for (const item of valueItems(model.byKey.get(key), false)) {
    const host = hostName(item.text.trim());
    if (host && !item.templated && !out.some((h) => h.host === host)) out.push({ host, key });
  }
  return out;
}

function hostName(value: string): string | undefined {
  if (value === '' || value.includes('${')) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    return url.hostname.replace(/^\[(.*)\]$/, '$1') || undefined;
  } catch {
    return undefined;
  }
}

function place(f: BeatsFile): string {
  return f.where === 'inline PEM' ? `the inline PEM of \`${f.setting.key}\`` : `\`${f.where}\``;
}

function finding(severity: Severity, ruleId: string, item: ScalarValue, message: string, data?: Record<string, string>): Finding {
  return { ruleId, severity, message, range: item.range, ...(data ? { data } : {}) };
}
