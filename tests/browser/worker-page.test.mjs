// The page's checker runs in a module worker (calculator.js over lib/checker-client.js): the page shows a
// verdict only for the draft on screen however fast one types (an answer for an older draft is dropped),
// and it still works where no worker can be had or when the worker fails halfway (main-thread fallback).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { newContext, settled, skip, useBrowser } from './harness.mjs';

const env = useBrowser();
const KEY = 'jxjy.calculator.draft.v2';
const DRAFT = { region: '410100', year: '2023', route: 'review', level: 'intermediate', currentTitleSince: '2020',
  training: [{ year: '2023', subject: 'professional', activity: 'course', amount: '10', unit: 'hours' },
    { year: '2022', subject: 'public', activity: 'course', amount: '12', unit: 'hours' }] };

// counts wasm compilations on the page's own thread (the worker has its own WebAssembly)
const COUNT_WASM = () => {
  window.__jxjyWasmOnPage = 0;
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function counted(...args) { window.__jxjyWasmOnPage++; return original.apply(this, args); };
  }
};

async function open(rec, before) {
  const page = await rec.context.newPage();
  await page.addInitScript(COUNT_WASM);
  await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [KEY, JSON.stringify(DRAFT)]);
  if (before) await before(page);
  await page.goto(env.server.url);
  await page.locator('#banner[data-stage="verdict"]').waitFor({ timeout: 60_000 });
  return page;
}

// Types `values` into the first card's amount, one input event each, `gap` ms apart (0: all in one task),
// and records every explanation the first card shows meanwhile beside the amount typed at that moment.
const typeFast = (page, values, gap) => page.evaluate(async ([values, gap]) => {
  const input = document.querySelector('#records-list [data-col="amount"] input');
  const line = input.closest('li').querySelector('.explain');
  const shown = [];
  const seen = new MutationObserver(() => shown.push({ text: line.textContent, typed: input.value }));
  seen.observe(line, { childList: true, characterData: true, subtree: true });
  window.__jxjyShown = shown;
  window.__jxjyStop = () => seen.disconnect();
  for (const v of values) {
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (gap) await new Promise((r) => setTimeout(r, gap));
  }
}, [values, gap]);

test('typing fast: the page evaluates in a worker and never shows an answer for an older draft', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  assert.equal(page.workers().length, 1, 'the checker runs in a worker');
  assert.equal(await page.evaluate(() => window.__jxjyWasmOnPage), 0, 'no wasm compiled or run on the main thread');
  for (const gap of [0, 1, 7]) {
    const values = Array.from({ length: 25 }, (_, i) => String(41 + i + gap));
    await typeFast(page, values, gap);
    await settled(page);
    const shown = await page.evaluate(() => { window.__jxjyStop(); return window.__jxjyShown; });
    const last = values.at(-1);
    assert.ok(shown.length >= 1, `gap ${gap}: an answer was shown`);
    for (const s of shown) {
      const credited = /计入 (\d+(?:\.\d+)?) 学时/.exec(s.text);
      assert.ok(credited, `gap ${gap}: explanation ${JSON.stringify(s.text)}`);
      assert.equal(credited[1], s.typed, `gap ${gap}: shown for the amount then typed (${JSON.stringify(shown)})`);
    }
    assert.match(await page.locator('#records-list li .explain').first().textContent(), new RegExp(`计入 ${last} 学时`));
    if (gap === 0) assert.equal(shown.length, 1, `typed in one go: one answer, for the last value (${JSON.stringify(shown)})`);
    // the year table agrees with the last value: 2023 professional = the last amount
    const row2023 = await page.locator('#years-body tr', { hasText: '2023' }).first().textContent();
    assert.ok(row2023.includes(`${last}/`), `2023 row shows ${last} credited: ${row2023}`);
  }
  await rec.context.close();
  rec.check();
});

test('no Worker in this browser: the page checks on its main thread, the same verdicts', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec, (p) => p.addInitScript(() => { delete window.Worker; }));
  assert.equal(page.workers().length, 0);
  assert.ok(await page.evaluate(() => window.__jxjyWasmOnPage) > 0, 'the wasm runs on the page');
  await typeFast(page, ['33'], 0);
  await settled(page);
  assert.match(await page.locator('#records-list li .explain').first().textContent(), /计入 33 学时/);
  assert.equal(await page.locator('#banner').getAttribute('data-stage'), 'verdict');
  await rec.context.close();
  rec.check();
});

test('the worker fails halfway: the request it dropped and every later one are answered on the main thread', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  // a worker that answers its first evaluations, then throws on one (an uncaught error in the worker)
  const page = await open(rec, (p) => p.route(/checker-worker(-[A-Z0-9]{8})?\.js$/, async (route) => {
    const response = await route.fetch();
    const body = `let seen = 0;
self.addEventListener('message', (e) => {
  if (e.data && e.data.op === 'evaluateJSON' && ++seen === 3) { e.stopImmediatePropagation(); throw new Error('worker broke'); }
});
${await response.text()}`;
    await route.fulfill({ response, body });
  }));
  assert.equal(page.workers().length, 1);
  for (const v of ['21', '22', '23']) {
    await typeFast(page, [v], 0);
    await settled(page);
    assert.match(await page.locator('#records-list li .explain').first().textContent(), new RegExp(`计入 ${v} 学时`), `after typing ${v}`);
  }
  assert.equal(page.workers().length, 0, 'the failed worker is stopped');
  assert.ok(await page.evaluate(() => window.__jxjyWasmOnPage) > 0, 'the fallback checker runs on the page');
  await rec.context.close();
});

// Records each question the page puts to the checker's worker (the op of every evaluation posted).
const ASKS = () => {
  window.__jxjyAsks = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function recorded(message, ...rest) {
    if (message && /^evaluate/.test(message.op)) window.__jxjyAsks.push(message.op);
    return post.call(this, message, ...rest);
  };
};

