// The calculator page in Chromium, on a phone (360 px, touch) and at 1280 px: the empty start and its
// steps, one corpus case per region typed in by hand, the region search and picker over every region of
// China, record cards with their own explanation, half-filled records, words, the draft kept on reload
// (and a stored draft with wrong-typed fields), sorting and copying, screenshots. Every request must
// stay on the page's origin and nothing may be logged as an error.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  corpusCase, ensureArtifacts, expectVerdict, fillProfile, fillRecord, fullPageShot, newContext, openPage, skip, useBrowser, waitReady,
} from './harness.mjs';

const CASES = [
  ['150783/age.json', '男54周岁：不免除，近三年一个年度即可；2021与2023缺口同为10学时，取最近的2023年'],
  ['150404/review.json', '初级评审：当年无任何学时，缺公需30、专业60'],
  ['630000/annual_hours.json', '学时不结转：2022年完成两倍学时也不能补2023年，缺口取最近的空年度2023'],
  ['410100/records.json', '公需20+专业70合计90：公需课不足30，缺10'],
  ['650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'],
];
export const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const VIEWPORTS = [['360', PHONE], ['1280', { viewport: { width: 1280, height: 900 } }]];

const env = useBrowser();

const open = (options = {}, path = '') => openPage(env, options, path);
const stage = (page) => page.locator('#banner').getAttribute('data-stage');
const noSideScroll = async (page, width, label) => {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= width, `${label}: scrollWidth ${sw} > ${width}`);
};

for (const [name, options] of VIEWPORTS) {
  test(`${name} px: an empty start, guided step by step; a verdict only once the profile is complete`, { skip, timeout: 90_000 }, async () => {
    const { rec, page } = await open(options);
    const dir = ensureArtifacts();
    await page.screenshot({ path: join(dir, `start-${name}.png`) });
    assert.equal(await stage(page), 'incomplete');
    assert.equal(await page.locator('#banner-title').textContent(), '尚未测算');
    assert.equal(await page.locator('#f-region').inputValue(), '');
    assert.equal(await page.locator('#records-list > li').count(), 0);
    assert.equal(await page.locator('input[type="radio"]:checked').count(), 0, 'nothing chosen (no prefilled 男)');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no red error on an empty start');
    const next = () => page.locator('#next-step-text').textContent();
    assert.match(await next(), /先选择申报地区/);
    // the guidance is said once (the next-step box, a link to the search, which is marked "next"); the
    // verdict says only that nothing is checked yet
    // (what is drawn: the result, below the steps at 360 px, is drawn once it is scrolled near)
    await page.locator('#next-step-text').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shown = await page.evaluate(() => document.body.innerText.split('先选择申报地区').length - 1);
    assert.equal(shown, 1, 'the first step is said once');
    assert.equal(await page.locator('#banner-detail').textContent(), '');
    assert.equal(await page.locator('#next-step-text a').getAttribute('href'), '#f-search');
    assert.match(await page.locator('.search-field .field-msg.need').textContent(), /下一步/);
    await page.locator('#f-search').fill('松山区');
    await page.locator('#f-search-results button.hit').first().click();
    assert.equal(await page.locator('#f-region').inputValue(), '150404');
    assert.match(await next(), /申报年度/);
    await page.locator('#f-year').fill('２０２５'); // full-width digits
    assert.match(await next(), /申报途径/);
    await page.locator('#f-route-review').check();
    assert.match(await next(), /申报级别/);
    await page.locator('#f-level-intermediate').check();
    // 松山区 reduces hours by age and gender: both are asked for, not guessed
    assert.match(await next(), /性别.*年龄|年龄.*性别/);
    assert.equal(await stage(page), 'incomplete');
    await page.locator('#f-gender-female').check();
    await page.locator('#f-age').fill('46');
    // the person is complete: the verdict for no training at all, and the next step is the records
    assert.match(await next(), /添加继续教育记录/);
    assert.equal(await stage(page), 'verdict');
    assert.equal(await page.locator('#banner-title').textContent(), '未达标');
    await page.locator('#add-row').click();
    await fillRecord(page.locator('#records-list > li').first(), { year: 2025, subject: 'public', activity: 'course', hours: 30 });
    assert.equal(await stage(page), 'verdict');
    assert.equal(await page.locator('#next-step').isVisible(), false);
    await fullPageShot(page, join(dir, `verdict-${name}.png`));
    await noSideScroll(page, Number(name), 'verdict');
    // 全部清空: the same clean state, no red error
    await page.locator('#clear-all').click();
    await page.locator('#banner[data-stage="incomplete"]').waitFor();
    assert.equal(await page.locator('#f-region').inputValue(), '');
    assert.equal(await page.locator('#f-year').inputValue(), '');
    assert.equal(await page.locator('#records-list > li').count(), 0);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await page.locator('#errors').isVisible(), false);
    assert.match(await next(), /先选择申报地区/);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('#f-region').inputValue(), '', 'cleared for good');
    await rec.context.close();
    rec.check();
  });
}

