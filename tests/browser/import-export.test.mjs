// Import and export of the training records in Chromium: the records exported as JSON and CSV come
// back as the same cards and the same verdict; a whole profile JSON is accepted; a spreadsheet's words
// (课程学习, 30学时) are understood; a file that cannot be read gives an alert and leaves the records as
// they were.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { asTyped, corpusCase, expectVerdict, fillProfile, newContext, skip, useBrowser, waitReady } from './harness.mjs';

const env = useBrowser();
const CASE = ['650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'];

async function open(rec) {
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  return page;
}
const readCards = (page) => page.locator('#records-list > li').evaluateAll((cards) => cards.map((li) => {
  const v = (k) => li.querySelector(`[data-col="${k}"] input, [data-col="${k}"] select`)?.value;
  return { year: v('year'), subject: v('subject'), activity: v('activity'), amount: v('amount'), unit: v('unit'),
    level: v('level'), filed: li.querySelector('[data-col="filed"] input:checked')?.value, note: v('note') };
}));
async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('records exported as JSON and CSV come back as the same records and the same verdict', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  const c = corpusCase(...CASE);
  const profile = { ...c.profile, training: [...c.profile.training,
    { year: 2023, subject: 'public', activity: 'course', hours: 12, filed: false, note: '线上, "课程"' }] };
  await fillProfile(page, profile);
  const cards = await readCards(page);
  const json = await downloadFrom(page, '#export-json');
  assert.equal(json.name, 'jxjy-training.json');
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), asTyped(profile.training));
  const csv = await downloadFrom(page, '#export-csv');
  assert.equal(csv.name, 'jxjy-training.csv');
  // the roll format: the vocabulary's Chinese headers and words, the person's fields on the first row
  assert.match(csv.bytes.toString('utf8'), /^\uFEFF姓名,地区,申报年度,申报日期,申报途径,申报级别,.*,年度,科目,形式,数量,单位,开始日期,结束日期,会议级别,已备案,备注\r\n/);
  assert.match(csv.bytes.toString('utf8'), new RegExp(`\r\n本人,${c.profile.region},`));
  assert.ok(csv.bytes.toString('utf8').includes(',公需科目,'), 'words, not ids');
  const verdict = await page.locator('#banner').textContent();

  for (const file of [json, csv]) {
    await page.locator('#import-file').setInputFiles({ name: file.name, mimeType: 'text/plain', buffer: file.bytes });
    await page.locator('#io-status', { hasText: file === csv ? `已从 ${file.name} 导入人员信息和 2 条记录` : `已从 ${file.name} 导入 2 条记录` }).waitFor();
    assert.deepEqual(await readCards(page), cards, `${file.name}: the same records`);
    assert.equal(await page.locator('#banner').textContent(), verdict);
  }
  // a whole profile JSON: its records are taken
  await page.locator('#import-file').setInputFiles({ name: 'profile.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(c.profile)) });
  await page.locator('#io-status', { hasText: '已从 profile.json 导入 1 条记录' }).waitFor();
  await expectVerdict(page, c.expect.status, c.expect.shortfall);
  // a spreadsheet's own words
  const sheet = 'year,subject,activity,amount,unit,level,filed,note\n2023,专业科目,学术会议,5天,,地州市级,是,\n';
  await page.locator('#import-file').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.locator('#io-status', { hasText: '已从 sheet.csv 导入 1 条记录' }).waitFor();
  await expectVerdict(page, c.expect.status, c.expect.shortfall);
  await rec.context.close();
  rec.check();
});

test('one person\'s spreadsheet in Chinese words (no name column) brings the person\'s fields and records', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  const sheet = '\uFEFF地区,申报年度,申报途径,申报级别,年度,科目,形式,数量,单位,会议级别,已备案,备注\r\n' +
    '150783,2023,职称评审,中级,2023年,公需,网络课程,30学时,,,是,线上\r\n,,,,2022,专业科目,学术会议,2,天,国家级,否,\r\n';
  await page.locator('#import-file').setInputFiles({ name: '本人.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.locator('#io-status', { hasText: '已从 本人.csv 导入人员信息和 2 条记录' }).waitFor();
  assert.equal(await page.locator('#f-region').inputValue(), '150783');
  assert.equal(await page.locator('#f-year').inputValue(), '2023');
  assert.equal(await page.locator('#f-level-intermediate').isChecked(), true);
  assert.equal(await page.locator('#records-list > li').count(), 2);
  assert.equal(await page.locator('#records-list > li').nth(1).locator('[data-col="activity"] select').inputValue(), 'conference');
  // in English mode the export is in English words
  await page.locator('#lang-toggle').click();
  const csv = await downloadFrom(page, '#export-csv');
  assert.match(csv.bytes.toString('utf8'), /^\uFEFFname,region,application year,.*,year,subject,activity,amount,unit,start,end,conference level,filed,note\r\nme,150783,2023,/);
  await rec.context.close();
  rec.check();
});

test('a file that cannot be read gives an alert by the buttons and leaves the records', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  await fillProfile(page, corpusCase(...CASE).profile);
  const before = await readCards(page);
  const alert = page.locator('#io-error[role="alert"]');
  const broken = [
    ['broken.json', '{"training": [', /^无法导入 broken\.json：不是有效的 JSON/],
    ['shape.json', '{"region": "150783"}', /^无法导入 shape\.json：JSON 应是记录的列表/],
    ['numbers.json', '[{"year": 2023, "subject": "public", "activity": "course", "hours": 1}, 7]', /第 2 条记录不是对象/],
    ['empty.csv', '\uFEFF  \r\n', /^无法导入 empty\.csv：文件是空的/],
    ['two.csv', '姓名,年度,科目,形式,数量,单位\n甲,2023,公需,网络课程,30,学时\n乙,2023,公需,网络课程,30,学时\n', /文件中有 2 个人员；一次核查多人请用“名册批量核查”/],
    ['badrow.csv', '年度,科目,形式,数量,单位\n2023,公需,网络课程,很多,学时\n', /第 2 行「数量」：/],
    ['quote.csv', 'year,subject,activity,amount,unit,note\n2023,public,course,30,hours,"unclosed\n', /CSV 第 2 行的引号没有闭合/],
  ];
  for (const [name, text, message] of broken) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await alert.filter({ hasText: message }).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#io-status').textContent(), '');
    assert.deepEqual(await readCards(page), before, `${name}: the records are unchanged`);
  }
  // a column the reader does not use is no refusal (issue 27), but it is said with the import
  await page.locator('#import-file').setInputFiles({ name: 'header.csv', mimeType: 'text/plain', buffer: Buffer.from('name,hours\n张三,30\n') });
  await page.locator('#io-status', { hasText: /^已从 header\.csv 导入人员信息和 0 条记录。 未用到的列（核查不需要，已略过）：hours$/ }).waitFor({ timeout: 5_000 });
  await page.locator('#lang-toggle').click();
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[') });
  await alert.filter({ hasText: /^Cannot import x\.json: not valid JSON/ }).waitFor();
  await rec.context.close();
  rec.check();
});
