// Small things people hit on the one-person calculator (issue 27 item 5), each in Chromium: 会议级别 only on
// conference records (and only then sent); the floating verdict chip never covers the control in focus at
// 360 px; the "下一步" box is a live region that speaks when the next step changes, not on every keystroke;
// invalid fields carry aria-invalid and point at their error text; a year (or date) still being typed is
// incomplete, not "请修正输入"; a skip link to the result comes first; English amounts and the per-year
// table in words ("1 day", "40 of 60 hours", not "1 days", "30/0").
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { corpusCase, ensureArtifacts, fillProfile, fullPageShot, openPage, settled, skip, useBrowser } from './harness.mjs';

const env = useBrowser();
const XINJIANG = ['650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'];

const open = (options = {}, path = '') => openPage(env, options, path);

/** The profile the page sends, read back from its share link (#p=, base64url of the profile's JSON). */
async function sentProfile(page) {
  await page.locator('#share-btn').click();
  const link = await page.locator('#share-link').inputValue();
  await page.locator('#share-close').click();
  const data = new URL(link).hash.replace(/^#p=/, '');
  return JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
}

test('会议级别: shown and sent for a conference record only; kept in the draft when the activity changes back', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  const c = corpusCase(...XINJIANG);
  await fillProfile(page, c.profile);
  await page.locator('#banner.short').waitFor();
  const card = page.locator('#records-list > li').first();
  const level = card.locator('[data-col="level"]');
  assert.equal(c.profile.training[0].activity, 'conference');
  assert.ok(await level.isVisible(), 'a conference record asks for its level');
  assert.equal((await sentProfile(page)).training[0].level, c.profile.training[0].level);
  // the same record made a course: no level asked for, none sent, the course's own hours
  await card.locator('[data-col="activity"] select').selectOption('course');
  await card.locator('[data-col="unit"] select').selectOption('hours');
  await settled(page);
  assert.equal(await level.isVisible(), false, 'a course has no conference level');
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'the hidden level is not checked');
  const sent = await sentProfile(page);
  assert.equal(sent.training[0].activity, 'course');
  assert.ok(!('level' in sent.training[0]), `no level sent for a course: ${JSON.stringify(sent.training[0])}`);
  // Tab from the unit goes on to the note: nothing hidden in between
  await card.locator('[data-col="unit"] select').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'note');
  // back to a conference: the level chosen before is there again, and sent
  await card.locator('[data-col="activity"] select').selectOption('conference');
  await settled(page);
  assert.ok(await level.isVisible());
  assert.equal(await level.locator('select').inputValue(), c.profile.training[0].level);
  assert.equal((await sentProfile(page)).training[0].level, c.profile.training[0].level);
  // a new record: no level until it is a conference
  await page.locator('#add-row').click();
  const second = page.locator('#records-list > li').nth(1);
  assert.equal(await second.locator('[data-col="level"]').isVisible(), false);
  await second.locator('[data-col="activity"] select').selectOption('conference');
  assert.ok(await second.locator('[data-col="level"]').isVisible());
  await rec.context.close();
  rec.check();
});

test('360×640: the verdict chip never covers the control in focus, from the first field to the last', { skip, timeout: 120_000 }, async () => {
  const { rec, page } = await open({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await fillProfile(page, corpusCase(...XINJIANG).profile);
  await page.locator('#banner.short').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#lang-toggle').focus(); // the header's first button; Tab on from there
  const covered = [];
  let seen = 0;
  let chipSeen = false;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const chip = document.getElementById('verdict-chip');
      const rc = a.getBoundingClientRect();
      const cc = chip.getBoundingClientRect();
      const hit = document.elementFromPoint(rc.left + rc.width / 2, rc.top + rc.height / 2);
      const own = !!hit && (hit === a || a.contains(hit) || [...(a.labels || [])].some((l) => l.contains(hit)));
      const overlap = cc.height > 0 && !(rc.bottom <= cc.top || rc.top >= cc.bottom || rc.right <= cc.left || rc.left >= cc.right);
      return { id: a.id || a.dataset.key || a.tagName, chip: a === chip, chipShown: cc.height > 0, own, overlap, hit: hit && (hit.id || hit.className) };
    });
    if (!r) break;
    if (r.id === 'result-heading' || r.id === 'ways-block') break;
    if (r.chip) continue;
    seen++;
    chipSeen ||= r.chipShown;
    if (!r.own || r.overlap) covered.push(r);
  }
  assert.ok(seen > 30, `Tab went through the form (${seen} controls)`);
  assert.ok(chipSeen, 'the chip was on screen');
  assert.deepEqual(covered, [], 'controls covered by the verdict chip');
  await page.screenshot({ path: join(ensureArtifacts(), 'small-things-chip-360.png') });
  await rec.context.close();
  rec.check();
});

