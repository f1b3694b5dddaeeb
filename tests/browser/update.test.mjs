// Updates never mix builds (issue 11 item 9). Two production builds A and B of the same sources, each
// file marked with its build: every module pushes its letter onto a global (page and worker), the page
// has a <meta>, the wasm a custom section (so its hashed name differs). The server's folder is a
// symlink switched from A to B as a deploy would (old files gone at once). Then the page is reloaded
// many times, some reloads interrupting the one before: every load must be all A or all B (page,
// modules, stylesheet, worker, wasm). B waits until the page offers "新版本可用，刷新" (within a few
// visits: the page calls registration.update() after each load, on visibilitychange and online); no
// load is B before the person takes it, taking it reloads into B, and the old cache must be gone and
// stay gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureArtifacts, launch, newContext, root, skip } from './harness.mjs';

// a wasm custom section named "jxjy-test-build" holding the letter
function customSection(letter) {
  const name = Buffer.from('jxjy-test-build');
  const body = Buffer.concat([Buffer.from([name.length]), name, Buffer.from(letter)]);
  return Buffer.concat([Buffer.from([0, body.length]), body]);
}

function makeBuild(dir, letter) {
  const src = path.join(dir, `web-${letter}`);
  fs.cpSync(path.join(root, 'web'), src, { recursive: true });
  // every module of the site and its products (web/ and its folders; vendor/ is third-party code, examples/
  // a portal's page)
  const files = fs.readdirSync(src, { recursive: true }).map((f) => f.split(path.sep).join('/')).filter((f) => !/^(vendor|examples)\//.test(f));
  for (const f of files) {
    if (/\.m?js$/.test(f) && f !== 'sw.js') {
      fs.appendFileSync(path.join(src, f), `\n;(globalThis.__jxjyTestBuilds ||= []).push(${JSON.stringify(`${letter}:${f}`)});\n`);
    }
  }
  // every stylesheet (style.css, and roll/roll.css that the roll view loads)
  for (const f of files.filter((n) => n.endsWith('.css'))) {
    fs.appendFileSync(path.join(src, f), `\n:root { --jxjy-test-build: "${letter}"; }\n`);
  }
  fs.appendFileSync(path.join(src, 'lib', 'jxjy.wasm'), customSection(letter));
  const html = path.join(src, 'index.html');
  fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace('<head>', `<head>\n<meta name="jxjy-test-build" content="${letter}">`));
  const out = path.join(dir, `dist-${letter}`);
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs'), '--web', src, '--out', out, '--no-pkg'], { stdio: 'pipe' });
  return { out, files: new Set(fs.readdirSync(out)), version: /version:"(\w+)"/.exec(fs.readFileSync(path.join(out, 'sw.js'), 'utf8'))[1] };
}

async function serve(dir) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '0', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => { out += c; const m = /(http:\/\/[\d.]+:\d+\/)/.exec(out); if (m) resolve(m[1]); });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url, origin: new URL(url).origin, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

/** Which build each part of the page now shown came from. */
async function observe(page) {
  await page.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor({ timeout: 20_000 });
  const seen = await page.evaluate(() => ({
    html: document.querySelector('meta[name="jxjy-test-build"]').content,
    modules: [...new Set((globalThis.__jxjyTestBuilds || []).map((x) => x[0]))],
    css: getComputedStyle(document.documentElement).getPropertyValue('--jxjy-test-build').trim().replace(/"/g, ''),
    resources: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)),
    stage: document.querySelector('#banner').dataset.stage,
  }));
  // The checker runs in a worker when the page starts one, else on the page: its files are checked where they load.
  const workers = page.workers();
  assert.ok(workers.length <= 1, 'at most one checker worker');
  Object.assign(seen, workers.length ? await workers[0].evaluate(() => ({
    workerModules: [...new Set((globalThis.__jxjyTestBuilds || []).map((x) => x[0]))],
    workerResources: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1)),
  })) : { workerModules: null, workerResources: [] });
  return seen;
}

