// Saved people in IndexedDB (web/calculator/people/people-db.js), issue #26: two tabs of one browser (two pages of one
// Playwright context share storage like two tabs) never overwrite each other's people; a write that finds
// a newer revision keeps both; tabs hear of each other's changes; the draft on screen is per tab; the old
// localStorage people are migrated once, kept until the migration is confirmed; a full storage is said
// and nothing is replaced before it is kept; a 500-person set costs one record per edit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { ensureArtifacts, newContext, skip, useBrowser, waitReady } from './harness.mjs';
import { savedPeople } from './people-store.mjs';

const env = useBrowser();
const LEGACY = 'jxjy.people.v1';
const DRAFT = 'jxjy.calculator.draft.v2';
const options = (page) => page.locator('#people-select option').allTextContents();
const link = (profile) => `${env.server.url}#p=${Buffer.from(JSON.stringify(profile)).toString('base64url')}`;
const SAVE = 700; // the page writes a moment (300 ms) after the last change

async function openPanel(page) {
  const open = await page.locator('#people-details').evaluate((d) => d.open);
  if (!open) await page.locator('#people-details summary').click();
}
async function openPerson(page, name) {
  await page.locator('#people-select').selectOption({ label: name });
  await page.locator('#people-open').click();
  // (a new tab starts where the last tab that wrote was: it may show that person already)
  await page.locator('#people-status').filter({ hasText: new RegExp(`已打开「${name}」|「${name}」已经打开`) }).waitFor();
}
// Types the fields into a draft, keeps it with 新建人员 (the panel says `said`) and opens it again.
async function keptPerson(page, fields, said = '已新建') {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value);
  await page.locator('#people-new').click();
  await page.locator('#people-status', { hasText: said }).waitFor();
  await openPerson(page, fields['f-name']);
}

async function fresh(rec, url = env.server.url) {
  const page = await rec.context.newPage();
  await page.goto(url);
  await waitReady(page);
  await openPanel(page);
  return page;
}

test('two tabs: another tab\'s link and edits never land in 甲 (the issue\'s steps)', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const a = await fresh(rec);
  await keptPerson(a, { 'f-region': '630000', 'f-age': '41', 'f-name': '甲' }, '原来填写的内容已保存为人员「甲」');
  // tab B opens a link of someone else
  const b = await fresh(rec, link({ region: '150404', year: 2023, level: 'junior', training: [] }));
  assert.equal(await b.locator('#f-region').inputValue(), '150404');
  await a.locator('#f-age').fill('42');
  await a.waitForTimeout(SAVE);
  await b.locator('#f-name').fill('乙');
  await b.locator('#f-age').fill('55');
  await b.waitForTimeout(SAVE);
  await a.close();
  await b.close();
  // reopen, one edit
  const c = await fresh(rec);
  await c.locator('#f-year').fill('2024');
  await c.waitForTimeout(SAVE);
  const people = await savedPeople(c);
  const jia = people.filter((p) => p.draft.name === '甲');
  assert.equal(jia.length, 1, JSON.stringify(people.map((p) => p.draft.name)));
  assert.deepEqual([jia[0].draft.region, jia[0].draft.age], ['630000', '42'], '甲 keeps 甲\'s own entries');
  assert.ok(!people.some((p) => p.draft.age === '55' && p.draft.region === '630000'), '乙\'s entries never went into 甲');
  await rec.context.close();
  rec.check();
});

