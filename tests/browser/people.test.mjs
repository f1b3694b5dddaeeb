// Saved people (web/calculator/people/people.js, web/calculator/people/people-view.js) in Chromium: two people created, switched, renamed,
// copied and deleted; the set exported as one JSON file and imported in a fresh context; a corrupt store
// keeps what is valid and says what it dropped; nothing on screen is replaced before a person holds it
// (a #p= link over unsaved entries asks, then keeps them as a person). Screenshots at 360 and 1280 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { asTyped, corpusCase, ensureArtifacts, expectVerdict, fillProfile, newContext, skip, useBrowser, waitReady } from './harness.mjs';
import { putPerson, storedSet } from './people-store.mjs';

const env = useBrowser();
const A = corpusCase('650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30');
const B = corpusCase('150404/review.json', '初级评审：当年无任何学时，缺公需30、专业60');
const options = async (page) => page.locator('#people-select option').allTextContents();
const stored = (page) => storedSet(page); // (IndexedDB since #26: people-store.mjs)

async function rename(page, name) {
  await page.locator('#people-rename').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'people-rename-input', 'focus moves to the name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.locator('#people-status', { hasText: `已改名为「${name}」` }).waitFor();
}

test('saved people: create two, switch, rename, copy, delete, export, import in a fresh context', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  // folded while nobody is saved; the heading says it stays on this device
  assert.equal(await page.locator('#people-details').evaluate((d) => d.open), false);
  assert.equal(await page.locator('#people-heading').textContent(), '人员（只保存在本机）');
  await page.locator('#people-details summary').click();
  // the plain statement that nothing leaves the device
  assert.match(await page.locator('#people-privacy').textContent(), /只保存在这台设备的浏览器里，不会上传或发送到任何地方/);
  assert.deepEqual(await options(page), ['（当前填写的内容，尚未保存为人员）']);
  assert.equal(await page.locator('#people-del').isDisabled(), true, 'nothing saved: nothing to delete');

  // person 1: typed, then named (renaming an unsaved draft saves it as a person)
  await fillProfile(page, A.profile);
  await expectVerdict(page, A.expect.status, A.expect.shortfall);
  await rename(page, '张三');
  assert.deepEqual(await options(page), ['张三']);
  assert.equal(await page.locator('#f-name').inputValue(), '张三', 'the name is the form\'s name');

  // person 2: "new person" starts empty; the first one stays as it was
  await page.locator('#people-new').click();
  await page.locator('#people-status', { hasText: '已新建「未命名（第2位）」' }).waitFor();
  assert.equal(await page.locator('#f-region').inputValue(), '');
  await fillProfile(page, B.profile);
  await expectVerdict(page, B.expect.status, B.expect.shortfall);
  await page.locator('#f-name').fill('李四');
  await page.locator('#people-select option', { hasText: '李四' }).waitFor({ state: 'attached' });
  assert.deepEqual(await options(page), ['张三', '李四']);

  // switch back and forth: each shows its own entries and verdict
  await page.locator('#people-select').selectOption({ label: '张三' });
  await page.locator('#people-open').click();
  await page.locator('#people-status', { hasText: '已打开「张三」' }).waitFor();
  assert.equal(await page.locator('#f-region').inputValue(), '650000');
  await expectVerdict(page, A.expect.status, A.expect.shortfall);
  await page.locator('#people-select').selectOption({ label: '李四' });
  await page.locator('#people-open').click();
  assert.equal(await page.locator('#f-region').inputValue(), '150404');
  await expectVerdict(page, B.expect.status, B.expect.shortfall);

  // copy: a third person with the same entries, shown now; the original unchanged
  await page.locator('#people-dup').click();
  await page.locator('#people-status', { hasText: '已复制为「李四（副本）」' }).waitFor();
  assert.deepEqual(await options(page), ['张三', '李四', '李四（副本）']);
  await page.locator('#f-year').fill('2024');
  await page.waitForTimeout(600); // the draft is written a moment after the last change
  let set = await stored(page);
  assert.equal(set.people.length, 3);
  assert.equal(set.people[1].draft.year, String(B.profile.year), 'the original is not changed by its copy');
  assert.equal(set.people[2].draft.year, '2024');
  assert.equal(set.current, set.people[2].id);

  // delete the copy (confirmed): the next one is shown
  await page.locator('#people-del').click();
  await page.locator('#people-status', { hasText: '已删除「李四（副本）」' }).waitFor();
  assert.deepEqual(await options(page), ['张三', '李四']);
  assert.equal(await page.locator('#f-region').inputValue(), '150404');
  // a reload keeps the people and who is shown
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await options(page), ['张三', '李四']);
  assert.equal(await page.locator('#people-details').evaluate((d) => d.open), true, 'open once people are saved');
  assert.equal(await page.locator('#people-count').textContent(), '当前：李四（共 2 位）');
  assert.equal(await page.locator('#people-select').inputValue(), (await stored(page)).people[1].id);
  assert.equal(await page.locator('#f-name').inputValue(), '李四');

  // export the set: one JSON file with both people, drafts and profiles
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#people-export').click()]);
  assert.match(download.suggestedFilename(), /^jxjy-people-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(ensureArtifacts(), 'people-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.type, 'jxjy-people');
  assert.deepEqual(exported.people.map((p) => p.name), ['张三', '李四']);
  assert.equal(exported.people[0].profile.region, '650000');
  assert.deepEqual(exported.people[0].profile.training, asTyped(A.profile.training));
  await page.screenshot({ path: join(ensureArtifacts(), 'people-1280.png') });
  await rec.context.close();
  rec.check();

  // a fresh context (another browser): import the file; what is on screen is not touched
  const rec2 = await newContext(env.browser, env.server.origin, { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
  const page2 = await rec2.context.newPage();
  await page2.goto(env.server.url);
  await waitReady(page2);
  await page2.locator('#f-year').fill('2025');
  await page2.locator('#people-details summary').click();
  await page2.locator('#people-file').setInputFiles(file);
  await page2.locator('#people-status', { hasText: '已从 people-export.json 导入 2 位人员' }).waitFor();
  assert.deepEqual(await options(page2), ['（当前填写的内容，尚未保存为人员）', '张三', '李四']);
  assert.equal(await page2.locator('#f-year').inputValue(), '2025', 'import does not replace what is on screen');
  // opening an imported person keeps the unsaved entries as a person first
  await page2.locator('#people-select').selectOption({ label: '张三' });
  await page2.locator('#people-open').click();
  await page2.locator('#people-status', { hasText: '原来填写的内容已保存为人员「未命名（第3位）」' }).waitFor();
  assert.deepEqual(await options(page2), ['张三', '李四', '未命名（第3位）']);
  await expectVerdict(page2, A.expect.status, A.expect.shortfall);
  // the same file again adds nobody twice
  await page2.locator('#people-file').setInputFiles(file);
  await page2.locator('#people-status', { hasText: '2 位与已保存的人员完全相同' }).waitFor();
  assert.equal((await options(page2)).length, 3);
  // not a set of people: said, nothing changed
  await page2.locator('#people-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[1,2]') });
  await page2.locator('#people-error', { hasText: '无法导入 x.json：这不是本工具导出的人员文件' }).waitFor();
  await page2.locator('#people').scrollIntoViewIfNeeded();
  await page2.screenshot({ path: join(ensureArtifacts(), 'people-360.png') });
  const sw = await page2.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= 360, `scrollWidth ${sw} > 360`);
  await rec2.context.close();
  rec2.check();
});

