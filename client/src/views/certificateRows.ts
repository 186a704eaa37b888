// The Certificates tree's rows as plain data (pure, tested in Node): one row a certificate or keystore, soonest
// expiry first, labelled with the subject's CN (or the file name), described with expiry and status; children list
// the subject, issuer, SANs and each setting that names the file.
import type { StackPlace, WorkspaceCertificateItem } from '../../../server/src/protocol';
import { commonName, type Tone } from './stackLayout';

/** One tree row. */
export interface CertificateRow {
  /** Stable across refreshes, so VS Code keeps a row's expansion and selection when the tree is listed again. */
  id: string;
  label: string;
  description: string;
  tooltip: string;
  tone: Tone;
  /** Set on top rows: the file it is about. */
  file?: string;
  /** What clicking opens. */
  place?: { file: string; line: number };
  children: CertificateRow[];
}

function tone(item: WorkspaceCertificateItem): Tone {
  if (item.status === 'valid') return 'ok';
  if (item.status === 'expiring') return 'warn';
  return item.status === 'locked' ? 'unknown' : 'bad';
}

/** "expires in 30 days (2027-01-02)", "EXPIRED 3 days ago (…)", or the status in words. */
export function expiryDescription(item: WorkspaceCertificateItem): string {
  if (item.status === 'unreadable') return 'unreadable';
  if (item.status === 'locked') return 'locked';
  if (item.daysLeft === undefined || !item.notAfter) return item.kind === 'elasticsearch-keystore' ? 'keystore' : item.status;
  const date = item.notAfter.slice(0, 10);
  const d = item.daysLeft;
  if (item.status === 'not-yet-valid') return `not valid yet (until ${date})`;
  if (d < 0) return `EXPIRED ${-d} day${d === -1 ? '' : 's'} ago (${date})`;
  return `${item.status === 'expiring' ? 'expiring: ' : ''}expires in ${d} day${d === 1 ? '' : 's'} (${date})`;
}

function leaf(label: string, description: string, place?: StackPlace): CertificateRow {
  return { id: '', label, description, tooltip: `${label} ${description}`.trim(), tone: 'unknown', place: place ? { file: place.file, line: place.line } : undefined, children: [] };
}

function children(item: WorkspaceCertificateItem, show: (file: string) => string): CertificateRow[] {
  const rows: CertificateRow[] = [];
  if (item.subject !== undefined) rows.push(leaf('Subject', item.subject));
  if (item.issuer !== undefined) rows.push(leaf('Issuer', item.issuer));
  if (item.kind !== 'elasticsearch-keystore') rows.push(leaf('SANs', item.sans.length ? item.sans.join(', ') : '(none)'));
  if (item.detail) rows.push(leaf(item.kind === 'elasticsearch-keystore' ? 'Settings' : 'Detail', item.detail));
  for (const place of item.usedBy) rows.push(leaf('Used by', `${show(place.file)}:${place.line + 1}`, place));
  return rows;
}

/** The rows, soonest expiry first; undated rows (keystores, unreadable files) last, by file. */
export function certificateRows(items: readonly WorkspaceCertificateItem[], show: (file: string) => string): CertificateRow[] {
  const sorted = [...items].sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.file.localeCompare(b.file));
  const seen = new Map<string, number>();
  return sorted.map((item) => {
    const name = show(item.file);
    // A file may hold several certificates (a CA bundle): the subject and end date tell them apart, a count the rest.
    const key = `${item.file}\u0000${item.subject ?? ''}\u0000${item.notAfter ?? ''}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = n === 1 ? key : `${key}\u0000${n}`;
    const label = item.subject ? commonName(item.subject) : name;
    const description = `${expiryDescription(item)} · ${name}`;
    const tooltip = [item.subject, item.sans.length ? `SANs: ${item.sans.join(', ')}` : '', expiryDescription(item), name].filter(Boolean).join('\n');
    const rows = children(item, show).map((c, i) => ({ ...c, id: `${id}\u0000${i}:${c.label}` }));
    return { id, label, description, tooltip, tone: tone(item), file: item.file, place: { file: item.file, line: 0 }, children: rows };
  });
}
