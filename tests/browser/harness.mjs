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
    : !existsSync(join(root, 'web', 'lib', 'jxjy.wasm'))
      ? 'browser tests skipped: web/lib/jxjy.wasm is missing (scripts/build.sh)'
      : false);

/** Starts scripts/serve.mjs on a free port over dir (default web/); resolves to {url, origin, stop()}. */
export async function startServer(dir = join(root, 'web')) {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '0', dir],
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

const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};
export async function launch() {
  const { chromium } = await import(join(PLAYWRIGHT, 'index.mjs'));
  return chromium.launch(LAUNCH);
}

/** A browser with a profile kept in `dir` (its service workers, caches and code caches outlive it): its one context. */
export async function launchPersistent(dir, options = {}) {
  const { chromium } = await import(join(PLAYWRIGHT, 'index.mjs'));
  return chromium.launchPersistentContext(dir, { ...LAUNCH, locale: 'zh-CN', ...options });
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
    settleReads(page);
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

// The calculator evaluates in a worker: after a keystroke its answer comes a moment later, and while it
// is on its way the calculator's wrapper is aria-busy. Reads of the page (a locator's text, attribute,
// value, count, visibility; a screenshot) first wait until no calculator is busy, as a person would see
// the page once it has answered; a stale answer is never shown, so this hides no wrong verdict.
const NOT_BUSY = () => {
  const busy = (root) => !!root.querySelector('[aria-busy="true"]')
    || [...root.querySelectorAll('jxjy-checker')].some((e) => e.shadowRoot && busy(e.shadowRoot));
  return !busy(document);
};
export const settled = (page) => page.waitForFunction(NOT_BUSY, null, { polling: 20, timeout: 30_000 });
let patched = false;
function settleReads(page) {
  if (patched) return;
  patched = true;
  const proto = Object.getPrototypeOf(page.locator('body'));
  for (const name of ['textContent', 'innerText', 'getAttribute', 'inputValue', 'count', 'isVisible', 'isHidden',
    'isChecked', 'isDisabled', 'allTextContents', 'allInnerTexts', 'evaluate', 'evaluateAll', 'screenshot', 'boundingBox']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = async function settledRead(...args) {
      await settled(this.page()).catch(() => {});
      return original.apply(this, args);
    };
  }
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
/** Training records as the page sends them once typed in by fillProfile: filing answered (absent = filed). */
export const asTyped = (training) => training.map((r) => ({ ...r, filed: r.filed === undefined ? true : r.filed }));

export function corpusCase(file, name) {
  const c = corpus().find((x) => x.file === file && x.name === name);
  assert.ok(c, `corpus case ${file} "${name}" not found`);
  return c;
}

export const STATUS_ZH = { met: '达标', exempt: '免于要求', advisory: '仅作参考', short: '未达标' };
const SUBJECT_ZH = { public: '公需科目', professional: '专业科目' };
/** The page's Chinese shortfall sentence for one shortfall entry (a deadline may follow it). */
export function shortfallSentence(s) {
  return s.subject === 'total' ? `${s.year}年还差${s.hours}学时（公需或专业科目均可）` : `${s.year}年还差${SUBJECT_ZH[s.subject]}${s.hours}学时`;
}

const AMOUNTS = ['hours', 'minutes', 'days', 'months', 'subjects'];

/** Resolves once the calculator has loaded its checker and shows a stage (a verdict or a next step). */
export async function waitReady(scope) {
  await scope.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor({ timeout: 15_000 });
}

/** Fills one record card (a locator of its <li>) with a contract training record, as a person would. */
export async function fillRecord(card, r) {
  await card.locator('[data-col="year"] input').fill(r.year === undefined ? '' : String(r.year));
  await card.locator('[data-col="subject"] select').selectOption(r.subject);
  await card.locator('[data-col="activity"] select').selectOption(r.activity);
  const unit = AMOUNTS.find((u) => r[u] !== undefined);
  await card.locator('[data-col="unit"] select').selectOption(unit);
  await card.locator('[data-col="amount"] input').fill(String(r[unit]));
  if (r.level) await card.locator('[data-col="level"] select').selectOption(r.level);
  const filed = r.filed === false ? 'no' : r.filed === null ? 'unknown' : 'yes'; // absent: filed (CONTRACT §2)
  await card.locator(`[data-col="filed"] input[id$="-filed-${filed}"]`).check();
  if (r.note) await card.locator('[data-col="note"] input').fill(r.note);
}

/**
 * Fills the calculator (in page, or inside a frame / shadow root: `scope` is a Playwright locator
 * root or page) with a corpus profile the way a person would: the region code, choices, text fields,
 * one card per record.
 */
export async function fillProfile(scope, profile) {
  const pick = (sel, value) => scope.locator(sel).selectOption(value === undefined ? '' : String(value));
  const text = (sel, value) => scope.locator(sel).fill(value === undefined ? '' : String(value));
  const choose = async (name, value) => { if (value) await scope.locator(`#f-${name}-${value}`).check(); };
  await text('#f-region', profile.region);
  await text('#f-year', profile.year);
  await text('#f-applicationDate', profile.applicationDate);
  await choose('route', profile.route || 'review');
  await choose('level', profile.level);
  await choose('gender', profile.gender);
  await text('#f-birthDate', profile.birthDate);
  if (!profile.birthDate) await text('#f-age', profile.age);
  await pick('#f-education', profile.education);
  await pick('#f-sector', profile.sector);
  await text('#f-currentTitleSince', profile.currentTitleSince);
  await scope.locator('#f-grassroots').setChecked(!!profile.grassroots);
  assert.ok(!profile.circumstances, 'fillProfile does not fill circumstances');

  const cards = scope.locator('#records-list > li');
  while (await cards.count() > 0) await cards.first().locator('button[data-action="del"]').click();
  for (const [i, r] of (profile.training || []).entries()) {
    await scope.locator('#add-row').click();
    await fillRecord(cards.nth(i), r);
  }
}

/** Waits until the verdict banner shows `status` and the to-do list starts with `shortfall`'s sentences. */
export async function expectVerdict(scope, status, shortfall) {
  const title = STATUS_ZH[status];
  await scope.locator('#banner-title').filter({ hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: 10_000 });
  const items = await scope.locator('#todo-list li').allTextContents();
  const shown = await scope.locator('#todo-block').isVisible();
  const expected = shortfall.map(shortfallSentence);
  const got = (shown ? items : []).map((text, i) => (expected[i] && text.startsWith(expected[i]) ? expected[i] : text));
  assert.deepEqual(got, expected, 'shortfall sentences');
}

export function ensureArtifacts() {
  mkdirSync(artifacts, { recursive: true });
  return artifacts;
}

/** The whole page as a person scrolling it sees it, into `path`: the parts laid out only near the screen
 *  (`content-visibility: auto`) are laid out for the shot, else a full-page shot at 360 px shows them as
 *  empty boxes; the page's own style is back as it was after. */
export async function fullPageShot(page, path) {
  // (through the CSSOM: the page's policy refuses a style element of the test's own)
  const shown = () => {
    const lazy = [...document.querySelectorAll('*')].filter((n) => getComputedStyle(n).contentVisibility === 'auto');
    for (const n of lazy) n.style.contentVisibility = 'visible';
    window.__jxjyShotLazy = lazy;
  };
  await page.evaluate(shown);
  await page.screenshot({ path, fullPage: true });
  await page.evaluate(() => {
    for (const n of window.__jxjyShotLazy || []) n.style.contentVisibility = '';
    delete window.__jxjyShotLazy;
  });
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

/** The calculator in a new context (options: newContext's) at env.server.url + path: {rec, page}. */
export async function openPage(env, options = {}, path = '') {
  const rec = await newContext(env.browser, env.server.origin, options);
  const page = await rec.context.newPage();
  await page.goto(env.server.url + path);
  await waitReady(page);
  return { rec, page };
}

/** Today in this machine's time zone, YYYY-MM-DD: the day the page checks a roll on. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The page at env.server.url + query with the roll's section open (page: a new page of rec's context). */
export async function openRollPage(env, rec, { query = '', viewport } = {}) {
  const page = await rec.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(env.server.url + query);
  await waitReady(page);
  await page.locator('#roll-toggle').click();
  await page.locator('#roll-heading').waitFor();
  return page;
}

/** Resolves once the roll's check is over and its table drawn (or nothing is to be drawn). */
export const rollFinished = (page, timeout = 120_000) => page.waitForFunction(() => !document.querySelector('#roll[aria-busy]') &&
  (document.querySelector('#roll-table')?.dataset.rendered === 'all' || document.querySelector('#roll-results').hidden),
null, { timeout, polling: 50 });

/** Imports a roll file as a clerk does, and waits for the check to be over. */
export async function importRoll(page, name, buffer, mimeType = 'text/csv') {
  await page.locator('#roll-file').setInputFiles({ name, mimeType, buffer });
  await page.locator('#roll-status', { hasText: name }).waitFor({ timeout: 60_000 });
  await rollFinished(page, 60_000);
}

/** The JS module's checker in Node, to hold what the page shows to (web/jxjy.js, as a portal imports it). */
export async function nodeChecker() {
  const { createChecker } = await import(new URL('../../web/jxjy.js', import.meta.url));
  return createChecker();
}
