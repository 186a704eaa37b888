// Paths inside containers, as a user of a docker-compose project meets them in a real VS Code (code-server): a
// certificate the compose file mounts but that is missing gets a warning whose quick fix starts the Generate
// command aimed at the mounted folder; a path that nothing maps gets nothing in the Problems panel.
// Screenshots go to test-results/e2e/ (paths-*.png).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { answerPrompt, chooseAction, clickText, openFile, shot, waitForEditor, waitForWorkbench } from '../../scripts/lib/workbench.mjs';
import { parseProblemCounts, readProblemsPanel, waitForProblems } from '../../scripts/lib/problems.mjs';
import { openSession, packagedExtension } from './lib/session.mjs';
import { uiTestFor } from './lib/uiTest.mjs';

const PROJECT = 'compose-demo';
const COMPOSE = `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:9.1.0
    volumes:
      - ./es/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro
      - ./certs:/usr/share/elasticsearch/config/certs
`;
const SETTINGS = `xpack.security.enabled: true
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.keystore.path: certs/http.p12
xpack.security.transport.ssl.enabled: true
xpack.security.transport.ssl.verification_mode: certificate
xpack.security.transport.ssl.keystore.path: /etc/elasticsearch/pki/node.p12
xpack.security.transport.ssl.truststore.path: /etc/elasticsearch/pki/node.p12
`;

let session;
let page;

/** A compose project of its own beside examples/: a node whose settings and certs/ folder are mounted. */
function writeProject(folder) {
  const project = path.join(folder, PROJECT);
  fs.mkdirSync(path.join(project, 'es'), { recursive: true });
  fs.mkdirSync(path.join(project, 'certs'), { recursive: true });
  fs.writeFileSync(path.join(project, 'docker-compose.yml'), COMPOSE);
  fs.writeFileSync(path.join(project, 'es', 'elasticsearch.yml'), SETTINGS);
}

before(async () => {
  session = await openSession({ vsix: packagedExtension(), prepare: writeProject });
  page = session.page;
  await waitForWorkbench(page);
});

after(async () => {
  await session?.close();
});

const uiTest = uiTestFor(() => page, 'paths-');

uiTest('a mounted missing certificate is a warning; an unmapped container path shows nothing', async () => {
  await openFile(page, `${PROJECT}/es/elasticsearch.yml`);
  await waitForEditor(page);
  await waitForProblems(page, (l) => parseProblemCounts(l).warnings === 1);
  const panel = await readProblemsPanel(page, { maximize: true });
  await shot(page, 'paths-01-problems');
  const markers = panel.markers.filter((m) => m.file === 'elasticsearch.yml');
  const missing = markers.find((m) => m.code === 'missing-file');
  assert.ok(missing, `a missing-file marker: ${JSON.stringify(markers)}`);
  assert.equal(missing.severity, 'Warning');
  assert.equal(missing.line, 3);
  assert.match(missing.message, /service `es01` in `docker-compose\.yml` mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`/);
  assert.deepEqual(markers.filter((m) => m.line >= 6), [], 'nothing on the lines naming /etc/elasticsearch/pki');
  assert.ok(!markers.some((m) => m.severity === 'Error'), `no error: ${JSON.stringify(markers)}`);
  await readProblemsPanel(page, { maximize: false });
});

uiTest('the quick fix starts Generate HTTP Certificates writing into the mounted folder', async () => {
  await openFile(page, `${PROJECT}/es/elasticsearch.yml`);
  await waitForEditor(page);
  await clickText(page, 'certs/http.p12');
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'visible', timeout: 20_000 });
  await shot(page, 'paths-02-quick-fix');
  await chooseAction(page, 'Generate http.p12');
  // Six steps instead of seven: the output folder is the mounted one, so it is not asked.
  await answerPrompt(page, /HTTP Certificates \(1\/6\)/, 'Make a new CA', { pick: true });
  await answerPrompt(page, /Name \(plain/, 'http');
  await answerPrompt(page, /DNS names/, 'es01, localhost');
  await answerPrompt(page, /IP addresses/, '127.0.0.1');
  await answerPrompt(page, /Add another/, 'No, that is all', { pick: true });
  await answerPrompt(page, /Key type/, 'RSA 2048', { pick: true });
  await answerPrompt(page, /Validity in days/, '825');
  await answerPrompt(page, /Output format/, 'PKCS#12 (.p12)', { pick: true });
  await shot(page, 'paths-03-generate-prompt');
  await answerPrompt(page, /Password for the HTTP keystore/, '');
  const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Elastic TLS wrote' });
  await done.waitFor({ state: 'visible', timeout: 60_000 });
  await shot(page, 'paths-04-generated');
  const certs = path.join(session.folder, PROJECT, 'certs');
  const written = fs.readdirSync(certs, { recursive: true }).map(String);
  assert.ok(written.some((f) => f.endsWith('http.p12')), `an http.p12 was written under the mounted certs/: ${written}`);
});
