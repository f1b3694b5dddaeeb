// Offline after the first visit: once the service worker is active, the page reloads and computes with
// the network off (context.setOffline), including ?embed=1 and the custom element's files.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { corpusCase, expectVerdict, fillProfile, newContext, skip, useBrowser } from './harness.mjs';

const env = useBrowser();

test('after the first visit the page loads and computes offline', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  // the worker installs (caching the whole shell) before it activates
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, env.server.url);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('jxjy-shell-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  });
  for (const f of ['/', '/index.html', '/app.js', '/style.css', '/jxjy.js', '/lib/jxjy.js', '/lib/jxjy-core.mjs', '/lib/jxjy.wasm',
    '/jxjy-checker.js', '/manifest.webmanifest', '/icon.svg']) {
    assert.ok(cached.includes(f), `${f} is cached (cached: ${cached.join(' ')})`);
  }

  // every file this visit loaded (each module of the page) reaches the worker's cache: sw.js lists the
  // shell, and app.js fetches the rest once more through the worker when it takes control
  // (polled from here: waitForFunction takes an async predicate's Promise for true, and never waited)
  const missing = () => page.evaluate(async () => {
    const files = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
    const out = [];
    for (const u of files) if (!(await caches.match(u))) out.push(new URL(u).pathname);
    if (!files.some((u) => u.endsWith('/calculator.js'))) out.push('(calculator.js was not loaded)');
    if (!navigator.serviceWorker.controller) out.push('(no controller)');
    return out;
  });
  let left = await missing();
  for (let i = 0; i < 150 && left.length; i++) { await page.waitForTimeout(200); left = await missing(); }
  assert.deepEqual(left, [], 'every file this visit loaded is in the worker\'s cache');
  await rec.context.setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.notEqual(await page.locator('#banner-title').textContent(), '计算模块加载失败');
  const c = corpusCase('410100/records.json', '公需20+专业70合计90：公需课不足30，缺10');
  await fillProfile(page, c.profile);
  await expectVerdict(page, c.expect.status, c.expect.shortfall);

  // a second tab, offline, opening index.html?embed=1
  const embed = await rec.context.newPage();
  await embed.goto(`${env.server.url}index.html?embed=1`);
  await embed.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.equal(await embed.locator('#banner-title').textContent(), '尚未测算'); // an empty start: nothing entered, no verdict
  await rec.context.setOffline(false);
  await rec.context.close();
  // the console may report the failed background refresh while offline; nothing else
  rec.problems.splice(0, rec.problems.length, ...rec.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)));
  rec.check();
});

test('the manifest is linked and valid', { skip, timeout: 30_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const res = await page.request.get(new URL(href, env.server.url).href);
  assert.equal(res.headers()['content-type'], 'application/manifest+json');
  const m = await res.json();
  assert.ok(m.name && m.short_name);
  assert.equal(m.display, 'standalone');
  assert.ok(m.start_url);
  for (const icon of m.icons) {
    const r = await page.request.get(new URL(icon.src, new URL(href, env.server.url)).href);
    assert.equal(r.status(), 200, icon.src);
  }
  await rec.context.close();
  rec.check();
});
