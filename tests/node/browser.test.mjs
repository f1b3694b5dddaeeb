// A smoke test of web/jxjy.js in headless Chromium, when one is installed (else skipped): the page
// and a module Web Worker create a checker and evaluate, under the strict Content Security Policy of
// DESIGN.md (no eval), with the .wasm served as application/wasm and, for the fallback path, as
// application/octet-stream. The page reports back to this process with fetch('/report?…').
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';

import { root, skipOrFailInCI } from './corpus.mjs';

const browser = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
const skip = skipOrFailInCI(browser ? false : 'no chromium found (install it to run the browser smoke test)');

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const profile = { region: '630000', year: 2023, route: 'review', level: 'senior',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 45 }] };
const files = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>jxjy</title><script type="module" src="./main.js"></script>'],
  '/main.js': ['text/javascript', `import { createChecker } from './jxjy.js';
const report = (x) => fetch('/report?' + encodeURIComponent(JSON.stringify(x)));
try {
  const c = await createChecker();
  const r = c.evaluate(${JSON.stringify(profile)});
  const o = {}; o.o = o;
  const w = new Worker(new URL('./worker.js', location.href), { type: 'module' });
  const wr = await new Promise((res, rej) => { w.onmessage = (e) => res(e.data); w.onerror = (e) => rej(new Error('worker: ' + e.message)); });
  report({ version: c.version, status: r.status, regions: c.regions().length, circular: c.evaluate(o).errors[0].code, worker: wr.status });
} catch (e) { report({ error: String(e) }); }`],
  '/worker.js': ['text/javascript', `import { createChecker } from './jxjy.js';
const c = await createChecker();
postMessage(c.evaluate(${JSON.stringify(profile)}));`],
};

async function runPage(wasmType) {
  let done;
  const reported = new Promise((resolve) => { done = resolve; });
  const server = createServer((req, res) => {
    const u = new URL(req.url, 'http://localhost');
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (u.pathname === '/report') {
      res.writeHead(204).end();
      done(JSON.parse(decodeURIComponent(u.search.slice(1))));
    } else if (files[u.pathname]) {
      res.writeHead(200, { ...headers, 'Content-Type': files[u.pathname][0] }).end(files[u.pathname][1]);
    } else if (['/jxjy.js', '/lib/jxjy.js', '/lib/jxjy-core.mjs', '/lib/jxjy.wasm'].includes(u.pathname)) {
      const type = u.pathname.endsWith('.wasm') ? wasmType : 'text/javascript';
      res.writeHead(200, { ...headers, 'Content-Type': type }).end(readFileSync(join(root, 'web', u.pathname)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const child = spawn(browser, ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
    `--user-data-dir=${join(root, 'build', 'chromium-profile')}`, url], { stdio: 'ignore' });
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve({ error: 'no report within 30 s' }), 30_000); });
  try {
    return await Promise.race([reported, timeout]);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    server.closeAllConnections();
    server.close();
  }
}

for (const type of ['application/wasm', 'application/octet-stream']) {
  test(`headless Chromium, strict CSP, wasm served as ${type}`, { skip, timeout: 60_000 }, async () => {
    const r = await runPage(type);
    assert.deepEqual(r, { version: r.version, status: 'short', regions: r.regions, circular: 'invalid_input', worker: 'short' });
    assert.match(r.version, /^\d+\.\d+\.\d+/);
    assert.ok(r.regions >= 1);
  });
}