test('a returning draft: its first verdict is the answer to the one question asked as soon as the worker is ready', { skip, timeout: 120_000 }, async () => {
  // the first verdict is the answer to that one early question (calculator.js askEarly)
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec, (p) => p.addInitScript(ASKS));
  await page.locator('.jxjy[data-checker="ready"]').waitFor({ timeout: 60_000 });
  await settled(page);
  assert.deepEqual(await page.evaluate(() => window.__jxjyAsks), ['evaluateJSON'], 'one question for the first verdict');
  assert.deepEqual(await page.locator('#years-body th').allTextContents(), ['2021', '2022', '2023'], 'the stored draft (2023) checked: 郑州\'s three years up to it');
  await rec.context.close();
});

// The saved people's database (people-db.js: "jxjy", its store "people") held open by an upgrade that goes
// on until the test says (window.__jxjyReleaseDb): the page's own opening of it waits until then.
const HOLD_PEOPLE_DB = () => {
  const req = indexedDB.open('jxjy', 1);
  req.onupgradeneeded = () => {
    const store = req.result.createObjectStore('people', { keyPath: 'id' });
    const spin = () => { if (!window.__jxjyReleaseDb) store.get('none').onsuccess = spin; };
    spin();
  };
  req.onsuccess = () => req.result.close();
};

test('a returning draft: its first verdict does not wait for the saved people\'s database, their panel comes once it is read', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec, (p) => p.addInitScript(HOLD_PEOPLE_DB));
  assert.equal(await page.locator('.jxjy[data-checker="ready"]').count(), 1, 'the checker is there');
  assert.deepEqual(await page.locator('#years-body th').allTextContents(), ['2021', '2022', '2023'], 'the stored draft checked');
  assert.equal(await page.locator('#people-select').count(), 0, 'the people\'s panel is not drawn while their database is held');
  await page.evaluate(() => { window.__jxjyReleaseDb = true; });
  await page.locator('#people-select').waitFor({ state: 'attached', timeout: 30_000 });
  await rec.context.close();
});

// The checker's worker as served, except that it holds back its first evaluation's answer until the
// test says (a BroadcastChannel message: the page cannot reach the worker the page's modules made).
const HOLD_FIRST = `let held = null, released = false;
new BroadcastChannel('jxjy-test-release').onmessage = () => {
  released = true;
  if (held) { const data = held; held = null; self.dispatchEvent(new MessageEvent('message', { data })); }
};
self.addEventListener('message', (e) => {
  if (!released && !held && e.data && /^evaluate/.test(e.data.op)) { e.stopImmediatePropagation(); held = e.data; }
});
`;

// Every list of years the result's table heads, in the order shown.
const YEARS_SHOWN = () => {
  window.__jxjyYears = [];
  new MutationObserver(() => {
    const heads = [...document.querySelectorAll('#years-body th')].map((th) => th.textContent).join(',');
    if (heads && window.__jxjyYears.at(-1) !== heads) window.__jxjyYears.push(heads);
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

test('a returning draft changed while its early question is out: that answer is never shown, the changed draft is asked', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [KEY, JSON.stringify(DRAFT)]);
  await page.addInitScript(ASKS);
  await page.addInitScript(YEARS_SHOWN);
  await page.route(/checker-worker(-[A-Z0-9]{8})?\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: HOLD_FIRST + await response.text() });
  });
  await page.goto(env.server.url);
  await page.locator('.jxjy[data-checker="ready"]').waitFor({ timeout: 60_000 });
  assert.deepEqual(await page.evaluate(() => window.__jxjyAsks), ['evaluateJSON'], 'the early question (2023) is out, its answer held');
  // (read in the page: the harness's reads wait until the calculator is not busy, and it is, on the held answer)
  assert.equal(await page.evaluate(() => document.querySelector('#banner').dataset.stage), 'loading', 'no verdict without an answer');
  await page.locator('#f-year').fill('2024');
  await page.evaluate(() => new BroadcastChannel('jxjy-test-release').postMessage('go'));
  await page.locator('#banner[data-stage="verdict"]').waitFor({ timeout: 60_000 });
  await settled(page);
  assert.deepEqual(await page.evaluate(() => window.__jxjyAsks), ['evaluateJSON', 'evaluateJSON'], 'the changed draft asked once more');
  assert.deepEqual(await page.evaluate(() => window.__jxjyYears), ['2021,2022,2023,2024'], 'only the 2024 draft\'s verdict was ever shown (its years: after the title of 2020, up to 2024)');
  await rec.context.close();
  rec.check();
});

test('an empty start: its first step is on screen before the checker is there; a region chosen meanwhile waits for it', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  // the checker's worker is held back until the test lets it load
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(/checker-worker(-[A-Z0-9]{8})?\.js$/, async (route) => { await gate; await route.continue(); });
  await page.goto(env.server.url);
  await page.locator('#banner[data-stage="incomplete"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.jxjy').getAttribute('data-checker'), null, 'no checker yet');
  assert.match(await page.locator('#next-step-text').textContent(), /先选择申报地区/);
  assert.equal(await page.locator('#f-search').getAttribute('aria-invalid'), null, 'no red error');
  // past the region step only the checker can say what comes next: the page says it is loading
  await page.locator('#f-region').fill('410100');
  await page.locator('#banner[data-stage="loading"]').waitFor();
  assert.equal(await page.locator('#next-step').isHidden(), true, 'no next step said without the checker');
  release();
  await page.locator('.jxjy[data-checker="ready"] #banner[data-stage="incomplete"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#next-step-text').textContent(), /年度/, 'then the next step: the year');
  await rec.context.close();
});