test('each region: a corpus profile typed in gives its status and shortfall', { skip, timeout: 150_000 }, async () => {
  const { rec, page } = await open();
  for (const [file, name] of CASES) {
    const c = corpusCase(file, name);
    await fillProfile(page, c.profile);
    await expectVerdict(page, c.expect.status, c.expect.shortfall || []);
    if (c.expect.years) {
      const years = await page.locator('#years-body th').allTextContents();
      assert.deepEqual(years, c.expect.years.map((y) => String(y.year)), `${file}: years of the window`);
    }
  }
  await rec.context.close();
  rec.check();
});

test('regions in English and pinyin: Urumqi, Xinjiang, Tianshan, wulumuqi, Zhengzhou; English names with the Chinese in zh-CN', { skip, timeout: 90_000 }, async () => {
  for (const [label, options] of [['360', PHONE], ['1280', { viewport: { width: 1280, height: 900 } }]]) {
    const { rec, page } = await open(options, '?lang=en');
    const hits = async (q) => {
      await page.locator('#f-search').fill(q);
      await page.locator('#f-search-results button.hit').first().waitFor();
      return page.locator('#f-search-results button.hit').evaluateAll((bs) => bs.map((b) => [b.querySelector('.hit-en').textContent,
        b.querySelector('.hit-name').textContent, b.querySelector('.hit-name').getAttribute('lang')]));
    };
    assert.deepEqual((await hits('Urumqi'))[0], ['Urumqi City, Xinjiang Uygur Autonomous Region', '新疆维吾尔自治区 乌鲁木齐市', 'zh-CN']);
    assert.deepEqual((await hits('wulumuqi'))[0][1], '新疆维吾尔自治区 乌鲁木齐市');
    assert.deepEqual((await hits('Xinjiang'))[0][1], '新疆维吾尔自治区');
    assert.deepEqual((await hits('Tianshan'))[0][1], '新疆维吾尔自治区 乌鲁木齐市 天山区');
    assert.deepEqual((await hits('urumqi tianshan'))[0][1], '新疆维吾尔自治区 乌鲁木齐市 天山区');
    assert.deepEqual((await hits('Zhengzhou'))[0], ['Zhengzhou City, Henan Province', '河南省 郑州市', 'zh-CN']);
    await page.screenshot({ path: join(ensureArtifacts(), `region-en-${label}.png`) });
    await page.locator('#f-search-results button.hit').first().click();
    // the chosen region in English, its Chinese name kept in zh-CN; the picker's options in English
    assert.match(await page.locator('#region-name').textContent(), /^Zhengzhou City, Henan Province 河南省 郑州市 410100$/);
    assert.equal(await page.locator('#region-name span[lang="zh-CN"]').textContent(), '河南省 郑州市');
    assert.equal(await page.locator('#f-city option:checked').textContent(), 'Zhengzhou City');
    await noSideScroll(page, options.viewport ? options.viewport.width : 360, `${label} px`);
    await rec.context.close();
    rec.check();
  }
});

