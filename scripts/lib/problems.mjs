// The Problems panel and the status bar's problem counts, read as a user sees them.
import { setPanelMaximized } from './workbench.mjs';

/** The status bar's problem counts as the workbench announces them, e.g. "Errors: 3, Warnings: 7". */
export const problemsLabel = (page) => page.locator('#status\\.problems').getAttribute('aria-label');

/** Waits until the status bar's problem label satisfies `accept` (a predicate on the label). */
export async function waitForProblems(page, accept, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let label = '';
  while (Date.now() < deadline) {
    label = (await problemsLabel(page).catch(() => '')) ?? '';
    if (accept(label)) return label;
    await page.waitForTimeout(250);
  }
  throw new Error(`problems never matched; last status bar label: ${JSON.stringify(label)}`);
}

/** Parses "Errors: 3, Warnings: 7, Infos: 1" (any subset) into numbers. */
export function parseProblemCounts(label) {
  const count = (kind) => Number(new RegExp(`${kind}: (\\d+)`).exec(label ?? '')?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/**
 * Opens the Problems panel (maximised when asked, so the virtualised list renders every row) and
 * reads it: file rows give per-file counts; marker rows give file, severity, message, rule id
 * (the diagnostic's code), line and column.
 */
export async function readProblemsPanel(page, { maximize } = {}) {
  const panel = page.locator('.markers-panel');
  await page.keyboard.press('Escape');
  // Ctrl+Shift+M toggles: press it only when the panel is not showing yet
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
  if (maximize !== undefined) await setPanelMaximized(page, maximize);
  const rows = await panel.locator('.monaco-list-row').evaluateAll((els) => els
    .map((r) => ({ top: r.offsetTop, label: r.getAttribute('aria-label') ?? '', text: r.innerText }))
    .sort((a, b) => a.top - b.top));
  const files = {};
  const markers = [];
  let file;
  for (const { label, text } of rows) {
    const fileRow = /^(\d+) problems? in file (\S+)/.exec(label);
    if (fileRow) {
      file = fileRow[2];
      files[file] = Number(fileRow[1]);
      continue;
    }
    const marker = /^(Error|Warning|Info): (.*) at line (\d+) and character (\d+)\./s.exec(label);
    if (!marker) continue;
    const code = /\n([^\n]+)\n\[Ln \d+, Col \d+\]\s*$/.exec(text)?.[1];
    markers.push({ file, severity: marker[1], message: marker[2], line: Number(marker[3]), column: Number(marker[4]), code, label });
  }
  return { files, markers };
}

/**
 * Waits until the Problems panel's markers of one file (its name as the panel shows it) satisfy `accept`. The
 * status bar counts every file, and the server also publishes the stack's cross-file findings to closed files,
 * so a test about one file reads that file's rows. An empty panel counts as no markers.
 */
export async function waitForFileProblems(page, file, accept, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let mine = [];
  while (Date.now() < deadline) {
    const { markers } = await readProblemsPanel(page).catch(() => ({ markers: [] }));
    mine = markers.filter((m) => m.file === file);
    if (accept(mine)) return mine;
    await page.waitForTimeout(500);
  }
  throw new Error(`the problems of ${file} never matched; last: ${JSON.stringify(mine.map((m) => [m.line, m.code, m.severity]))}`);
}
