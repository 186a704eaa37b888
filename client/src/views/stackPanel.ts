// The "Stack" webview panel (command elasticTls.showStack): asks the server for the stack model, draws it with the
// pure stackHtml helper, redraws when the server says the model changed, and opens file:line on click.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { StackModelData } from '../../../server/src/protocol';
import type { Services } from '../services';
import { openPlace } from './openPlace';
import { stackPage } from './stackHtml';

export const STACK_VIEW_TYPE = 'elasticTls.stack';

/** Every file the model points at. */
function modelFiles(data: StackModelData | undefined): Set<string> {
  if (!data) return new Set();
  const places = [...data.components.flatMap((c) => [c.place, ...c.contexts.map((x) => x.place)]), ...data.edges.flatMap((e) => (e.place ? [e.place] : []))];
  return new Set([...places.map((p) => p.file), ...data.certificates.map((c) => c.file)]);
}

/** One panel at a time; showing it again reveals and redraws it. */
export class StackPanel {
  private static current: StackPanel | undefined;
  /** The model last drawn, for tests. */
  static lastModel: StackModelData | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly services: Services) {
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), undefined, this.disposables);
    this.disposables.push(services.server.onStackModelChanged(() => void this.refresh()));
  }

  /** Shows the panel (creating it once) and draws the current model. */
  static async show(services: Services): Promise<void> {
    if (StackPanel.current) {
      StackPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(STACK_VIEW_TYPE, 'Stack', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      StackPanel.current = new StackPanel(panel, services);
    }
    await StackPanel.current.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      const data = await this.services.server.stackModel();
      StackPanel.lastModel = data;
      this.panel.webview.html = stackPage(data, randomBytes(16).toString('base64'));
    } catch (e) {
      this.services.log.error('Drawing the stack failed', e);
    }
  }

  private onMessage(message: unknown): void {
    const m = message as { type?: unknown; file?: unknown; line?: unknown };
    // Only files the drawn model names: the page is ours, but a message is still input.
    if (m?.type !== 'open' || typeof m.file !== 'string' || !modelFiles(StackPanel.lastModel).has(m.file)) return;
    const line = typeof m.line === 'number' && Number.isFinite(m.line) ? m.line : 0;
    openPlace(m.file, line).catch((e: unknown) => this.services.log.error('Opening a file from the stack view failed', e));
  }

  private dispose(): void {
    StackPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