test('regions: search any place by name or code; the picker and the code field show one region', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open(PHONE);
  const hits = async (q) => {
    await page.locator('#f-search').fill(q);
    await page.locator('#f-search-results button.hit').first().waitFor();
    return page.locator('#f-search-results button.hit .hit-name').allTextContents();
  };
  assert.equal((await hits('乌鲁木齐'))[0], '新疆维吾尔自治区 乌鲁木齐市');
  assert.equal((await hits('天山区'))[0], '新疆维吾尔自治区 乌鲁木齐市 天山区');
  assert.equal((await hits('呼伦贝尔'))[0], '内蒙古自治区 呼伦贝尔市');
  assert.equal((await hits('红山区'))[0], '内蒙古自治区 赤峰市 红山区');
  assert.equal((await hits('河南'))[0], '河南省');
  assert.equal((await hits('650102'))[0], '新疆维吾尔自治区 乌鲁木齐市 天山区');
  // 天山区 has no notice of its own: the page says which ancestor's applies
  await page.locator('#f-search-results button.hit').first().click();
  assert.equal(await page.locator('#f-region').inputValue(), '650102');
  assert.equal(await page.locator('#f-province').inputValue(), '650000');
  assert.equal(await page.locator('#f-city').inputValue(), '650100');
  assert.equal(await page.locator('#f-county').inputValue(), '650102');
  assert.match(await page.locator('#region-status').textContent(), /本地区没有单独的文件，适用上级「新疆维吾尔自治区」的文件/);
  // 赤峰 is not silently 松山区: 赤峰市 itself has no notice in jxjy, and the page says so
  assert.equal((await hits('赤峰'))[0], '内蒙古自治区 赤峰市');
  await page.locator('#f-search-results button.hit').first().click();
  assert.equal(await page.locator('#f-region').inputValue(), '150400');
  assert.match(await page.locator('#region-status').textContent(), /尚未收录/);
  assert.equal(await page.locator('#f-county').inputValue(), '');
  assert.equal(await stage(page), 'uncovered');
  // the picker, with thumbs: province -> city -> county; the code field follows
  await page.locator('#f-province').selectOption('410000');
  assert.equal(await page.locator('#f-region').inputValue(), '410000');
  await page.locator('#f-city').selectOption('410100');
  assert.equal(await page.locator('#f-region').inputValue(), '410100');
  assert.match(await page.locator('#region-status').textContent(), /适用本地区文件/);
  await page.locator('#f-county').selectOption('410102');
  assert.equal(await page.locator('#f-region').inputValue(), '410102');
  assert.match(await page.locator('#region-status').textContent(), /适用上级「河南省 郑州市」的文件/);
  // ... and typing a code moves the picker
  await page.locator('#f-region').fill('150783');
  await page.locator('#f-county').filter({ has: page.locator('option[value="150783"]') }).waitFor();
  assert.equal(await page.locator('#f-county').inputValue(), '150783');
  assert.equal(await page.locator('#f-city').inputValue(), '150700');
  assert.match(await page.locator('#region-name').textContent(), /内蒙古自治区 呼伦贝尔市 扎兰屯市 150783/);
  await page.screenshot({ path: join(ensureArtifacts(), 'region-360.png') });
  await rec.context.close();
  rec.check();
});

