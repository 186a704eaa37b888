// Turns an InspectResult into the viewer's page: for each certificate the names and the expiry first, then the
// details people check when TLS fails. Pure and escaping every string, so it can be unit tested.
import type { CertificateLint, CertSummary, ConfiguredTrust, InspectResult, KeySummary, KeystoreEntry, PublicKeyInfo, SubjectAltName } from '../../../server/src/protocol';
import { copyable, escapeHtml, list, page, row, type PageOptions } from './html';
import { crlSections, esKeystoreSection, exportButton, keystoreSection } from './renderContainers';
import { trustSection } from './renderTrust';

export type { PageOptions } from './html';

/** Expiry state, for colour: red once expired, amber within the warning window. */
export function expiryState(daysLeft: number, warningDays: number): 'expired' | 'warning' | 'ok' {
  if (daysLeft < 0) return 'expired';
  return daysLeft <= warningDays ? 'warning' : 'ok';
}

function expiryText(cert: CertSummary): string {
  const d = cert.daysLeft;
  if (d < 0) return `Expired ${-d} day${d === -1 ? '' : 's'} ago`;
  if (d === 0) return 'Expires today';
  return `Expires in ${d} day${d === 1 ? '' : 's'}`;
}

/** The CN of a DN for headings, or the whole DN. */
export function commonName(dn: string): string {
  const match = /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/i.exec(dn);
  return match ? match[1] : dn;
}

function keyText(key: PublicKeyInfo | KeySummary): string {
  if (key.algorithm === 'EC') return `EC ${key.curve ?? ''}`.trim();
  return key.size ? `${key.algorithm} ${key.size} bits` : key.algorithm;
}

/** The SANs as a list; a server or client certificate without any gets a warning (a CA needs none). */
function sanList(sans: readonly SubjectAltName[], isCA = false): string {
  if (sans.length === 0 && isCA) return '<p class="note">None (a CA needs none).</p>';
  if (sans.length === 0) return '<p class="warning-text">No subject alternative names: clients that check host names will reject this certificate.</p>';
  const items = sans.map((s) => `<li><span class="san-type">${escapeHtml(s.type)}</span> ${escapeHtml(s.value)}${s.unicode ? ` <span class="idna">(${escapeHtml(s.unicode)})</span>` : ''}</li>`);
  return `<ul class="sans">${items.join('')}</ul>`;
}

function basicConstraints(cert: CertSummary): string {
  if (!cert.isCA) return 'Not a CA';
  return cert.pathLength === undefined ? 'CA' : `CA, path length ${cert.pathLength}`;
}

const LINT_CLASS: Record<CertificateLint['severity'], string> = { error: 'error', warning: 'warning-text', hint: 'note' };

/** Policy lints as a list, most severe first, each with its severity spelled out (colour is not the only cue). */
function lintList(lints: readonly CertificateLint[]): string {
  if (lints.length === 0) return '';
  const rank = { error: 0, warning: 1, hint: 2 };
  const items = [...lints].sort((a, b) => rank[a.severity] - rank[b.severity]).map((l) => `<li class="lint ${LINT_CLASS[l.severity]}" data-lint="${escapeHtml(l.id)}"><strong>${escapeHtml(l.severity)}</strong>: ${escapeHtml(l.message)}</li>`);
  return `<ul class="lints">${items.join('')}</ul>`;
}

/** The lints about one certificate, by fingerprint; the order of a chain belongs to the whole file. */
function lintsOf(result: InspectResult, cert: CertSummary): CertificateLint[] {
  return (result.lints ?? []).filter((l) => l.id !== 'certificate-chain-order' && l.fingerprint === cert.fingerprints.sha256);
}