test('saved people: a corrupt store keeps what is valid and says what was dropped', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await page.evaluate(() => {
    localStorage.setItem('jxjy.people.v1', JSON.stringify({
      version: 1, current: 'nobody',
      people: [
        { id: 'a1', draft: { name: '王五', region: '630000', year: '2023', level: 'galactic', training: [{ year: '2023', subject: 'public', activity: 'course', amount: 30, note: 'x' }] } },
        'not a person',
        { id: 'a1', draft: { name: 7, region: '410100' } },
      ],
    }));
  });
  await page.reload();
  await waitReady(page);
  const shown = await page.locator('#people-error').textContent();
  assert.match(shown, /保存的人员中有几项无法识别，已略去/);
  for (const path of ['people/0/draft/level', 'people/0/draft/training/0/amount', 'people/1', 'people/2/draft/name', 'people/2/id', 'current']) {
    assert.ok(shown.includes(path), `${path} named in: ${shown}`);
  }
  assert.deepEqual(await options(page), ['（当前填写的内容，尚未保存为人员）', '王五', '未命名（第2位）']);
  await page.locator('#people-select').selectOption({ label: '王五' });
  await page.locator('#people-open').click();
  assert.equal(await page.locator('#f-region').inputValue(), '630000');
  assert.equal(await page.locator('#records-list > li [data-col="note"] input').inputValue(), 'x', 'the valid part of a record is kept');
  // the store written back is clean, with distinct ids
  const set = await stored(page);
  assert.equal(new Set(set.people.map((p) => p.id)).size, 2);
  await rec.context.close();
  rec.check();
});

