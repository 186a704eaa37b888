// The read-only certificate viewer: asks the server to read the file (with the stored password, if any) and shows
// the result as a page; a locked file gets a password form. Scripts in the page only post "unlock", "copy",
// "export" (an item index; the server encodes it and exportItem.ts writes it) and "open" (the index of a setting
// the page links to).
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InspectFileResponse, StackPlace } from '../../../server/src/protocol';
import { settingDefaults } from '../../../server/src/core/settingDefaults';
import { needsPassword } from '../passwordPrompt';
import type { Services } from '../services';
import { renderCertificatePage, renderErrorPage, renderPasswordPage, type PageOptions } from './render';
import { OPTIONAL_VIEW_TYPE, VIEW_TYPE } from './viewType';
import { exportItem } from './exportItem';
import { trustPlaces } from './renderTrust';
import { openPlace } from '../views/openPlace';
import type { ExportItem } from '../../../server/src/pki/exportPem';

/** What a viewer shows now; the extension's test API reads it. */
export type ViewState = 'loading' | 'certificate' | 'password' | 'error';

class CertificateDocument implements vscode.CustomDocument {
  constructor(readonly uri: vscode.Uri) {}
  dispose(): void {}
}

type WebviewMessage = { type: 'unlock'; password: string } | { type: 'copy'; text: string } | { type: 'export'; item: ExportItem } | { type: 'open'; index: number };

const EXPORT_KINDS = new Set(['certificate', 'chain', 'key', 'entryKey']);

function isMessage(m: unknown): m is WebviewMessage {
  const msg = m as { type?: unknown; password?: unknown; text?: unknown; item?: { kind?: unknown } } | undefined;
  if (msg?.type === 'export') return typeof msg.item?.kind === 'string' && EXPORT_KINDS.has(msg.item.kind);
  if (msg?.type === 'open') return Number.isInteger((m as { index?: unknown }).index);
  return (msg?.type === 'unlock' && typeof msg.password === 'string') || (msg?.type === 'copy' && typeof msg.text === 'string');
}

export class CertificateEditorProvider implements vscode.CustomReadonlyEditorProvider<CertificateDocument> {
  /** The state of each open viewer by URI string. */
  readonly states = new Map<string, ViewState>();
  /** The settings each open viewer links to (its page can open only these, by index). */
  private readonly places = new Map<string, StackPlace[]>();
  /** The verdicts each open viewer shows, as JSON, to re-render only when they change. */
  private readonly shownTrust = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<{ uri: vscode.Uri; state: ViewState }>();
  readonly onDidChangeState = this.changed.event;

  constructor(private readonly services: Services) {}

  openCustomDocument(uri: vscode.Uri): CertificateDocument {
    return new CertificateDocument(uri);
  }

