// The floor under the page's first-verdict budget (not a test): how soon any page at all can show a
// verdict with this checker, in headless Debian Chromium at 4x CPU throttling (THROTTLE=) on a 412 px
// phone. It serves the built package (pkg/: the shipped jxjy.js, checker-worker.js and wasm) beside a
// page of one heading and a module that asks for one verdict and writes it into the page, and times
// navigation to that verdict, RUNS visits each (default 5):
// - worker: the shipped checker-worker.js, as the calculator uses it;
// - main: createChecker() on the page's own thread;
// - probe: a worker that reports when it ran, imported jxjy.js, had its checker and evaluated, so the
//   floor's parts can be read (each in ms from navigation).
// The calculator does everything this page does and draws its form as well: its first verdict cannot be
// sooner than this floor. With CALCULATOR=DIR (a built site, e.g. dist/) each round also visits the
// calculator there as a returning visitor (page_bench's 6-record draft; RECORDS=N another size) on the same phone, in turn with the
// floor's pages, so both see the same load: `calculator` and `vsFloor` (its verdict against the worker
// floor + 600 ms, the README's budget). CALCULATOR=DIR,DIR,...: several builds, each visited in every round
// (an A/B under the same load: `calculators`, each against the same floor; `calculator` is the first).
// The floor's page and the calculator are each visited three times a round by one visitor with a browser
// profile of their own: cold (a new browser: nothing stored but the draft, no service worker, HTTP or code
// cache), session (a second visit while that browser still runs, once the first visit is stored: the
// calculator's service worker has cached it, the floor's HTTP cache holds its files; the renderer's
// in-memory caches, fonts and compiled code, are warm too) and relaunched (the browser closed and started
// again with that profile, as a visitor comes back another day): `session` and `relaunched` beside each
// figure, `vsFloorSession` and `vsFloorRelaunched` beside `vsFloor`.
// Prints one JSON object (medians and every run).
//   [PKG=DIR] [CALCULATOR=DIR[,DIR...]] [RECORDS=N] node bench/floor_page.mjs [RUNS]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, launchPersistent, root, skip, startServer } from '../tests/browser/harness.mjs';
import { PHONE, phonePage, phoneTab, untilVisitCached, watchFirstStage } from './drafts.mjs';

const pkg = process.env.PKG || path.join(root, 'pkg'); // PKG=DIR: another build's package (an A/B)
if (skip || !fs.existsSync(path.join(pkg, 'checker-worker.js'))) {
  console.log(JSON.stringify({ skipped: skip || 'needs pkg/ (scripts/build.sh)' }));
  process.exit(0);
}
const runs = Number(process.argv[2] || 5);
const rate = Number(process.env.THROTTLE || 4);
const records = Number(process.env.RECORDS || 6);

// a profile the calculator would send for a typical returning draft: the corpus's first 郑州 case
const [{ profile }] = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'cases', '410100', 'records.json'), 'utf8'));

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-floor-'));
for (const name of fs.readdirSync(pkg)) {
  const bytes = fs.readFileSync(path.join(pkg, name));
  fs.writeFileSync(path.join(site, name), bytes);
  // (served compressed, as dist/ is)
  if (/\.(js|wasm)$/.test(name)) fs.writeFileSync(path.join(site, `${name}.br`), zlib.brotliCompressSync(bytes));
}
const page = (script) => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>floor</title><script type="module" src="${script}"></script><body><h1>继续教育学时核验</h1><p>正在加载……</p></body></html>`;
const files = {
  'shown.js': `export const PROFILE = ${JSON.stringify(JSON.stringify(profile))};
export function show(result, parts) {
  const p = document.createElement('p');
  p.id = 'verdict';
  p.textContent = result.ok ? (result.eligible ? '达标' : '未达标') : '错误';
  document.body.append(p);
  window.__floor = { ms: performance.now(), parts };
  console.debug('jxjy-floor:shown');
}`,
  'worker.js': `import { PROFILE, show } from './shown.js';
const w = new Worker(new URL('./checker-worker.js', import.meta.url), { type: 'module' });
w.postMessage({ op: 'start', options: {} });
w.postMessage({ id: 1, op: 'evaluateJSON', text: PROFILE });
w.onmessage = (e) => { if (e.data.id === 1) show(e.data.result); };`,
  'main.js': `import { PROFILE, show } from './shown.js';
import { createChecker } from './jxjy.js';
createChecker({}).then((c) => show(c.evaluateJSON(PROFILE)));`,
  'probe.js': `import { PROFILE, show } from './shown.js';
const created = performance.now();
const w = new Worker(new URL('./probe-worker.js', import.meta.url), { type: 'module' });
w.postMessage(PROFILE);
w.onmessage = (e) => {
  const parts = { workerCreated: created };
  for (const [k, at] of e.data.at) parts[k] = at - performance.timeOrigin;
  parts.answered = performance.now();
  show(e.data.result, parts);
};`,
  // (times in the page's clock: the worker's own performance.now() counts from the worker's creation)
  'probe-worker.js': `const at = [['workerRuns', performance.timeOrigin + performance.now()]];
