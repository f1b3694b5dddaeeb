// Times the calculator page in headless Debian Chromium (not a test) on the production site (dist/, as
// scripts/serve.sh serves it; web/ when dist/ is not built; SITE=DIR: another build). Prints one JSON object:
// - firstStageMs: navigation to the first verdict (or, on an empty start, the first guided stage: it
//   needs no checker) with 4x CPU throttling (THROTTLE=N: N×); median of 3 visits, for an empty start, a typical 6-record
//   draft and a 1,000-record draft (the import maximum); checkerReadyMs: until the page has its checker
//   (.jxjy[data-checker="ready"]). offlineRepeatMs: a repeat visit offline from the service worker (unthrottled),
//   until its first stage, in the page's clock.
// - keystrokeMs: one keystroke in a record's amount, unthrottled: `mainThread` is the main thread's work
//   (every task from the input event until the new verdict is on screen, from a Chromium trace:
//   handler, profile, message to the checker's worker, the answer, rendering, style, layout, paint);
//   `toVerdict` the wall time until the new verdict is shown (the worker's evaluation included).
// - import1000Ms: choosing a 1,000-record CSV file (on the 6-record draft) until its verdict is shown,
//   4x CPU throttling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, newContext, root, skip, startServer } from '../tests/browser/harness.mjs';
import { DRAFT_KEY as KEY, draftOf, rowOf, typeAmounts, untilVisitCached, watchFirstStage } from './drafts.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const dist = path.join(root, 'dist');
const site = process.env.SITE || (fs.existsSync(path.join(dist, 'index.html')) ? dist : path.join(root, 'web'));
const server = await startServer(site);
const browser = await launch();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => +x.toFixed(2);
// THROTTLE=N: the first visits at N× CPU throttling (default 4, the budget's; 1: this machine as it is)
const throttle = Number(process.env.THROTTLE || 4);

async function visit(context, draft, throttle) {
  const page = await context.newPage();
  if (draft) await page.addInitScript(([k, d]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, d); }, [KEY, JSON.stringify(draft)]);
  const { shown } = await watchFirstStage(page, !!draft);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(server.url);
  const { ms, checkerMs } = await shown;
  return { page, cdp, ms, checkerMs };
}

// N keystrokes, one at a time: each is marked in the trace (performance.mark) from the input event to
// the moment the calculator is no longer aria-busy (its answer for the new amount is on screen).
async function keystrokes(page, n = 15) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  const walls = await typeAmounts(page, n);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const events = trace.traceEvents;
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const first = mark('jxjy-key-0-start');
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === first.pid && e.tid === first.tid)
    || { pid: first.pid, tid: first.tid };
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask');
  const work = [];
  for (let i = 0; i < n; i++) {
    const a = mark(`jxjy-key-${i}-start`).ts;
    const b = mark(`jxjy-key-${i}-end`).ts;
    let us = 0;
    for (const t of tasks) us += Math.max(0, Math.min(b, t.ts + t.dur) - Math.max(a, t.ts));
    work.push(us / 1000);
  }
  return { mainThread: { median: round(median(work)), max: round(Math.max(...work)) }, toVerdict: { median: round(median(walls)), max: round(Math.max(...walls)) }, keystrokes: n };
}

async function importRows(page, cdp, n) {
  const csv = ['year,subject,activity,amount,unit,level,filed,note',
    ...Array.from({ length: n }, (_, i) => { const r = rowOf(i + 7); return `${r.year},${r.subject},${r.activity},${r.amount},${r.unit},,,`; })].join('\r\n');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-bench-')), 'records.csv');
  fs.writeFileSync(file, csv);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => { window.__jxjyImportStart = performance.now(); });
  await page.locator('#import-file').setInputFiles(file);
  // all n rows in the draft ("显示其余 n-50 条") and their verdict on screen
  await page.waitForFunction((rest) => document.querySelector('#show-more').textContent.includes(` ${rest} `)
    && document.querySelector('#banner').dataset.stage === 'verdict' && !document.querySelector('.jxjy[aria-busy]'), n - 50, { polling: 10, timeout: 120_000 });
  const ms = await page.evaluate(() => performance.now() - window.__jxjyImportStart);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return Math.round(ms);
}

try {
  const out = { site: path.relative(root, site) + '/', cpuThrottling: throttle, loadAverage: os.loadavg().map((x) => +x.toFixed(2)) };
  for (const [name, draft] of [['emptyStart', null], ['typicalDraft', draftOf(6)], ['draft1000', draftOf(1000)]]) {
    const runs = [];
    const checkerRuns = [];
    const offline = [];
    for (let run = 0; run < 3; run++) {
      const { context } = await newContext(browser, server.origin);
      const { page, cdp, ms, checkerMs } = await visit(context, draft, throttle);
      runs.push(ms);
      checkerRuns.push(checkerMs);
      if (draft && run === 0) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        out[name] = { keystrokeMs: await keystrokes(page) };
        if (name === 'typicalDraft') out.import1000Ms = await importRows(page, cdp, 1000);
      }
      if (!draft) {
        try {
          await untilVisitCached(page);
          await context.setOffline(true);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
          // timed in the page (as the first visits are: watchFirstStage), not by a Playwright wait and a
          // round trip after it (that added the wait's polling, its script in the page and the load event to the figure)
          const { shown } = await watchFirstStage(page, false);
          await page.reload();
          offline.push((await shown).ms);
        } catch (e) {
          out.offlineError = String(e.message || e).split('\n')[0];
        }
      }
      await context.close();
    }
    out[name] = { firstStageMs: Math.round(median(runs)), checkerReadyMs: Math.round(median(checkerRuns)), ...out[name] };
    if (offline.length) out[name].offlineRepeatMs = Math.round(median(offline));
  }
  out.loadAverageAfter = os.loadavg().map((x) => +x.toFixed(2));
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.stop();
}
