// The production build (dist/) and how it is served (issue 13 items 1 and 3): what scripts/build-dist.mjs
// wrote, and the answers of scripts/serve.mjs, of nginx and of Caddy run with the README's own snippets
// (only the root folder and the port replaced): precompressed files by Accept-Encoding, the wasm's MIME
// type, the two cache rules, the CSP header; nginx also under a sub-path, and the page through nginx in
// Chromium.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

import { skipOrFailInCI } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const CSP = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(fs.readFileSync(path.join(root, 'web', 'index.html'), 'utf8'))[1];
const HASHED = /-[A-Z0-9]{8}\.(js|css|wasm)$/;
const files = (dir, prefix = '') => fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })
  .flatMap((d) => (d.isDirectory() ? files(dir, path.join(prefix, d.name)) : [path.join(prefix, d.name)]));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-deploy-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function snippet(lang) {
  const m = new RegExp('## Deploying on a bureau\'s site[\\s\\S]*?```' + lang + '\\n([\\s\\S]*?)```').exec(readme);
  assert.ok(m, `README has a \`\`\`${lang} block in "Deploying on a bureau's site"`);
  return m[1];
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function waitUp(url, child, log) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log()}`);
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`server did not answer: ${log()}`);
}

function start(cmd, args) {
  let out = '';
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  return { child, log: () => out, stop: () => new Promise((r) => { if (child.exitCode !== null) return r(); child.once('exit', r); child.kill('SIGTERM'); }) };
}

test('dist/: hashed names, the page names only files that exist, sw.js lists the build, .br/.gz are the same bytes', () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is built (scripts/build.sh)');
  const all = files(dist).filter((f) => !/\.(br|gz)$/.test(f));
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const named = [...html.matchAll(/\b(?:src|href)="([^":#][^":]*)"/g)].map((m) => m[1]);
  for (const f of named) assert.ok(all.includes(f), `index.html names ${f}, which is in dist/`);
  for (const kind of [/^app-.*\.js$/, /^style-.*\.css$/]) assert.ok(named.some((f) => kind.test(f) && HASHED.test(f)), `index.html names a hashed ${kind}`);
  // nothing the first screen does not need is fetched before its first paint (README "Speed and size"):
  // no preload of the wasm or of the page's modules; the wasm is hashed and named by the worker's bundle
  assert.ok(!/<link rel="(?:modulepreload|preload)"/.test(html), 'index.html preloads nothing');
  const wasm = all.find((f) => /^jxjy-.*\.wasm$/.test(f) && HASHED.test(f));
  assert.ok(wasm, 'the wasm has a hashed name');
  const worker = all.find((f) => /^checker-worker-[A-Z0-9]{8}\.js$/.test(f));
  assert.ok(worker && fs.readFileSync(path.join(dist, worker), 'utf8').includes(wasm), `the checker's worker fetches ${wasm}`);
  assert.ok(all.some((f) => /^checker-worker-[A-Z0-9]{8}\.js$/.test(f)), 'the worker is bundled under a hashed name');
  for (const f of ['jxjy.js', 'jxjy-checker.js', 'sw.js', 'manifest.webmanifest']) assert.ok(all.includes(f), `${f} keeps its name`);
  // the service worker's list is exactly the site (examples/ aside)
  const build = JSON.parse(/BUILD=(\{version:"\w+",files:\[[^\]]*\]\})/.exec(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'))[1].replace(/(version|files):/g, '"$1":'));
  assert.deepEqual(build.files.slice().sort(), ['./', ...all.filter((f) => !f.startsWith('examples') && f !== 'sw.js').map((f) => `./${f}`)].sort());
  for (const f of all) {
    const buf = fs.readFileSync(path.join(dist, f));
    if (f.endsWith('.png')) continue;
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, f + '.br'))).equals(buf), `${f}.br`);
    assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(dist, f + '.gz'))).equals(buf), `${f}.gz`);
    // minified: hardly a line break (only inside template texts) and no comment in the code and style
    if (HASHED.test(f) && !f.endsWith('.wasm')) {
      const text = buf.toString('utf8');
      assert.ok((text.match(/\n/g) || []).length <= Math.max(1, text.length / 100) && !/^\s*\/\/ /m.test(text), `${f} is minified`);
    }
  }
});

