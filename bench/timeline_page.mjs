// The first visit as a timeline across threads (not a test, not a figure for the README): loads the
// production site (dist/) with 4x CPU throttling (THROTTLE=) and a Chromium trace, optionally with a stored
// draft of N records (node bench/timeline_page.mjs [N]), and prints, in order from navigation, each
// request (start, end), the paints (OFFLINE=1: the offline repeat visit, see below), and every piece of work over 8 ms on the page's main thread and on the
// checker's worker (script by URL, compile, layout), so that the path to the first verdict can be read.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { phonePage, watchFirstStage } from './drafts.mjs';

const n = Number(process.argv[2] || 0);
const site = process.env.SITE || (fs.existsSync(path.join(root, 'dist', 'index.html')) ? path.join(root, 'dist') : path.join(root, 'web'));
const server = await startServer(site);
const browser = await launch();
try {
  const { context, page, cdp } = await phonePage(browser, server.origin, n, Number(process.env.THROTTLE || 4));
  const categories = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'v8.wasm', 'v8', 'loading', 'disabled-by-default-devtools.timeline'];
  let shown;
  if (process.env.OFFLINE) {
    // OFFLINE=1: page_bench's offline repeat visit instead (once the service worker holds this visit's
    // files, a reload offline, unthrottled), traced
    ({ shown } = await watchFirstStage(page, n > 0));
    await page.goto(server.url);
    await shown;
    for (let i = 0; i < 150; i++) {
      const cached = await page.evaluate(async () => {
        for (const e of performance.getEntriesByType('resource')) if (e.name.startsWith(location.origin) && !(await caches.match(e.name))) return false;
        return !!navigator.serviceWorker.controller;
      });
      if (cached) break;
      await page.waitForTimeout(200);
    }
    await context.setOffline(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await browser.startTracing(page, { categories });
    ({ shown } = await watchFirstStage(page, n > 0));
    await page.reload();
  } else {
    await browser.startTracing(page, { categories });
    ({ shown } = await watchFirstStage(page, n > 0));
    await page.goto(server.url);
  }
  const first = (await shown).ms;
  // (a mark whose time is known both in the page and in the trace: the trace's clock lined up with the page's)
  const sync = await page.evaluate(() => performance.mark('jxjy-timeline-sync').startTime);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.startTime, e.responseEnd]));
  const paints = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const names = new Map(trace.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const mark = trace.find((e) => e.name === 'jxjy-timeline-sync');
  const t0 = mark.ts - sync * 1000;
  const pid = mark.pid; // the page's renderer (its worker runs in the same process)
  const lines = [];
  for (const [name, s, e] of resources) lines.push([s, `net   ${name} ${Math.round(s)}–${Math.round(e)}`]);
  for (const [name, s] of paints) lines.push([s, `paint ${name}`]);
  lines.push([first, `FIRST ${n ? 'verdict' : 'stage'}`]);
  const interesting = new Set(['FunctionCall', 'EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'Layout', 'UpdateLayoutTree', 'ParseHTML', 'Paint', 'v8.wasm.compileConsume', 'wasm.CompileLazy', 'v8.wasm.streamFromResponseCallback', 'v8.wasm.compiledModule', 'RunTask', 'ThreadControllerImpl::RunTask', 'V8.GC_SCAVENGER', 'MajorGC', 'MinorGC', 'v8.compile', 'CompileScript', 'WebAssembly.Instantiate']);
  for (const e of trace) {
    // the page's own marks (performance.mark)
    if (e.pid === pid && e.cat === 'blink.user_timing' && e.name !== 'jxjy-timeline-sync' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n')) lines.push([(e.ts - t0) / 1000, `mark  ${e.name}`]);
    if (e.ph !== 'X' || e.pid !== pid) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) || '';
    if (!/CrRendererMain|DedicatedWorker|Worker/.test(thread)) continue;
    // WORKER=1: everything over 2 ms on the worker's thread
    const ms0 = (e.ts - t0) / 1000;
    const all = (process.env.WORKER && !thread.startsWith('CrRendererMain'))
      || (process.env.MAIN && thread.startsWith('CrRendererMain') && ms0 >= +process.env.MAIN.split('-')[0] && ms0 <= +process.env.MAIN.split('-')[1]);
    if (!(all ? e.dur >= 2000 : interesting.has(e.name) && e.dur >= 8000)) continue;
    const d = e.args?.data || e.args?.beginData || {};
    // LAYOUTS=1: a forced layout's script frame (the function that read layout after changing the page)
    if (process.env.LAYOUTS && d.stackTrace?.length) d.url = `${d.stackTrace[0].url}:${d.stackTrace[0].lineNumber}:${d.stackTrace[0].columnNumber}`, d.functionName = d.stackTrace[0].functionName;
    const what = d.url ? ` ${d.url.split('/').pop()}${d.functionName ? ':' + d.functionName : ''}` : '';
    const ms = (e.ts - t0) / 1000;
    lines.push([ms, `${thread.startsWith('CrRendererMain') ? 'main ' : 'work '} ${e.name}${what} ${(e.dur / 1000).toFixed(0)} ms (to ${Math.round(ms + e.dur / 1000)})`]);
  }
  for (const [ms, text] of lines.sort((a, b) => a[0] - b[0])) console.log(`${String(Math.round(ms)).padStart(6)}  ${text}`);
} finally {
  await browser.close();
  await server.stop();
}
