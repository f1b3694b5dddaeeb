// The npm package a portal installs (issue 13 item 4): `npm pack` of the repository, installed offline
// into an empty temporary project (`npm install ./jxjy-1.0.0.tgz`), used from Node through the
// package's exports, and from a page served from that project in Chromium: the ES module and
// <jxjy-checker> from node_modules/jxjy, under the strict CSP, computing the corpus's verdicts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { skipOrFailInCI } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.JXJY_CHROMIUM || '/usr/bin/chromium';
const pkgJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const corpusCase = (file, name) => JSON.parse(fs.readFileSync(path.join(root, 'tests', 'cases', file), 'utf8')).find((c) => c.name === name);

let project;
let tarball;
before(() => {
  assert.ok(fs.existsSync(path.join(root, 'pkg', 'jxjy.wasm')), 'pkg/ is built (scripts/build.sh)');
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-portal-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: root, encoding: 'utf8' }));
  tarball = packed[0].filename;
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`], { cwd: project, stdio: 'pipe' });
});
after(() => project && fs.rmSync(project, { recursive: true, force: true }));

test('npm pack ships the built module, wasm, types and <jxjy-checker>, nothing else', () => {
  assert.equal(tarball, `jxjy-${pkgJson.version}.tgz`);
  const installed = path.join(project, 'node_modules', 'jxjy');
  const files = fs.readdirSync(path.join(installed, 'pkg')).sort();
  for (const f of ['jxjy.js', 'jxjy.wasm', 'jxjy.d.ts', 'jxjy-checker.js', 'style.css']) assert.ok(files.includes(f), `pkg/${f} in the package`);
  // (npm adds the root README and LICENSE to every package; the portal's README and the LICENSE are also in pkg/)
  assert.deepEqual(fs.readdirSync(installed).sort(), ['LICENSE', 'README.md', 'package.json', 'pkg']);
  assert.ok(files.includes('LICENSE') && files.includes('README.md'), 'pkg/ has the LICENSE and the portal\'s README');
  // nothing to build: no source, no toolchain, no dependencies
  assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.')), ['jxjy']);
  // types: the module's .d.ts as "types" of "." and as its own export
  const exp = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).exports;
  assert.equal(exp['.'].types, './pkg/jxjy.d.ts');
  assert.ok(fs.readFileSync(path.join(installed, 'pkg', 'jxjy.d.ts'), 'utf8').includes('createChecker'));
});

test('from Node: import "jxjy" and its exports resolve in the portal project and compute', async () => {
  const script = `
    import { createChecker } from 'jxjy';
    import { readFileSync } from 'node:fs';
    const wasm = import.meta.resolve('jxjy/jxjy.wasm');
    const checker = await createChecker();
    const c = JSON.parse(process.argv[2]);
    const r = checker.evaluate(c.profile);
    console.log(JSON.stringify({ wasm, wasmBytes: readFileSync(new URL(wasm)).length, types: import.meta.resolve('jxjy/jxjy.d.ts'),
      element: import.meta.resolve('jxjy/jxjy-checker.js'), version: checker.version, status: r.status, shortfall: r.shortfall }));`;
  fs.writeFileSync(path.join(project, 'use.mjs'), script);
  const c = corpusCase('410100/records.json', '公需20+专业70合计90：公需课不足30，缺10');
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs', JSON.stringify(c)], { cwd: project, encoding: 'utf8' }));
  const inProject = (u) => fileURLToPath(u).startsWith(fs.realpathSync(path.join(project, 'node_modules', 'jxjy')));
  for (const k of ['wasm', 'types', 'element']) assert.ok(inProject(out[k]), `${k} resolves inside node_modules/jxjy: ${out[k]}`);
  assert.ok(out.wasmBytes > 100_000);
  assert.equal(out.version, pkgJson.version, 'package version = checker.version');
  assert.equal(out.status, c.expect.status);
  assert.deepEqual(out.shortfall.map(({ year, subject, hours }) => ({ year, subject, hours })), c.expect.shortfall.map(({ year, subject, hours }) => ({ year, subject, hours })));
});

const browserSkip = skipOrFailInCI(!fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing` : !fs.existsSync(path.join(root, 'node_modules', 'playwright-core')) ? 'playwright-core is missing (npm ci)' : false);

test('from a page served by the portal project: the module and <jxjy-checker> from node_modules/jxjy', { skip: browserSkip, timeout: 90_000 }, async () => {
  const c = corpusCase('410100/records.json', '公需20+专业70合计90：公需课不足30，缺10');
  fs.writeFileSync(path.join(project, 'index.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'">
<script type="module" src="node_modules/jxjy/pkg/jxjy-checker.js"></script>
<script type="module" src="portal.js"></script></head>
<body><output id="module-status">…</output><jxjy-checker id="checker" region="150783" lang="zh"></jxjy-checker></body></html>`);
  fs.writeFileSync(path.join(project, 'favicon.ico'), '');
  fs.writeFileSync(path.join(project, 'portal.js'), `import { createChecker } from './node_modules/jxjy/pkg/jxjy.js';
const checker = await createChecker();
document.getElementById('module-status').textContent = checker.evaluate(${JSON.stringify(c.profile)}).status;`);
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '0', project], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => { out += d; const m = /(http:\/\/[\d.]+:\d+\/)/.exec(out); if (m) resolve(m[1]); });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  const { chromium } = await import(pathToFileURL(path.join(root, 'node_modules', 'playwright-core', 'index.mjs')).href);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await page.locator('#module-status').filter({ hasText: c.expect.status }).waitFor({ timeout: 20_000 });
    // the element starts empty (no verdict for data nobody entered): ready once its checker is loaded
    await page.locator('jxjy-checker .jxjy[data-checker]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('jxjy-checker .jxjy').getAttribute('data-checker'), 'ready', 'the checker loaded');
    const evaluated = await page.evaluate((p) => document.getElementById('checker').evaluate(p).then((r) => r.status), c.profile);
    assert.equal(evaluated, c.expect.status, '<jxjy-checker>.evaluate() from the package');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await new Promise((r) => { server.once('exit', r); server.kill('SIGTERM'); });
  }
});
