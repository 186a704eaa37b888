// Markdown for a hover over a certificate path: what matters first (names covered, expiry), then identity,
// key, usages and fingerprints, then the rest of the chain or keystore. Never key material or passwords.
import { escapeControl } from '../core/safeText';
import type { ParsedFile } from './parsed';
import type { CertSummary, InspectResult, KeySummary, KeystoreEntry, SubjectAltName } from './types';
import { containerSections, md, renderKeystoreSummary } from './renderContainers';

export interface RenderOptions {
  /** Most certificates to detail; the rest are counted. */
  maxCertificates?: number;
  /** Leave out fingerprints (for compact views). */
  omitFingerprints?: boolean;
  /** The current time, to tell a not-yet-valid certificate apart. */
  now?: Date;
}


function sanText(sans: SubjectAltName[]): string {
  if (sans.length === 0) return '_none_';
  const shown = sans.slice(0, 12).map((s) => `${s.type === 'dns' ? 'DNS' : s.type === 'ip' ? 'IP' : s.type}:${md(s.value)}${s.unicode ? ` (${md(s.unicode)})` : ''}`);
  return shown.join(', ') + (sans.length > 12 ? `, … (${sans.length - 12} more)` : '');
}

function expiryText(c: CertSummary, now?: Date): string {
  const date = c.notAfter.slice(0, 10);
  if (c.daysLeft < 0) return `**Expired ${-c.daysLeft} day${c.daysLeft === -1 ? '' : 's'} ago** (${date})`;
  if (now && new Date(c.notBefore) > now) return `**Not yet valid** (from ${c.notBefore.slice(0, 10)})`;
  return `Expires in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} (${date})`;
}

function keyText(k: { algorithm: string; size?: number; curve?: string }): string {
  return [k.algorithm, k.curve, k.size ? `${k.size} bits` : undefined].filter(Boolean).join(' ');
}

/** One certificate as a short Markdown section. */
export function renderCertificate(c: CertSummary, opts: RenderOptions = {}): string {
  const lines = [
    `**${md(c.subject || '(empty subject)')}**${c.isCA ? ' (CA)' : ''}`,
    '',
    `- Names: ${sanText(c.sans)}`,
    `- ${expiryText(c, opts.now)}`,
    `- Issuer: ${c.selfSigned ? 'self-signed' : md(c.issuer)}`,
    `- Key: ${keyText(c.publicKey)}; signed with ${c.signatureAlgorithm}`,
  ];
  if (c.keyUsage.length > 0) lines.push(`- Key usage: ${c.keyUsage.join(', ')}`);
  if (c.extendedKeyUsage.length > 0) lines.push(`- Extended key usage: ${c.extendedKeyUsage.join(', ')}`);
  if (c.isCA && c.pathLength !== undefined) lines.push(`- Path length: ${c.pathLength}`);
  lines.push(`- Serial: \`${c.serialNumber}\``);
  if (!opts.omitFingerprints) lines.push(`- SHA-256: \`${c.fingerprints.sha256}\``);
  return lines.join('\n');
}

function renderKey(k: KeySummary): string {
  const match = k.matchesCertificate === undefined ? '' : k.matchesCertificate ? ', matches the certificate' : ', **does not match the certificate**';
  return `- Private key: ${keyText(k)}${k.encrypted ? ' (encrypted)' : ''}${match}`;
}

function renderEntry(e: KeystoreEntry): string {
  const kind = e.secretKey ? 'secret key (not used for TLS)' : e.hasKey ? `key entry${e.keyLocked ? ' (key locked)' : ''}` : e.trusted ? 'trusted certificate' : 'certificate (not trusted by Java)';
  const leaf = e.certificates[0];
  const head = `- \`${md(e.alias ?? '(no alias)')}\`: ${kind}`;
  if (!leaf) return head;
  const mismatch = e.hasKey && e.keyMatchesCertificate === false ? ', **key does not match**' : '';
  const used = e.usedByElasticsearch ? ' (the entry Elasticsearch presents)' : '';
  return `${head}, ${md(leaf.subject)}, ${leaf.daysLeft < 0 ? '**expired**' : `${leaf.daysLeft} days left`}${e.certificates.length > 1 ? `, chain of ${e.certificates.length}` : ''}${mismatch}${used}`;
}

/** The whole file as hover Markdown: the first certificate in full, then keys, entries and the other certificates. */
export function renderCertificateMarkdown(result: InspectResult, opts: RenderOptions = {}): string {
  const max = opts.maxCertificates ?? 3;
  const parts: string[] = containerSections(result);
  const certs = result.certificates;
  if (certs.length > 0) parts.push(renderCertificate(certs[0], opts));
  if (result.keys.length > 0) parts.push(result.keys.map(renderKey).join('\n'));
  if (result.keystore) parts.push(renderKeystoreSummary(result.keystore));
  if (result.entries.length > 0) parts.push(`Keystore entries:\n\n${result.entries.map(renderEntry).join('\n')}`);
  const rest = certs.slice(1, max);
  if (rest.length > 0) parts.push(`Also in the file:\n\n${rest.map((c) => `- ${md(c.subject)} (${c.daysLeft < 0 ? '**expired**' : `${c.daysLeft} days left`})`).join('\n')}`);
  if (certs.length > max) parts.push(`…and ${certs.length - max} more certificates.`);
  if (result.protection) {
    const p = result.protection;
    const bits = [p.keyAlgorithm && `keys ${p.keyAlgorithm}`, p.certAlgorithm && `certificates ${p.certAlgorithm}`, p.macAlgorithm && `MAC ${p.macAlgorithm}`, p.iterations && `${p.iterations} iterations`].filter(Boolean);
    if (bits.length > 0) parts.push(`Protection: ${bits.join(', ')}`);
  }
  for (const csr of result.csrs ?? []) parts.push(`Certificate request **${md(csr.subject)}**, names: ${sanText(csr.sans)}`);
  if (parts.length === 0) parts.push('_No certificates or keys found._');
  return parts.join('\n\n---\n\n');
}

/** A one-line title per PEM block (for CodeLens above each block), with the block's offsets. */
export function pemBlockTitles(file: ParsedFile): Array<{ start: number; end: number; title: string }> {
  return (file.pemBlocks ?? []).map((b) => {
    const cert = b.certificateIndex !== undefined ? file.result.certificates[b.certificateIndex] : undefined;
    const key = b.keyIndex !== undefined ? file.result.keys[b.keyIndex] : undefined;
    let title = b.label;
    if (cert) {
      const when = cert.daysLeft < 0 ? `expired ${-cert.daysLeft} days ago` : `expires in ${cert.daysLeft} days`;
      title = `${escapeControl(cert.subject) || '(empty subject)'}${cert.isCA ? ' (CA)' : ''}: ${when}`;
    } else if (key) {
      const match = key.matchesCertificate === undefined ? '' : key.matchesCertificate ? ', matches the first certificate' : ', does not match the first certificate';
      title = `Private key: ${keyText(key)}${key.encrypted ? ' (encrypted)' : ''}${match}`;
    } else if (b.encrypted) {
      title = `${b.label} (encrypted)`;
    }
    return { start: b.start, end: b.end, title };
  });
}
