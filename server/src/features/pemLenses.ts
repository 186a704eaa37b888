// CodeLens data for PEM documents: one line above each block, saying what the certificate or key is.
import { isPkiError } from '../pki/errors';
import { parsePem } from '../pki/pem';
import { readPkiFile } from '../pki/readPkiFile';
import { pemBlockTitles } from '../pki/render';
import { parseCertificate } from '../pki/x509/summary';
import type { Clock } from '../core/environment';
import type { OffsetRange } from '../core/finding';

/** One lens: where it stands (the BEGIN line) and what it says. */
export interface PemLens {
  range: OffsetRange;
  title: string;
  /** False when the block could not be read (the title says why). */
  readable: boolean;
}

const MAX_SUBJECT = 80;
/** Certificates beyond this many get no lens: a bundle of thousands is a CA store, not something to read. */
export const MAX_LENSES = 500;
const BEGIN = '-----BEGIN ';
const CERTIFICATE_BEGIN = /^(?:X509 |TRUSTED )?CERTIFICATE-----/;

function shortSubject(subject: string): string {
  const cn = /(?:^|,)CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1];
  const shown = cn ? `CN=${cn}` : subject || '(empty subject)';
  return shown.length > MAX_SUBJECT ? `${shown.slice(0, MAX_SUBJECT - 1)}…` : shown;
}

function expiry(notAfter: string, daysLeft: number): string {
  const date = notAfter.slice(0, 10);
  if (daysLeft < 0) return `EXPIRED on ${date} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago)`;
  return `expires ${date} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})`;
}

function errorMessage(e: unknown): string {
  return isPkiError(e) ? e.message : 'the block is not a valid certificate.';
}

/** Starts of every BEGIN line, so one broken block does not hide the others. */
function segmentStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + BEGIN.length)) starts.push(at);
  return starts;
}

function beginLine(text: string, start: number): OffsetRange {
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl };
}

/** Lenses from reading the whole text as one file: every block titled, keys compared with the certificate. */
function wholeFileLenses(text: string, clock: Clock): PemLens[] | undefined {
  let titles;
  try {
    // UTF-8 round trip keeps UTF-16 offsets: a lone surrogate comes back as one U+FFFD.
    titles = pemBlockTitles(readPkiFile(Buffer.from(text, 'utf8'), { clock }));
  } catch {
    return undefined;
  }
  return titles.slice(0, MAX_LENSES).map((t) => ({ range: beginLine(text, t.start), title: t.title, readable: true }));
}

/** Certificates one block at a time, so one broken or half-typed block does not hide the others. */
function blockByBlockLenses(text: string, clock: Clock): PemLens[] {
  const lenses: PemLens[] = [];
  const starts = segmentStarts(text);
  starts.forEach((start, i) => {
    if (lenses.length >= MAX_LENSES || !CERTIFICATE_BEGIN.test(text.slice(start + BEGIN.length, start + BEGIN.length + 32))) return;
    const range = beginLine(text, start);
    try {
      const [block] = parsePem(text.slice(start, starts[i + 1] ?? text.length));
      const { summary } = parseCertificate(block.der, clock);
      lenses.push({ range, readable: true, title: `${shortSubject(summary.subject)} · ${expiry(summary.notAfter, summary.daysLeft)}` });
    } catch (e) {
      lenses.push({ range, readable: false, title: `Cannot read this certificate: ${errorMessage(e)}` });
    }
  });
  return lenses;
}

/**
 * A lens above each block. When the whole text reads as a PEM file, every block (keys too) gets the same title
 * the certificate viewer uses; otherwise each certificate block is read on its own and a broken one says why.
 */
export function certificateLenses(text: string, clock: Clock): PemLens[] {
  return wholeFileLenses(text, clock) ?? blockByBlockLenses(text, clock);
}