  async resolveCustomEditor(document: CertificateDocument, panel: vscode.WebviewPanel): Promise<void> {
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const render = (html: string, state: ViewState): void => {
      panel.webview.html = html;
      this.setState(document.uri, state);
    };
    const uri = document.uri;
    const disposables: vscode.Disposable[] = [];
    panel.onDidDispose(() => {
      this.states.delete(uri.toString());
      this.places.delete(uri.toString());
      this.shownTrust.delete(uri.toString());
      disposables.forEach((d) => d.dispose());
    });
    disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(uri, panel, m, render)),
      // Settings that use the file changed: show the new verdicts (only then, so an edit elsewhere keeps the page).
      this.services.server.onStackModelChanged(() => void this.refreshTrust(uri, panel, render)),
    );
    if (uri.scheme === 'file') {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), path.basename(uri.fsPath)));
      disposables.push(watcher, watcher.onDidChange(() => void this.load(uri, panel, render)), watcher.onDidCreate(() => void this.load(uri, panel, render)));
    }
    await this.load(uri, panel, render);
  }

  private options(panel: vscode.WebviewPanel): PageOptions {
    const media = vscode.Uri.joinPath(this.services.context.extensionUri, 'media');
    return {
      nonce: randomBytes(16).toString('base64'),
      cspSource: panel.webview.cspSource,
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'certificateEditor.css')).toString(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'certificateEditor.js')).toString(),
      expiryWarningDays: vscode.workspace.getConfiguration('elasticTls').get<number>('expiryWarningDays', settingDefaults.expiryWarningDays),
    };
  }

  private async load(uri: vscode.Uri, panel: vscode.WebviewPanel, render: (html: string, state: ViewState) => void): Promise<void> {
    const name = path.basename(uri.path);
    if (uri.scheme !== 'file') {
      render(renderErrorPage(name, 'The certificate viewer reads files on this machine only.', this.options(panel)), 'error');
      return;
    }
    const stored = await this.services.passwords.get(uri.fsPath);
    const response = await this.inspect(uri.fsPath, stored);
    this.show(uri, response, stored !== undefined ? 'The stored password did not work; enter the current one.' : undefined, panel, render);
  }

  /** Reads the file again and re-renders when the verification against the configured CAs changed. */
  private async refreshTrust(uri: vscode.Uri, panel: vscode.WebviewPanel, render: (html: string, state: ViewState) => void): Promise<void> {
    if (uri.scheme !== 'file' || this.states.get(uri.toString()) !== 'certificate') return;
    const response = await this.inspect(uri.fsPath, await this.services.passwords.get(uri.fsPath));
    if (!response.ok || this.states.get(uri.toString()) !== 'certificate') return;
    if (JSON.stringify(response.trust ?? []) !== this.shownTrust.get(uri.toString())) this.show(uri, response, undefined, panel, render);
  }

  private show(
    uri: vscode.Uri,
    response: InspectFileResponse,
    passwordMessage: string | undefined,
    panel: vscode.WebviewPanel,
    render: (html: string, state: ViewState) => void,
  ): void {
    const opts = this.options(panel);
    const name = path.basename(uri.path);
    this.places.set(uri.toString(), response.ok ? trustPlaces(response.trust ?? []) : []);
    this.shownTrust.set(uri.toString(), response.ok ? JSON.stringify(response.trust ?? []) : '');
    if (response.ok) render(renderCertificatePage(response.result, opts, response.trust), 'certificate');
    else if (needsPassword(response)) render(renderPasswordPage(name, passwordMessage, opts), 'password');
    else render(renderErrorPage(name, response.message, opts), 'error');
  }

  private async inspect(file: string, password: string | undefined): Promise<InspectFileResponse> {
    try {
      return await this.services.server.inspectFile({ path: file, ...(password !== undefined ? { password } : {}) });
    } catch (e) {
      this.services.log.error(`Reading ${file} failed`, e);
      return { ok: false, code: 'ERROR', message: 'The language server could not read this file. See the "Elastic TLS" output.' };
    }
  }

  private async onMessage(
    uri: vscode.Uri,
    panel: vscode.WebviewPanel,
    message: unknown,
    render: (html: string, state: ViewState) => void,
  ): Promise<void> {
    if (!isMessage(message)) return;
    if (message.type === 'export') {
      await exportItem(this.services, uri.fsPath, message.item);
      return;
    }
    if (message.type === 'open') {
      const place = this.places.get(uri.toString())?.[message.index];
      if (place) await openPlace(place.file, place.line);
      return;
    }
    if (message.type === 'copy') {
      await vscode.env.clipboard.writeText(message.text);
      void vscode.window.setStatusBarMessage('Copied to the clipboard', 2000);
      return;
    }
    this.services.log.addSecret(message.password);
    const response = await this.inspect(uri.fsPath, message.password);
    if (response.ok) await this.services.passwords.set(uri.fsPath, message.password);
    if (!response.ok && needsPassword(response)) {
      await panel.webview.postMessage({ type: 'unlockFailed', message: 'Wrong password' });
      return;
    }
    this.show(uri, response, undefined, panel, render);
  }

  private setState(uri: vscode.Uri, state: ViewState): void {
    this.states.set(uri.toString(), state);
    this.changed.fire({ uri, state });
  }

  /** Registers the provider under both view types; the viewer is read-only, so several editors may share a file. */
  static register(services: Services): { provider: CertificateEditorProvider; registrations: vscode.Disposable[] } {
    const provider = new CertificateEditorProvider(services);
    const options = { supportsMultipleEditorsPerDocument: true, webviewOptions: { retainContextWhenHidden: false } };
    const registrations = [VIEW_TYPE, OPTIONAL_VIEW_TYPE].map((viewType) =>
      vscode.window.registerCustomEditorProvider(viewType, provider, options),
    );
    return { provider, registrations };
  }
}
