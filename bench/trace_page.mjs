// A look at the page's main thread (not a test, not a figure for the README): loads the production site
// (dist/) with 4x CPU throttling and a Chromium trace, optionally with a stored draft of N records
// (node bench/trace_page.mjs [N]), and prints every task over 10 ms from navigation to 3 s after the first
// verdict, each with its biggest parts (scripts by URL and function, style, layout, parse). For finding
// the long tasks that Lighthouse's total blocking time counts.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { phonePage } from './drafts.mjs';
import { mainThread, printLayouts, printTasks, TRACE_CATEGORIES } from './trace_tasks.mjs';

const n = Number(process.argv[2] || 0);
// SITE=DIR: another build (an unminified one names the page's functions: scripts/build-dist.mjs --no-minify)
const site = process.env.SITE || (fs.existsSync(path.join(root, 'dist', 'index.html')) ? path.join(root, 'dist') : path.join(root, 'web'));
const server = await startServer(site);
const browser = await launch();
const draft = n > 0;
try {
  const { page, cdp } = await phonePage(browser, server.origin, n, Number(process.env.THROTTLE || 4));
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(server.url);
  await page.locator(draft ? '#banner[data-stage="verdict"]' : '#banner[data-stage]:not([data-stage="loading"])').waitFor({ state: 'attached', timeout: 120_000 });
  const firstMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(3000);
  await page.evaluate(() => performance.mark('jxjy-trace-sync')); // (names the page's own renderer thread)
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const main = mainThread(trace, 'jxjy-trace-sync');
  const { onMain, t0 } = main;
  console.log(`first ${draft ? 'verdict' : 'stage'} at ${Math.round(firstMs)} ms (performance.now); tasks over 10 ms:`);
  const total = printTasks(main, 10);
  if (process.env.LAYOUTS) printLayouts(main, 3);
  if (process.env.INVALIDATIONS) {
    // layout invalidations, counted by node and reason, between one big layout and the one before
    const inv = trace.filter((e) => e.name === 'LayoutInvalidationTracking').sort((a, b) => a.ts - b.ts);
    const layouts = onMain.filter((e) => e.name === 'Layout').sort((a, b) => a.ts - b.ts);
    let prev = 0;
    for (const l of layouts) {
      const mine = inv.filter((e) => e.ts > prev && e.ts <= l.ts);
      prev = l.ts;
      if (l.dur < 5000) continue;
      const counts = new Map();
      for (const e of mine) {
        const d = e.args?.data || {};
        const k = `${d.nodeName || ''} ${d.reason || ''} ${(d.stackTrace || []).slice(0, 1).map((f) => `${f.functionName}@${f.url.split('/').pop()}:${f.lineNumber}`).join('')}`;
        counts.set(k, (counts.get(k) || 0) + 1);
      }
      console.log(`  Layout +${((l.ts - t0) / 1000).toFixed(0)} ${(l.dur / 1000).toFixed(1)} ms after:`);
      for (const [k, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`      ${c}x ${k}`);
    }
  }
  console.log(`sum of (task - 50 ms) over tasks: ${total.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