test('"下一步" is a live region: it speaks when the next step changes, not on every keystroke', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  const live = page.locator('#next-step').locator('xpath=ancestor-or-self::*[@aria-live or @role="status"][1]');
  assert.equal(await live.count(), 1, 'the next-step box is inside a live region');
  assert.equal(await live.evaluate((n) => n.getAttribute('aria-live') || (n.getAttribute('role') === 'status' ? 'polite' : '')), 'polite');
  assert.equal(await live.evaluate((n) => n.contains(document.getElementById('banner'))), false, 'not the verdict banner\'s region');
  await page.locator('#f-region').fill('650000');
  await page.locator('#next-step-text', { hasText: '申报年度' }).waitFor();
  // every change of the region's text from now on
  await live.evaluate((n) => {
    window.__said = [];
    let last = n.textContent;
    new MutationObserver(() => { if (n.textContent !== last) { last = n.textContent; window.__said.push(n.innerText.trim()); } })
      .observe(n, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.locator('#f-year').pressSequentially('2023', { delay: 30 });
  await settled(page);
  await page.locator('#f-name').pressSequentially('张三丰', { delay: 30 });
  await settled(page);
  const said = await page.evaluate(() => window.__said);
  assert.equal(said.length, 1, `said once, when the year was complete: ${JSON.stringify(said)}`);
  assert.match(said[0], /下一步[\s\S]*申报途径/);
  await page.locator('#f-route-review').check();
  await page.locator('#next-step-text', { hasText: '申报级别' }).waitFor();
  assert.equal((await page.evaluate(() => window.__said)).length, 2);
  await rec.context.close();
  rec.check();
});

test('a year or date still being typed is not "请修正输入"; a wrong one is, with aria-invalid at its field', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  const c = corpusCase(...XINJIANG);
  await fillProfile(page, { ...c.profile, year: undefined, currentTitleSince: undefined });
  const title = () => page.locator('#banner-title').textContent();
  const errorShown = async () => (await title()) === '请修正输入' || await page.locator('#errors').isVisible();
  // the application year, a digit at a time
  for (const typed of ['2', '20', '202']) {
    await page.locator('#f-year').fill(typed);
    await settled(page);
    assert.equal(await errorShown(), false, `year "${typed}": no error while typing`);
    assert.equal(await page.locator('#f-year').getAttribute('aria-invalid'), null, `year "${typed}"`);
    assert.match(await page.locator('#next-step-text').textContent(), /申报年度/);
  }
  await page.locator('#f-year').fill(String(c.profile.year));
  await page.locator('#banner.short').waitFor();
  // the year of the current title
  for (const typed of ['2', '20', '201']) {
    await page.locator('#f-currentTitleSince').fill(typed);
    await settled(page);
    assert.equal(await errorShown(), false, `currentTitleSince "${typed}": no error while typing`);
    assert.match(await page.locator('#next-step-text').textContent(), /取得现职称的年份/);
  }
  await page.locator('#f-currentTitleSince').fill(String(c.profile.currentTitleSince));
  await page.locator('#banner.short').waitFor();
  // an application date half typed
  await page.locator('#f-applicationDate').fill('2023-0');
  await settled(page);
  assert.equal(await errorShown(), false, 'a date being typed');
  await page.locator('#f-applicationDate').fill('');
  await page.locator('#banner.short').waitFor();

  // a wrong year of the current title: an error, aria-invalid, described by its message; gone once fixed
  const since = page.locator('#f-currentTitleSince');
  await since.fill('3019');
  await page.locator('#banner.error').waitFor();
  assert.equal(await since.getAttribute('aria-invalid'), 'true');
  const describedText = (loc) => loc.evaluate((n) => (n.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    .map((id) => n.getRootNode().getElementById(id)?.textContent || '').join(' | '));
  assert.match(await describedText(since), /\d/, 'the error text is the field\'s description');
  await since.fill(String(c.profile.currentTitleSince));
  await page.locator('#banner.short').waitFor();
  assert.equal(await since.getAttribute('aria-invalid'), null);

  // a record's year and amount: typing is not wrong, a wrong value is (aria-invalid, its text described)
  const card = page.locator('#records-list > li').first();
  const year = card.locator('[data-col="year"] input');
  const amount = card.locator('[data-col="amount"] input');
  await year.fill('20');
  await settled(page);
  assert.equal(await year.getAttribute('aria-invalid'), null, 'record year "20" is being typed');
  await year.fill('1890');
  await settled(page);
  assert.equal(await year.getAttribute('aria-invalid'), 'true', 'record year 1890');
  assert.match(await describedText(year), /1990 到 2100/);
  await year.fill(String(c.profile.training[0].year));
  await amount.fill('五天');
  await settled(page);
  assert.equal(await amount.getAttribute('aria-invalid'), 'true', 'amount "五天"');
  assert.match(await describedText(amount), /数量应是数字/);
  await amount.fill('5');
  await page.locator('#banner.short').waitFor();
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'all fixed: nothing invalid');
  assert.doesNotMatch(await describedText(amount), /数量应是数字/);
  // a region code with a letter cannot become six digits by typing on: wrong at once
  await page.locator('#f-region').fill('65a');
  await settled(page);
  assert.equal(await page.locator('#f-region').getAttribute('aria-invalid'), 'true');
  await page.locator('#f-region').fill('65');
  await settled(page);
  assert.equal(await page.locator('#f-region').getAttribute('aria-invalid'), null, '"65" is being typed');
  await rec.context.close();
  rec.check();
});

test('a circumstance\'s year still being typed is not "请修正输入" either', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  await fillProfile(page, { region: '150404', year: 2025, route: 'review', level: 'intermediate', gender: 'female', age: 46, training: [] });
  await page.locator('#banner[data-stage="verdict"]').waitFor();
  const errorShown = async () => (await page.locator('#banner-title').textContent()) === '请修正输入' || await page.locator('#errors').isVisible();
  await page.locator('#c-transferred_from_government').check();
  for (const typed of ['2', '20', '202']) {
    await page.locator('#c-transferred_from_government-0-year').fill(typed);
    await settled(page);
    assert.equal(await errorShown(), false, `transfer year "${typed}"`);
    assert.equal(await page.locator('#next-step-text a').getAttribute('href'), '#c-transferred_from_government-0-year');
  }
  await page.locator('#c-transferred_from_government-0-year').fill('2023');
  await page.locator('#banner[data-stage="verdict"]').waitFor();
  await page.locator('#c-epidemic_frontline').check();
  await page.locator('#c-epidemic_frontline-0-years').fill('2022、20');
  await settled(page);
  assert.equal(await errorShown(), false, 'a list of years whose last is being typed');
  await page.locator('#c-epidemic_frontline-0-years').fill('2022、1800');
  await page.locator('#banner.error').waitFor(); // a year that is wrong is said at once
  assert.equal(await page.locator('#c-epidemic_frontline-0-years').getAttribute('aria-invalid'), 'true');
  await rec.context.close();
  rec.check();
});

