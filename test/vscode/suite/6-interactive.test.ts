// The interactive flows, with scripted answers: the prompts build the same request as the argument object, input is
// validated as typed, an existing file is only replaced after a modal "Overwrite", and declining writes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GenerateCommandResult } from '../../../client/src/generate/args';
import { activeApi, removeDir, tempDir, waitFor } from '../helpers';
import { newTranscript, scriptPrompts, type Answer } from '../stubs';

async function runScripted(command: string, answers: Answer[]): Promise<{ result: GenerateCommandResult; transcript: ReturnType<typeof newTranscript> }> {
  const transcript = newTranscript();
  const restore = scriptPrompts(answers, transcript);
  try {
    const result = await vscode.commands.executeCommand<GenerateCommandResult>(command);
    assert.deepEqual(answers, [], `unused scripted answers: ${answers.map((a) => a.expect).join(', ')}`);
    return { result, transcript };
  } finally {
    restore();
  }
}

/** The CA questions; `overwrite` scripts the answer to the Overwrite question when one is expected. */
function caAnswers(outputDir: string, overwrite?: { answer: string | undefined }): Answer[] {
  return [
    { kind: 'input', expect: /Subject DN/, answer: 'CN=Interactive CA', rejects: ['CN'] },
    { kind: 'pick', expect: /Key type/, answer: /EC P-256/ },
    { kind: 'input', expect: /Validity in days/, answer: '30', rejects: ['0', '-1', 'ten'] },
    { kind: 'pick', expect: /Output format/, answer: /^PEM/ },
    { kind: 'input', expect: /Passphrase/, answer: '' },
    { kind: 'input', expect: /Output folder/, answer: outputDir },
    ...(overwrite ? [{ kind: 'message' as const, expect: /Overwrite/, answer: overwrite.answer }] : []),
  ];
}