test('never overwritten: a #p= link over unsaved entries asks, then keeps them as a person', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const dialogs = [];
  rec.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await fillProfile(page, A.profile);
  await page.locator('#f-name').fill('张三');
  await page.locator('#people-details summary').click();
  await page.waitForTimeout(600);
  const link = `${env.server.url}#p=${Buffer.from(JSON.stringify(B.profile)).toString('base64url')}`;
  await page.goto(link);
  await page.reload();
  await waitReady(page);
  assert.ok(dialogs.some((d) => /要替换你之前填写的内容吗？（确定：之前填写的内容先保存为一位人员/.test(d)), dialogs.join(' | '));
  assert.match(await page.locator('#notice').textContent(), /已打开分享链接中的内容；之前的内容保存在人员「张三」中/);
  assert.equal(await page.locator('#f-region').inputValue(), '150404');
  assert.equal(await page.locator('#f-name').inputValue(), '', 'the link is another person');
  assert.deepEqual(await options(page), ['（当前填写的内容，尚未保存为人员）', '张三']);
  await expectVerdict(page, B.expect.status, B.expect.shortfall);

  // shown entries that a saved person holds: a link opens without asking, and the person keeps them
  await rename(page, '赵六');
  const asked = dialogs.length;
  await page.goto(`${env.server.url}#p=${Buffer.from(JSON.stringify(A.profile)).toString('base64url')}`);
  await page.reload();
  await waitReady(page);
  assert.equal(dialogs.length, asked, 'nothing to lose: not asked');
  assert.deepEqual(await options(page), ['（当前填写的内容，尚未保存为人员）', '张三', '赵六']);
  assert.equal((await stored(page)).people[1].draft.region, '150404');

  // "clear all" on a saved person clears the screen, not the person
  await page.locator('#people-select').selectOption({ label: '赵六' });
  await page.locator('#people-open').click();
  await page.locator('#clear-all').click();
  await page.locator('#notice', { hasText: '已清空' }).waitFor();
  assert.equal((await stored(page)).people[1].draft.region, '150404');
  await rec.context.close();
  rec.check();
});

test('saved people in English', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}?lang=en`);
  await waitReady(page);
  assert.equal(await page.locator('#people-heading').textContent(), 'People (kept on this device only)');
  await page.locator('#people-details summary').click();
  assert.match(await page.locator('#people-privacy').textContent(), /never uploaded or sent anywhere/);
  await page.locator('#people-new').click();
  await page.locator('#people-status', { hasText: 'Created "Unnamed (no. 1)"' }).waitFor();
  // a person opens in the language shown, whatever it was saved in
  await page.waitForTimeout(600); // (the page's pending save first)
  await putPerson(page, { id: 'zh1', rev: 1, order: 99, draft: { lang: 'en', name: '王五', region: '630000', training: [] } });
  await page.reload();
  await waitReady(page);
  await page.locator('#lang-toggle').click();
  assert.equal(await page.locator('#people-heading').textContent(), '人员（只保存在本机）');
  await page.locator('#people-select').selectOption('zh1');
  await page.waitForTimeout(600); // a save in between (the language switch's) keeps the choice made in the list
  await page.locator('#people-open').click();
  await page.locator('#people-status', { hasText: '已打开「王五」' }).waitFor();
  assert.equal(await page.locator('#f-region').inputValue(), '630000');
  assert.equal(await page.locator('#lang-toggle').textContent(), 'English', 'still in Chinese');
  assert.equal(await page.locator('#people-heading').textContent(), '人员（只保存在本机）');
  assert.deepEqual(await options(page), ['未命名（第1位）', '王五']);
  await rec.context.close();
  rec.check();
});

// Two tabs of the page at once (one browser profile, one localStorage): a person created in one shows up
// in the other's list without a reload, creating another there does not drop the first, and a person
// deleted in one tab while the other shows it leaves that tab's entries on screen, said as unsaved.
test('two tabs at once: neither overwrites the other\'s people', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const one = await rec.context.newPage();
  const two = await rec.context.newPage();
  for (const p of [one, two]) {
    await p.goto(env.server.url);
    await waitReady(p);
    await p.locator('#people-details summary').click();
  }
  await fillProfile(one, A.profile);
  await rename(one, '张三');
  await two.locator('#people-select option', { hasText: '张三' }).waitFor({ state: 'attached' });
  assert.deepEqual(await options(two), ['（当前填写的内容，尚未保存为人员）', '张三'], 'tab two sees tab one\'s person');
  await fillProfile(two, B.profile);
  await rename(two, '李四');
  await one.locator('#people-select option', { hasText: '李四' }).waitFor({ state: 'attached' });
  assert.deepEqual(await options(one), ['张三', '李四']);
  assert.deepEqual((await stored(one)).people.map((p) => p.draft.name), ['张三', '李四'], 'both kept in storage');
  // tab one keeps typing into 张三: tab two's list and 李四 stay
  await one.locator('#f-age').fill('41');
  await one.waitForTimeout(700); // the page's debounced save
  assert.deepEqual((await stored(two)).people.map((p) => [p.draft.name, p.draft.age]), [['张三', '41'], ['李四', String(B.profile.age ?? '')]]);
  // tab one deletes 李四, whom tab two shows: tab two keeps the entries on screen and says so
  await one.locator('#people-select').selectOption({ label: '李四' });
  await one.locator('#people-open').click();
  await one.locator('#people-status', { hasText: '已打开「李四」' }).waitFor();
  await one.locator('#people-del').click();
  await two.locator('#people-status', { hasText: '此人已在另一个标签页中删除' }).waitFor();
  assert.equal(await two.locator('#f-region').inputValue(), B.profile.region, 'the entries on screen stay');
  assert.deepEqual(await options(two), ['（当前填写的内容，尚未保存为人员）', '张三']);
  await rec.context.close();
  rec.check();
});
