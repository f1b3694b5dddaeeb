// Where the page's main thread spends its time after the first paint (not a test, not a README figure):
// builds the site unminified into a temporary folder (scripts/build-dist.mjs --no-minify), loads it with
// 4x CPU throttling (optionally with a stored draft of N records: node bench/profile_page.mjs [N]) and a
// V8 CPU profile from navigation until 3 s after the page settles, then prints the functions with the
// most time of their own and the most time in all (ms of the throttled clock), by file and line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, root, startServer } from '../tests/browser/harness.mjs';
import { timeByFunction } from './cpu-profile.mjs';
import { phonePage } from './drafts.mjs';

const n = Number(process.argv[2] || 0);
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-profile-'));
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs'), '--out', site, '--no-pkg', '--no-minify'], { stdio: 'ignore' });
const server = await startServer(site);
const browser = await launch();
const draft = n > 0;
try {
  const { page, cdp } = await phonePage(browser, server.origin, n, Number(process.env.THROTTLE || 4));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.locator(draft ? '#banner[data-stage="verdict"]' : '#banner[data-stage]:not([data-stage="loading"])').waitFor({ state: 'attached', timeout: 120_000 });
  if (!process.env.UNTIL_FIRST) await page.waitForTimeout(3000); // UNTIL_FIRST=1: the profile ends at the first stage
  const { profile } = await cdp.send('Profiler.stop');
  const { self, total, byId, dt, name } = timeByFunction(profile, server.origin);
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${f}`).join('\n');
  // FOCUS=name: the call tree under that function (total ms per child, two levels)
  if (process.env.FOCUS) {
    const tot = (id) => (dt.get(id) || 0) + (byId.get(id).children || []).reduce((a, c) => a + tot(c), 0);
    const walk = (id, depth) => {
      if (depth > Number(process.env.DEPTH || 3)) return;
      for (const c of (byId.get(id).children || []).map((c) => [c, tot(c)]).sort((a, b) => b[1] - a[1]).filter(([, ms]) => ms >= 2)) {
        console.log(`${'  '.repeat(depth)}${c[1].toFixed(0).padStart(5)} ms  ${name(byId.get(c[0]))}`);
        walk(c[0], depth + 1);
      }
    };
    for (const x of profile.nodes.filter((x) => x.callFrame.functionName === process.env.FOCUS)) {
      console.log(`${tot(x.id).toFixed(0).padStart(5)} ms  ${name(x)}`);
      walk(x.id, 1);
    }
  }
  console.log(`self time (top 25):\n${top(self, 25)}\n\ntotal time (top 40):\n${top(total, 40)}`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(site, { recursive: true, force: true });
}
