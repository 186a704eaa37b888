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

/**
 * Opens the quick input with `key` (Control+P, F1) and fills it with `text`; when the keyboard focus
 * is nowhere yet (a fresh window), clicks the workbench first and tries again.
 */
async function quickInputWith(page, key, text) {
  const input = quickInput(page).locator('input').first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
      await page.locator('.part.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
      await page.locator('.part.editor').click({ position: { x: 20, y: 200 } }).catch(() => undefined);
    }
  }
  await input.fill(text);
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function openFile(page, relativePath) {
  await setPanelMaximized(page, false);
  await quickInputWith(page, 'Control+P', relativePath);
  const base = path.basename(relativePath);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: base }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
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

/**
 * Runs a command palette entry (F1): types `title`, waits for a matching row, and runs the first
 * match. The palette lists an extension's commands only once the extension host has read them, so
 * a fresh window gets the palette reopened until the row shows up (bounded).
 */
export async function runCommand(page, title, timeout = 60_000) {
  const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await quickInputWith(page, 'F1', `>${title}`);
    try {
      await row.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`the palette never listed ${title}: ${await describeQuickInput(page)}`);
    }
  }
  await page.keyboard.press('Enter');
}

/**
 * Answers the next quick input prompt: waits until its title, placeholder, prompt or message
 * matches `prompt`, then types `answer` (or, with `pick`, waits for the row labelled `answer`) and
 * presses Enter. `fileDialog` answers VS Code's simple file dialog by typing a full path.
 */
export async function answerPrompt(page, prompt, answer, { pick = false, fileDialog = false } = {}) {
  const widget = quickInput(page);
  await page.waitForFunction((source) => {
    const w = document.querySelector('.quick-input-widget');
    if (!w || w.style.display === 'none' || w.getBoundingClientRect().height === 0) return false;
    const input = w.querySelector('input');
    const text = [w.querySelector('.quick-input-title')?.textContent, input?.getAttribute('placeholder'),
      w.querySelector('.quick-input-message')?.textContent, input?.getAttribute('aria-label')].join(' ');
    return new RegExp(source, 'i').test(text);
  }, prompt.source, { timeout: 30_000 }).catch(async (error) => {
    throw new Error(`no prompt matched ${prompt}; on screen: ${await describeQuickInput(page)} (${error.message.split('\n')[0]})`);
  });
  const input = widget.locator('input').first();
  await input.fill(answer);
  if (pick) {
    const row = widget.locator('.monaco-list-row', { hasText: answer }).first();
    await row.waitFor({ state: 'visible' });
    await row.click();
    return;
  }
  if (fileDialog) await settleFileDialog(page, answer);
  await page.keyboard.press('Enter');
}

/**
 * The simple file dialog fills its own path in while it lists the starting folder, which can
 * overwrite what was typed: type again until the path stays and its file is listed.
 */
async function settleFileDialog(page, file) {
  const widget = quickInput(page);
  const input = widget.locator('input').first();
  const row = widget.locator(`.monaco-list-row[aria-label="${path.basename(file)}"]`).first();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await input.inputValue()) !== file) await input.fill(file);
    if (await row.isVisible() && (await input.inputValue()) === file) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the file dialog did not settle on ${file}: ${await describeQuickInput(page)}`);
}

/** What the quick input shows now (title, placeholder, message, value, rows, notifications), for error messages. */
export async function describeQuickInput(page) {
  return JSON.stringify(await page.evaluate(() => {
    const w = document.querySelector('.quick-input-widget');
    const toasts = [...document.querySelectorAll('.notifications-toasts .notification-toast')].map((t) => t.innerText);
    if (!w || w.style.display === 'none') return { quickInput: 'hidden', toasts };
    const input = w.querySelector('input');
    return {
      title: w.querySelector('.quick-input-title')?.textContent, placeholder: input?.getAttribute('placeholder'),
      message: w.querySelector('.quick-input-message')?.textContent, value: input?.type === 'password' ? '(masked)' : input?.value,
      rows: [...w.querySelectorAll('.monaco-list-row')].slice(0, 8).map((r) => r.getAttribute('aria-label')), toasts,
    };
  }));
}

/** Picks the entry of an open action menu (light bulb, Ctrl+.) whose label contains `text`, with the keyboard. */
export async function chooseAction(page, text) {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ state: 'visible', timeout: 20_000 });
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null);
    if (focused?.includes(text)) {
      await page.keyboard.press('Enter');
      return focused;
    }
    await page.keyboard.press('ArrowDown');
  }
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  throw new Error(`no action contains ${JSON.stringify(text)}; the menu offers ${JSON.stringify(labels)}`);
}

/** Maximises or restores the panel with the workbench's own toggle (a no-op when already so). */
export async function setPanelMaximized(page, maximized) {
  const isMaximized = () => page.evaluate(() => {
    const panel = document.querySelector('.part.panel');
    const editor = document.querySelector('.part.editor');
    return Boolean(panel && editor && editor.getBoundingClientRect().height < 5);
  });
  if ((await isMaximized()) === maximized) return;
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.waitForFunction((want) => {
    const editor = document.querySelector('.part.editor');
    return Boolean(editor) && (editor.getBoundingClientRect().height < 5) === want;
  }, maximized, { timeout: 10_000 });
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
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  // CodeLenses arrive after the text and push the lines below them down: when no hover shows, the text has
  // probably moved from under the mouse, so look for it again and move there anew.
  for (let attempt = 1; ; attempt++) {
    const box = await textBox(page, text, nth);
    if (!box) throw new Error(`${JSON.stringify(text)} is not visible in the editor`);
    await page.mouse.move(box.x, box.y - 60);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    const shown = await hover.waitFor({ state: 'visible', timeout: attempt < 3 ? 7_000 : 20_000 }).then(() => true, (error) => {
      if (attempt >= 3) throw error;
      return false;
    });
    if (shown) break;
  }
  if (expect) await hover.filter({ hasText: expect }).waitFor({ state: 'visible', timeout: 20_000 });
  return (await hover.innerText()).replace(/\u00a0/g, ' ');
}

/** Places the cursor on `text` in the editor by clicking it. */
export async function clickText(page, text, nth = 0) {
  const box = await textBox(page, text, nth);
  if (!box) throw new Error(`${JSON.stringify(text)} is not visible in the editor`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Polls the webview frames (VS Code nests the extension's page two iframes deep) until one's text
 * matches `expect`; returns that text.
 */
export async function webviewText(page, expect, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let seen = [];
  while (Date.now() < deadline) {
    seen = [];
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/')) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.trim() && !text.includes('vscodeWebWorkerExtHostId')) seen.push(text);
      if (expect.test(text)) return text;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview showed ${expect}; webviews showed: ${JSON.stringify(seen)}`);
}

/** Polls the webview frames until one's text includes `needle`; returns that frame (to click in it). */
export async function webviewFrameWith(page, needle, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/')) continue;
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(needle)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview shows ${needle}`);
}
