// Pushes diagnostics: debounced per document, dropped when the document moved on while they were computed,
// and re-run for every open settings file when something they depend on changes.
import type { ConfigModel } from '../../config/types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../core/lineIndex';
import { analysisOf, uriToPath } from '../analysis';
import type { ServerContext } from '../context';
import { runSafeVoid } from '../runSafe';
import { RelatedFiles, toDiagnostic } from '../toDiagnostic';

/** A scheduled check: a timer for a delay, an immediate for none. */
type Pending = { timeout: ReturnType<typeof setTimeout> } | { immediate: ReturnType<typeof setImmediate> };

function clearPending(p: Pending): void {
  if ('timeout' in p) clearTimeout(p.timeout);
  else clearImmediate(p.immediate);
}

/** Schedules and publishes the diagnostics of open documents. */
export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  /** Uris that currently show diagnostics, so closing or un-mapping a file clears them once. */
  private readonly published = new Set<string>();
  /** What was last sent for files that are not open (cross-file findings only), by uri. */
  private readonly closedSent = new Map<string, string>();
  private closedTimer: ReturnType<typeof setTimeout> | undefined;

  /** Line indexes of files that related places point into, kept while the file snapshot stays (lsp/fileSnapshot.ts). */
  private related: { version: number; files: RelatedFiles } | undefined;

  /** Called once the folder models settled after a change: tells the views and code lenses to ask again. */
  onModelSettled: () => void = () => undefined;

  constructor(private readonly ctx: ServerContext) {
    ctx.stack.onChange = () => this.scheduleClosed();
  }

  /** Checks the document after the configured delay; a newer change restarts the wait. */
  schedule(doc: TextDocument): void {
    this.cancel(doc.uri);
    const delay = this.ctx.settings.validationDelay;
    const run = () => {
      if (this.pending.get(doc.uri) !== timer) return;
      this.pending.delete(doc.uri);
      runSafeVoid(this.ctx.log, 'Checking a settings file failed', () => this.publish(doc.uri));
    };
    // Node waits at least 1 ms for setTimeout(0); with no delay, check as soon as pending input is read.
    const timer: Pending = delay > 0 ? { timeout: setTimeout(run, delay) } : { immediate: setImmediate(run) };
    this.pending.set(doc.uri, timer);
  }

  /** Re-checks every open document (files on disk, passwords or settings changed). */
  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearPending(timer);
    this.pending.delete(uri);
  }

  /** Stops checking a closed document and clears what it showed. */
  closed(uri: string): void {
    this.cancel(uri);
    if (this.published.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    // A closed file of a folder keeps its cross-file findings: they are sent again as for any closed file.
    this.closedSent.delete(uri);
    this.scheduleClosed();
  }

  dispose(): void {
    if (this.closedTimer) clearTimeout(this.closedTimer);
    for (const timer of this.pending.values()) clearPending(timer);
    this.pending.clear();
  }

  private publish(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = analysisOf(this.ctx, doc);
    // The check is synchronous today; the version test keeps stale results out if it ever awaits.
    const current = this.ctx.documents.get(uri);
    if (!current || current.version !== version) return;
    if (!analysis) {
      if (this.published.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const files = this.relatedFiles();
    // A settings file's model is handed on, so the workspace model does not parse the same text again.
    const findings = [...analysis.result.findings, ...this.crossFindings(analysis.filePath, doc.getText(), analysis.parts ? undefined : analysis.result.model, analysis.lines)];
    const diagnostics = findings.map((f) => toDiagnostic(f, uri, version, analysis.lines, files));
    this.published.add(uri);
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Reads the files related places point into, once per state of the disk rather than once per publish. */
  private relatedFiles(): RelatedFiles {
    const version = this.ctx.checkFs.version;
    if (this.related?.version !== version) this.related = { version, files: new RelatedFiles(this.ctx.checkFs) };
    return this.related.files;
  }

  /**
   * The workspace model's findings for this file, after taking in its text. When the text changed the model,
   * the other open files of the folder are checked again and the closed ones get their cross-file findings.
   */
  private crossFindings(filePath: string | undefined, text: string, parsed?: ConfigModel, lines?: LineIndex) {
    // The folder's model is looked up once per check (finding the innermost folder is not free).
    const model = filePath ? this.ctx.stack.modelOf(filePath) : undefined;
    if (!filePath || !model) return [];
    if (model.update(filePath, text, parsed, lines)) {
      for (const other of this.ctx.documents.all()) if (uriToPath(other.uri) !== filePath && this.ctx.stack.modelOf(uriToPath(other.uri) ?? '')) this.schedule(other);
      this.scheduleClosed();
    }
    return model.findingsOf(filePath);
  }

  /** Publishes the cross-file findings of files no editor has open, once things settle. */
  scheduleClosed(): void {
    if (this.closedTimer) clearTimeout(this.closedTimer);
    this.closedTimer = setTimeout(() => runSafeVoid(this.ctx.log, 'Publishing workspace findings failed', () => this.publishClosed()), Math.max(50, this.ctx.settings.validationDelay));
  }

  private publishClosed(): void {
    this.onModelSettled();
    const open = new Set(this.ctx.documents.all().map((d) => d.uri));
    const files = this.relatedFiles();
    for (const model of this.ctx.stack.all()) {
      for (const [file, findings] of model.findingsByFile()) {
        const uri = pathToFileURL(file).toString();
        if (open.has(uri)) continue;
        const key = JSON.stringify(findings.map((f) => [f.ruleId, f.range, f.message]));
        if ((this.closedSent.get(uri) ?? '[]') === key) continue;
        this.closedSent.set(uri, key);
        const lines = files.indexOf(file) ?? new LineIndex('');
        void this.ctx.connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(f, uri, 0, lines, files)) });
      }
    }
  }
}
