// A Chromium trace of the roll page while an office's roster of N people (default 5,000; bench/gen_roll.mjs
// officeRows) is imported and then sorted by name: every main-thread task over 30 ms (OVER=ms to change; LAYOUTS=ms
// adds every style or layout pass over that),
// each with its biggest parts (scripts by file and function, style, layout, paint). Measured, not a test:
// where a long task of issue #27's 5,000-person budget goes (roll_frames.mjs gives the long animation
// frames, roll_large.mjs --office N counts the long tasks). Usage: node bench/roll_trace.mjs [N]
// (serves dist/: run scripts/build.sh first)
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { openRollBench } from './roll_page.mjs';
import { officeCsv, officeRows } from './gen_roll.mjs';
import { mainThread, printLayouts, printTasks, TRACE_CATEGORIES } from './trace_tasks.mjs';

const text = officeCsv(officeRows(Number(process.argv[2]) || 5000));
const server = await startServer(path.join(root, 'dist'));
const browser = await launch();
try {
  const { page, warm } = await openRollBench(browser, server);
  console.log('worker warm-up:', warm, ' load average:', os.loadavg().map((x) => x.toFixed(2)).join(' '));
  const file = path.join(os.tmpdir(), 'office-trace.csv');
  fs.writeFileSync(file, text);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.locator('#roll-file').setInputFiles(file);
  await page.waitForFunction(() => !document.querySelector('#roll[aria-busy]') && document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 300_000 });
  await page.evaluate(() => performance.mark('jxjy-import-done'));
  await page.locator('#roll-sort').selectOption('name');
  await page.waitForFunction(() => document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 120_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => performance.mark('jxjy-trace-sync'));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const main = mainThread(trace, 'jxjy-trace-sync');
  const done = trace.find((e) => e.name === 'jxjy-import-done');
  console.log(`import, then sort (the sort from +${((done.ts - main.t0) / 1000).toFixed(0)} ms); tasks over ${process.env.OVER || 30} ms:`);
  const total = printTasks(main, Number(process.env.OVER || 30));
  if (process.env.LAYOUTS) printLayouts(main, Number(process.env.LAYOUTS));
  console.log(`sum of (task - 50 ms) over tasks: ${total.toFixed(0)} ms`);
  fs.unlinkSync(file);
} finally {
  await browser.close();
  await server.stop();
}
