// One e2e test that saves a screenshot of the workbench when it fails (test-results/e2e/failed-<prefix><name>.png).
import { test } from 'node:test';
import { shot } from '../../../scripts/lib/workbench.mjs';

/** A `uiTest(name, fn)` for one suite; `pageOf` returns the suite's page once its session is open. */
export function uiTestFor(pageOf, prefix = '') {
  return (name, fn) => test(name, async (t) => {
    try {
      await fn(t);
    } catch (error) {
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      await shot(pageOf(), `failed-${prefix}${slug}`).catch(() => undefined);
      throw error;
    }
  });
}