test('two tabs edit the same person at once: both kept, the second as 「甲（另一窗口的修改）」, and said', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const a = await fresh(rec);
  await keptPerson(a, { 'f-region': '630000', 'f-age': '41', 'f-name': '甲' });
  const b = await fresh(rec);
  await openPerson(b, '甲');
  // both type before either tab's save is written: A's lands first, B's finds a newer revision
  await a.locator('#f-age').fill('50');
  await b.locator('#f-age').fill('60');
  await b.locator('#notice', { hasText: '另一窗口的修改' }).waitFor({ timeout: 20_000 });
  await a.waitForTimeout(SAVE);
  const people = await savedPeople(a);
  const byName = Object.fromEntries(people.map((p) => [p.draft.name, p.draft.age]));
  assert.equal(byName['甲'], '50', JSON.stringify(byName));
  assert.equal(byName['甲（另一窗口的修改）'], '60', JSON.stringify(byName));
  assert.match(await b.locator('#notice').textContent(), /「甲」.*另一个窗口.*「甲（另一窗口的修改）」/);
  assert.equal(await b.locator('#f-name').inputValue(), '甲（另一窗口的修改）', 'tab B now shows the copy it keeps');
  // tab A hears of the copy without a reload
  await a.locator('#people-select option', { hasText: '甲（另一窗口的修改）' }).waitFor({ state: 'attached' });
  await b.locator('#people').scrollIntoViewIfNeeded();
  await b.screenshot({ path: join(ensureArtifacts(), 'people-tabs-conflict-1280.png') });
  await b.setViewportSize({ width: 360, height: 800 });
  await b.screenshot({ path: join(ensureArtifacts(), 'people-tabs-conflict-360.png') });
  await rec.context.close();
  rec.check();
});

test('tabs hear of each other\'s changes; the draft on screen is each tab\'s own', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const a = await fresh(rec);
  await keptPerson(a, { 'f-region': '630000', 'f-name': '甲' });
  const b = await fresh(rec);
  await openPerson(b, '甲');
  // A changes 甲; B, which shows 甲 and has typed nothing since, shows the change without a reload
  await a.locator('#f-age').fill('43');
  await b.locator('#notice', { hasText: '在另一个窗口中已修改' }).waitFor({ timeout: 20_000 });
  assert.equal(await b.locator('#f-age').inputValue(), '43');
  // unsaved drafts are per tab: each tab reloads to its own
  const c = await fresh(rec);
  const d = await fresh(rec);
  await c.locator('#f-region').fill('410100');
  await d.locator('#f-region').fill('150783');
  await c.waitForTimeout(SAVE);
  await c.reload();
  await waitReady(c);
  assert.equal(await c.locator('#f-region').inputValue(), '410100', 'tab C keeps its own draft');
  await d.reload();
  await waitReady(d);
  assert.equal(await d.locator('#f-region').inputValue(), '150783', 'tab D keeps its own draft');
  await rec.context.close();
  rec.check();
});

test('navigator.storage.persist() is asked when the first person is saved', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  await rec.context.addInitScript(() => {
    window.__persistAsked = 0;
    if (navigator.storage) navigator.storage.persist = async () => { window.__persistAsked += 1; return true; };
  });
  const page = await fresh(rec);
  await page.locator('#f-region').fill('630000');
  await page.waitForTimeout(SAVE);
  assert.equal(await page.evaluate(() => window.__persistAsked), 0, 'not before anyone is saved');
  await page.locator('#people-new').click();
  await page.locator('#people-status', { hasText: '已新建' }).waitFor();
  assert.ok(await page.evaluate(() => window.__persistAsked) >= 1);
  await rec.context.close();
  rec.check();
});

// The localStorage set of before (people.js's old format), with the draft of the one shown.
const legacySet = (n, extra = {}) => ({
  version: 1, current: 'old1',
  people: Array.from({ length: n }, (_, i) => ({
    id: `old${i + 1}`,
    draft: { name: `旧人员${i + 1}`, region: '630000', year: '2023', age: String(30 + (i % 30)), training: [{ year: '2023', subject: 'public', activity: 'course', amount: '30', unit: 'hours' }], ...extra },
  })),
});

