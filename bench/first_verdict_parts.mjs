// Where a returning visitor's first verdict goes (not a test, not a figure for the README): the production
// site (dist/; SITE=DIR another build) with page_bench's 6-record draft (N=records), 4x CPU throttling
// (THROTTLE=), a fresh context per visit, RUNS visits (default 5), no trace (a trace slows the page).
// Seen from the page without changing it: an init script wraps the Worker constructor, so each moment is
// read in the page's own clock (ms from navigation):
//   htmlParsed     DOMContentLoaded (app.js, a module script, runs just before it)
//   workerCreated  the checker's worker created (app.js startCheckerWorker)
//   startPosted / askPosted  the worker told to start / asked the first verdict (evaluation.js askEarly)
//   readyHeard / answerHeard the worker's ready message / its answer, as the page's thread hears them
//   bootGone       the boot line removed (page.js startPage: the page's modules are evaluated)
//   checkerShown   .jxjy[data-checker="ready"]; verdict: #banner[data-stage="verdict"]
//   preloads       the page's modules' fetches: the first start and the last end (preloadsSw: through the
//                  service worker, when it was ready for the first and answered the last)
//   workerRuns, wasmStart/End, workerReady  with WORKER_TIMES=1 (below): inside the worker, in the page's clock
//   firstPaint     first-contentful-paint; appScript: app.js's fetch (start, end); navigation: the
//   document's responseEnd
// OFFLINE=1: instead, page_bench's offline repeat visit (an empty start, cached by the service worker,
// reloaded offline and unthrottled), until its first stage (stage: #banner[data-stage] not "loading").
// Prints one JSON object: the median of each part, the medians counted from the worker's creation
// (afterCreation: a change made after that moment, seen without the load's effect on what comes before it),
// and every run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, newContext, root, skip, startServer } from '../tests/browser/harness.mjs';
import { DRAFT_KEY, draftOf, untilVisitCached } from './drafts.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
// SITES=DIR,DIR,...: several builds, visited in turn (one visit of each per round: an A/B under the same load)
const sites = (process.env.SITES || process.env.SITE || path.join(root, 'dist')).split(',');
const runs = Number(process.argv[2] || 5);
const offline = !!process.env.OFFLINE;
const n = offline ? 0 : Number(process.env.N || 6);
const rate = offline ? 1 : Number(process.env.THROTTLE || 4);
// WORKER_TIMES=1: each site served from a copy whose checker worker says, in its ready message, when it ran
// its first line, fetched the wasm and was ready (workerRuns, wasmStart, wasmEnd, workerReady)
const copies = [];
function withWorkerTimes(site) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-parts-'));
  fs.cpSync(site, dir, { recursive: true });
  copies.push(dir);
  const name = fs.readdirSync(dir).find((f) => /^checker-worker(-[A-Z0-9]+)?\.js$/.test(f));
  let text = fs.readFileSync(path.join(dir, name), 'utf8');
  const ready = /ready:\s*(!0|true),/;
  if (!ready.test(text)) throw new Error(`${name}: no ready message found to add the worker's times to`);
  const now = 'performance.timeOrigin + performance.now()';
  text = `const __jxjyRuns = ${now};\n` + text.replace(ready, (m) => `${m} __t: { workerRuns: __jxjyRuns, workerReady: ${now}, ...Object.fromEntries(performance.getEntriesByType('resource').filter((e) => /wasm/.test(e.name)).flatMap((e) => [['wasmStart', performance.timeOrigin + e.startTime], ['wasmEnd', performance.timeOrigin + e.responseEnd]])) },`);
  fs.writeFileSync(path.join(dir, name), text);
  for (const ext of ['.br', '.gz']) fs.rmSync(path.join(dir, name + ext), { force: true });
  return dir;
}
const servers = [];
for (const site of sites) servers.push(await startServer(process.env.WORKER_TIMES ? withWorkerTimes(site) : site));
const browser = await launch();