function certificateSection(cert: CertSummary, heading: string, warningDays: number, lints: readonly CertificateLint[] = [], exportIndex?: number): string {
  const state = expiryState(cert.daysLeft, warningDays);
  const rows = [
    row('Subject', escapeHtml(cert.subject)),
    row('Issuer', escapeHtml(cert.issuer) + (cert.selfSigned ? ' <span class="tag">self-signed</span>' : '')),
    row('Serial number', copyable(cert.serialNumber)),
    row('Valid from', escapeHtml(cert.notBefore)),
    row('Valid until', escapeHtml(cert.notAfter)),
    row('Public key', escapeHtml(keyText(cert.publicKey))),
    row('Key usage', list(cert.keyUsage)),
    row('Extended key usage', list(cert.extendedKeyUsage)),
    row('Basic constraints', escapeHtml(basicConstraints(cert))),
    row('Subject key identifier', cert.subjectKeyId ? escapeHtml(cert.subjectKeyId) : list([])),
    row('Authority key identifier', cert.authorityKeyId ? escapeHtml(cert.authorityKeyId) : list([])),
    row('Signature algorithm', escapeHtml(cert.signatureAlgorithm)),
    row('SHA-256 fingerprint', copyable(cert.fingerprints.sha256)),
    row('SHA-1 fingerprint', copyable(cert.fingerprints.sha1)),
  ];
  return [
    `<section class="certificate">`,
    `<h2>${escapeHtml(heading)}</h2>`,
    ...(exportIndex === undefined ? [] : [`<p class="actions">${exportButton('certificate', exportIndex, 'Export as PEM…')}</p>`]),
    `<p class="expiry ${state}" data-state="${state}">${escapeHtml(expiryText(cert))} <span class="date">(${escapeHtml(cert.notAfter)})</span></p>`,
    lintList(lints),
    `<h3>Subject alternative names</h3>`,
    sanList(cert.sans, cert.isCA),
    `<table class="fields">${rows.join('')}</table>`,
    `</section>`,
  ].join('\n');
}

function matchText(value: boolean | undefined): string {
  if (value === undefined) return '<span class="none">—</span>';
  return value ? '<span class="ok">yes</span>' : '<span class="expired">no</span>';
}

function keysSection(keys: readonly KeySummary[], exportable: boolean): string {
  if (keys.length === 0) return '';
  const rows = keys.map(
    (k, i) =>
      `<tr><td>${i + 1}</td><td>${escapeHtml(keyText(k))}</td><td>${matchText(k.matchesCertificate)}</td><td>${k.encrypted ? 'encrypted' : 'not encrypted'}</td>${exportable ? `<td>${exportButton('key', i, 'Export key…')}</td>` : ''}</tr>`,
  );
  return `<section class="keys"><h2>Private keys</h2><table class="grid"><thead><tr><th>#</th><th>Key</th><th>Matches certificate</th><th>Storage</th>${exportable ? '<th></th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function entryActions(e: KeystoreEntry, i: number): string {
  const buttons = [];
  if (e.certificates.length > 0) buttons.push(exportButton('chain', i, e.certificates.length > 1 ? 'Export chain…' : 'Export PEM…'));
  if (e.hasKey && !e.keyLocked) buttons.push(exportButton('entryKey', i, 'Export key…'));
  return buttons.join(' ');
}

function entryKind(e: KeystoreEntry): string {
  if (e.secretKey) return 'Secret key (not for TLS)';
  if (e.trusted) return 'Trusted certificate entry';
  if (!e.hasKey) return 'Certificate';
  return e.usedByElasticsearch ? 'Key entry (used by Elasticsearch)' : 'Key entry';
}

function entriesSection(entries: readonly KeystoreEntry[]): string {
  if (entries.length === 0) return '';
  const rows = entries.map((e, i) => {
    const first = e.certificates[0];
    const match = e.keyLocked ? '<span class="warning-text">locked</span>' : matchText(e.keyMatchesCertificate);
    return `<tr><td>${e.alias === undefined ? list([]) : escapeHtml(e.alias)}</td><td>${escapeHtml(entryKind(e))}</td><td>${first ? escapeHtml(commonName(first.subject)) : list([])}</td><td>${e.certificates.length}</td><td>${e.hasKey ? match : list([])}</td><td>${entryActions(e, i)}</td></tr>`;
  });
  const noTrusted = entries.every((e) => !e.trusted)
    ? '<p class="note">No trusted certificate entries: this file cannot serve as a truststore.</p>'
    : '';
  return `<section class="entries"><h2>Keystore entries</h2><table class="grid"><thead><tr><th>Alias</th><th>Type</th><th>Subject</th><th>Certificates</th><th>Key matches</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>${noTrusted}</section>`;
}

function protectionSection(protection: InspectResult['protection']): string {
  if (!protection) return '';
  const rows = [
    row('Key encryption', protection.keyAlgorithm ? escapeHtml(protection.keyAlgorithm) : list([])),
    row('Certificate encryption', protection.certAlgorithm ? escapeHtml(protection.certAlgorithm) : list([])),
    row('Integrity (MAC)', protection.macAlgorithm ? escapeHtml(protection.macAlgorithm) : list([])),
    row('Iterations', protection.iterations === undefined ? list([]) : escapeHtml(protection.iterations)),
  ];
  return `<section class="protection"><h2>PKCS#12 protection</h2><table class="fields">${rows.join('')}</table></section>`;
}

