// Registers the Stack panel command, the Certificates tree and the command both use to open file:line; both
// views refresh when the server says the stack model changed.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { CERTIFICATES_VIEW, CertificatesTree, OPEN_PLACE_COMMAND } from './certificatesTree';
import { openPlace } from './openPlace';
import { StackPanel } from './stackPanel';

export const SHOW_STACK_COMMAND = 'elasticTls.showStack';

export function registerViews(services: Services): vscode.Disposable[] {
  const tree = new CertificatesTree(services);
  const fail = (what: string) => (e: unknown) => {
    services.log.error(what, e);
    void vscode.window.showErrorMessage(`Elastic TLS: ${what}.`);
  };
  return [
    vscode.window.registerTreeDataProvider(CERTIFICATES_VIEW, tree),
    services.server.onStackModelChanged(() => tree.refresh()),
    vscode.commands.registerCommand(SHOW_STACK_COMMAND, () => StackPanel.show(services).catch(fail('Showing the stack failed'))),
    vscode.commands.registerCommand(OPEN_PLACE_COMMAND, (file: unknown, line: unknown) => {
      if (typeof file !== 'string') return undefined;
      return openPlace(file, typeof line === 'number' ? line : 0).catch(fail('Opening the file failed'));
    }),
    vscode.commands.registerCommand('elasticTls.refreshCertificates', () => tree.refresh()),
  ];
}
