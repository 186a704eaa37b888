// Elastic TLS as a user meets it: the packaged .vsix installed into a real VS Code (code-server),
// a temp copy of examples/ open, driven with the keyboard and mouse through a headless chromium.
// Screenshots of every step go to test-results/e2e/.
/* global document */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  answerPrompt, chooseAction, clickText, editorText, hoverText, openFile, runCommand, shot, shotsDir, waitForEditor,
  waitForWorkbench, webviewText,
} from '../../scripts/lib/workbench.mjs';
import { parseProblemCounts, readProblemsPanel, waitForProblems } from '../../scripts/lib/problems.mjs';
import { openSession, packagedExtension } from './lib/session.mjs';
import { uiTestFor } from './lib/uiTest.mjs';
import { expectedFindings } from './lib/expectedFindings.mjs';

let session;
let page;

before(async () => {
  // screenshots of an earlier run's failures would mislead
  for (const name of fs.existsSync(shotsDir) ? fs.readdirSync(shotsDir) : []) {
    if (name.startsWith('failed-')) fs.rmSync(path.join(shotsDir, name));
  }
  // The JKS and the .p7b are made before VS Code opens the folder: a file created later may be missing from Quick Open's index
  // for a while on a loaded machine.
  session = await openSession({ vsix: packagedExtension(), prepare: makeViewerFiles });
  page = session.page;
  await waitForWorkbench(page);
});

after(async () => {
  await session?.close();
});

/**
 * The viewer's inputs in the workspace's certs/: a JKS keystore made by keytool (a key entry and the examples' CA
 * as a trusted entry) and a PKCS#7 bundle made by openssl (es01's certificate and the CA).
 */
