// Times the calculator page in headless Debian Chromium (not a test): first verdict after navigation
// with 4× CPU throttling, a repeat visit offline (from the service worker, unthrottled), and the recompute on one
// keystroke in the training table. Prints one JSON object.
import { launch, newContext, skip, startServer } from '../tests/browser/harness.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const server = await startServer();
const browser = await launch();
const ready = (page) => page.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor({ timeout: 60_000 });
const verdict = (page) => page.locator('#banner[data-stage="verdict"]').waitFor({ timeout: 60_000 });
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// a returning visitor's draft: typical (6 records) and the import maximum (1,000 records)
const draftOf = (n) => ({ region: '410100', year: '2023', route: 'review', level: 'intermediate', currentTitleSince: '2020',
  training: Array.from({ length: n }, (_, i) => ({ year: String(2021 + (i % 3)), subject: i % 2 ? 'public' : 'professional',
    activity: 'course', amount: String(10 + (i % 20)), unit: 'hours' })) });
const KEY = 'jxjy.calculator.draft.v2';

async function visit(context, draft, throttle) {
  const page = await context.newPage();
  if (draft) await page.addInitScript(([k, d]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, d); }, [KEY, JSON.stringify(draft)]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(server.url);
  await (draft ? verdict(page) : ready(page));
  return { page, cdp, ms: await page.evaluate(() => performance.now()) };
}
async function keystrokes(page) {
  return page.evaluate(() => {
    const input = document.querySelector('#records-list [data-col="amount"] input');
    const times = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      input.value = String(60 + (i % 7));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push(performance.now() - t0);
    }
    return times;
  });
}
try {
  const out = { cpuThrottling: 4 };
  for (const [name, draft] of [['emptyStart', null], ['typicalDraft', draftOf(6)], ['draft1000', draftOf(1000)]]) {
    const runs = [];
    const offline = [];
    let keys = [];
    for (let run = 0; run < 3; run++) {
      const { context } = await newContext(browser, server.origin);
      const { page, cdp, ms } = await visit(context, draft, 4);
      runs.push(ms);
      if (draft && run === 0) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        keys = await keystrokes(page);
      }
      if (!draft) {
        try {
          // the worker is active and every file this visit loaded is in its cache (app.js warms it)
          await page.waitForFunction(async () => {
            const files = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
            for (const u of files) if (!(await caches.match(u))) return false;
            return !!navigator.serviceWorker.controller;
          }, null, { polling: 200, timeout: 30_000 });
          await context.setOffline(true);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          await page.reload();
          await ready(page);
          offline.push(await page.evaluate(() => performance.now()));
        } catch (e) {
          out.offlineError = String(e.message || e).split('\n')[0];
        }
      }
      await context.close();
    }
    out[name] = { firstStageMs: Math.round(median(runs)) };
    if (offline.length) out[name].offlineRepeatMs = Math.round(median(offline));
    if (keys.length) out[name].keystrokeMs = { median: +median(keys).toFixed(2), max: +Math.max(...keys).toFixed(2) };
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.stop();
}