for (const [name, options] of VIEWPORTS) {
  test(`${name} px: record cards fit; each explains itself; a half-filled one is left out, marked, and labelled`, { skip, timeout: 90_000 }, async () => {
    const { rec, page } = await open(options);
    const c = corpusCase(...CASES[4]);
    await fillProfile(page, { ...c.profile, training: [] });
    const cards = page.locator('#records-list > li');
    await page.locator('#add-row').click();
    await fillRecord(cards.nth(0), { year: 2023, subject: 'professional', activity: 'conference', days: 3, level: 'national' });
    await page.locator('#add-row').click();
    await fillRecord(cards.nth(1), { year: 2022, subject: 'public', activity: 'course', hours: 30, filed: true });
    // the conversion is shown on the record where it was typed
    assert.match(await cards.nth(0).locator('.explain').textContent(), /计入 36 学时：3天 × 12学时（全国性）= 36学时/);
    assert.equal(await stage(page), 'verdict');
    // a third record, half filled: the result for the rest stays, labelled as leaving it out
    await page.locator('#add-row').click();
    await cards.nth(2).locator('[data-col="activity"] select').selectOption('training_class');
    assert.equal(await stage(page), 'verdict');
    assert.match(await page.locator('#banner-detail').textContent(), /以下结果未包括第 3 条记录/);
    assert.match(await cards.nth(2).locator('[data-col="amount"] .field-msg').textContent(), /请填写数量/);
    assert.match(await cards.nth(2).locator('.explain').textContent(), /尚未填完/);
    // "30学时"-style amounts are understood
    await cards.nth(2).locator('[data-col="amount"] input').fill('２学时');
    assert.doesNotMatch(await page.locator('#banner-detail').textContent(), /未包括/);
    // 已备案 is a question with large targets, not a pre-ticked box
    const box = await cards.nth(2).locator('[data-col="filed"] label.choice').first().boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `filed choice ${box.width}x${box.height}`);
    assert.equal(await cards.nth(2).locator('[data-col="filed"] legend').textContent(), '举办机构是否已在人社部门备案？');
    // nothing off screen: every control of a card lies within the window's width
    const width = Number(name);
    const rights = await page.locator('#records-list input, #records-list select, #records-list button').evaluateAll(
      (nodes) => nodes.filter((n) => n.offsetParent !== null).map((n) => n.getBoundingClientRect().right));
    assert.ok(Math.max(...rights) <= width, `a control ends at ${Math.max(...rights)} > ${width}`);
    await noSideScroll(page, width, 'records');
    await cards.nth(0).scrollIntoViewIfNeeded();
    await fullPageShot(page, join(ensureArtifacts(), `records-${name}.png`));
    // sort by year; a copy lands right after its original
    await page.locator('#sort-rows').click();
    // (the third record took the year of the one before it)
    const years = () => cards.locator('[data-col="year"] input').evaluateAll((n) => n.map((x) => x.value));
    const notes = () => cards.locator('[data-col="activity"] select').evaluateAll((n) => n.map((x) => x.value));
    assert.equal(await page.locator('#io-status').textContent(), '已按年度排序。');
    assert.deepEqual(await years(), ['2022', '2022', '2023']);
    assert.deepEqual(await notes(), ['course', 'training_class', 'conference'], 'a stable sort');
    await cards.nth(1).locator('button[data-action="dup"]').click();
    assert.deepEqual(await notes(), ['course', 'training_class', 'training_class', 'conference']);
    assert.equal(await page.evaluate(() => document.activeElement.id), await cards.nth(2).locator('[data-col="year"] input').getAttribute('id'));
    await rec.context.close();
    rec.check();
  });
}

