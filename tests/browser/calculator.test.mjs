// The calculator page in Chromium: first load shows a real verdict; one corpus case per region filled
// in by hand gives the corpus's status and shortfall; the draft survives a reload; screenshots at
// 360 px and 1280 px with no horizontal scroll at 360. Every request must stay on the page's origin.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { corpusCase, ensureArtifacts, expectVerdict, fillProfile, newContext, skip, useBrowser } from './harness.mjs';

// one short case per seed region (file + name in tests/cases)
const CASES = [
  ['150783/age.json', '男54周岁：不免除，近三年一个年度即可；2021与2023缺口同为10学时，取最近的2023年'],
  ['150404/review.json', '初级评审：当年无任何学时，缺公需30、专业60'],
  ['630000/annual_hours.json', '学时不结转：2022年完成两倍学时也不能补2023年，缺口取最近的空年度2023'],
  ['410100/records.json', '公需20+专业70合计90：公需课不足30，缺10'],
  ['650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'],
];

const env = useBrowser();

test('first load: defaults give a real verdict, not an input error', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.locator('#banner.banner:not(.pending)').waitFor();
  assert.notEqual(await page.locator('#banner-title').textContent(), '输入有误');
  assert.equal(await page.locator('#f-region').inputValue(), '150783');
  assert.equal(await page.locator('#f-year').inputValue(), '2023');
  assert.equal(await page.locator('#f-gender').inputValue(), 'male');
  assert.equal(await page.locator('#f-age').inputValue(), '40');
  assert.equal(await page.locator('#training-body tr').count(), 2);
  assert.ok(await page.locator('#years-body tr').count() > 0, 'per-year table shown');
  assert.equal(await page.locator('#errors').isVisible(), false);
  // the optional dates exist and reach the checker: a birth date of 1968-06-15 makes a man 55 -> exempt
  await page.locator('#f-birth').fill('1968-06-15');
  await expectVerdict(page, 'exempt', []);
  assert.equal(await page.locator('#f-age').isDisabled(), true, 'age is computed from the birth date');
  // ... but applying on 2023-06-14 he is still 54: one compliant year needed, and 2023 (30 + 60) is one
  await page.locator('#f-appdate').fill('2023-06-14');
  await expectVerdict(page, 'met', []);
  assert.match(await page.locator('#banner-detail').textContent(), /需 1 个年度达标/);
  // a date outside the application year is named at its field
  await page.locator('#f-appdate').fill('2022-06-14');
  await page.locator('#banner.error').waitFor();
  assert.equal(await page.locator('#f-appdate').getAttribute('aria-invalid'), 'true');
  await rec.context.close();
  rec.check();
});

test('each region: a corpus profile typed in gives its status and shortfall', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.locator('#banner.banner:not(.pending)').waitFor();
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

test('the draft survives a reload', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.locator('#banner.banner:not(.pending)').waitFor();
  const c = corpusCase(...CASES[4]);
  await fillProfile(page, c.profile);
  await page.locator('#training-body tr').first().locator('[data-col="note"] input').fill('自治区继续教育会议');
  await page.locator('#lang-toggle').click(); // English
  await expectVerdictEn(page);
  await page.reload();
  await page.locator('#banner.banner:not(.pending)').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#f-region').inputValue(), '650000');
  assert.equal(await page.locator('#f-level').inputValue(), 'intermediate');
  assert.equal(await page.locator('#f-since').inputValue(), '2022');
  const row = page.locator('#training-body tr').first();
  assert.equal(await row.locator('[data-col="activity"] select').inputValue(), 'conference');
  assert.equal(await row.locator('[data-col="unit"] select').inputValue(), 'days');
  assert.equal(await row.locator('[data-col="amount"] input').inputValue(), '5');
  assert.equal(await row.locator('[data-col="level"] select').inputValue(), 'prefecture');
  assert.equal(await row.locator('[data-col="note"] input').inputValue(), '自治区继续教育会议');
  await expectVerdictEn(page);
  await page.locator('#lang-toggle').click();
  await expectVerdict(page, c.expect.status, c.expect.shortfall);
  await rec.context.close();
  rec.check();

  async function expectVerdictEn(p) {
    await p.locator('#banner-title', { hasText: /^Short$/ }).waitFor();
    assert.deepEqual(await p.locator('#shortfall-list li').allTextContents(),
      ['2023: 20 more professional hours needed', '2023: 30 more hours needed in total']);
  }
});

test('screenshots at 360 px and 1280 px; no horizontal scroll at 360 px', { skip, timeout: 60_000 }, async () => {
  const dir = ensureArtifacts();
  for (const width of [360, 1280]) {
    const rec = await newContext(env.browser, env.server.origin, { viewport: { width, height: 800 } });
    const page = await rec.context.newPage();
    await page.goto(env.server.url);
    await page.locator('#banner.banner:not(.pending)').waitFor();
    await page.screenshot({ path: join(dir, `calculator-${width}.png`), fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `scrollWidth ${scrollWidth} > ${width}`);
    // also with an error shown and in English (longer words)
    await page.locator('#f-year').fill('20x3');
    await page.locator('#lang-toggle').click();
    await page.locator('#banner.error').waitFor();
    await page.screenshot({ path: join(dir, `calculator-${width}-error-en.png`), fullPage: true });
    const sw2 = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw2 <= width, `with errors, in English: scrollWidth ${sw2} > ${width}`);
    await rec.context.close();
    rec.check();
  }
});
