// A finding becomes a Diagnostic: rule id as code, docs link, tags, related places, and the fixes as data.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { readBounded } from '../core/fileGate';
import { payloadOf } from '../features/codeActions';
import type { FileSystem } from '../core/environment';
import type { Finding, RelatedInfo, Severity } from '../core/finding';
import { LineIndex } from '../core/lineIndex';
import { toLspRange } from './convert';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const MAX_RELATED_FILE_BYTES = 10 * 1024 * 1024;

/** Line indexes of other files that related information points into, read once per conversion. */
export class RelatedFiles {
  private readonly indexes = new Map<string, LineIndex | undefined>();
  constructor(private readonly fs: FileSystem) {}

  indexOf(file: string): LineIndex | undefined {
    if (!this.indexes.has(file)) this.indexes.set(file, this.read(file));
    return this.indexes.get(file);
  }

  private read(file: string): LineIndex | undefined {
    try {
      const stat = this.fs.stat(file);
      if (!stat?.isFile || stat.size > MAX_RELATED_FILE_BYTES) return undefined;
      const bytes = readBounded(this.fs, file, 'settings');
      return bytes ? new LineIndex(Buffer.from(bytes).toString('utf8')) : undefined;
    } catch {
      return undefined;
    }
  }
}

function related(info: RelatedInfo, uri: string, lines: LineIndex, files: RelatedFiles): DiagnosticRelatedInformation {
  if (!info.file) return { location: { uri, range: toLspRange(lines, info.range) }, message: info.message };
  const other = files.indexOf(info.file);
  const range = other ? toLspRange(other, info.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { location: { uri: pathToFileURL(info.file).toString(), range }, message: info.message };
}

/** The Diagnostic for one finding of document `uri` at `version`. */
export function toDiagnostic(finding: Finding, uri: string, version: number, lines: LineIndex, files: RelatedFiles): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(lines, finding.range),
    severity: severities[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    // The engine gives every finding its Elastic doc page; a finding without one gets no link rather than a made-up one.
    ...(finding.docsUrl ? { codeDescription: { href: finding.docsUrl } } : {}),
    source: 'Elastic TLS',
    message: finding.message,
    data: payloadOf(finding, version),
  };
  const tags = (finding.tags ?? []).map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  if (tags.length) diagnostic.tags = tags;
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((r) => related(r, uri, lines, files));
  return diagnostic;
}
