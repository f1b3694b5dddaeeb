// Times the roll view in headless Debian Chromium (not a test) on the production site (dist/; web/ when
// dist/ is not built): choosing a roll file of 1,000 people × 10 records (bench/gen_roll.mjs, 10,000
// rows) until every person's line is in the table (the worker's reading and evaluating, the batches
// posted to the page and the table rendered in stages). Unthrottled and with 4x CPU throttling; median of
// 5 imports each, each the first of a fresh visit, chosen once the roll view's worker has warmed up (as
// it has while a person picks the file). Also the time to the first lines on screen, and the load
// average (the machine may be shared). Prints one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root, skip, startServer } from '../tests/browser/harness.mjs';
import { openRollBench } from './roll_page.mjs';
import { makeRoll } from './gen_roll.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const dist = path.join(root, 'dist');
const site = fs.existsSync(path.join(dist, 'index.html')) ? dist : path.join(root, 'web');
const server = await startServer(site);
const browser = await launch();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const buffer = Buffer.from(makeRoll(1000, 10));

async function run(throttle, n = 5) {
  const all = [], first = [];
  for (let i = 0; i < n; ++i) {
    // a person takes seconds to choose a file: by then the worker has warmed its checker up
    const { rec, page, warm } = await openRollBench(browser, server, { warmMs: 120_000 });
    if (warm !== 'done') throw new Error('the roll worker did not warm up in 2 minutes');
    const cdp = await rec.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // from the file's change event to the table holding every line (and to its first lines)
    await page.evaluate(() => {
      const input = document.querySelector('#roll-file');
      window.__rollTimes = {};
      input.addEventListener('change', () => { window.__rollTimes.start = performance.now(); }, { capture: true });
      new MutationObserver(() => {
        const t = document.querySelector('#roll-table');
        if (t.dataset.rendered && !window.__rollTimes.first) window.__rollTimes.first = performance.now();
        if (t.dataset.rendered === 'all' && !window.__rollTimes.all) window.__rollTimes.all = performance.now();
      }).observe(document.querySelector('#roll-table'), { attributes: true, attributeFilter: ['data-rendered'] });
    });
    await page.locator('#roll-file').setInputFiles({ name: 'roll.csv', mimeType: 'text/csv', buffer });
    await page.waitForFunction(() => window.__rollTimes.all, null, { timeout: 120_000, polling: 20 });
    const t = await page.evaluate(() => window.__rollTimes);
    const rows = await page.locator('#roll-table tbody tr').count();
    if (rows !== 1000) throw new Error(`the table holds ${rows} people, not 1000`);
    all.push(t.all - t.start);
    first.push(t.first - t.start);
    await rec.context.close();
  }
  return { toAllLinesMs: +median(all).toFixed(0), toFirstLinesMs: +median(first).toFixed(0), runsMs: all.map((x) => +x.toFixed(0)) };
}

try {
  const out = { loadAverage: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '), people: 1000, recordsEach: 10, rows: 10000, bytes: buffer.length, unthrottled: await run(1), cpu4x: await run(4, 3) };
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.stop();
}
