// Where a keystroke's main-thread time goes with many records (not a test, not a README figure): builds
// the site unminified into a temporary folder, opens it with a stored draft of N records (node
// bench/profile_keys.mjs [N], default 1,000), unthrottled, types 30 amounts into the first record one at a
// time (each waits for its verdict on screen; WIDE=1 at 1280 px), and prints (1) the main thread's time per keystroke by kind
// of work from a Chromium trace (script, style, layout, paint, other), (2) the JS functions with the most
// time of their own and in all from a V8 CPU profile of the same keystrokes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, newContext, root, startServer } from '../tests/browser/harness.mjs';
import { timeByFunction } from './cpu-profile.mjs';
import { DRAFT_KEY, draftOf, phonePage, typeAmounts } from './drafts.mjs';

const n = Number(process.argv[2] || 1000);
const keys = 30;
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-profile-'));
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs'), '--out', site, '--no-pkg', '--no-minify'], { stdio: 'ignore' });
const server = await startServer(site);
const browser = await launch();
const type = (page) => typeAmounts(page, keys);
try {
  // WIDE=1: at 1280 x 900 (as bench/page_bench.mjs), else a 412 px phone
  const { page, cdp } = process.env.WIDE ? await (async () => {
    const { context } = await newContext(browser, server.origin);
    const page = await context.newPage();
    await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [DRAFT_KEY, JSON.stringify(draftOf(n))]);
    return { page, cdp: await context.newCDPSession(page) };
  })() : await phonePage(browser, server.origin, n, 1);
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#banner')?.dataset.stage === 'verdict' && !document.querySelector('.jxjy[aria-busy]'), null, { polling: 50, timeout: 120_000 });
  await page.waitForTimeout(2000);
  // the first round cold (as a person's first keystrokes are: they compile what the later ones run),
  // the second warm
  for (const round of ['cold', 'warm']) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await type(page);
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const mark = (name) => events.find((e) => e.name === name);
  const { pid, tid } = mark('jxjy-key-0-start');
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const kinds = { script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'RunMicrotasks', 'HandlePostMessage', 'FireAnimationFrame', 'v8.callFunction'], style: ['UpdateLayoutTree', 'RecalculateStyles'], layout: ['Layout'], paint: ['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'] };
  const sums = { task: 0, script: 0, style: 0, layout: 0, paint: 0 };
  const each = [];
  for (let i = 0; i < keys; i++) {
    const a = mark(`jxjy-key-${i}-start`).ts;
    const b = mark(`jxjy-key-${i}-end`).ts;
    const within = (e) => Math.max(0, Math.min(b, e.ts + e.dur) - Math.max(a, e.ts));
    let task = 0;
    for (const e of mine) {
      if (e.name === 'RunTask') task += within(e);
      for (const [k, names] of Object.entries(kinds)) if (names.includes(e.name)) sums[k] += within(e);
    }
    sums.task += task;
    each.push((task / 1000).toFixed(1));
  }
  // (script: nested script events overlap, so it is an upper bound)
  console.log(`${round}: per keystroke, main thread (ms, mean): ${Object.entries(sums).map(([k, v]) => `${k} ${(v / 1000 / keys).toFixed(2)}`).join(', ')}`);
  console.log(`${round}: each keystroke's tasks (ms): ${each.join(' ')}`);
  }

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await type(page);
  const { profile } = await cdp.send('Profiler.stop');
  const { self, total } = timeByFunction(profile, server.origin);
  const top = (m, k) => [...m].filter(([f]) => !/^\((idle|root)\)/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, ms]) => `  ${(ms / keys).toFixed(2).padStart(6)} ms  ${f}`).join('\n');
  console.log(`per keystroke, self time (top 20):\n${top(self, 20)}\n\nper keystroke, total time (top 30):\n${top(total, 30)}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(site, { recursive: true, force: true });
}