const mark = (k) => at.push([k, performance.timeOrigin + performance.now()]);
const text = new Promise((resolve) => { self.onmessage = (e) => resolve(e.data); });
const { createChecker } = await import('./jxjy.js');
mark('imported');
const checker = await createChecker({});
mark('checkerReady');
const result = checker.evaluateJSON(await text);
mark('evaluated');
self.postMessage({ result, at });`,
  'index.html': page('worker.js'),
  'main.html': page('main.js'),
  'probe.html': page('probe.js'),
};
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(site, name), text);

const server = await startServer(site);
const calculatorSites = process.env.CALCULATOR ? process.env.CALCULATOR.split(',') : [];
const calculators = [];
for (const site of calculatorSites) calculators.push(await startServer(site));
const browser = await launch();
// One visit of the floor's page in a fresh browser context (main.html, probe.html).
async function visit(file) {
  const { context, page: tab } = await phonePage(browser, server.origin, 0, rate);
  const seen = await floorShown(tab, file);
  await context.close();
  return seen;
}
// The floor's page visited in `tab`, until its verdict: {ms, parts, verdict, firstPaint}.
async function floorShown(tab, file = 'index.html') {
  // (heard through the console: a Playwright wait would run its own script in the page meanwhile)
  const shown = tab.waitForEvent('console', { predicate: (m) => m.text() === 'jxjy-floor:shown', timeout: 60_000 });
  await tab.goto(server.url + (file === 'index.html' ? '' : file));
  await shown;
  return tab.evaluate(() => ({ ...window.__floor, verdict: document.querySelector('#verdict').textContent,
    firstPaint: performance.getEntriesByType('paint')[0]?.startTime }));
}
// The calculator's first verdict in `tab` for a returning visitor (`records` stored), timed as page_bench times it.
async function calculatorShown(tab, calculator) {
  const { shown } = await watchFirstStage(tab, true);
  await tab.goto(calculator.url);
  return Math.round((await shown).ms);
}
// One visitor's three visits (above), each timed by shownIn(tab); stored(tab): until the first visit is stored.
async function threeVisits(n, shownIn, stored) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-profile-'));
  try {
    let context = await launchPersistent(dir, PHONE);
    let { page: tab } = await phoneTab(context, n, rate);
    const cold = await shownIn(tab);
    await stored(tab);
    await tab.waitForTimeout(1500); // (its files stored and its code cached)
    const session = await shownIn(tab);
    await context.close();
    context = await launchPersistent(dir, PHONE);
    ({ page: tab } = await phoneTab(context, n, rate));
    const relaunched = await shownIn(tab);
    await context.close();
    return { cold, session, relaunched };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = { throttle: rate, load: os.loadavg().map((x) => +x.toFixed(2)) };
try {
  const seen = { worker: [], main: [], probe: [] };
  const floorLater = { session: [], relaunched: [] };
  const calculatorRuns = calculators.map(() => ({ cold: [], session: [], relaunched: [] }));
  for (let i = 0; i < runs; i++) {
    const { cold, session, relaunched } = await threeVisits(0, (tab) => floorShown(tab), async () => {});
    if (session.verdict !== cold.verdict || relaunched.verdict !== cold.verdict) throw new Error('the floor\'s later visits: a verdict differs from the first\'s');
    seen.worker.push(cold);
    floorLater.session.push(Math.round(session.ms));
    floorLater.relaunched.push(Math.round(relaunched.ms));
    for (const [k, calculator] of calculators.entries()) {
      const three = await threeVisits(records, (tab) => calculatorShown(tab, calculator), untilVisitCached);
      for (const kind of Object.keys(three)) calculatorRuns[k][kind].push(three[kind]);
    }
    seen.main.push(await visit('main.html'));
    seen.probe.push(await visit('probe.html'));
  }
  for (const kind of Object.keys(seen)) {
    if (seen[kind].some((v) => v.verdict !== seen.worker[0].verdict)) throw new Error(`${kind}: a verdict differs from the worker's first`);
    out[kind] = { firstVerdictMs: median(seen[kind].map((v) => Math.round(v.ms))), runs: seen[kind].map((v) => Math.round(v.ms)),
      firstPaintMs: median(seen[kind].map((v) => Math.round(v.firstPaint ?? NaN))) };
  }
  for (const later of ['session', 'relaunched']) out.worker[later] = { firstVerdictMs: median(floorLater[later]), runs: floorLater[later] };
  out.probe.parts = Object.fromEntries(Object.keys(seen.probe[0].parts).map((k) => [k, median(seen.probe.map((v) => Math.round(v.parts[k])))]));
  if (calculators.length) {
    const against = (v, fl) => ({ verdictMs: v, floorMs: fl, budgetMs: fl + 600, met: v <= fl + 600 });
    out.calculators = calculatorSites.map((site, k) => {
      const runsOf = calculatorRuns[k];
      const v = median(runsOf.cold);
      const c = { site: path.relative(root, site) + '/', records, firstVerdictMs: v, runs: runsOf.cold, vsFloor: against(v, out.worker.firstVerdictMs) };
      for (const later of ['session', 'relaunched']) {
        const w = median(runsOf[later]);
        c[later] = { firstVerdictMs: w, runs: runsOf[later] };
        c[`vsFloor${later[0].toUpperCase()}${later.slice(1)}`] = against(w, out.worker[later].firstVerdictMs);
      }
      return c;
    });
    const [first] = out.calculators;
    out.calculator = { site: first.site, records, firstVerdictMs: first.firstVerdictMs, runs: first.runs, session: first.session, relaunched: first.relaunched };
    out.vsFloor = first.vsFloor;
    out.vsFloorSession = first.vsFloorSession;
    out.vsFloorRelaunched = first.vsFloorRelaunched;
  }
  out.load.push(...os.loadavg().map((x) => +x.toFixed(2)));
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.stop();
  for (const c of calculators) await c.stop();
  fs.rmSync(site, { recursive: true, force: true });
}