function makeViewerFiles(folder) {
  const certs = path.join(folder, 'certs');
  execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', path.join(certs, 'es01.crt'), '-certfile', path.join(certs, 'ca.crt'), '-out', path.join(certs, 'bundle.p7b')]);
  const base = ['-storetype', 'JKS', '-keystore', path.join(certs, 'node.jks'), '-storepass', 'changeit', '-noprompt'];
  execFileSync('keytool', [...base, '-genkeypair', '-alias', 'node-1', '-keypass', 'changeit', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=node-1,O=Müller', '-validity', '30'], { stdio: 'ignore' });
  execFileSync('keytool', [...base, '-importcert', '-alias', 'elastic-ca', '-file', path.join(certs, 'ca.crt')], { stdio: 'ignore' });
}

const uiTest = uiTestFor(() => page, '');

/** Polls a file until its text matches `pattern` (bounded); returns the text. */
async function pollFile(file, pattern, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (pattern.test(text)) return text;
    await page.waitForTimeout(200);
  }
  assert.fail(`${file} never matched ${pattern}; it holds:\n${text}`);
}

/** What the engine reports for a file of the workspace, through the CLI inside the installed .vsix: the oracle for the Problems panel. */
function cliFindings(file) {
  const installed = fs.readdirSync(session.extensionsDir).find((name) => name.startsWith('elastic-tls.elastic-tls-'));
  assert.ok(installed, `the extension is in ${session.extensionsDir}`);
  const cli = path.join(session.extensionsDir, installed, 'dist', 'cli.js');
  let out;
  try {
    // The folder as one stack, as the server sees the workspace: cross-file findings land on this file too.
    out = execFileSync('node', [cli, 'check', '--format', 'json', path.dirname(file)], { encoding: 'utf8' });
  } catch (error) {
    out = error.stdout; // exit status 1 when there are errors
  }
  // The Problems panel lists errors, warnings and information; VS Code shows hints only in the editor.
  return JSON.parse(out).filter((finding) => finding.severity !== 'hint' && path.resolve(finding.file) === path.resolve(file));
}

uiTest('the packaged extension installs and examples/ opens in the workbench', async () => {
  assert.match(session.installLog, /successfully installed/);
  const rows = await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
  for (const name of ['certs', 'elasticsearch.yml', 'kibana.yml']) assert.ok(rows.includes(name), `explorer lists ${name}: ${rows}`);
  await shot(page, '01-workbench');
});

uiTest('the Problems panel lists the findings of elasticsearch.yml and kibana.yml', async () => {
  const oracle = {
    'elasticsearch.yml': cliFindings(path.join(session.folder, 'elasticsearch.yml')),
    'kibana.yml': cliFindings(path.join(session.folder, 'kibana.yml')),
  };
  const all = [...oracle['elasticsearch.yml'], ...oracle['kibana.yml']];
  const countOf = (severity) => all.filter((f) => f.severity === severity).length;
  const want = { errors: countOf('error'), warnings: countOf('warning'), infos: countOf('information') };
  await openFile(page, 'elasticsearch.yml');
  await waitForEditor(page);
  await openFile(page, 'kibana.yml');
  await waitForEditor(page);
  const label = await waitForProblems(page, (l) => {
    const counts = parseProblemCounts(l);
    return counts.errors === want.errors && counts.warnings === want.warnings && counts.infos === want.infos;
  }).catch((error) => assert.fail(`status bar never showed ${JSON.stringify(want)}: ${error.message}`));
  assert.ok(label);
  const panel = await readProblemsPanel(page, { maximize: true });
  await shot(page, '02-problems');
  for (const [file, findings] of Object.entries(oracle)) {
    assert.equal(panel.files[file], findings.length, `${file}: the panel's count matches the engine's`);
    for (const finding of findings) {
      const row = panel.markers.find((m) => m.file === file && m.line === finding.line && m.column === finding.column && m.code === finding.ruleId);
      assert.ok(row, `${file}:${finding.line}:${finding.column} ${finding.ruleId} is listed`);
      assert.equal(row.message, finding.message);
      assert.equal(row.severity, { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Info' }[finding.severity]);
    }
    // the mistakes examples/ documents are among them
    for (const expected of expectedFindings[file]) {
      assert.ok(panel.markers.some((m) => m.file === file && m.line === expected.line && m.code === expected.ruleId),
        `${file}:${expected.line} shows ${expected.ruleId} (${expected.why})`);
    }
  }
  await readProblemsPanel(page, { maximize: false });
});

uiTest('hovering a setting shows its description', async () => {
  await openFile(page, 'elasticsearch.yml');
  await waitForEditor(page);
  const text = await hoverText(page, 'client_authentication', { expect: 'Elasticsearch setting' });
  await shot(page, '03-hover-setting');
  assert.match(text, /xpack\.security\.transport\.ssl\.client_authentication/);
  assert.match(text, /certificate/i, 'the description says what the setting does');
  assert.match(text, /Default: required/);
  await page.keyboard.press('Escape');
});

uiTest('hovering a certificate path shows its SANs and the days left', async () => {
  await openFile(page, 'kibana.yml');
  await waitForEditor(page);
  const text = await hoverText(page, 'certs/es01.crt', { expect: 'es01' });
  await shot(page, '04-hover-certificate');
  for (const san of ['es01', 'localhost', '127.0.0.1']) assert.match(text, new RegExp(san.replace(/\./g, '\\.')), `SAN ${san}`);
  assert.match(text, /\d+ days?/i, 'days left');
  // The names and the expiry come first; the file's path and where it was found follow them.
  const names = text.search(/Names:/);
  const expiry = text.search(/\d+ days?/i);
  const file = text.search(/File:/);
  assert.ok(names >= 0 && expiry > names && file > expiry, `names, expiry, then the file: ${text}`);
  await page.keyboard.press('Escape');
});

uiTest('a quick fix from the light bulb (Ctrl+.) corrects a misspelt setting', async () => {
  await openFile(page, 'elasticsearch.yml');
  await waitForEditor(page);
  const before = parseProblemCounts(await waitForProblems(page, (l) => /Errors/.test(l)));
  await clickText(page, 'verfication_mode');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'visible', timeout: 20_000 });
  await shot(page, '05-quick-fix-menu');
  const chosen = await chooseAction(page, 'verification_mode');
  assert.match(chosen, /xpack\.security\.transport\.ssl\.verification_mode/);
  await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')]
    .some((l) => l.textContent.replace(/\u00a0/g, ' ').includes('  verification_mode: certificate')), null, { timeout: 20_000 });
  assert.doesNotMatch(await editorText(page), /verfication_mode/);
  await waitForProblems(page, (l) => parseProblemCounts(l).errors === before.errors - 1);
  await shot(page, '06-quick-fix-applied');
  await page.keyboard.press('Control+S');
  const saved = await pollFile(path.join(session.folder, 'elasticsearch.yml'), /^ {2}verification_mode: certificate/m);
  assert.doesNotMatch(saved, /verfication_mode/);
});