function csrSection(csrs: InspectResult['csrs']): string {
  if (!csrs || csrs.length === 0) return '';
  const parts = csrs.map(
    (c, i) =>
      `<h3>Request ${i + 1}: ${escapeHtml(commonName(c.subject))}</h3>${sanList(c.sans)}<table class="fields">${row('Subject', escapeHtml(c.subject))}${row('Public key', escapeHtml(keyText(c.publicKey)))}</table>`,
  );
  return `<section class="csrs"><h2>Certificate signing requests</h2>${parts.join('')}</section>`;
}

/** The certificates to show: the file's own list, or those of the keystore entries when the list is empty. */
function certificatesOf(result: InspectResult): CertSummary[] {
  if (result.certificates.length > 0) return result.certificates;
  return result.entries.flatMap((e) => e.certificates);
}

const FORMAT_NAMES: Record<InspectResult['format'], string> = {
  pem: 'PEM', der: 'DER', pkcs12: 'PKCS#12', jks: 'Java keystore (JKS)', jceks: 'Java keystore (JCEKS)', pkcs7: 'PKCS#7 bundle', crl: 'Certificate revocation list', 'elasticsearch-keystore': 'Elasticsearch keystore',
};

/**
 * The whole viewer page for a file that was read; `trust` is how the workspace's settings that present its
 * certificate verify it against the CAs configured beside them.
 */
export function renderCertificatePage(result: InspectResult, opts: PageOptions, trust?: readonly ConfiguredTrust[]): string {
  const certs = certificatesOf(result);
  const fileName = result.file.split(/[\\/]/).pop() ?? result.file;
  const header = `<header><h1>${escapeHtml(fileName)}</h1><p class="summary">${escapeHtml(FORMAT_NAMES[result.format] ?? result.format)} · ${certs.length} certificate${certs.length === 1 ? '' : 's'} · ${result.keys.length} key${result.keys.length === 1 ? '' : 's'}</p></header>`;
  // Export indexes address result.certificates; certificates shown from entries are exported with their entry.
  const own = result.certificates.length > 0;
  const certSections = certs.map((c, i) =>
    certificateSection(c, certs.length > 1 ? `Certificate ${i + 1} of ${certs.length}: ${commonName(c.subject)}` : commonName(c.subject), opts.expiryWarningDays, lintsOf(result, c), own ? i : undefined),
  );
  const order = lintList((result.lints ?? []).filter((l) => l.id === 'certificate-chain-order'));
  const nothing = certs.length === 0 && result.keys.length === 0 && !result.csrs?.length && !result.crls?.length && !result.elasticsearchKeystore;
  const empty = nothing ? '<p class="note">This file holds no certificate, key or request.</p>' : '';
  const body = [
    header, order, empty, trustSection(trust), esKeystoreSection(result.elasticsearchKeystore), keystoreSection(result.keystore), entriesSection(result.entries), ...certSections,
    keysSection(result.keys, result.entries.length === 0), crlSections(result.crls), protectionSection(result.protection), csrSection(result.csrs),
  ];
  return page(fileName, body.filter((s) => s !== '').join('\n'), opts);
}

/** The password form shown for a locked keystore or encrypted key. */
export function renderPasswordPage(fileName: string, message: string | undefined, opts: PageOptions): string {
  const body = [
    `<header><h1>${escapeHtml(fileName)}</h1></header>`,
    '<form id="unlock" class="unlock">',
    `<label for="password">This file is protected by a password. Enter it to read the file; it is kept in VS Code's secret storage.</label>`,
    '<div class="unlock-row"><input type="password" id="password" autocomplete="off" spellcheck="false" autofocus><button type="submit">Unlock</button></div>',
    `<p id="error" class="expired" role="alert">${message ? escapeHtml(message) : ''}</p>`,
    '</form>',
  ];
  return page(fileName, body.join('\n'), opts);
}

/** A page for a file that could not be read. */
export function renderErrorPage(fileName: string, message: string, opts: PageOptions): string {
  return page(fileName, `<header><h1>${escapeHtml(fileName)}</h1></header>\n<p class="error" role="alert">${escapeHtml(message)}</p>`, opts);
}