test('after a deploy every page load is all-old or all-new, and the old cache goes', { skip, timeout: 420_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-update-'));
  const A = makeBuild(dir, 'A');
  const B = makeBuild(dir, 'B');
  for (const f of ['index.html', 'sw.js']) assert.ok(A.files.has(f) && B.files.has(f));
  const hashed = (b) => [...b.files].filter((f) => /-[A-Z0-9]{8}\.(js|css|wasm)$/.test(f));
  assert.deepEqual(hashed(A).filter((f) => B.files.has(f)), [], 'A and B share no hashed file (every file is marked)');
  const site = path.join(dir, 'site');
  fs.symlinkSync(A.out, site);
  const server = await serve(site);
  const browser = await launch();
  try {
    const rec = await newContext(browser, server.origin);
    const page = await rec.context.newPage();
    page.setDefaultNavigationTimeout(60_000); // a reload that interrupts an install waits for it on a loaded machine
    const builds = { A, B };
    const loads = [];
    const check = async (label) => {
      const s = await observe(page);
      const letter = s.html;
      const b = builds[letter];
      const own = (files) => files.filter((f) => /-[A-Z0-9]{8}\.(js|css|wasm)$/.test(f));
      assert.deepEqual(s.modules, [letter], `${label}: page modules of one build (${JSON.stringify(s)})`);
      if (s.workerModules) assert.deepEqual(s.workerModules, [letter], `${label}: worker modules of the page's build`);
      assert.equal(s.css, letter, `${label}: stylesheet of the page's build`);
      for (const f of [...own(s.resources), ...own(s.workerResources)]) assert.ok(b.files.has(f), `${label}: ${f} belongs to build ${letter}`);
      assert.ok(own([...s.resources, ...s.workerResources]).some((f) => f.endsWith('.wasm')), `${label}: the checker loaded the wasm`);
      assert.notEqual(s.stage, 'failed', `${label}: the checker loaded`);
      loads.push(letter);
    };

    await page.goto(server.url);
    await check('first visit');
    // the first worker fully active
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      if (r.active.state !== 'activated') await new Promise((ok) => r.active.addEventListener('statechange', ok));
    });
    await page.waitForTimeout(500);
    await page.reload();
    await check('second visit (from the service worker)');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`jxjy-shell-${A.version}`]);

    // deploy B: the folder switches at once; A's files are no longer on the server
    fs.unlinkSync(site);
    fs.symlinkSync(B.out, site);
    // The page asks for a new sw.js after each load (and when it comes back into view); B installs
    // whole beside A and waits, and the page offers "新版本可用，刷新". Until the person takes it, every
    // load is A, whole, even reloads that interrupt the one before.
    const prompt = page.locator('#jxjy-update');
    let offered = -1;
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 2) {
        await page.reload({ waitUntil: 'commit' });
        await new Promise((r) => setTimeout(r, 30 + 40 * (i % 4)));
      }
      await page.reload();
      await check(`reload ${i + 1} after the deploy`);
      assert.equal(loads.at(-1), 'A', 'no switch to B before the person asks for it');
      try {
        await prompt.waitFor({ timeout: 4000 });
        offered = i;
        break;
      } catch { /* not installed yet: the next visit asks again */ }
    }
    assert.ok(offered >= 0, `the new version was offered within 12 visits after the deploy (loads: ${loads.join('')})`);
    assert.equal(await prompt.textContent(), '新版本可用，刷新');
    await page.screenshot({ path: path.join(ensureArtifacts(), 'update-prompt-1280.png') });
    // the page becomes visible again (a person comes back to the tab): it asks for an update again
    const asked = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      let n = 0;
      const original = r.update.bind(r);
      r.update = () => { n++; return original(); };
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('online'));
      return n;
    });
    assert.equal(asked, 2, 'registration.update() on visibilitychange and on online');
    await Promise.all([page.waitForNavigation({ timeout: 60_000 }), prompt.click()]);
    await check('after 刷新');
    assert.equal(loads.at(-1), 'B', `the prompt brought the new build (loads: ${loads.join('')})`);
    assert.equal(await prompt.count(), 0, 'no prompt on the new build');
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await check(`reload ${i + 1} on the new build`);
    }
    assert.ok(loads.slice(loads.indexOf('B')).every((l) => l === 'B'), `never back to A after B (loads: ${loads.join('')})`);
    console.log(`# loads: ${loads.join('')}`);
    // the old build's cache is deleted and nothing writes it again
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`jxjy-shell-${B.version}`]);
    await page.reload();
    await check('last reload');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`jxjy-shell-${B.version}`]);
    await rec.context.close();
    rec.check();
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
