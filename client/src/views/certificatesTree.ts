// The "Certificates" tree in the Explorer: every certificate and keystore of the workspace, soonest expiry first,
// each with its subject, expiry and status, its SANs and the settings that name it as children. Data from the
// server's estls/certificates; refreshed when the server says the stack model changed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StackPlace, WorkspaceCertificateItem } from '../../../server/src/protocol';
import type { Services } from '../services';
import { certificateRows, type CertificateRow } from './certificateRows';

export const CERTIFICATES_VIEW = 'elasticTls.certificates';
export const OPEN_PLACE_COMMAND = 'elasticTls.openPlace';

const ICONS: Record<CertificateRow['tone'], [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  warn: ['warning', 'list.warningForeground'],
  bad: ['error', 'list.errorForeground'],
  unknown: ['lock', 'descriptionForeground'],
};

function openCommand(place: StackPlace | { file: string; line: number }): vscode.Command {
  return { title: 'Open', command: OPEN_PLACE_COMMAND, arguments: [place.file, place.line] };
}

/** Tree data: top rows are files, children are facts and the settings that use them. */
export class CertificatesTree implements vscode.TreeDataProvider<CertificateRow> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The rows last listed, for tests. */
  rows: CertificateRow[] = [];

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: CertificateRow): Promise<CertificateRow[]> {
    if (element) return element.children;
    try {
      const items: WorkspaceCertificateItem[] = await this.services.server.certificates();
      const roots = vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath) ?? [];
      this.rows = certificateRows(items, (file) => relative(roots, file));
      return this.rows;
    } catch (e) {
      this.services.log.error('Listing the certificates failed', e);
      return [];
    }
  }

  getTreeItem(row: CertificateRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, row.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    if (row.place) item.command = openCommand(row.place);
    if (row.children.length || row.tone !== 'unknown') {
      const [icon, color] = ICONS[row.tone];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    }
    if (row.file) item.resourceUri = vscode.Uri.file(row.file);
    return item;
  }
}

function relative(roots: string[], file: string): string {
  const root = roots.find((r) => !path.relative(r, file).startsWith('..'));
  return root ? path.relative(root, file).split(path.sep).join('/') : file;
}
