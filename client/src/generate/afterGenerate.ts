// After files are written: offer to insert the settings into elasticsearch.yml / kibana.yml and show the keystore
// commands (which never hold a password) with a Copy button.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, type GenerateResult } from '../../../server/src/protocol';
import { findConfigFile } from './outputFolder';
import { relocateSettingLines, settingsBlock } from './settingsPaths';

type Product = 'elasticsearch' | 'kibana';

/** Appends the product's settings to `yml` with a WorkspaceEdit; returns the document. */
export async function insertSettings(
  yml: vscode.Uri,
  result: GenerateResult,
  product: Product,
  outputDir: vscode.Uri,
): Promise<vscode.TextDocument | undefined> {
  const lines = result.settings[product];
  if (!lines || lines.length === 0) return undefined;
  const document = await vscode.workspace.openTextDocument(yml);
  const relocated = relocateSettingLines(lines, result.files.map((f) => f.path), outputDir.fsPath, path.dirname(yml.fsPath));
  const edit = new vscode.WorkspaceEdit();
  const end = document.lineAt(document.lineCount - 1).range.end;
  edit.insert(yml, end, settingsBlock(document.getText(), relocated));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${yml.fsPath}`);
  return document;
}

async function offerInsert(result: GenerateResult, product: Product, outputDir: vscode.Uri): Promise<void> {
  const yml = await findConfigFile(product);
  if (!yml) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: settingsBlock('', result.settings[product] ?? []) });
    await vscode.window.showTextDocument(doc);
    return;
  }
  const document = await insertSettings(yml, result, product, outputDir);
  if (document) await vscode.window.showTextDocument(document, { preview: false });
}

export async function showKeystoreCommands(commands: string[]): Promise<void> {
  if (commands.length === 0) return;
  const text = commands.join('\n');
  const answer = await vscode.window.showInformationMessage(
    'Store the passwords in the secure settings',
    { modal: true, detail: `Run these in the Elasticsearch home directory; each asks for the password:\n\n${text}` },
    'Copy',
  );
  if (answer === 'Copy') await vscode.commands.executeCommand(Commands.copyCommand, text);
}

/** The interactive follow-up: a message with one button per product that has settings, and the keystore commands. */
export async function offerFollowUp(result: GenerateResult, outputDir: vscode.Uri, written: number): Promise<void> {
  const actions: Array<{ label: string; run: () => Promise<void> }> = [];
  for (const product of ['elasticsearch', 'kibana'] as const) {
    if (result.settings[product]?.length) {
      actions.push({ label: `Insert settings into ${product}.yml`, run: () => offerInsert(result, product, outputDir) });
    }
  }
  if (result.keystoreCommands.length) actions.push({ label: 'Show keystore commands', run: () => showKeystoreCommands(result.keystoreCommands) });
  const picked = await vscode.window.showInformationMessage(
    `Elastic TLS wrote ${written} file${written === 1 ? '' : 's'} to ${outputDir.fsPath}.`,
    ...actions.map((a) => a.label),
  );
  await actions.find((a) => a.label === picked)?.run();
}
