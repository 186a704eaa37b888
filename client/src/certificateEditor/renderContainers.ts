// Viewer sections for what containers hold beyond certificates: a keystore's type, integrity and key selection,
// CRLs, the Elasticsearch keystore's setting names (never values), and the Export buttons. Pure, escaping all.
import type { CrlSummary, ElasticsearchKeystoreSummary, KeystoreSummary } from '../../../server/src/pki/types';
import { escapeHtml, list, row } from './html';

/** An Export button; the page script posts `{ type: 'export', item }` built from the data attributes. */
export function exportButton(kind: 'certificate' | 'chain' | 'key' | 'entryKey', index: number, label: string): string {
  const warn = kind === 'key' || kind === 'entryKey' ? ' title="Asks before writing an unencrypted private key"' : '';
  return `<button type="button" class="export" data-kind="${kind}" data-index="${index}"${warn}>${escapeHtml(label)}</button>`;
}

function selectionHtml(k: KeystoreSummary): string {
  const s = k.selection;
  if (s.elasticsearch === 'none') return escapeHtml('No key entry: usable as a truststore only.');
  const es = s.elasticsearch === 'only'
    ? `Elasticsearch presents <code>${escapeHtml(s.keyAliases[0])}</code>.`
    : escapeHtml(`Elasticsearch loads all ${s.keyAliases.length} key entries and picks, per connection, one whose key type fits; which one among entries of the same type is not defined.`);
  const kibana = { none: '', only: ' Kibana uses the one key.', refuses: ' Kibana refuses this keystore (more than one private key).', 'unsupported-format': ' Kibana cannot read this format (PKCS#12 only).' }[s.kibana];
  return es + escapeHtml(kibana);
}

/** Type, integrity and which key entry each product uses. */
export function keystoreSection(k: KeystoreSummary | undefined): string {
  if (!k) return '';
  const integrity = k.integrity === 'verified' ? '<span class="ok">verified with the store password</span>' : k.integrity === 'not-verified' ? '<span class="warning-text">not verified: unlock the keystore to check it and its keys</span>' : '';
  const rows = [
    row('Type', escapeHtml(k.type)),
    row('Entries', escapeHtml(k.entryCount) + (k.unlistedEntries ? escapeHtml(` (${k.unlistedEntries} after a secret-key entry not listed)`) : '')),
    ...(integrity ? [row('Integrity', integrity)] : []),
    ...(k.keyProtection?.length ? [row('Key protection', list(k.keyProtection))] : []),
    row('Key used', selectionHtml(k)),
  ];
  return `<section class="keystore"><h2>Keystore</h2><table class="fields">${rows.join('')}</table></section>`;
}

function crlHtml(c: CrlSummary, i: number, count: number): string {
  const stale = c.daysLeft !== undefined && c.daysLeft < 0;
  const revoked = c.revoked.map((r) => `<tr><td><code>${escapeHtml(r.serialNumber)}</code></td><td>${escapeHtml(r.revocationDate)}</td><td>${r.reason ? escapeHtml(r.reason) : list([])}</td></tr>`);
  const more = c.moreRevoked ? `<p class="note">${escapeHtml(`${c.moreRevoked} more entries are not listed.`)}</p>` : '';
  const rows = [
    row('Issuer', escapeHtml(c.issuer)),
    row('This update', escapeHtml(c.thisUpdate)),
    row('Next update', c.nextUpdate ? `<span class="${stale ? 'expired' : 'ok'}">${escapeHtml(c.nextUpdate)}${stale ? ' (stale)' : ''}</span>` : list([])),
    ...(c.crlNumber ? [row('CRL number', escapeHtml(c.crlNumber))] : []),
    row('Signature algorithm', escapeHtml(c.signatureAlgorithm)),
  ];
  const table = revoked.length === 0 ? '<p class="note">No certificate is revoked.</p>' : `<table class="grid"><thead><tr><th>Serial number</th><th>Revoked</th><th>Reason</th></tr></thead><tbody>${revoked.join('')}</tbody></table>`;
  return `<section class="crl"><h2>${escapeHtml(count > 1 ? `Revocation list ${i + 1} of ${count}` : 'Revocation list')}</h2><table class="fields">${rows.join('')}</table><h3>Revoked certificates</h3>${table}${more}</section>`;
}

/** Every CRL of the file. */
export function crlSections(crls: readonly CrlSummary[] | undefined): string {
  return (crls ?? []).map((c, i, all) => crlHtml(c, i, all.length)).join('\n');
}

/** The Elasticsearch keystore: format and setting names only. */
export function esKeystoreSection(k: ElasticsearchKeystoreSummary | undefined): string {
  if (!k) return '';
  const names = k.settingNames.length === 0 ? '<p class="note">No settings.</p>' : `<ul class="settings">${k.settingNames.map((n) => `<li><code>${escapeHtml(n)}</code></li>`).join('')}</ul>`;
  const rows = [row('Format version', escapeHtml(k.formatVersion)), row('Password', escapeHtml(k.hasPassword ? 'yes' : 'no (obfuscated only)'))];
  return `<section class="es-keystore"><h2>Elasticsearch keystore</h2><table class="fields">${rows.join('')}</table><h3>Settings (names only)</h3>${names}</section>`;
}
