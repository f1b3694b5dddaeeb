// The roll page as the roll benches open it: a new context on the served site, the banner past loading,
// the roll's section open, and its worker warmed up (the reader and checker compiled). The warm-up is
// waited for at most warmMs: under a heavy load it has been seen not to finish in minutes, and an import
// waits for the worker anyway; `warm` says which happened ('done' or 'not waited for').
import { newContext } from '../tests/browser/harness.mjs';

export async function openRollBench(browser, server, { warmMs = 60_000 } = {}) {
  const rec = await newContext(browser, server.origin);
  const page = await rec.context.newPage();
  await page.goto(server.url);
  await page.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor({ timeout: 120_000 });
  await page.locator('#roll-toggle').click();
  const warm = await page.locator('#roll[data-warm="done"]').waitFor({ timeout: warmMs })
    .then(() => 'done', () => 'not waited for');
  return { rec, page, warm };
}
