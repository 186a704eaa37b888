// What a user does in the VS Code workbench, as Playwright steps: open a file, read the Problems
// panel, hover a word, run a command, answer prompts. Every wait is for a visible effect, bounded.
/* global document, NodeFilter */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

/** Where screenshots go (gitignored). */
export const shotsDir = process.env.ESTLS_SHOTS ?? path.join(repoRoot, 'test-results', 'e2e');

/** Saves a screenshot named `<name>.png`; animations off so hovers are not caught mid fade-in. */
export async function shot(page, name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** Waits until the workbench has rendered its status bar and the explorer shows the folder. */
export async function waitForWorkbench(page, timeout = 60_000) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout });
}

const quickInput = (page) => page.locator('.quick-input-widget');

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page, relativePath) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await quickInput(page).locator('input').waitFor({ state: 'visible' });
  await page.keyboard.type(relativePath);
  const base = path.basename(relativePath);
  await quickInput(page).locator('.monaco-list-row', { hasText: base }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ state: 'visible' });
}

/** Waits for a text editor with rendered lines (the active one). */
export async function waitForEditor(page) {
  const editor = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await editor.waitFor({ state: 'visible' });
  return editor;
}

/** The text of the active editor's visible lines (Monaco renders spaces as U+00A0). */
export async function editorText(page) {
  const editor = await waitForEditor(page);
  const lines = await editor.locator('.view-line').evaluateAll((els) => els
    .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent ?? '' }))
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text));
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Runs a command palette entry (F1) by its full title and waits for the palette to close. */
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await quickInput(page).locator(`.monaco-list-row[aria-label="${title}"]`).first()
    .or(quickInput(page).locator('.monaco-list-row', { hasText: title }).first())
    .first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/**
 * Answers the next quick input prompt: waits until its title or placeholder matches `prompt`, types
 * `answer` (or picks the row whose label matches), and presses Enter.
 */
export async function answerPrompt(page, prompt, answer, { pick = false } = {}) {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible' });
  await page.waitForFunction((source) => {
    const w = document.querySelector('.quick-input-widget');
    if (!w || w.style.display === 'none') return false;
    const text = `${w.querySelector('.quick-input-title')?.textContent ?? ''} ${w.querySelector('input')?.getAttribute('placeholder') ?? ''} ${w.querySelector('.quick-input-message')?.textContent ?? ''} ${w.querySelector('input')?.getAttribute('aria-label') ?? ''}`;
    return new RegExp(source, 'i').test(text);
  }, prompt.source, { timeout: 30_000 });
  const input = widget.locator('input').first();
  await input.fill('');
  if (pick) {
    await input.fill(answer);
    await widget.locator('.monaco-list-row', { hasText: answer }).first().waitFor({ state: 'visible' });
  } else {
    await input.fill(answer);
  }
  await page.keyboard.press('Enter');
}

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
 * Opens the Problems panel maximised and reads its rows: file rows give per-file counts, marker
 * rows give severity, message, line and column (as the screen reader labels carry them).
 */
export async function readProblemsPanel(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
  const labels = await panel.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const files = {};
  const markers = [];
  for (const label of labels) {
    const file = /^(\d+) problems? in file (\S+)/.exec(label);
    if (file) { files[file[2]] = Number(file[1]); continue; }
    const marker = /^(Error|Warning|Info): (.*) at line (\d+) and character (\d+)\./s.exec(label);
    if (marker) markers.push({ severity: marker[1], message: marker[2], line: Number(marker[3]), column: Number(marker[4]), label });
  }
  return { files, markers };
}

/** Centre of the nth occurrence of `text` in the active editor's rendered lines, or null. */
export function textBox(page, text, nth = 0) {
  return page.evaluate(([needle, wanted]) => {
    let seen = 0;
    const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const flat = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      for (let at = flat.indexOf(needle); at >= 0; at = flat.indexOf(needle, at + 1)) {
        if (seen++ !== wanted) continue;
        return rangeCentre(line, at + Math.floor(needle.length / 2));
      }
    }
    return null;
    function rangeCentre(root, offset) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(), start = 0; node; start += node.textContent.length, node = walker.nextNode()) {
        if (offset >= start + node.textContent.length) continue;
        const range = document.createRange();
        range.setStart(node, offset - start);
        range.setEnd(node, offset - start + 1);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    }
  }, [text, nth]);
}

/** Moves the mouse onto `text` in the editor and returns the hover's text once it shows. */
export async function hoverText(page, text, { nth = 0, expect } = {}) {
  const box = await textBox(page, text, nth);
  if (!box) throw new Error(`${JSON.stringify(text)} is not visible in the editor`);
  await page.mouse.move(box.x, box.y - 60);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  if (expect) await hover.filter({ hasText: expect }).waitFor({ state: 'visible', timeout: 20_000 });
  return (await hover.innerText()).replace(/\u00a0/g, ' ');
}

/** Places the cursor on `text` in the editor by clicking it. */
export async function clickText(page, text, nth = 0) {
  const box = await textBox(page, text, nth);
  if (!box) throw new Error(`${JSON.stringify(text)} is not visible in the editor`);
  await page.mouse.click(box.x, box.y);
}
