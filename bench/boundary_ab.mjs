// A/B of two (or more) builds of the site where a person waits (not a test): the checker's boundary
// (bench/README.md "The checker's boundary: tape or JSON"). Each round visits every build once per measure,
// in alternating order (A B, then B A, …), each visit in a fresh browser context, so the machine's load
// falls on both alike. Prints one JSON object: per build and measure the median, the quartiles, min, max and n.
//   node bench/boundary_ab.mjs tape=/tmp/dist-tape json=/tmp/dist-json [--rounds 6] [--only key6,key1000,roll,first]
// Measures:
// - key6, key1000: a returning draft of 6 / 1,000 records, unthrottled; 15 keystrokes in a record's amount, each
//   from the input event to the new verdict on screen (`toVerdict`, ms; one sample: the visit's median), and the
//   page's own thread handling the worker's answer (`answer`: reading the message's data and the listener, i.e.
//   the structured clone's read plus JSON.parse; wrapped around every message listener of a Worker).
// - roll: a 1,000-person × 10-record roll chosen once the roll's worker is warm, until every line is in the table.
// - first: the first verdict of a returning 6-record draft at 4× CPU throttling (navigation to the verdict).
import os from 'node:os';
import { launch, newContext, skip, startServer, waitReady } from '../tests/browser/harness.mjs';
import { DRAFT_KEY, draftOf, typeAmounts, watchFirstStage } from './drafts.mjs';
import { makeRoll } from './gen_roll.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const rounds = Number(opt('--rounds', 6));
const only = opt('--only', 'key6,key1000,roll,first').split(',');
const builds = args.filter((a) => /^[\w-]+=/.test(a)).map((a) => { const [name, dir] = a.split('='); return { name, dir }; });
if (builds.length < 2) throw new Error('usage: node bench/boundary_ab.mjs A=DIR B=DIR [--rounds N] [--only …]');

const browser = await launch();
for (const b of builds) b.server = await startServer(b.dir);
const rollBytes = Buffer.from(makeRoll(1000, 10));

// every answer's handling on the page's thread: the message's data read (a structured clone is read then)
// and the listeners run (JSON.parse of a text answer)
const WRAP_WORKER = () => {
  window.__answers = [];
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, o) {
    if (type !== 'message') return add.call(this, type, listener, o);
    return add.call(this, type, (event) => {
      const t0 = performance.now();
      const d = event.data;
      listener.call(this, event);
      if (d && typeof d.id === 'number') window.__answers.push(performance.now() - t0);
    }, o);
  };
};

async function keystrokes(b, n) {
  const { context } = await newContext(browser, b.server.origin);
  const page = await context.newPage();
  await page.addInitScript(WRAP_WORKER);
  await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [DRAFT_KEY, JSON.stringify(draftOf(n))]);
  const { shown } = await watchFirstStage(page, true);
  await page.goto(b.server.url);
  await shown;
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__answers = []; });
  const walls = await typeAmounts(page, 15);
  const answers = await page.evaluate(() => window.__answers);
  await context.close();
  return { toVerdict: median(walls), answer: median(answers) };
}

async function roll(b) {
  const { context } = await newContext(browser, b.server.origin);
  const page = await context.newPage();
  await page.goto(b.server.url);
  await waitReady(page);
  await page.locator('#roll-toggle').click();
  await page.locator('#roll-heading').waitFor({ timeout: 120_000 });
  await page.locator('#roll[data-warm="done"]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    window.__rollTimes = {};
    document.querySelector('#roll-file').addEventListener('change', () => { window.__rollTimes.start = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      const t = document.querySelector('#roll-table');
      if (t.dataset.rendered === 'all' && !window.__rollTimes.all) window.__rollTimes.all = performance.now();
    }).observe(document.querySelector('#roll-table'), { attributes: true, attributeFilter: ['data-rendered'] });
  });
  await page.locator('#roll-file').setInputFiles({ name: 'roll.csv', mimeType: 'text/csv', buffer: rollBytes });
  await page.waitForFunction(() => window.__rollTimes.all, null, { timeout: 120_000, polling: 20 });
  const t = await page.evaluate(() => window.__rollTimes);
  const rows = await page.locator('#roll-table tbody tr').count();
  if (rows !== 1000) throw new Error(`the table holds ${rows} people, not 1000`);
  await context.close();
  return { toAllLines: t.all - t.start };
}

async function first(b) {
  const { context } = await newContext(browser, b.server.origin);
  const page = await context.newPage();
  await page.addInitScript(([k, d]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, d); }, [DRAFT_KEY, JSON.stringify(draftOf(6))]);
  const { shown } = await watchFirstStage(page, true);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(b.server.url);
  const { ms } = await shown;
  await context.close();
  return { firstVerdict: ms };
}

const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const q = (s, f) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
const summary = (xs) => {
  const s = xs.slice().sort((a, b) => a - b), r = (x) => +x.toFixed(2);
  return { median: r(median(s)), q1: r(q(s, 0.25)), q3: r(q(s, 0.75)), min: r(s[0]), max: r(s[s.length - 1]), n: s.length };
};

const measures = { key6: (b) => keystrokes(b, 6), key1000: (b) => keystrokes(b, 1000), roll, first };
const seen = {}; // build -> measure -> figure -> samples
const out = { rounds, loadBefore: os.loadavg().map((x) => +x.toFixed(2)) };
try {
  for (let r = 0; r < rounds; ++r) {
    const order = r % 2 ? builds.slice().reverse() : builds;
    for (const m of only) {
      for (const b of order) {
        let got;
        try {
          got = await measures[m](b);
        } catch (e) {
          process.stderr.write(`${b.name} ${m}: ${String(e.message || e).split('\n')[0]}\n`);
          continue;
        }
        for (const [k, v] of Object.entries(got)) ((seen[b.name] ??= {})[`${m}.${k}`] ??= []).push(v);
      }
    }
    process.stderr.write(`round ${r + 1}/${rounds} done, load ${os.loadavg()[0].toFixed(2)}\n`);
  }
  for (const b of builds) out[b.name] = Object.fromEntries(Object.entries(seen[b.name]).map(([k, v]) => [k, summary(v)]));
  out.samples = seen;
  out.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
  console.log(JSON.stringify(out, null, 1));
} finally {
  await browser.close();
  for (const b of builds) await b.server.stop();
}