test('migration: the old localStorage people all move to IndexedDB once; the old data stays until that is confirmed', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const set = legacySet(3);
  set.people[2].draft.level = 'galactic'; // not valid: dropped and named, the rest kept
  const seed = await rec.context.newPage();
  await seed.goto(`${env.server.url}?region=630000`);
  await seed.evaluate(([k, d, s]) => { localStorage.setItem(k, JSON.stringify(s)); localStorage.setItem(d, JSON.stringify(s.people[0].draft)); }, [LEGACY, DRAFT, set]);
  // first, IndexedDB refuses every write: nothing is lost, the old data stays, and the page says so
  await seed.addInitScript(() => {
    const fail = function () { throw new DOMException('full', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  await seed.reload();
  await waitReady(seed);
  await seed.locator('#notice', { hasText: '原来的数据仍保留' }).waitFor();
  assert.deepEqual(await options(seed), ['旧人员1', '旧人员2', '旧人员3'], 'the old people are shown all the same');
  assert.ok(await seed.evaluate((k) => localStorage.getItem(k), LEGACY), 'the old data is kept');
  await seed.setViewportSize({ width: 360, height: 800 });
  await seed.screenshot({ path: join(ensureArtifacts(), 'people-migrate-failed-360.png') });
  await seed.close();

  const page = await fresh(rec);
  await page.locator('#people-error', { hasText: 'people/2/draft/level' }).waitFor();
  const people = await savedPeople(page);
  assert.deepEqual(people.map((p) => [p.id, p.draft.name, p.draft.age]), set.people.map((p) => [p.id, p.draft.name, p.draft.age]));
  assert.deepEqual(people[0].draft.training, set.people[0].draft.training.map((r) => ({ ...r, level: '', filed: '', note: '', start: '', end: '' })));
  assert.ok(people.every((p) => p.rev >= 1));
  assert.deepEqual(await options(page), ['旧人员1', '旧人员2', '旧人员3']);
  assert.equal(await page.locator('#f-name').inputValue(), '旧人员1', 'the person shown before is shown');
  // confirmed (every record read back): the old set goes; a reload migrates nothing twice
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LEGACY), null);
  await page.reload();
  await waitReady(page);
  assert.equal((await savedPeople(page)).length, 3);
  await rec.context.close();
  rec.check();
});

test('storage full: said while typing; 新建人员 replaces nothing and claims nothing', { skip, timeout: 120_000 }, async () => {
  for (const lang of ['zh', 'en']) {
    for (const width of [360, 1280]) {
      const rec = await newContext(env.browser, env.server.origin, { viewport: { width, height: 900 } });
      const page = await fresh(rec, `${env.server.url}${lang === 'en' ? '?lang=en' : ''}`);
      await page.locator('#f-name').fill('乙');
      await page.locator('#people-new').click(); // 乙 saved while there is room
      await page.locator('#people-status', { hasText: lang === 'en' ? 'Created' : '已新建' }).waitFor();
      await page.evaluate(() => {
        const fail = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
        IDBObjectStore.prototype.put = fail;
        IDBObjectStore.prototype.add = fail;
        Storage.prototype.setItem = fail;
      });
      await page.locator('#f-region').fill('630000');
      await page.locator('#f-name').fill('丙');
      const full = lang === 'en' ? /storage is full/ : /存储已满/;
      await page.locator('#notice').filter({ hasText: full }).waitFor({ timeout: 5_000 });
      assert.match(await page.locator('#notice').textContent(), lang === 'en' ? /Export all people/ : /导出全部人员/);
      await page.locator('#people-new').click();
      await page.locator('#people-error').filter({ hasText: full }).waitFor({ timeout: 5_000 });
      assert.equal(await page.locator('#f-name').inputValue(), '丙', 'the screen is not replaced');
      assert.equal(await page.locator('#f-region').inputValue(), '630000');
      const status = await page.locator('#people-status').textContent();
      assert.doesNotMatch(status, /已保存为人员「丙」|已新建|saved as the person "丙"|Created/, status);
      await page.locator('#notice').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ensureArtifacts(), `people-full-${lang}-${width}.png`) });
      if (width === 1280) {
        await page.locator('#people').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ensureArtifacts(), `people-full-panel-${lang}-${width}.png`) });
      }
      await rec.context.close();
      rec.check();
    }
  }
});