/** The answers every server must give for dist/ (mounted at `base`). */
async function checkServer(origin, base = '/') {
  const get = (p, enc) => fetch(origin + base + p, { headers: enc === undefined ? {} : { 'Accept-Encoding': enc } });
  const wasm = fs.readdirSync(dist).find((f) => /^jxjy-[A-Z0-9]{8}\.wasm$/.test(f));
  const css = fs.readdirSync(dist).find((f) => /^style-[A-Z0-9]{8}\.css$/.test(f));
  const app = fs.readdirSync(dist).find((f) => /^app-[A-Z0-9]{8}\.js$/.test(f));
  const body = async (r) => Buffer.from(await r.arrayBuffer());
  // fetch() decodes content-encoding itself: compare what it gives with the plain file, and look at the headers
  for (const [p, file, type, cache] of [
    ['', 'index.html', /^text\/html/, /no-cache/],
    ['sw.js', 'sw.js', /javascript/, /no-cache/],
    ['jxjy.js', 'jxjy.js', /javascript/, /no-cache/],
    ['manifest.webmanifest', 'manifest.webmanifest', /^application\/manifest\+json/, /no-cache/],
    [wasm, wasm, /^application\/wasm/, /max-age=31536000.*immutable|immutable.*max-age=31536000/],
    [css, css, /^text\/css/, /max-age=31536000/],
    [app, app, /javascript/, /max-age=31536000/],
  ]) {
    for (const [enc, expected] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', null]]) {
      const r = await get(p, enc);
      assert.equal(r.status, 200, `${base}${p} (${enc})`);
      assert.equal(r.headers.get('content-encoding'), expected, `${base}${p}: Content-Encoding for Accept-Encoding: ${enc}`);
      assert.match(r.headers.get('content-type'), type, `${base}${p}: Content-Type`);
      assert.match(r.headers.get('cache-control') || '', cache, `${base}${p}: Cache-Control`);
      assert.equal(r.headers.get('content-security-policy'), CSP, `${base}${p}: the page's CSP as a header`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('access-control-allow-origin'), '*', `${base}${p}: portals on other origins may load it`);
      assert.match(r.headers.get('vary') || '', /Accept-Encoding/i, `${base}${p}: Vary`);
      assert.ok((await body(r)).equals(fs.readFileSync(path.join(dist, file))), `${base}${p} (${enc}): the file's bytes`);
    }
  }
  assert.equal((await get('no-such-file.js', 'br')).status, 404);
}

test('scripts/serve.mjs serves dist/ as the README says a host should', async () => {
  const port = await freePort();
  const s = start(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), String(port), dist]);
  try {
    await waitUp(`http://127.0.0.1:${port}/`, s.child, s.log);
    await checkServer(`http://127.0.0.1:${port}`);
    const r = await fetch(`http://127.0.0.1:${port}/`);
    const again = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'If-None-Match': r.headers.get('etag') } });
    assert.equal(again.status, 304, 'revalidation of an unchanged file');
  } finally {
    await s.stop();
  }
});

const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const nginxSkip = skipOrFailInCI(fs.existsSync(NGINX) && fs.existsSync(BROTLI) ? false : 'nginx or its brotli_static module is missing (scripts/test.sh installs them)');

