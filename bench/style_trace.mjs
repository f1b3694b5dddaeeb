// What makes the page's big style recalculations and layouts before the first verdict (not a test, not a
// README figure): loads SITE (default: an unminified build of web/ in a temporary folder) with a stored
// draft of N records (node bench/style_trace.mjs [N], default 6), 4x CPU throttling and a trace with
// Chromium's invalidation tracking, and prints, for each style recalculation or layout of at least 5 ms
// until the first verdict, how many elements it touched and the invalidations (node, reason, the script's
// function and line) that led to it since the one before.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { phonePage } from './drafts.mjs';
import { mainThread, TRACE_CATEGORIES } from './trace_tasks.mjs';

const n = Number(process.argv[2] || 6);
let site = process.env.SITE;
if (!site) {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-style-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs'), '--out', site, '--no-pkg', '--no-minify'], { stdio: 'ignore' });
}
const server = await startServer(site);
const browser = await launch();
try {
  const { page } = await phonePage(browser, server.origin, n, Number(process.env.THROTTLE || 4));
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'disabled-by-default-devtools.timeline.invalidationTracking'] });
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#banner')?.dataset.stage === 'verdict', null, { polling: 200, timeout: 120_000 });
  await page.evaluate(() => performance.mark('jxjy-trace-sync'));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const { onMain, t0 } = mainThread(trace, 'jxjy-trace-sync');
  const kinds = new Set(['UpdateLayoutTree', 'Layout']);
  const work = onMain.filter((e) => kinds.has(e.name)).sort((a, b) => a.ts - b.ts);
  // (the page's renderer only: the browser's own pages, e.g. its new-tab page's omnibox, are in the trace too)
  const { pid } = trace.find((e) => e.name === 'jxjy-trace-sync');
  const invalidations = trace.filter((e) => e.pid === pid && /InvalidationTracking$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  const where = (d) => (d.stackTrace || []).slice(0, 2).map((f) => `${f.functionName || '?'}@${f.url.split('/').pop()}:${f.lineNumber}`).join(' < ');
  let prev = { UpdateLayoutTree: 0, Layout: 0 };
  for (const w of work) {
    const mine = invalidations.filter((e) => e.ts > prev[w.name] && e.ts <= w.ts
      && (w.name === 'Layout') === (e.name === 'LayoutInvalidationTracking'));
    prev[w.name] = w.ts;
    if (w.dur < 5000) continue;
    const d = w.args?.beginData || w.args?.data || {};
    const count = w.args?.elementCount ?? d.dirtyObjects ?? '';
    console.log(`${w.name} +${((w.ts - t0) / 1000).toFixed(0)} ms ${(w.dur / 1000).toFixed(1)} ms ${count ? `(${count})` : ''}`);
    const counts = new Map();
    for (const e of mine) {
      const x = e.args?.data || {};
      const k = `${e.name.replace('InvalidationTracking', '')} ${x.nodeName || ''} ${x.reason || x.invalidationList?.map((i) => i.classes || i.id || i.attribute || i.tagName).join(',') || ''} ${where(x)}`;
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    for (const [k, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 8))) console.log(`    ${c}x ${k}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
