// Times the calculator page in headless Debian Chromium (not a test): first verdict after navigation
// with 4× CPU throttling, a repeat visit offline (from the service worker, unthrottled), and the recompute on one
// keystroke in the training table. Prints one JSON object.
import { launch, newContext, skip, startServer } from '../tests/browser/harness.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const server = await startServer();
const browser = await launch();
const verdict = (page) => page.locator('#banner.banner:not(.pending)').waitFor();
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const firstRuns = [];
  const offlineRuns = [];
  let keystroke = [];
  for (let run = 0; run < 5; run++) {
    const { context } = await newContext(browser, server.origin);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.url);
    await verdict(page);
    firstRuns.push(await page.evaluate(() => performance.now()));  // ms since navigation start

    if (run === 0) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      keystroke = await page.evaluate(() => {
        const input = document.querySelector('#training-body input.num');
        const times = [];
        for (let i = 0; i < 50; i++) {
          const t0 = performance.now();
          input.value = String(60 + (i % 7));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          times.push(performance.now() - t0);
        }
        return times;
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }

    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await context.setOffline(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });  // the repeat-visit budget is unthrottled
    await page.reload();
    await verdict(page);
    offlineRuns.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  console.log(JSON.stringify({
    cpuThrottling: 4,
    firstVerdictMs: Math.round(median(firstRuns)),
    offlineRepeatVerdictMs: Math.round(median(offlineRuns)),
    keystrokeRecomputeMs: { median: +median(keystroke).toFixed(2), max: +Math.max(...keystroke).toFixed(2) },
    runs: firstRuns.length,
  }));
} finally {
  await browser.close();
  await server.stop();
}