test('words for people: no programmer ids in the page\'s own texts; English throughout', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  const c = corpusCase(...CASES[4]);
  await fillProfile(page, c.profile);
  // the page's own words: labels, legends, options, headings, hints, buttons
  const own = () => page.locator('label, legend, option, h1, h2, h3, .hint, button, summary, #next-step, #banner-title')
    .evaluateAll((nodes) => nodes.filter((n) => !n.closest('.cite, .circ, [lang="zh-CN"]')).map((n) => n.textContent.trim()).filter(Boolean));
  const ID = /\b(review|recognition|appointment|junior|intermediate|senior|course|training_class|conference|hours|minutes|days|subjects|national|provincial|international|prefecture|birthDate|level|age|gender|public|professional)\b/;
  for (const text of await own()) assert.doesNotMatch(text, ID, `zh: "${text}"`);
  // one name for one activity: the options say what the core's basis says
  const { VOCABULARY } = await import('../../web/base/vocabulary.js');
  assert.deepEqual((await page.locator('#records-list [data-col="activity"] option').allTextContents()).slice(1),
    VOCABULARY.activity.map((a) => a.zh), 'the vocabulary\'s words');
  await page.locator('#lang-toggle').click();
  await page.locator('#banner-title', { hasText: /^Short$/ }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  for (const text of await own()) {
    assert.doesNotMatch(text, /[（）]/, `en: full-width brackets in "${text}"`);
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `en: Chinese outside lang=zh-CN in "${text}"`);
  }
  // the result's table and lists in English too (result-view.js redraws each only when what it shows
  // changed: the language is part of that)
  const resultTexts = await page.locator('#years-body td, #todo-list li, #banner-detail .line').evaluateAll((nodes) => nodes.map((n) => {
    const walk = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
    let s = '';
    while (walk.nextNode()) if (!walk.currentNode.parentElement.closest('.cite, [lang="zh-CN"]')) s += walk.currentNode.data;
    return s.trim();
  }).filter(Boolean));
  assert.ok(resultTexts.length >= 4, `the result's table and shortfall: ${resultTexts}`);
  for (const text of resultTexts) assert.doesNotMatch(text, /[\u4e00-\u9fff（）]/, `en: Chinese in the result: "${text}"`);
  // a cited clause is the notice's own title and numbering (二（二）): inside lang="zh-CN", in the cards too
  assert.ok(await page.locator('#records-list .explain .cite[lang="zh-CN"]').count() > 0, 'a card cites its clause');
  assert.equal(await page.locator('.cite').evaluateAll((n) => n.filter((x) => !x.closest('[lang="zh-CN"]')).length), 0);
  // a notice's original title stays Chinese, inside lang="zh-CN"
  const zhSpans = await page.locator('#banner-detail [lang="zh-CN"]').allTextContents();
  assert.ok(zhSpans.some((s) => /通知/.test(s)), 'the notice title in a zh-CN span');
  await fullPageShot(page, join(ensureArtifacts(), 'english-1280.png'));
  // the document's language and title follow (calculator actions setLang: setDocumentLang), and back
  const { say } = await import('../../web/base/texts.js');
  assert.equal(await page.title(), say('en', 'title'));
  await page.locator('#lang-toggle').click();
  await page.locator('#banner-title', { hasText: /^未达标$/ }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.title(), say('zh', 'title'));
  await rec.context.close();
  rec.check();
});

test('the draft survives a reload; a stored draft with wrong-typed fields keeps what is valid', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open();
  const c = corpusCase(...CASES[4]);
  await fillProfile(page, c.profile);
  await page.locator('#records-list > li').first().locator('[data-col="note"] input').fill('自治区继续教育会议');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('#f-region').inputValue(), '650000');
  assert.equal(await page.locator('#f-level-intermediate').isChecked(), true);
  const card = page.locator('#records-list > li').first();
  assert.equal(await card.locator('[data-col="activity"] select').inputValue(), 'conference');
  assert.equal(await card.locator('[data-col="unit"] select').inputValue(), 'days');
  assert.equal(await card.locator('[data-col="note"] input').inputValue(), '自治区继续教育会议');
  await expectVerdict(page, c.expect.status, c.expect.shortfall);

  // issue 11 item 7: {"training":[{"note":5}]} used to leave the page loading forever
  await page.evaluate(() => localStorage.setItem('jxjy.calculator.draft.v2', JSON.stringify({
    region: '650000', year: '2023', route: 'review', level: 7, gender: ['x'], grassroots: 'yes',
    training: [{ note: 5, year: '2023', subject: 'public', activity: 'course', amount: '30' }, 'row', { filed: true }],
  })));
  await page.reload();
  await waitReady(page);
  assert.match(await page.locator('#notice').textContent(), /已略去：level、gender、grassroots、training\/0\/note、training\/1/);
  assert.equal(await page.locator('#f-region').inputValue(), '650000');
  assert.equal(await page.locator('#records-list > li').count(), 2);
  assert.equal(await page.locator('#records-list > li').first().locator('[data-col="amount"] input').inputValue(), '30');
  assert.match(await page.locator('#next-step-text').textContent(), /申报级别/);
  await rec.context.close();
  rec.check();
});

