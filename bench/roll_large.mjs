// The 16 MiB roll (issue #26 item 3), measured, not a test: a roll of as many short rows as fit in the
// page's limit (bench/gen_roll.mjs makeLargeRoll: ~600,000 people, or ~270,000 with a record each),
// chosen in headless Debian Chromium on the production site (dist/): the time until every person is
// checked, the page's long tasks (main thread, PerformanceObserver 'longtask': count and the longest)
// and the tab's peak memory (tabMB: the renderer process of the page and its workers, VmRSS, PSS and private, before
// the file and at the peak, sampled every 100 ms; allRenderersRssMB sums every renderer's VmRSS, the blank
// page's too, as this bench reported before). Then `jxjy roll` on the same file: wall time and peak RSS.
// Prints one JSON object. Usage: node bench/roll_large.mjs [--records | --office N]
// --office N: instead, an office's roster of N people as offices write it (bench/gen_roll.mjs officeRows:
// a title line, names written once, unused columns, regions by name): issue #27's 5,000-person budget,
// no main-thread task over 50 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launch, root, skip, startServer } from '../tests/browser/harness.mjs';
import { openRollBench } from './roll_page.mjs';
import { makeLargeRoll, officeCsv, officeRows } from './gen_roll.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const records = process.argv.includes('--records');
const officeAt = process.argv.indexOf('--office');
const office = officeAt > 0 ? Number(process.argv[officeAt + 1]) : 0;
const text = office ? officeCsv(officeRows(office)) : makeLargeRoll(16 * 1024 * 1024, { records });
const buffer = Buffer.from(text);
const people = office || text.split('\r\n').length - 2;

// The renderer processes' memory, by process: VmRSS, PSS (smaps_rollup: the process's share of the pages it
// shares, such as Chromium's own code, which summed RSS counts once per process) and its private pages
// (Private_Clean + Private_Dirty: what the process alone holds), in bytes.
function renderers() {
  const out = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup) || [0, 0])[1]) * 1024;
      if (rss) out.set(pid, { rss: Number(rss[1]) * 1024, pss: kb('Pss'), priv: kb('Private_Clean') + kb('Private_Dirty') });
    } catch { /* gone */ }
  }
  return out;
}
const MB = (b) => +(b / 1048576).toFixed(0);
const sum = (m, k) => [...m.values()].reduce((a, x) => a + x[k], 0);

const dist = path.join(root, 'dist');
const server = await startServer(fs.existsSync(path.join(dist, 'index.html')) ? dist : path.join(root, 'web'));
const browser = await launch();
const out = { loadAverage: os.loadavg().map((x) => +x.toFixed(2)).join(' '), bytes: buffer.length, people, records, office: office > 0 };
try {
  const { rec, page, warm } = await openRollBench(browser, server);
  out.warm = warm;
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  // the tab is the renderer process that grows (the page and its workers are one process); the others
  // (the browser's blank page) are summed apart
  const before = renderers();
  const peak = new Map([...before].map(([pid, m]) => [pid, { ...m }]));
  let peakAll = sum(before, 'rss');
  const sample = () => {
    const now = renderers();
    peakAll = Math.max(peakAll, sum(now, 'rss'));
    for (const [pid, m] of now) {
      const p = peak.get(pid) || { rss: 0, pss: 0, priv: 0 };
      peak.set(pid, { rss: Math.max(p.rss, m.rss), pss: Math.max(p.pss, m.pss), priv: Math.max(p.priv, m.priv) });
    }
  };
  const sampler = setInterval(sample, 100);
  // (the file by its path, as a person's file dialog gives it: a buffer would be copied into the page as
  // base64 by the test driver, one task of seconds that is the driver's, not the page's)
  const file = path.join(os.tmpdir(), 'large.csv');
  fs.writeFileSync(file, buffer);
  const t0 = Date.now();
  await page.locator('#roll-file').setInputFiles(file);
  await page.waitForFunction(() => !document.querySelector('#roll[aria-busy]') &&
    /已核查|未能|无法/.test(document.querySelector('#roll-status').textContent) &&
    document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 900_000, polling: 200 });
  out.pageMs = Date.now() - t0;
  clearInterval(sampler);
  sample();
  out.status = await page.locator('#roll-status').textContent();
  out.rowsInTable = await page.locator('#roll-table tbody tr').count();
  const long = await page.evaluate(() => window.__long);
  out.longTasks = { count: long.length, longestMs: +Math.max(0, ...long).toFixed(0), over50: long.filter((d) => d > 50).length };
  // sorting by name and filtering by name on the whole roll (a task each)
  const sortT = Date.now();
  await page.locator('#roll-sort').selectOption('name');
  await page.waitForFunction(() => document.querySelector('#roll-table').dataset.rendered === 'all', null, { timeout: 120_000 });
  out.sortByNameMs = Date.now() - sortT;
  const long2 = await page.evaluate(() => window.__long.slice());
  out.longestAfterSortMs = +Math.max(0, ...long2).toFixed(0);
  const grew = (pid) => peak.get(pid).rss - (before.get(pid)?.rss || 0);
  const tab = [...peak.keys()].sort((a, b) => grew(b) - grew(a))[0];
  const was = before.get(tab) || { rss: 0, pss: 0, priv: 0 };
  out.tabMB = { rssBefore: MB(was.rss), rssPeak: MB(peak.get(tab).rss), pssBefore: MB(was.pss), pssPeak: MB(peak.get(tab).pss),
    privateBefore: MB(was.priv), privatePeak: MB(peak.get(tab).priv) };
  out.allRenderersRssMB = { before: MB(sum(before, 'rss')), peak: MB(peakAll) };
  await rec.context.close();
} finally {
  await browser.close();
  await server.stop();
}
// the CLI on the same file
const file = path.join(os.tmpdir(), 'large.csv');
fs.writeFileSync(file, buffer);
const cli = path.join(root, 'build', 'native', 'jxjy');
if (fs.existsSync(cli) && fs.existsSync('/usr/bin/time')) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cli, 'roll', '--rules', path.join(root, 'rules'), file], { maxBuffer: 1 << 30 });
  const [s, kb] = r.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
  out.cli = { seconds: s, peakMB: +(kb / 1024).toFixed(0), exit: r.status };
}
fs.unlinkSync(file);
console.log(JSON.stringify(out));
