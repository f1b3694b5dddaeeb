// Shared set-up of the browser tests (tests/browser/*.test.mjs): the static server (scripts/serve.mjs
// on a free port), Debian's Chromium driven by playwright-core (no browser download), a context that
// records every request and console error, and the test corpus. Skips (with a reason) when Chromium or
// playwright-core is missing.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'test-artifacts');
const CHROMIUM = process.env.JXJY_CHROMIUM || '/usr/bin/chromium';
const PLAYWRIGHT = join(root, 'node_modules', 'playwright-core');

// Under CI (CI set, not "0" or "false") a suite that cannot run fails: the reason is thrown, not skipped.
function skipOrFailInCI(reason) {
  if (reason && !['', '0', 'false'].includes(process.env.CI ?? '')) throw new Error(`${reason} — CI is set, so this fails`);
  return reason;
}

/** false when the browser tests can run, else the reason they are skipped (under CI: thrown). */
export const skip = skipOrFailInCI(!existsSync(CHROMIUM)
  ? `browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`
  : !existsSync(join(PLAYWRIGHT, 'package.json'))
    ? 'browser tests skipped: node_modules/playwright-core is missing (npm ci)'
    : !existsSync(join(root, 'web', 'jxjy.wasm'))
      ? 'browser tests skipped: web/jxjy.wasm is missing (scripts/build.sh)'
      : false);

/** Starts scripts/serve.mjs on a free port; resolves to {url, origin, stop()}. */
export async function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '0', join(root, 'web')],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /(http:\/\/[\d.]+:\d+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited with ${code}`)); });
  });
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    },
  };
}

export async function launch() {
  const { chromium } = await import(join(PLAYWRIGHT, 'index.mjs'));
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * A fresh browser context (own storage, own service workers) that records every request and every
 * console error / page error / CSP violation. check() fails when any request left the page's origin
 * or anything was logged as an error.
 */
export async function newContext(browser, origin, options = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  const problems = [];
  const watch = (page) => {
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  context.on('page', watch);
  context.on('request', (r) => requests.push(r.url())); // also the service worker's own fetches
  // auto-accept confirm() (the "clear all" button)
  context.on('page', (page) => page.on('dialog', (d) => d.accept()));
  return {
    context,
    requests,
    problems,
    check() {
      const foreign = [...new Set(requests)].filter((u) => {
        if (/^(data|blob|about):/.test(u)) return false;
        try { return new URL(u).origin !== origin; } catch { return true; }
      });
      assert.deepEqual(foreign, [], `requests that left ${origin}`);
      assert.deepEqual(problems, [], 'console errors');
    },
  };
}

/** All cases of the corpus, each with its file: {file, name, clause, profile, expect}. */
export function corpus() {
  const out = [];
  const dir = join(root, 'tests', 'cases');
  for (const region of readdirSync(dir)) {
    if (!/^\d{6}$/.test(region)) continue;
    for (const f of readdirSync(join(dir, region))) {
      if (!f.endsWith('.json')) continue;
      for (const c of JSON.parse(readFileSync(join(dir, region, f), 'utf8'))) out.push({ file: `${region}/${f}`, ...c });
    }
  }
  return out;
}
export function corpusCase(file, name) {
  const c = corpus().find((x) => x.file === file && x.name === name);
  assert.ok(c, `corpus case ${file} "${name}" not found`);
  return c;
}

export const STATUS_ZH = { met: '达标', exempt: '免于要求', advisory: '仅作参考', short: '未达标' };
const SUBJECT_ZH = { public: '公需', professional: '专业' };
/** The page's Chinese shortfall sentence for one shortfall entry. */
export function shortfallSentence(s) {
  return s.subject === 'total' ? `${s.year}年合计还差${s.hours}学时` : `${s.year}年还差${SUBJECT_ZH[s.subject]}科目${s.hours}学时`;
}

const AMOUNTS = ['hours', 'minutes', 'days', 'months', 'subjects'];

/**
 * Fills the calculator (in page, or inside a frame / shadow root: `scope` is a Playwright locator
 * root or page) with a corpus profile the way a person would: selects, text fields, one row per record.
 */
export async function fillProfile(scope, profile) {
  const pick = (sel, value) => scope.locator(sel).selectOption(value === undefined ? '' : String(value));
  const text = (sel, value) => scope.locator(sel).fill(value === undefined ? '' : String(value));
  await pick('#f-region', profile.region);
  await text('#f-code', '');
  await text('#f-year', profile.year);
  await text('#f-appdate', profile.applicationDate);
  await pick('#f-route', profile.route || 'review');
  await pick('#f-level', profile.level);
  await pick('#f-gender', profile.gender);
  await text('#f-birth', profile.birthDate);
  if (!profile.birthDate) await text('#f-age', profile.age);
  await pick('#f-education', profile.education);
  await pick('#f-sector', profile.sector || 'public');
  await text('#f-since', profile.currentTitleSince);
  await scope.locator('#f-grassroots').setChecked(!!profile.grassroots);
  assert.ok(!profile.circumstances, 'fillProfile does not fill circumstances');

  const rows = scope.locator('#training-body tr');
  while (await rows.count() > 0) await rows.first().locator('button[data-action="del"]').click();
  for (const [i, r] of (profile.training || []).entries()) {
    await scope.locator('#add-row').click();
    const row = rows.nth(i);
    await row.locator('[data-col="year"] input').fill(String(r.year));
    await row.locator('[data-col="subject"] select').selectOption(r.subject);
    await row.locator('[data-col="activity"] select').selectOption(r.activity);
    const unit = AMOUNTS.find((u) => r[u] !== undefined);
    await row.locator('[data-col="unit"] select').selectOption(unit);
    await row.locator('[data-col="amount"] input').fill(String(r[unit]));
    await row.locator('[data-col="level"] select').selectOption(r.level || '');
    await row.locator('[data-col="filed"] input').setChecked(r.filed !== false);
    await row.locator('[data-col="note"] input').fill(r.note || '');
  }
}

/** Waits until the verdict banner shows `title` and the shortfall list reads `sentences`. */
export async function expectVerdict(scope, status, shortfall) {
  const title = STATUS_ZH[status];
  await scope.locator('#banner-title').filter({ hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: 10_000 });
  const items = await scope.locator('#shortfall-list li').allTextContents();
  const shown = await scope.locator('#shortfall-block').isVisible();
  assert.deepEqual(shown ? items : [], shortfall.map(shortfallSentence), 'shortfall sentences');
}

export function ensureArtifacts() {
  mkdirSync(artifacts, { recursive: true });
  return artifacts;
}

/** For a test file: starts the server and Chromium before its tests and stops them after. Returns an
 *  object whose `server` and `browser` are set once started (nothing is started when skipping). */
export function useBrowser() {
  const env = {};
  before(async () => {
    if (skip) return;
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
