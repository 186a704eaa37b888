// Deployment files in real VS Code: a typo in an ECK manifest's nodeSets[].config and a wrong Kibana variable
// in a compose file appear in the Problems panel on their lines, and the quick fix repairs each. So does a typo in
// an Ansible template (`elasticsearch.yml.j2`), a file VS Code gives no YAML language.
/* global document */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chooseAction, clickText, editorText, shot, waitForEditor, waitForWorkbench } from '../../scripts/lib/workbench.mjs';
import { readProblemsPanel, waitForFileProblems } from '../../scripts/lib/problems.mjs';
import { openSession, packagedExtension } from './lib/session.mjs';
import { uiTestFor } from './lib/uiTest.mjs';

const ECK = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
spec:
  version: 8.15.0
  nodeSets:
  - name: default
    count: 3
    config:
      node.store.allow_mmap: false
      xpack.security.http.ssl.verfication_mode: full
`;

const COMPOSE = `services:
  kibana:
    image: docker.elastic.co/kibana/kibana:8.15.0
    environment:
      - ELASTICSEARCH_HOSTS=https://es01:9200
      - ELASTICSEARCH_SSL_VERIFICATIONMODE=fulll
`;

const TEMPLATE = `# {{ ansible_managed }}
cluster.name: {{ es_cluster_name }}
{% if es_tls %}
xpack.security.http.ssl.verfication_mode: full
{% endif %}
`;

let session;
let page;

before(async () => {
  session = await openSession({ vsix: packagedExtension() });
  page = session.page;
  fs.writeFileSync(path.join(session.folder, 'eck-cluster.yaml'), ECK);
  fs.writeFileSync(path.join(session.folder, 'docker-compose.yml'), COMPOSE);
  fs.writeFileSync(path.join(session.folder, 'elasticsearch.yml.j2'), TEMPLATE);
  await waitForWorkbench(page);
});

after(async () => {
  await session?.close();
});

const uiTest = uiTestFor(() => page, 'forms-');

/** Opens a file the test wrote through the explorer (Quick Open's index may not know it yet). */
async function openFromExplorer(name) {
  const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  await entry.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
  await waitForEditor(page);
}

/** What the engine reports, through the CLI inside the installed .vsix: the oracle for the panel. */
function cliFindings(file) {
  const installed = fs.readdirSync(session.extensionsDir).find((n) => n.startsWith('elastic-tls.elastic-tls-'));
  const cli = path.join(session.extensionsDir, installed, 'dist', 'cli.js');
  try {
    return JSON.parse(execFileSync('node', [cli, 'check', '--format', 'json', file], { encoding: 'utf8' }));
  } catch (error) {
    return JSON.parse(error.stdout);
  }
}

/** Waits until the Problems panel lists `code` for `file` at `line`; returns that marker. */
async function waitForMarker(file, code, line) {
  const deadline = Date.now() + 60_000;
  let markers = [];
  while (Date.now() < deadline) {
    ({ markers } = await readProblemsPanel(page));
    const found = markers.find((m) => m.file === file && m.code === code && m.line === line);
    if (found) return found;
    await page.waitForTimeout(500);
  }
  assert.fail(`${file}:${line} ${code} never listed; the panel has ${JSON.stringify(markers.map((m) => [m.file, m.line, m.code]))}`);
}

/** Polls the saved file until it matches. */
async function pollFile(file, pattern) {
  const deadline = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadline) {
    text = fs.readFileSync(file, 'utf8');
    if (pattern.test(text)) return text;
    await page.waitForTimeout(200);
  }
  assert.fail(`${file} never matched ${pattern}:\n${text}`);
}

/** Applies the quick fix whose title contains `title` on `needle`, saves, and waits for the file on disk. */
async function quickFix(needle, title, fixedLine, file) {
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await clickText(page, needle);
  await page.keyboard.press('Control+.');
  await chooseAction(page, title);
  // The whole line must read as fixed: `=full` is also a prefix of the wrong `=fulll`.
  await page.waitForFunction((want) => [...document.querySelectorAll('.editor-group-container.active .view-line')]
    .some((l) => l.textContent.replace(/\u00a0/g, ' ').trim() === want.trim()), fixedLine, { timeout: 20_000 });
  await page.keyboard.press('Control+S');
  return pollFile(file, new RegExp(`^${fixedLine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
}

/**
 * Opens `name`, checks that the Problems panel lists `ruleId` where the CLI inside the .vsix puts it (line and
 * column), takes the screenshot `shot`, applies the quick fix titled `title` on `needle`, and returns the saved text.
 */
async function listedThenFixed({ name, ruleId, line, shot: problemShot, needle, title, fixedLine }) {
  const file = path.join(session.folder, name);
  const [oracle] = cliFindings(file).filter((f) => f.ruleId === ruleId);
  assert.equal(oracle.line, line);
  await openFromExplorer(name);
  const marker = await waitForMarker(name, ruleId, line);
  assert.equal(marker.column, oracle.column);
  await shot(page, problemShot);
  return quickFix(needle, title, fixedLine, file);
}

uiTest('a typo in an ECK nodeSet config is listed on its line, and the quick fix renames it', async () => {
  const saved = await listedThenFixed({ name: 'eck-cluster.yaml', ruleId: 'unknown-setting', line: 12, shot: 'forms-01-eck-problem',
    needle: 'verfication_mode', title: 'verification_mode', fixedLine: '      xpack.security.http.ssl.verification_mode: full' });
  assert.doesNotMatch(saved, /verfication/);
  assert.doesNotMatch(await editorText(page), /verfication/);
  // The repaired setting is a valid one the operator leaves to the user: the manifest has no problem now.
  await waitForFileProblems(page, 'eck-cluster.yaml', (markers) => markers.length === 0);
  await shot(page, 'forms-02-eck-fixed');
});

uiTest('a wrong Kibana variable value in a compose file is listed on its line, and the quick fix repairs it', async () => {
  const saved = await listedThenFixed({ name: 'docker-compose.yml', ruleId: 'invalid-value', line: 6, shot: 'forms-03-compose-problem',
    needle: 'fulll', title: 'full', fixedLine: '      - ELASTICSEARCH_SSL_VERIFICATIONMODE=full' });
  assert.match(saved, /ELASTICSEARCH_SSL_VERIFICATIONMODE=full\n/);
  await shot(page, 'forms-04-compose-fixed');
});

uiTest('a typo in an Ansible template elasticsearch.yml.j2 is listed on its line, and the quick fix renames it', async () => {
  const saved = await listedThenFixed({ name: 'elasticsearch.yml.j2', ruleId: 'unknown-setting', line: 4, shot: 'forms-05-template-problem',
    needle: 'verfication_mode', title: 'verification_mode', fixedLine: 'xpack.security.http.ssl.verification_mode: full' });
  assert.match(saved, /^\{% if es_tls %\}\nxpack\.security\.http\.ssl\.verification_mode: full\n\{% endif %\}$/m);
  await waitForFileProblems(page, 'elasticsearch.yml.j2', (markers) => !markers.some((m) => m.code === 'unknown-setting'));
  await shot(page, 'forms-06-template-fixed');
});
