// Pushes diagnostics: debounced per document, dropped when the document moved on while they were computed,
// and re-run for every open settings file when something they depend on changes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOf } from '../analysis';
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

  constructor(private readonly ctx: ServerContext) {}

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
  }

  dispose(): void {
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
    const files = new RelatedFiles(this.ctx.fs);
    const diagnostics = analysis.result.findings.map((f) => toDiagnostic(f, uri, version, analysis.lines, files));
    this.published.add(uri);
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
