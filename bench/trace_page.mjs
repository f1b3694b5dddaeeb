// A look at the page's main thread (not a test, not a figure for the README): loads the production site
// (dist/) with 4x CPU throttling and a Chromium trace, optionally with a stored draft of N records
// (node bench/trace_page.mjs [N]), and prints every task over 10 ms from navigation to 3 s after the first
// verdict, each with its biggest parts (scripts by URL and function, style, layout, parse). For finding
// the long tasks that Lighthouse's total blocking time counts.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { phonePage } from './drafts.mjs';

const n = Number(process.argv[2] || 0);
const site = fs.existsSync(path.join(root, 'dist', 'index.html')) ? path.join(root, 'dist') : path.join(root, 'web');
const server = await startServer(site);
const browser = await launch();
const draft = n > 0;
try {
  const { page, cdp } = await phonePage(browser, server.origin, n, Number(process.env.THROTTLE || 4));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.invalidationTracking'] });
  await page.goto(server.url);
  await page.locator(draft ? '#banner[data-stage="verdict"]' : '#banner[data-stage]:not([data-stage="loading"])').waitFor({ state: 'attached', timeout: 120_000 });
  const firstMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(3000);
  await page.evaluate(() => performance.mark('jxjy-trace-sync')); // (names the page's own renderer thread)
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const nav = trace.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToLargestContentfulPaint::AllFrames::UMA') || trace[0];
  // the page's main thread: where its mark is (the browser's other renderers, such as its new-tab page,
  // are in the trace too)
  const { pid, tid } = trace.find((e) => e.name === 'jxjy-trace-sync');
  const onMain = trace.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts || 0;
  let total = 0;
  console.log(`first ${draft ? 'verdict' : 'stage'} at ${Math.round(firstMs)} ms (performance.now); tasks over 10 ms:`);
  for (const t of tasks) {
    if (t.dur < 10_000) continue;
    total += Math.max(0, t.dur / 1000 - 50);
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const parts = new Map();
    for (const e of inside) {
      let key = null;
      if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') {
        const d = e.args?.data || {};
        key = `${e.name} ${(d.url || '').split('/').pop()}:${d.functionName || ''}:${d.lineNumber ?? ''}`;
      } else if (['Layout', 'UpdateLayoutTree', 'ParseHTML', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseAuthorStyleSheet', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'].includes(e.name)) {
        key = e.name;
      }
      if (key) parts.set(key, (parts.get(key) || 0) + e.dur / 1000);
    }
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
    console.log(`  +${((t.ts - t0) / 1000).toFixed(0)} ms  ${(t.dur / 1000).toFixed(0)} ms  ${top}`);
  }
  if (process.env.LAYOUTS) for (const e of onMain) if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.dur > 3000) console.log(`  ${e.name} +${((e.ts - t0) / 1000).toFixed(0)} ${(e.dur / 1000).toFixed(1)} ms`, JSON.stringify(e.args).slice(0, 600));
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