suite('interactive flows', () => {
  let dir: string;

  suiteSetup(async () => {
    await activeApi();
    dir = tempDir('interactive');
  });
  suiteTeardown(() => removeDir(dir));

  test('Generate CA asks its questions, checks input as typed and writes the files', async () => {
    const { result, transcript } = await runScripted('elasticTls.generateCa', caAnswers(dir));
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.ok(fs.existsSync(path.join(dir, 'ca', 'ca.crt')));
    assert.ok(transcript.prompts.every((p) => p.includes('Generate CA')), transcript.prompts.join('\n'));
    for (const v of transcript.validation) assert.ok(v.message, `"${v.text}" was accepted`);
  });

  test('declining the modal Overwrite question writes nothing', async () => {
    const before = fs.readFileSync(path.join(dir, 'ca', 'ca.key'));
    const { result, transcript } = await runScripted('elasticTls.generateCa', caAnswers(dir, { answer: undefined }));
    assert.equal(result.status, 'exists');
    const question = transcript.messages.find((m) => /Overwrite/.test(m.text));
    assert.ok(question?.modal, 'the overwrite question is modal');
    assert.deepEqual(fs.readFileSync(path.join(dir, 'ca', 'ca.key')), before);
  });

  test('choosing Overwrite replaces the files', async () => {
    const before = fs.readFileSync(path.join(dir, 'ca', 'ca.key'));
    const { result } = await runScripted('elasticTls.generateCa', caAnswers(dir, { answer: 'Overwrite' }));
    assert.equal(result.status, 'written');
    assert.notDeepEqual(fs.readFileSync(path.join(dir, 'ca', 'ca.key')), before);
  });

  test('Generate Node Certificate validates names, DNS names and IPs as typed', async () => {
    const out = path.join(dir, 'node');
    const { result, transcript } = await runScripted('elasticTls.generateNodeCertificate', [
      { kind: 'pick', expect: /Signing CA/, answer: /Self-signed/ },
      { kind: 'input', expect: /Name/, answer: 'node1', rejects: ['ca', '.hidden', 'a/b'] },
      { kind: 'input', expect: /DNS names/, answer: 'node1.example.com, node1', rejects: ['bad name', 'a..b', 'ex ample.com'] },
      { kind: 'input', expect: /IP addresses/, answer: '10.0.0.5', rejects: ['999.1.1.1', '10.0.0'] },
      { kind: 'pick', expect: /Add another/, answer: /that is all/ },
      { kind: 'pick', expect: /Key type/, answer: /RSA 2048/ },
      { kind: 'input', expect: /Validity in days/, answer: '1095' },
      { kind: 'pick', expect: /Output format/, answer: /PKCS#12/ },
      { kind: 'input', expect: /Password for the node keystore/, answer: 'n0de-pass', rejects: ['pässword'] },
      { kind: 'input', expect: /again/, answer: 'n0de-pass' },
      { kind: 'input', expect: /Output folder/, answer: out },
    ]);
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(result.written.map((f) => path.relative(out, f)), ['node1.p12']);
    const failures = transcript.validation.filter((v) => !v.message);
    assert.deepEqual(failures, [], 'every bad value got a message');
  });

  test('after writing, the keystore commands can be copied and never hold the password', async () => {
    const out = path.join(dir, 'follow-up');
    const transcript = newTranscript();
    const answers: Answer[] = [
      { kind: 'pick', expect: /Signing CA/, answer: /Self-signed/ },
      { kind: 'input', expect: /Name/, answer: 'node7' },
      { kind: 'input', expect: /DNS names/, answer: '' },
      { kind: 'input', expect: /IP addresses/, answer: '' },
      { kind: 'pick', expect: /Add another/, answer: /that is all/ },
      { kind: 'pick', expect: /Key type/, answer: /EC P-384/ },
      { kind: 'input', expect: /Validity in days/, answer: '1095' },
      { kind: 'pick', expect: /Output format/, answer: /PKCS#12/ },
      { kind: 'input', expect: /Password for the node keystore/, answer: 'follow-up-pw' },
      { kind: 'input', expect: /again/, answer: 'follow-up-pw' },
      { kind: 'input', expect: /Output folder/, answer: out },
      { kind: 'message', expect: /wrote 1 file/, answer: 'Show keystore commands' },
      { kind: 'message', expect: /Store the passwords/, answer: 'Copy' },
    ];
    const restore = scriptPrompts(answers, transcript);
    try {
      const result = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateNodeCertificate');
      assert.equal(result.status, 'written', JSON.stringify(result.error));
      await transcript.messageShown(/Copied to the clipboard/);
    } finally {
      restore();
    }
    assert.deepEqual(answers, []);
    const modal = transcript.messages.find((m) => /Store the passwords/.test(m.text));
    assert.ok(modal?.modal);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /elasticsearch-keystore add/);
    for (const text of [copied, modal?.detail ?? '', ...transcript.messages.map((m) => m.text)]) {
      assert.ok(!text.includes('follow-up-pw'), 'the password is never shown or copied');
    }
  });

  test('"Insert settings into elasticsearch.yml" appends them to the workspace file and shows it', async function () {
    const [yml] = await vscode.workspace.findFiles('**/elasticsearch.yml', '**/node_modules/**', 1);
    if (!yml) this.skip();
    const out = path.join(dir, 'insert');
    const transcript = newTranscript();
    const answers: Answer[] = [
      { kind: 'pick', expect: /Signing CA/, answer: /Make a new CA/ },
      { kind: 'input', expect: /Name/, answer: 'http' },
      { kind: 'input', expect: /DNS names/, answer: 'localhost' },
      { kind: 'input', expect: /IP addresses/, answer: '127.0.0.1' },
      { kind: 'pick', expect: /Add another/, answer: /that is all/ },
      { kind: 'pick', expect: /Key type/, answer: /RSA 2048/ },
      { kind: 'input', expect: /Validity in days/, answer: '365' },
      { kind: 'pick', expect: /Output format/, answer: /PKCS#12/ },
      { kind: 'input', expect: /Password for the HTTP keystore/, answer: '' },
      { kind: 'input', expect: /Output folder/, answer: out },
      { kind: 'message', expect: /wrote \d+ files/, answer: 'Insert settings into elasticsearch.yml' },
    ];
    const inserted = waitFor(
      vscode.workspace.onDidChangeTextDocument,
      (e) => e.document.uri.toString() === yml.toString() && e.document.getText().includes('# TLS settings added by Elastic TLS'),
      'the settings to be inserted',
    );
    const restore = scriptPrompts(answers, transcript);
    try {
      const result = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateHttpCertificates');
      assert.equal(result.status, 'written', JSON.stringify(result.error));
      const { document } = await inserted;
      assert.match(document.getText(), /xpack\.security\.http\.ssl/);
      assert.ok(document.isDirty, 'the user reviews and saves the change');
    } finally {
      restore();
      await vscode.window.showTextDocument(yml);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.deepEqual(answers, []);
  });

  test('an untrusted workspace gets a clear refusal and no files', async function () {
    const descriptor = Object.getOwnPropertyDescriptor(vscode.workspace, 'isTrusted');
    if (!descriptor?.configurable) this.skip();
    const out = path.join(dir, 'untrusted');
    const transcript = newTranscript();
    const restore = scriptPrompts([], transcript);
    Object.defineProperty(vscode.workspace, 'isTrusted', { get: () => false, configurable: true });
    try {
      const fromCode = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateCa', { outputDir: out });
      const fromPalette = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateHttpCertificates');
      assert.equal(fromCode.status, 'untrusted');
      assert.equal(fromPalette.status, 'untrusted');
    } finally {
      Object.defineProperty(vscode.workspace, 'isTrusted', descriptor as PropertyDescriptor);
      restore();
    }
    assert.ok(!fs.existsSync(out));
    assert.equal(transcript.prompts.length, 0, 'no prompt before the refusal');
    assert.ok(transcript.messages.some((m) => /untrusted workspace/.test(m.text)), JSON.stringify(transcript.messages));
  });

  test('cancelling the progress notification cancels the request and writes nothing', async () => {
    const out = path.join(dir, 'cancel-progress');
    const window = vscode.window as unknown as { withProgress: typeof vscode.window.withProgress };
    const real = window.withProgress;
    let cancellable = false;
    window.withProgress = (async (options: vscode.ProgressOptions, task: (p: vscode.Progress<unknown>, t: vscode.CancellationToken) => Thenable<unknown>) => {
      cancellable = options.cancellable === true;
      const source = new vscode.CancellationTokenSource();
      const running = task({ report: () => undefined }, source.token);
      source.cancel(); // the user presses Cancel while the server works
      return running;
    }) as typeof vscode.window.withProgress;
    try {
      const result = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateCa', { outputDir: out });
      assert.equal(result.status, 'cancelled');
    } finally {
      window.withProgress = real;
    }
    assert.ok(cancellable, 'the progress notification offers Cancel');
    assert.ok(!fs.existsSync(out));
  });

  test('the "wrote" message comes once the progress notification has closed (VS Code keeps one up 800 ms)', async () => {
    const window = vscode.window as unknown as { withProgress: typeof vscode.window.withProgress };
    const real = window.withProgress;
    let started = 0;
    window.withProgress = ((options: vscode.ProgressOptions, task: Parameters<typeof vscode.window.withProgress>[1]) => {
      started = Date.now();
      return real.call(vscode.window, options, task);
    }) as typeof vscode.window.withProgress;
    const transcript = newTranscript();
    const restore = scriptPrompts(caAnswers(path.join(dir, 'after-progress')), transcript);
    try {
      const result = await vscode.commands.executeCommand<GenerateCommandResult>('elasticTls.generateCa');
      assert.equal(result.status, 'written', JSON.stringify(result.error));
      await transcript.messageShown(/wrote \d+ files?/);
      assert.ok(Date.now() - started >= 800, `the message came ${Date.now() - started} ms after the progress began`);
    } finally {
      restore();
      window.withProgress = real;
    }
  });

  test('cancelling a prompt writes nothing', async () => {
    const out = path.join(dir, 'cancelled');
    const { result } = await runScripted('elasticTls.generateCsr', [{ kind: 'input', expect: /Name/, answer: undefined }]);
    assert.equal(result.status, 'cancelled');
    assert.ok(!fs.existsSync(out));
  });
});