function probe() {
  const at = (window.__parts = {});
  const now = (k) => { if (at[k] === undefined) at[k] = performance.now(); };
  const Real = window.Worker;
  window.Worker = function Worker(url, options) {
    const w = new Real(url, options);
    if (options && options.name === 'jxjy-checker') {
      now('workerCreated');
      const post = w.postMessage.bind(w);
      w.postMessage = (m, ...rest) => {
        if (m && m.op === 'start') now('startPosted');
        else if (m && typeof m.id === 'number') now('askPosted');
        return post(m, ...rest);
      };
      w.addEventListener('message', (e) => {
        if (e.data && e.data.ready) {
          now('readyHeard');
          // (a build whose worker says when it ran, fetched the wasm and was ready: an instrumented copy)
          for (const [k, t] of Object.entries(e.data.__t || {})) at[k] = t - performance.timeOrigin;
        }
        else if (e.data && typeof e.data.id === 'number') now('answerHeard');
      });
    }
    return w;
  };
  window.Worker.prototype = Real.prototype;
  document.addEventListener('DOMContentLoaded', () => now('htmlParsed'));
  new MutationObserver(() => {
    if (at.htmlParsed !== undefined && !document.querySelector('#jxjy-app > .boot')) now('bootGone');
    if (document.querySelector('.jxjy[data-checker="ready"]')) now('checkerShown');
    const stage = document.querySelector('#banner')?.dataset.stage;
    if (stage && stage !== 'loading' && at.stage === undefined) { now('stage'); console.debug('jxjy-parts:stage'); }
    if (stage === 'verdict' && at.verdict === undefined) { now('verdict'); console.debug('jxjy-parts:verdict'); }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage', 'data-checker'] });
}

async function visit(server) {
  const { context } = await newContext(browser, server.origin);
  const page = await context.newPage();
  if (n) await page.addInitScript(([k, d]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, d); }, [DRAFT_KEY, JSON.stringify(draftOf(n))]);
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const signal = offline ? 'jxjy-parts:stage' : 'jxjy-parts:verdict';
  let told = page.waitForEvent('console', { predicate: (m) => m.text() === signal, timeout: 120_000 });
  await page.goto(server.url);
  await told;
  if (offline) {
    // as page_bench: once the service worker has every file of this visit, a reload offline
    await untilVisitCached(page);
    await context.setOffline(true);
    told = page.waitForEvent('console', { predicate: (m) => m.text() === signal, timeout: 120_000 });
    await page.reload();
    await told;
  }
  const parts = await page.evaluate(() => {
    const out = { ...window.__parts };
    const res = performance.getEntriesByType('resource');
    const pre = res.filter((e) => /chunk-/.test(e.name) && e.startTime < (out.bootGone ?? Infinity));
    if (pre.length) {
      out.preloadsStart = Math.min(...pre.map((e) => e.startTime));
      out.preloadsEnd = Math.max(...pre.map((e) => e.responseEnd));
      // through a service worker: when it was ready for the first of them and answered the last
      const sw = pre.filter((e) => e.workerStart > 0);
      if (sw.length) { out.preloadsSwReady = Math.min(...sw.map((e) => e.workerStart)); out.preloadsSwAnswered = Math.max(...sw.map((e) => e.responseStart)); }
    }
    out.firstPaint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime;
    const app = res.find((e) => /\/app[-.]/.test(e.name));
    if (app) { out.appScriptStart = app.startTime; out.appScriptEnd = app.responseEnd; }
    out.navigation = performance.getEntriesByType('navigation')[0]?.responseEnd;
    return out;
  });
  await context.close();
  return parts;
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = os.loadavg().map((x) => +x.toFixed(2));
const seen = sites.map(() => []);
try {
  for (let i = 0; i < runs; i++) for (let k = 0; k < sites.length; k++) seen[k].push(await visit(servers[k]));
  const all = sites.map((site, k) => {
    const out = { site: path.relative(root, site) + '/', offline, records: n, throttle: rate, load };
    const keys = [...new Set(seen[k].flatMap((s) => Object.keys(s)))];
    const order = keys.sort((a, b) => median(seen[k].map((s) => s[a] ?? Infinity)) - median(seen[k].map((s) => s[b] ?? Infinity)));
    out.median = Object.fromEntries(order.map((key) => [key, Math.round(median(seen[k].map((s) => s[key] ?? NaN)))]));
    // each visit's moments counted from its worker's creation (medians): what a change made after that moment
    // does, without what the load did to the navigation, the parse and the first frame before it
    out.afterCreation = Object.fromEntries(order.filter((key) => key !== 'workerCreated' && seen[k].every((s) => s.workerCreated !== undefined))
      .map((key) => [key, Math.round(median(seen[k].map((s) => (s[key] ?? NaN) - s.workerCreated)))]));
    out.runs = Object.fromEntries(order.map((key) => [key, seen[k].map((s) => (s[key] === undefined ? null : Math.round(s[key])))]));
    out.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
    return out;
  });
  console.log(JSON.stringify(all.length === 1 ? all[0] : all, null, 1));
} finally {
  await browser.close();
  for (const server of servers) await server.stop();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
}
