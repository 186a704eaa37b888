// Markdown for what containers hold beyond certificates: CRLs, the Elasticsearch keystore's setting names and
// a keystore's type, integrity and key selection. Used by the hover and shared with `estls inspect`'s text.
import { escapeControl } from '../core/safeText';
import { selectionText } from './keySelection';
import type { CrlSummary, ElasticsearchKeystoreSummary, InspectResult, KeystoreSummary } from './types';

/** Most revoked serials or setting names listed before the rest are counted. */
const MAX_LISTED = 20;

/** Escapes control characters and Markdown metacharacters in text taken from a file. */
export function md(text: string): string {
  return escapeControl(text).replace(/[\\`*_{}[\]()#+\-!|<>]/g, (c) => `\\${c}`);
}

/** One line on when a CRL's next update is due. */
export function crlFreshness(c: CrlSummary): string {
  if (c.nextUpdate === undefined || c.daysLeft === undefined) return 'no next update given';
  const date = c.nextUpdate.slice(0, 10);
  return c.daysLeft < 0 ? `stale: next update was due ${date}` : `next update ${date} (in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'})`;
}

function listed(items: string[], more = 0): string {
  const extra = items.length - MAX_LISTED + more;
  return items.slice(0, MAX_LISTED).join(', ') + (extra > 0 ? `, … (${extra} more)` : '');
}

/** A CRL as a short Markdown section. */
export function renderCrl(c: CrlSummary): string {
  const lines = [
    `**Revocation list** from ${md(c.issuer || '(empty issuer)')}`,
    '',
    `- Issued ${c.thisUpdate.slice(0, 10)}; ${crlFreshness(c)}`,
    `- Revoked: ${c.revoked.length + (c.moreRevoked ?? 0)} certificate${c.revoked.length + (c.moreRevoked ?? 0) === 1 ? '' : 's'}`,
  ];
  if (c.revoked.length > 0) lines.push(`- Serials: ${listed(c.revoked.map((r) => `\`${r.serialNumber}\``), c.moreRevoked)}`);
  if (c.crlNumber) lines.push(`- CRL number: ${c.crlNumber}`);
  lines.push(`- Signed with ${c.signatureAlgorithm}`);
  return lines.join('\n');
}

/** The Elasticsearch keystore's names (never values). */
export function renderElasticsearchKeystore(k: ElasticsearchKeystoreSummary): string {
  const names = k.settingNames.length === 0 ? '_none_' : listed(k.settingNames.map((n) => `\`${n}\``));
  return [
    `**Elasticsearch keystore** (format version ${k.formatVersion}${k.hasPassword ? ', password-protected' : ', no password'})`,
    '',
    `- ${k.settingNames.length} setting${k.settingNames.length === 1 ? '' : 's'}: ${names}`,
  ].join('\n');
}

/** A Java or PKCS#12 keystore's type, integrity check and which key entry each product uses. */
export function renderKeystoreSummary(k: KeystoreSummary): string {
  const lines = [`**${k.type} keystore**, ${k.entryCount} entr${k.entryCount === 1 ? 'y' : 'ies'}`];
  if (k.integrity === 'not-verified') lines.push('- Integrity not verified: the empty password is not the store password. Enter the password to check it and the keys.');
  if (k.integrity === 'verified') lines.push('- Integrity verified with the store password');
  if (k.unlistedEntries) lines.push(`- ${k.unlistedEntries} entries after a secret-key entry are not listed`);
  const selection = selectionText(k.selection);
  if (selection) lines.push(`- ${selection}`);
  return lines.join('\n');
}

/** The sections for an Elasticsearch keystore and CRLs, which the hover shows before any certificate. */
export function containerSections(result: InspectResult): string[] {
  const parts: string[] = [];
  if (result.elasticsearchKeystore) parts.push(renderElasticsearchKeystore(result.elasticsearchKeystore));
  for (const crl of result.crls ?? []) parts.push(renderCrl(crl));
  return parts;
}
