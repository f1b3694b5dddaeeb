// The page's long animation frames (Chromium's long-animation-frame entries, over 50 ms) while an office's
// roster of N people (default 5,000; bench/gen_roll.mjs officeRows) is imported, then sorted by name: for
// each frame its length, the part blocked, the part spent in style and layout, and the scripts that ran in
// it (invoker, function, file:position, ms). Measured, not a test: where the roll page's main-thread time
// goes (issue #27's 5,000-person budget; bench/roll_large.mjs --office N counts the long tasks).
// Usage: node bench/roll_frames.mjs [N]   (serves dist/: run scripts/build.sh first)
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { openRollBench } from './roll_page.mjs';
import { officeCsv, officeRows } from './gen_roll.mjs';
const text = officeCsv(officeRows(Number(process.argv[2]) || 5000));
const server = await startServer(path.join(root, 'dist'));
const browser = await launch();
const { page, warm } = await openRollBench(browser, server);
console.log('--- worker warm-up:', warm);
await page.evaluate(() => { window.__loaf = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 50) window.__loaf.push({ d: Math.round(e.duration), block: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)}ms fl=${Math.round(s.forcedStyleAndLayoutDuration)}`) }); }).observe({ type: 'long-animation-frame', buffered: false }); });
const file = path.join(os.tmpdir(), 'office.csv'); fs.writeFileSync(file, text);
await page.locator('#roll-file').setInputFiles(file);
await page.waitForFunction(() => !document.querySelector('#roll[aria-busy]') && document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 300_000 });
console.log('--- import'); for (const e of await page.evaluate(() => window.__loaf.splice(0))) console.log(JSON.stringify(e));
await page.locator('#roll-sort').selectOption('name');
await page.waitForFunction(() => document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 120_000 });
await page.waitForTimeout(500);
console.log('--- sort'); for (const e of await page.evaluate(() => window.__loaf.splice(0))) console.log(JSON.stringify(e));
await browser.close(); await server.stop();