uiTest('"Generate Node Certificate" from the command palette writes the files', async () => {
  const output = path.join(session.folder, 'generated');
  const title = 'Elastic TLS: Generate Node Certificate';
  await runCommand(page, title);
  await answerPrompt(page, /Signing CA/, 'CA in a PKCS#12 file', { pick: true });
  await answerPrompt(page, /CA keystore \(PKCS#12\)/, path.join(session.folder, 'certs', 'elastic-stack-ca.p12'), { fileDialog: true });
  await answerPrompt(page, /Password for elastic-stack-ca\.p12/, '');
  await answerPrompt(page, /Name \(plain/, 'es02');
  await answerPrompt(page, /DNS names/, 'es02.example.com, localhost');
  await answerPrompt(page, /IP addresses/, '127.0.0.1');
  await answerPrompt(page, /Add another/, 'No, that is all', { pick: true });
  await answerPrompt(page, /Key type/, 'RSA 2048', { pick: true });
  await answerPrompt(page, /Validity in days/, '825');
  await answerPrompt(page, /Output format/, 'PEM (.crt + .key)', { pick: true });
  await shot(page, '07-generate-prompt');
  await answerPrompt(page, /Passphrase to encrypt/, '');
  await answerPrompt(page, /Output folder/, output);
  const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Elastic TLS wrote' });
  await done.waitFor({ state: 'visible', timeout: 60_000 });
  await shot(page, '08-generate-done');
  const written = fs.readdirSync(output, { recursive: true }).map(String);
  const crt = written.find((f) => f.endsWith('es02.crt'));
  const key = written.find((f) => f.endsWith('es02.key'));
  assert.ok(crt && key, `es02.crt and es02.key written: ${written}`);
  const text = execFileSync('openssl', ['x509', '-noout', '-text', '-in', path.join(output, crt)], { encoding: 'utf8' });
  assert.match(text, /DNS:es02\.example\.com/);
  assert.match(text, /IP Address:127\.0\.0\.1/);
  assert.match(text, /Issuer: CN ?= ?Elastic Certificate Tool Autogenerated CA/);
  assert.equal(fs.statSync(path.join(output, key)).mode & 0o777, 0o600, 'the private key is private');
});

uiTest('opening a .p12 shows the certificate viewer', async () => {
  await openFile(page, 'elastic-stack-ca.p12');
  const text = await webviewText(page, /Elastic Certificate Tool Autogenerated CA/);
  await page.mouse.move(700, 300); // no tooltip over the tab in the picture
  await shot(page, '09-certificate-viewer');
  assert.match(text, /PKCS#12/);
  assert.match(text, /Expires in \d+ days?/i, 'days left');
  assert.match(text, /Basic constraints\s+CA/);
});

uiTest('a JKS truststore opens in the viewer with its entries and the key Elasticsearch uses', async () => {
  await openFile(page, 'node.jks');
  const text = await webviewText(page, /elastic-ca/);
  await page.mouse.move(700, 300);
  await shot(page, '09b-jks-viewer');
  assert.match(text, /Java keystore \(JKS\)/);
  assert.match(text, /Key entry \(used by Elasticsearch\)/);
  assert.match(text, /Trusted certificate entry/);
  assert.match(text, /O=Müller/);
  assert.match(text, /not verified: unlock the keystore/);
});

uiTest('a PKCS#7 bundle opens in the viewer with each certificate and an Export button', async () => {
  await openFile(page, 'bundle.p7b');
  // A PEM-armoured bundle is a PEM file holding one PKCS7 block; the viewer lists the certificates inside it.
  const text = await webviewText(page, /Certificate 2 of 2/);
  await page.mouse.move(700, 300);
  await shot(page, '09c-p7b-viewer');
  assert.match(text, /2 certificates/);
  assert.match(text, /Certificate 2 of 2/);
  assert.match(text, /Export as PEM/);
});

uiTest('a PEM file opens in the PEM language mode', async () => {
  await openFile(page, 'es01.crt');
  await waitForEditor(page);
  const mode = page.locator('#status\\.editor\\.mode');
  await mode.filter({ hasText: 'PEM' }).waitFor({ state: 'visible', timeout: 20_000 });
  await shot(page, '10-pem-language');
});

uiTest('a snippet inserts settings the extension accepts', async () => {
  const file = path.join(session.folder, 'elasticsearch-snippet.yml');
  fs.writeFileSync(file, '');
  // a new file reaches the explorer through the file watcher before Quick Open's index knows it
  await openFile(page, 'elasticsearch.yml');
  const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'elasticsearch-snippet.yml' });
  await entry.waitFor({ state: 'visible', timeout: 20_000 });
  await entry.click();
  await page.locator('.tabs-container .tab.active', { hasText: 'elasticsearch-snippet.yml' }).waitFor({ state: 'visible' });
  await waitForEditor(page);
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.type('es-transport-tls-p12');
  await page.keyboard.press('Control+Space');
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'es-transport-tls-p12' }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await shot(page, '11-snippet-suggest');
  await row.click();
  await page.keyboard.press('Escape'); // the verification_mode choice list
  await page.keyboard.press('Escape'); // leave snippet mode
  await page.keyboard.press('Control+S');
  const saved = await pollFile(file, /keystore\.path: certs\/elastic-certificates\.p12/);
  assert.match(saved, /^xpack\.security\.transport\.ssl\.truststore\.path: certs\/elastic-certificates\.p12$/m);
  assert.doesNotMatch(saved, /\$\{|\$\d/, 'no tab stop left in the text');
  const findings = cliFindings(file);
  assert.deepEqual(findings.filter((f) => ['unknown-setting', 'invalid-value', 'yaml-syntax'].includes(f.ruleId)), []);
  await shot(page, '12-snippet-inserted');
});
