// Diagnostics, a quick fix and hovers on a copy of the fixture elasticsearch.yml, with a CA made by the generate
// command so the hover on a certificate path has something real to describe.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  activeApi,
  closeEditors,
  codeOf,
  copyFixture,
  diagnosticsWhere,
  diagnosticWithCode,
  generate,
  hoverText,
  openFile,
  positionOf,
  removeDir,
  tempDir,
} from '../helpers';

const CA_PATH_LINE = 'xpack.security.http.ssl.certificate_authorities: [ "ca/ca.crt" ]\n';

suite('language features', () => {
  let dir: string;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activeApi();
    dir = tempDir('language');
    const result = await generate('elasticTls.generateCa', { outputDir: dir, format: 'pem', caDn: 'CN=Estls Suite CA' });
    assert.equal(result.status, 'written', JSON.stringify(result));
    const yml = copyFixture('elasticsearch.yml', dir);
    fs.appendFileSync(yml, CA_PATH_LINE);
    // A live config directory (as an installed node has), so its missing keystore is an error.
    fs.writeFileSync(`${dir}/jvm.options`, '-Xms1g\n');
    document = await openFile(yml);
  });

  suiteTeardown(async () => {
    await closeEditors();
    removeDir(dir);
  });

  test('publishes diagnostics for the known mistakes', async () => {
    const diagnostics = await diagnosticsWhere(
      document.uri,
      (ds) => ['unknown-setting', 'secure-setting-in-yml', 'missing-file'].every((id) => ds.some((d) => codeOf(d) === id)),
      'unknown-setting, secure-setting-in-yml and missing-file',
    );
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-setting');
    assert.equal(unknown?.range.start.line, positionOf(document, 'xpack.security.transport.ssl.verfication_mode').line);
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
  });

  test('hover on a key explains the setting', async () => {
    const text = await hoverText(document.uri, positionOf(document, 'transport.ssl.enabled', 16));
    assert.match(text, /xpack\.security\.transport\.ssl\.enabled/);
  });

  test('hover on a certificate path describes the certificate', async () => {
    const text = await hoverText(document.uri, positionOf(document, 'ca/ca.crt', 3));
    assert.match(text, /Estls Suite CA/);
  });

  test('the quick fix for the typo changes the text and the diagnostic goes away', async () => {
    const unknown = await diagnosticWithCode(document.uri, 'unknown-setting');
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range)) ?? [];
    const fix = actions.find((a) => a.edit && a.kind?.value === 'quickfix');
    assert.ok(fix?.edit, `no quick fix with an edit among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(unknown.range.start.line).text, 'xpack.security.transport.ssl.verification_mode: full');
    await diagnosticsWhere(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'unknown-setting'), 'the fixed typo to clear');
    await document.save();
  });

  test('a new mistake typed into the file is diagnosed', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), 'xpack.security.http.ssl.enabeld: true\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await diagnosticsWhere(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'unknown-setting' && document.getText(d.range).includes('enabeld')),
      'the new typo',
    );
    assert.ok(diagnostics.length > 0);
  });
});