test('a skip link to the result is the first thing Tab reaches, visible when focused', { skip, timeout: 90_000 }, async () => {
  for (const [lang, text] of [['', '跳到测算结果'], ['?lang=en', 'Skip to the result']]) {
    const { rec, page } = await open({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true }, lang);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent }));
    assert.deepEqual(focused, { id: 'skip-result', text }, `${lang || 'zh'}: the first Tab`);
    const box = await page.locator('#skip-result').boundingBox();
    assert.ok(box && box.width > 60 && box.height >= 24 && box.y >= 0 && box.y < 640, `visible when focused: ${JSON.stringify(box)}`);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    assert.equal(hit, 'skip-result', 'on top of the header');
    await page.screenshot({ path: join(ensureArtifacts(), `small-things-skip-360${lang ? '-en' : ''}.png`) });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result-heading');
    await page.keyboard.press('Tab'); // off it: hidden again
    const after = await page.locator('#skip-result').boundingBox();
    assert.ok(!after || after.width <= 1, 'hidden once focus moves on');
    await rec.context.close();
    rec.check();
  }
});

test('English: "1 day", "1 subject" (not "1 days"), and the per-year table in words, not "30/0"', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open({}, '?lang=en');
  await fillProfile(page, corpusCase(...XINJIANG).profile);
  await page.locator('#banner.short').waitFor();
  await page.locator('#ways-block summary').click();
  await page.locator('#ways-list:not([aria-busy]) li').first().waitFor();
  const ways = await page.locator('#ways-list').innerText();
  assert.doesNotMatch(ways, /\b1 (hours|days|months|subjects|minutes)\b/, ways);
  assert.match(ways, /\b1 day × 8 hours = 8 hours\b/);
  assert.match(ways, /\b1 subject × 30 hours = 30 hours\b/);
  assert.match(ways, /\b1 month × 60 hours = 60 hours\b/);
  // a record of 2 days: plural
  await page.locator('#records-list > li').first().locator('[data-col="amount"] input').fill('2');
  await settled(page);
  assert.match(await page.locator('#records-list > li .explain').first().textContent(), /\b2 days × 8 hours \(prefecture\) = 16 hours\b/);
  // the printed summary's records: "2 days", then "1 day" (the vocabulary's enOne), never "1 days"
  const printed = async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    return page.locator('.print-records tbody tr').first().locator('td').nth(4).textContent();
  };
  assert.match(await printed(), /^2 days\b/);
  await page.locator('#records-list > li').first().locator('[data-col="amount"] input').fill('1');
  await settled(page);
  assert.match(await printed(), /^1 day\b/);
  await page.locator('#records-list > li').first().locator('[data-col="amount"] input').fill('2');
  await settled(page);
  const cells = await page.locator('#years-body td.meter').allInnerTexts();
  assert.ok(cells.length >= 3, cells);
  for (const cell of cells) {
    assert.doesNotMatch(cell, /\d\s*\/\s*\d/, `a year cell in words: "${cell}"`);
    assert.match(cell, /^\d+(\.\d+)? (of \d+(\.\d+)? hours|hours \(none required\))$/, cell);
  }
  assert.ok(cells.some((c) => /none required/.test(c)), `Xinjiang requires no public hours of their own: ${cells}`);
  const labels = await page.locator('#years-body progress').evaluateAll((ps) => ps.map((p) => p.getAttribute('aria-label')));
  assert.ok(labels.length > 0 && labels.every((l) => /^(Public|Professional|Total): \d+ of \d+ hours$/.test(l)), labels.join(' | '));
  await fullPageShot(page, join(ensureArtifacts(), 'small-things-english-1280.png'));
  await page.locator('#lang-toggle').click();
  await page.locator('#banner-title', { hasText: /^未达标$/ }).waitFor();
  const zh = await page.locator('#years-body td.meter').allInnerTexts();
  for (const cell of zh) assert.match(cell, /^\d+(\.\d+)?(\/\d+(\.\d+)? 学时| 学时（不作要求）)$/, cell);
  await rec.context.close();
  rec.check();
});