async function nginx(siteRoot) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(tmp, 'nginx-'));
  const server = snippet('nginx').replace(/listen 80;/, `listen 127.0.0.1:${port};`).replace(/root \/srv\/jxjy;/, `root ${siteRoot};`);
  assert.ok(server.includes(`listen 127.0.0.1:${port};`) && server.includes(`root ${siteRoot};`), 'the snippet has the listen and root lines to replace');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `load_module ${BROTLI};
daemon off; master_process off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
${server}
}
`);
  const s = start(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')]);
  await waitUp(`http://127.0.0.1:${port}/`, s.child, () => s.log() + (fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8') : ''));
  return { origin: `http://127.0.0.1:${port}`, stop: s.stop };
}

test('nginx with the README snippet serves dist/ (and under a sub-path)', { skip: nginxSkip, timeout: 60_000 }, async () => {
  const n = await nginx(dist);
  try { await checkServer(n.origin); } finally { await n.stop(); }
  const site = fs.mkdtempSync(path.join(tmp, 'site-'));
  fs.symlinkSync(dist, path.join(site, 'jxjy'));
  const sub = await nginx(site);
  try { await checkServer(sub.origin, '/jxjy/'); } finally { await sub.stop(); }
});

const CADDY = '/usr/bin/caddy';
test('Caddy with the README snippet serves dist/', { skip: skipOrFailInCI(fs.existsSync(CADDY) ? false : 'caddy is missing (scripts/test.sh installs it)'), timeout: 60_000 }, async () => {
  const port = await freePort();
  const site = snippet('caddy').replace(/^jxjy\.example\.gov\.cn \{/m, `http://127.0.0.1:${port} {`).replace(/root \* \/srv\/jxjy/, `root * ${dist}`);
  const file = path.join(tmp, 'Caddyfile');
  fs.writeFileSync(file, `{\n\tadmin off\n\tauto_https off\n}\n${site}`);
  const s = start(CADDY, ['run', '--config', file, '--adapter', 'caddyfile']);
  try {
    await waitUp(`http://127.0.0.1:${port}/`, s.child, s.log);
    await checkServer(`http://127.0.0.1:${port}`);
  } finally {
    await s.stop();
  }
});

const CHROMIUM = process.env.JXJY_CHROMIUM || '/usr/bin/chromium';
const browserSkip = nginxSkip || skipOrFailInCI(!fs.existsSync(CHROMIUM) || !fs.existsSync(path.join(root, 'node_modules', 'playwright-core')) ? 'Chromium or playwright-core is missing' : false);
test('the page served by nginx under a sub-path computes, offline too', { skip: browserSkip, timeout: 90_000 }, async () => {
  const site = fs.mkdtempSync(path.join(tmp, 'site-'));
  fs.symlinkSync(dist, path.join(site, 'jxjy'));
  const n = await nginx(site);
  const { chromium } = await import(pathToFileURL(path.join(root, 'node_modules', 'playwright-core', 'index.mjs')).href);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${n.origin}/jxjy/`);
    await page.locator('.jxjy[data-checker]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.jxjy').getAttribute('data-checker'), 'ready', 'the checker loaded');
    const scope = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      if (r.active.state !== 'activated') await new Promise((ok) => r.active.addEventListener('statechange', ok));
      return r.scope;
    });
    assert.equal(scope, `${n.origin}/jxjy/`);
    await context.setOffline(true);
    await page.reload();
    await page.locator('.jxjy[data-checker]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.jxjy').getAttribute('data-checker'), 'ready', 'the checker loaded');
    await context.setOffline(false);
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  } finally {
    await browser.close();
    await n.stop();
  }
});

test('a portal on another origin: <jxjy-checker> from the site computes (the checker on the main thread)', { skip: browserSkip, timeout: 90_000 }, async () => {
  const http = await import('node:http');
  const port = await freePort();
  const site = start(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), String(port), dist]);
  // the portal: another origin (localhost, not 127.0.0.1), no CSP of ours
  const portal = http.createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title><link rel="icon" href="data:,">
<script type="module" src="http://127.0.0.1:${port}/jxjy-checker.js"></script></head>
<body><jxjy-checker region="150783" lang="zh"></jxjy-checker></body></html>` : '');
  });
  await new Promise((r) => portal.listen(0, '127.0.0.1', r));
  const { chromium } = await import(pathToFileURL(path.join(root, 'node_modules', 'playwright-core', 'index.mjs')).href);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitUp(`http://127.0.0.1:${port}/`, site.child, site.log);
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`http://localhost:${portal.address().port}/`);
    // the element starts empty: ready once its checker is loaded; then it computes a profile
    await page.locator('jxjy-checker #banner[data-stage]:not([data-stage="loading"])').waitFor({ timeout: 30_000 });
    const status = await page.evaluate(() => document.querySelector('jxjy-checker').evaluate({ region: '150783', year: 2023,
      route: 'review', level: 'junior', gender: 'female', age: 30, training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30 },
        { year: 2023, subject: 'professional', activity: 'course', hours: 60 }] }).then((r) => r.status));
    assert.equal(status, 'met');
    assert.equal(page.workers().length, 0, 'no worker from another origin: the checker runs on the page');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await new Promise((r) => portal.close(r));
    await site.stop();
  }
});
