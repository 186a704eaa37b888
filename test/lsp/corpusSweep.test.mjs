// The server on real files: every file of the development corpus (../shared/corpus/real, beside the project; the
// files stay there under their authors' licences) is opened under the name it has in its repository, and then
//   - every quick fix with an edit is applied: the diagnostic it fixes goes away, and a "Fix all" adds no error;
//   - hover and completion are asked at the start of each line, on its value and at its end: no handler fails,
//     every hover range lies on its line, and no hover or completion repeats a password or token the file holds.
// A clone without the corpus skips this file in one line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { applyTextEdits, startServer, uriOf } from './lspClient.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');
const present = fs.existsSync(path.join(corpus, 'SOURCES.tsv'));

/** Deployment forms the server recognises by content, whatever the file's name. */
const BY_CONTENT = new Set(['docker-compose', 'eck-manifest', 'helm-values']);

/** Each corpus file with its name in its repository; files neither that name nor the content makes a settings file are left out. */
function corpusFiles() {
  const [, ...rows] = fs.readFileSync(path.join(corpus, 'SOURCES.tsv'), 'utf8').trim().split('\n');
  return rows
    .map((row) => {
      const [file, , repoPath, , kind] = row.split('\t');
      return { file, kind, name: path.posix.basename(repoPath) };
    })
    .filter((f) => BY_CONTENT.has(f.kind) || /^(elasticsearch|kibana)/i.test(f.name));
}

/** A value of a password, secret or token setting written in the file (not a hashing algorithm's name). */
function secretOn(line) {
  const m = /(password|passwd|secret|token|api_?key)(?![\w.]*(algorithm|hashing|_file|\.path))[\w.]*['"]?\s*[:=]\s*["']?([^\s"'#{}$[\]]{4,})/i.exec(line);
  return m && !/^(true|false|null|none)$/i.test(m[3]) ? m[3] : undefined;
}

const sameDiagnostic = (a, b) => a.code === b.code && a.range.start.line === b.range.start.line && a.message === b.message;

describe('the server on the real-file corpus', { skip: present ? false : 'the corpus (../shared/corpus) is not beside the project' }, () => {
  let server;
  let dir;
  const opened = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-corpus-'));
    server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
    for (const f of corpusFiles()) {
      // One folder a file: each is its own stack, as in its repository.
      const folder = path.join(dir, f.file.replace(/\W/g, '_'));
      fs.mkdirSync(folder);
      const file = path.join(folder, f.name);
      const text = fs.readFileSync(path.join(corpus, f.file), 'utf8');
      fs.writeFileSync(file, text);
      opened.push({ ...f, text, uri: uriOf(file) });
    }
  });

  after(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every quick fix removes its diagnostic, and a fix-all adds no error', async () => {
    let applied = 0;
    const broken = [];
    for (const f of opened) {
      let version = 1;
      server.open(f.uri, f.text, version);
      const { diagnostics } = await server.waitForDiagnostics(f.uri, (p) => p.version === 1);
      for (const d of diagnostics) {
        for (const action of (await server.codeActions(f.uri, d.range, [d])) ?? []) {
          const edits = action.edit?.changes?.[f.uri];
          if (!edits) continue;
          const fixed = applyTextEdits(f.text, edits);
          const v = ++version;
          const answer = server.waitForDiagnostics(f.uri, (p) => p.version === v);
          server.change(f.uri, fixed, v);
          const after = (await answer).diagnostics;
          applied++;
          if (after.some((x) => sameDiagnostic(x, d))) broken.push(`${f.file}:${d.range.start.line + 1} ${d.code}: "${action.title}" leaves it`);
          const added = after.filter((x) => x.severity === 1 && !diagnostics.some((y) => y.code === x.code && y.message === x.message));
          if (action.title.startsWith('Fix all') && added.length) broken.push(`${f.file}: "${action.title}" adds ${added.map((x) => x.code)}`);
          const back = ++version;
          const restored = server.waitForDiagnostics(f.uri, (p) => p.version === back);
          server.change(f.uri, f.text, back);
          await restored;
        }
      }
      server.close(f.uri);
    }
    assert.deepEqual(broken, []);
    assert.ok(applied >= 20, `only ${applied} fixes were offered on the corpus`);
  });

  test('hover and completion on every line: no failure, ranges on their line, no secret repeated', async () => {
    const problems = [];
    let hovers = 0;
    for (const f of opened) {
      server.open(f.uri, f.text, 1);
      await server.waitForDiagnostics(f.uri, (p) => p.version === 1 && true);
      const lines = f.text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        const text = lines[line];
        const secret = secretOn(text);
        const columns = new Set([text.search(/\S/), text.indexOf(':') + 2, text.indexOf('=') + 1, text.length - 1].filter((c) => c >= 0 && c < text.length));
        for (const character of columns) {
          const hover = await server.hover(f.uri, { line, character });
          hovers++;
          if (!hover) continue;
          const r = hover.range;
          if (r && (r.start.line !== line || r.end.line !== line || r.start.character > character || r.end.character < character)) problems.push(`${f.file}:${line + 1}:${character} hover range ${JSON.stringify(r)}`);
          if (secret && JSON.stringify(hover.contents).includes(secret)) problems.push(`${f.file}:${line + 1} hover shows the secret`);
        }
        const completion = await server.completion(f.uri, { line, character: text.length });
        if (secret && JSON.stringify(completion).includes(secret)) problems.push(`${f.file}:${line + 1} completion shows the secret`);
      }
      server.close(f.uri);
    }
    assert.deepEqual(problems, []);
    assert.ok(hovers > 5000, `${hovers} hovers`);
    assert.deepEqual(server.logs.filter((l) => l.type === 1), [], 'no handler logged a failure');
  });
});
