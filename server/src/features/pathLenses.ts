// CodeLens data for settings files: above every path setting that names a certificate or keystore of the
// workspace model, what that file holds and when it expires (or why it cannot be read). Pure engine code: the
// lsp handler turns these into LSP lenses.
import type { StackPlace, WorkspaceCertificateItem } from '../workspace/types';

/** One lens over a path setting: its line in the settings file, what it says, and the file it is about. */
export interface PathLens {
  /** 0-based line and column of the setting's value. */
  line: number;
  column: number;
  title: string;
  /** The certificate or keystore file the setting names. */
  target: string;
  status: WorkspaceCertificateItem['status'];
}

const MAX_SUBJECT = 60;

function shortSubject(subject: string | undefined): string {
  if (!subject) return '';
  const cn = /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1];
  const shown = cn ? `CN=${cn}` : subject;
  return shown.length > MAX_SUBJECT ? `${shown.slice(0, MAX_SUBJECT - 1)}…` : shown;
}

/** "expires 2027-01-02 (in 30 days)" / "EXPIRED on … (3 days ago)" / "not valid before …". */
export function expiryText(item: Pick<WorkspaceCertificateItem, 'notAfter' | 'daysLeft' | 'status'>): string {
  if (item.status === 'unreadable') return 'cannot be read';
  if (item.status === 'locked') return 'locked';
  if (!item.notAfter || item.daysLeft === undefined) return '';
  const date = item.notAfter.slice(0, 10);
  if (item.status === 'not-yet-valid') return `not valid yet (until ${date})`;
  const days = item.daysLeft;
  if (days < 0) return `EXPIRED on ${date} (${-days} day${days === -1 ? '' : 's'} ago)`;
  return `expires ${date} (in ${days} day${days === 1 ? '' : 's'})`;
}

function title(item: WorkspaceCertificateItem): string {
  const icon = item.status === 'valid' ? '$(pass)' : item.status === 'expiring' ? '$(warning)' : item.status === 'locked' ? '$(lock)' : '$(error)';
  const parts = [shortSubject(item.subject), expiryText(item)].filter((p) => p !== '');
  if ((item.status === 'unreadable' || item.status === 'locked') && item.detail) parts.push(item.detail);
  return `${icon} ${parts.join(' · ') || item.file}`;
}

function key(place: StackPlace): string {
  return `${place.line}:${place.column}`;
}

/**
 * The lenses of one settings file, one per path setting. Items come soonest expiry first, so when a setting names
 * several certificates (a chain, a CA bundle) the lens shows the one that expires first and counts the others.
 */
export function pathSettingLenses(items: readonly WorkspaceCertificateItem[], file: string): PathLens[] {
  const byPlace = new Map<string, { lens: PathLens; more: number }>();
  for (const item of items) {
    if (item.kind === 'elasticsearch-keystore') continue;
    for (const place of item.usedBy) {
      if (place.file !== file) continue;
      const seen = byPlace.get(key(place));
      if (seen) seen.more++;
      else byPlace.set(key(place), { lens: { line: place.line, column: place.column, title: title(item), target: item.file, status: item.status }, more: 0 });
    }
  }
  return [...byPlace.values()]
    .map(({ lens, more }) => (more > 0 ? { ...lens, title: `${lens.title} (+${more} more)` } : lens))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