// Long tasks of the main thread (PerformanceObserver "longtask") from an init script on, and the
// characters the page writes to storage (IndexedDB records as JSON, localStorage and sessionStorage values).
const watchLongTasks = () => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  window.__written = 0;
  for (const name of ['put', 'add']) {
    const original = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function counted(value, ...rest) {
      try { window.__written += JSON.stringify(value).length; } catch { /* not JSON */ }
      return original.call(this, value, ...rest);
    };
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function counted(k, v) { window.__written += String(v).length; return setItem.call(this, k, v); };
};

test('500 people: an edit writes one record, not the whole set (no long task a keystroke)', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const set = legacySet(500, { note: '' });
  // 40 records each: a 3.6 MB set, as a clerk's list grows (the old store rewrote all of it per edit)
  for (const p of set.people) p.draft.training = Array.from({ length: 40 }, (_, i) => ({ year: String(2015 + (i % 9)), subject: i % 2 ? 'public' : 'professional', activity: 'course', amount: '30', unit: 'hours', note: '某某大学继续教育学院网络课程'.repeat(3) }));
  await rec.context.addInitScript(watchLongTasks);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify(s)), [LEGACY, set]);
  await page.reload();
  await waitReady(page);
  await openPanel(page);
  await page.locator('#people-select option', { hasText: '旧人员500' }).waitFor({ state: 'attached' });
  await openPerson(page, '旧人员2');
  await page.waitForTimeout(SAVE);
  // a slow phone's CPU (4x, as bench/page_bench.mjs THROTTLE)
  const cdp = await rec.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => { window.__long = []; window.__written = 0; });
  for (const v of ['x', 'y', 'z']) {
    await page.locator('#f-name').click();
    await page.keyboard.press('End');
    await page.keyboard.type(v);
    await page.waitForTimeout(SAVE);
  }
  await page.waitForTimeout(SAVE);
  const [tasks, written] = await page.evaluate(() => [window.__long, window.__written]);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForTimeout(SAVE);
  const stored = (await savedPeople(page)).find((p) => p.id === 'old2');
  assert.equal(stored.draft.name, '旧人员2xyz', 'each keystroke written');
  // what an edit writes: that person's record and this tab's draft (about 7 K characters each), not the
  // set (3.6 M characters a keystroke before)
  console.log(`# three edits wrote ${written} characters; long tasks (4x CPU): ${tasks.join(', ') || 'none'} ms`);
  assert.ok(written < 200_000, `three edits wrote ${written} characters`);
  // and a generous bound on time (2 cores, maybe busy with other tests, 4x slower CPU): the old store's
  // whole-set write of this set was one 1.2-1.4 s task per edit here on an idle machine
  assert.ok(Math.max(0, ...tasks) < 1000, `long tasks: ${tasks.join(', ')} ms`);
  await rec.context.close();
  rec.check();
});

test('a 2 MB set of malformed records does not freeze the tab', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  // 500 records, each with a valid name and 1,000 rows of junk: 2 MB of JSON
  const junk = { version: 1, current: 7, people: Array.from({ length: 500 }, (_, i) => ({ id: i % 3 ? `m${i}` : 5, draft: { name: `坏${i}`, level: 3, training: Array.from({ length: 1000 }, () => [1]), circ: { x: 1 } } })) };
  const text = JSON.stringify(junk);
  assert.ok(text.length > 2_000_000, `${text.length}`);
  await rec.context.addInitScript(watchLongTasks);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.evaluate(([k, s]) => localStorage.setItem(k, s), [LEGACY, text]);
  await page.reload();
  await waitReady(page);
  await openPanel(page);
  await page.locator('#people-select option', { hasText: '坏499' }).waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('#f-age').click();
  await page.keyboard.type('4');
  await page.waitForTimeout(SAVE);
  const longest = Math.max(0, ...await page.evaluate(() => window.__long));
  console.log(`# longest main-thread task with a 2 MB malformed set: ${longest} ms`);
  // a generous bound (2 cores, maybe busy with other tests): the old page never got ready in 15 s; an idle
  // machine shows no task over 80 ms here (the set is parsed in a worker)
  assert.ok(longest < 2000, `longest main-thread task ${longest} ms`);
  await rec.context.close();
  rec.check();
});
