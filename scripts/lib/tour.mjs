// Takes the picture a new user sees after `npm start`: elasticsearch.yml open with its findings
// underlined, the Problems panel below, and a hover on a flagged setting.
import { launchChromium } from './browser.mjs';
import { readProblemsPanel, waitForProblems } from './problems.mjs';
import { hoverText, openFile, waitForEditor, waitForWorkbench } from './workbench.mjs';

/** Opens `url` in a headless chromium, shows the findings of elasticsearch.yml and saves a screenshot to `file`. */
export async function screenshotTour(url, file) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await waitForWorkbench(page);
    await openFile(page, 'elasticsearch.yml');
    await waitForEditor(page);
    await waitForProblems(page, (label) => /Errors|Warnings/.test(label));
    await readProblemsPanel(page);
    await openFile(page, 'elasticsearch.yml');
    // the expired HTTP certificate: its hover shows names, expiry and issuer
    await hoverText(page, 'certs/http.crt', { expect: 'http' }).catch(() => undefined);
    await page.screenshot({ path: file, animations: 'disabled' });
  } finally {
    await browser.close();
  }
}
