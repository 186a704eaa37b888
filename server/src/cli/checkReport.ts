// What `estls check` prints for one finding, and reading a settings file's text as the checks need it.
import { MAX_FILE_CHARS } from '../config/limits';
import { isFileGateError, readBounded } from '../core/fileGate';
import type { Finding } from '../core/finding';
import { type LineIndex, lineColumnAt } from '../core/lineIndex';
import type { CliIo } from './io';

/** One finding as `--format json` prints it; lines and columns are 1-based, columns count UTF-16 units. */
export interface CheckReportEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  ruleId: string;
  message: string;
  /** Places in other files that explain the finding (cross-file checks of a folder); 1-based like line/column. */
  related?: Array<{ file: string; line: number; column: number; message: string }>;
}

/** A file's text (and a finding when it is not all valid UTF-8), or why it could not be read. */
export function readText(io: CliIo, absolute: string): { text: string; finding?: Finding } | string {
  let bytes;
  try {
    const stat = io.fs.stat(absolute);
    if (!stat) return 'no such file';
    if (stat.isDirectory) return 'not a file';
    bytes = readBounded(io.fs, absolute, 'settings');
  } catch (e) {
    if (isFileGateError(e) && e.code === 'TOO_LARGE') {
      return { text: '', finding: { ruleId: 'file-too-large', severity: 'error', message: `${e.message} Settings files over ${MAX_FILE_CHARS / (1024 * 1024)} M characters are not checked.`, range: { start: 0, end: 0 } } };
    }
    if (isFileGateError(e)) return e.message;
    return `cannot read it (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`;
  }
  return bytes ? decodeUtf8(bytes) : 'no such file';
}

/** Decodes UTF-8 (dropping a BOM). Invalid bytes in a text file give one finding at the first of them. */
function decodeUtf8(bytes: Uint8Array): { text: string; finding?: Finding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    // Binary data (NUL bytes) is reported by the parser; other bad bytes get this finding.
    if (bytes.includes(0)) return { text };
    const bad = Math.max(0, text.indexOf('\ufffd'));
    const message = 'The file is not valid UTF-8 text; Elasticsearch and Kibana read settings files as UTF-8.';
    return { text, finding: { ruleId: 'not-text', severity: 'error', message, range: { start: bad, end: bad + 1 } } };
  }
}

export function toEntry(file: string, finding: Finding, lines: LineIndex): CheckReportEntry {
  const start = lineColumnAt(lines, finding.range.start);
  const end = lineColumnAt(lines, finding.range.end);
  const message = finding.message.replace(/\s*\n\s*/g, ' ');
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: finding.severity, ruleId: finding.ruleId, message };
}