test('many rows: a 1,000-row draft reaches its verdict and stays typeable', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await page.evaluate(() => {
    const training = Array.from({ length: 1000 }, (_, i) => ({ year: String(2021 + (i % 3)), subject: i % 2 ? 'public' : 'professional',
      activity: 'course', amount: '1', unit: 'hours' }));
    localStorage.setItem('jxjy.calculator.draft.v2', JSON.stringify({ region: '410100', year: '2023', route: 'review', level: 'intermediate', currentTitleSince: '2020', training }));
  });
  await page.reload();
  await page.locator('#banner[data-stage="verdict"]').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('#records-list > li').count(), 50, 'the first 50 cards');
  assert.equal(await page.locator('#show-more').textContent(), '显示其余 950 条');
  await page.locator('#records-list > li').nth(10).locator('[data-col="amount"] input').fill('2');
  await page.locator('#records-list > li').nth(10).locator('.explain', { hasText: '计入 2 学时' }).waitFor();
  for (let i = 0; i < 3; i++) await page.locator('#show-more').click();
  assert.equal(await page.locator('#records-list > li').count(), 350);
  assert.equal(await page.locator('#show-more').textContent(), '显示其余 650 条');
  const card = page.locator('#records-list > li').nth(349);
  await card.locator('[data-col="amount"] input').fill('40');
  await card.locator('.explain', { hasText: '计入 40 学时' }).waitFor();
  await rec.context.close();
  rec.check();
});

test('what to do next: deadlines, a year that can no longer be made up, and this region\'s ways to earn hours', { skip, timeout: 90_000 }, async () => {
  const { rec, page } = await open(PHONE);
  const today = await page.evaluate(() => new Date().getFullYear());
  // 松山区's notice of 2025; applying for a later year, with little done yet: this year's hours can still be
  // earned, and the notice of 2025 states no deadline for it (no invented date)
  await fillProfile(page, { region: '150404', year: today, route: 'review', level: 'junior', gender: 'female', age: 30,
    training: [{ year: today, subject: 'public', activity: 'course', hours: 10 }] });
  await page.locator('#banner[data-stage="verdict"]').waitFor();
  const todo = page.locator('#todo-list li');
  assert.match(await todo.first().textContent(), new RegExp(`^${today}年还差公需科目20学时，通知未规定截止日期 （.+ 二（一）.*）$`));
  // a past year can no longer be made up, and the page says so, with its clause
  await page.locator('#f-year').fill('2024');
  await page.locator('#records-list > li [data-col="year"] input').fill('2024');
  await page.locator('#todo-list li', { hasText: '2024年的学时已无法补足' }).first().waitFor();
  assert.match(await todo.first().textContent(), /^2024年还差公需科目20学时，2024年的学时已无法补足 （.+）$/);
  // the region's ways to earn hours, as the checker converts them
  await page.locator('#ways-block summary').click();
  await page.locator('#ways-list:not([aria-busy]) li').first().waitFor(); // the checker's answers are all in
  const ways = await page.locator('#ways-list li').allTextContents();
  assert.ok(ways.some((w) => /^课程学习（含网络课程）：按所载1学时/.test(w)), ways.join('\n'));
  assert.ok(ways.some((w) => /^职业资格考试：在自治区参加的职业资格考试合格，视同完成取得证书年度的专业科目学时（\d+学时）/.test(w)), ways.join('\n'));
  await page.locator('#ways-block').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ensureArtifacts(), 'next-360.png') });
  // the rule set in words (checker.explain), as headings and lists
  await page.locator('#rules-block summary').click();
  assert.equal(await page.locator('#rules-text h3').first().textContent(), '赤峰市松山区：继续教育学时规则');
  assert.ok((await page.locator('#rules-text li').allTextContents()).some((li) => li.startsWith('公需科目：每年不少于 30 学时。')));
  assert.equal(await page.locator('#rules-text').evaluate((n) => n.querySelectorAll('script, [onclick]').length), 0);
  await page.locator('#lang-toggle').click();
  await page.locator('#rules-text h3', { hasText: /rules/i }).first().waitFor();
  await page.locator('#rules-block').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ensureArtifacts(), 'rules-en-360.png') });
  await rec.context.close();
  rec.check();
});
