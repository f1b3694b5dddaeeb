// The worker→page transfer of one result, in headless Chromium (not a test; bench/README.md "The checker's
// boundary: tape or JSON"): a module worker with the checker (web/lib/, or LIB=DIR) posts the result of a 6-record
// and of a 1,000-record profile N times each, as JSON text or as the object (structured clone),
// in alternating order; the page times reading the message's data and, for text, JSON.parse. One sample: the mean
// of a batch of 20 messages (the page's clock is coarse, 0.1 ms). Prints medians, quartiles and n per kind.
//   [LIB=DIR] node bench/boundary_transfer.mjs [BATCHES]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, newContext, root, skip, startServer } from '../tests/browser/harness.mjs';

if (skip) {
  console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
const lib = process.env.LIB || path.join(root, 'web', 'lib');
const batches = Number(process.argv[2] || 15);
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-transfer-'));
for (const f of ['jxjy.js', 'jxjy-core.mjs', 'jxjy.wasm']) fs.copyFileSync(path.join(lib, f), path.join(site, f));
const profile = (n) => ({ region: '410100', year: 2023, route: 'review', level: 'intermediate', currentTitleSince: 2020,
  training: Array.from({ length: n }, (_, k) => ({ year: 2021 + (k % 3), subject: k % 2 ? 'public' : 'professional', activity: 'course', hours: 10 + (k % 20) })) });
fs.writeFileSync(path.join(site, 'worker.js'), `import { createChecker } from './jxjy.js';
const checker = await createChecker();
const texts = { 6: ${JSON.stringify(JSON.stringify(profile(6)))}, 1000: ${JSON.stringify(JSON.stringify(profile(1000)))} };
const asText = checker[Symbol.for('jxjy.evaluateJSONText')] || ((t) => JSON.stringify(checker.evaluateJSON(t)));
self.onmessage = ({ data: { n, as, count } }) => {
  for (let i = 0; i < count; ++i) {
    if (as === 'text') self.postMessage({ id: i, resultText: asText(texts[n]) });
    else self.postMessage({ id: i, result: checker.evaluateJSON(texts[n]) });
  }
};
self.postMessage('ready');`);
// (a file of its own: the server's CSP allows no inline script)
fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>transfer</title><script type="module" src="main.js"></script>');
fs.writeFileSync(path.join(site, 'main.js'), `
const w = new Worker('./worker.js', { type: 'module' });
await new Promise((r) => { w.onmessage = (e) => e.data === 'ready' && r(); });
window.batch = (n, as, count) => new Promise((resolve) => {
  let ms = 0, got = 0, bytes = 0;
  w.onmessage = (e) => {
    const t0 = performance.now();
    const m = e.data;
    const r = 'resultText' in m ? JSON.parse(m.resultText) : m.result;
    ms += performance.now() - t0;
    if (r.records.length !== n) throw new Error('records');
    if (++got === count) resolve(ms / count);
  };
  w.postMessage({ n, as, count });
});
window.ready = true;
`);
const server = await startServer(site);
const browser = await launch();
const seen = {};
try {
  const { context } = await newContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.ready, null, { timeout: 60_000 });
  for (let b = 0; b < batches; ++b) {
    for (const n of [6, 1000]) {
      for (const as of b % 2 ? ['object', 'text'] : ['text', 'object']) {
        const ms = await page.evaluate(([n, as]) => window.batch(n, as, 20), [n, as]);
        (seen[`${as}${n}`] ??= []).push(ms);
      }
    }
  }
  const summary = (xs) => {
    const s = xs.slice().sort((a, b) => a - b), q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))], r = (x) => +x.toFixed(3);
    return { medianMs: r(q(0.5)), q1: r(q(0.25)), q3: r(q(0.75)), min: r(s[0]), max: r(s[s.length - 1]), n: s.length };
  };
  console.log(JSON.stringify({ load: os.loadavg().map((x) => +x.toFixed(2)), ...Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, summary(v)])) }, null, 1));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(site, { recursive: true, force: true });
}
