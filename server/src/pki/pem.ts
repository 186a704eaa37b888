// PEM text -> blocks (label, RFC 1421 headers, DER bytes) with each block's offsets in the text, so the
// editor can put a CodeLens or a diagnostic on the right block.
import { PkiError } from './errors';
import { Deadline, MAX_PEM_BLOCKS } from './limits';

/** One `-----BEGIN X-----` ... `-----END X-----` block. */
export interface PemBlock {
  label: string;
  /** Header lines before the base64 (`Proc-Type`, `DEK-Info`), by name as written. */
  headers: Record<string, string>;
  der: Buffer;
  /** Offset of the first `-` of the BEGIN line. */
  start: number;
  /** Offset just past the last `-` of the END line. */
  end: number;
}

const BEGIN = /-----BEGIN ([A-Z0-9 #]{1,64})-----/g;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when the text holds at least one PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #]{1,64}-----/.test(text);
}

/**
 * Every PEM block of a text, in order. Text outside blocks (openssl's `Bag Attributes`, comments) is ignored.
 * Throws NOT_PEM when there is no block, BAD_PEM for a block without its END line or with bad base64,
 * LIMIT past MAX_PEM_BLOCKS blocks or the deadline.
 */
export function parsePem(text: string, deadline: Deadline = new Deadline()): PemBlock[] {
  const blocks: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m; m = BEGIN.exec(text)) {
    if (blocks.length >= MAX_PEM_BLOCKS) throw new PkiError('LIMIT', `The file holds more than ${MAX_PEM_BLOCKS} PEM blocks.`);
    if (blocks.length % 64 === 0) deadline.check();
    const label = m[1];
    const endLine = `-----END ${label}-----`;
    const bodyStart = m.index + m[0].length;
    const endAt = text.indexOf(endLine, bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      throw new PkiError('BAD_PEM', `The ${label} block that starts at offset ${m.index} has no END line (the file may be truncated).`);
    }
    const { headers, der } = decodeBody(text.slice(bodyStart, endAt), label);
    blocks.push({ label, headers, der, start: m.index, end: endAt + endLine.length });
    BEGIN.lastIndex = endAt + endLine.length;
  }
  if (blocks.length === 0) throw new PkiError('NOT_PEM', 'The file holds no PEM block (no -----BEGIN line).');
  return blocks;
}

function decodeBody(body: string, label: string): { headers: Record<string, string>; der: Buffer } {
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  // RFC 1421 headers: `Name: value` lines, then a blank line.
  while (i < lines.length && /^[A-Za-z][A-Za-z0-9-]*:/.test(lines[i])) {
    const colon = lines[i].indexOf(':');
    headers[lines[i].slice(0, colon)] = lines[i].slice(colon + 1).trim();
    i++;
  }
  const b64 = lines.slice(i).filter((l) => l !== '');
  for (const line of b64) {
    if (!BASE64_LINE.test(line)) throw new PkiError('BAD_PEM', `The ${label} block holds characters that are not base64.`);
  }
  const joined = b64.join('');
  if (joined.length === 0 || joined.length % 4 === 1) throw new PkiError('BAD_PEM', `The ${label} block has no valid base64 content.`);
  if (/=[^=]/.test(joined)) throw new PkiError('BAD_PEM', `The ${label} block has padding in the middle of its base64.`);
  return { headers, der: Buffer.from(joined, 'base64') };
}
