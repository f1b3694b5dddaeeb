// Import and export of the training records (JSON and CSV) and the searchable region picker, in
// Chromium. Exports are read back from the real downloads and compared with the table; each file is
// imported into a cleared page and must give the same verdict; broken files give an alert near the
// buttons, never an exception; values that are wrong are put in the table as given and named at their
// field by the checker. Every request must stay on the page's origin; nothing may be logged as an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { corpusCase, fillProfile, newContext, skip, useBrowser } from './harness.mjs';

const UNITS = ['hours', 'minutes', 'days', 'months', 'subjects'];
const BASE = corpusCase('650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30');
// the corpus profile plus a record in minutes whose note needs CSV quoting
const PROFILE = {
  ...BASE.profile,
  training: [
    ...BASE.profile.training,
    { year: 2022, subject: 'public', activity: 'course', minutes: 600, note: '网课, "专题"讲座' },
    { year: 2023, subject: 'professional', activity: 'training_class', days: 2, filed: false },
  ],
};
// fillProfile cannot untick "filed" (the cell's label covers the checkbox): done by clicking the cell
async function fill(page, profile) {
  await fillProfile(page, { ...profile, training: profile.training.map((r) => ({ ...r, filed: true })) });
  for (const [i, r] of profile.training.entries()) {
    if (r.filed === false) await page.locator('#training-body tr').nth(i).locator('[data-col="filed"] label').click();
  }
}

const env = useBrowser();

async function open(rec, path = '') {
  const page = await rec.context.newPage();
  await page.goto(env.server.url + path);
  await page.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  return page;
}

/** The table as the person sees it: one object of control values per row. */
async function readTable(page) {
  return page.locator('#training-body tr').evaluateAll((rows) => rows.map((tr) => {
    const v = (col) => tr.querySelector(`[data-col="${col}"] input, [data-col="${col}"] select`);
    return {
      year: v('year').value, subject: v('subject').value, activity: v('activity').value, amount: v('amount').value,
      unit: v('unit').value, level: v('level').value, filed: v('filed').checked, note: v('note').value,
    };
  }));
}

/** Everything the result panel says. */
async function readVerdict(page) {
  await page.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  return {
    title: await page.locator('#banner-title').textContent(),
    detail: await page.locator('#banner-detail').textContent(),
    years: await page.locator('#years-body tr').allInnerTexts(),
    shortfall: await page.locator('#shortfall-list li').allTextContents(),
    records: await page.locator('#records-body tr').allInnerTexts(),
  };
}

async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** A page with the profile's personal fields and an empty table ("clear all", then the form). */
async function clearedPage(rec) {
  const page = await open(rec);
  await page.locator('#clear-all').click(); // the harness accepts the confirm()
  await page.locator('#training-empty').waitFor();
  await fillProfile(page, { ...PROFILE, training: [] });
  assert.equal(await page.locator('#training-body tr').count(), 0);
  return page;
}

// the contract record that buildProfile sends for one corpus record (filed is always sent)
const asSent = (r) => ({ ...r, filed: r.filed !== false });

test('export JSON and CSV; each imports back into a cleared page with the same verdict', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  await fill(page, PROFILE);
  await page.locator('#banner-title', { hasText: /^未达标$/ }).waitFor();
  const table = await readTable(page);
  const verdict = await readVerdict(page);
  assert.equal(table.length, 3);

  // JSON: exactly the records sent to the checker
  const json = await downloadFrom(page, '#export-json');
  assert.equal(json.name, 'jxjy-training.json');
  const records = JSON.parse(json.bytes.toString('utf8'));
  assert.deepEqual(records, PROFILE.training.map(asSent));
  assert.match(await page.locator('#io-status').textContent(), /已导出 jxjy-training\.json/);

  // CSV: BOM, header, one quoted-where-needed line per row, matching the table
  const csv = await downloadFrom(page, '#export-csv');
  assert.equal(csv.name, 'jxjy-training.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
  assert.deepEqual(lines, [
    'year,subject,activity,amount,unit,level,filed,note',
    '2023,professional,conference,5,days,prefecture,true,',
    '2022,public,course,600,minutes,,true,"网课, ""专题""讲座"',
    '2023,professional,training_class,2,days,,false,',
    '',
  ]);
  for (const [i, row] of table.entries()) {
    const cells = lines[i + 1].split(',');
    assert.deepEqual(cells.slice(0, 7), [row.year, row.subject, row.activity, row.amount, row.unit, row.level, String(row.filed)]);
  }

  // import the JSON (through the button's file chooser) into a cleared page: same table, same verdict
  const p2 = await clearedPage(rec);
  const [chooser] = await Promise.all([p2.waitForEvent('filechooser'), p2.locator('#import-btn').click()]);
  await chooser.setFiles({ name: 'jxjy-training.json', mimeType: 'application/json', buffer: json.bytes });
  await p2.locator('#io-status', { hasText: '已从 jxjy-training.json 导入 3 条记录' }).waitFor();
  assert.deepEqual(await readTable(p2), table);
  assert.deepEqual(await readVerdict(p2), verdict);
  assert.equal(await p2.locator('#io-error').textContent(), '');

  // import the CSV into a cleared page
  const p3 = await clearedPage(rec);
  await p3.locator('#import-file').setInputFiles({ name: 'jxjy-training.csv', mimeType: 'text/csv', buffer: csv.bytes });
  await p3.locator('#io-status', { hasText: '已从 jxjy-training.csv 导入 3 条记录' }).waitFor();
  assert.deepEqual(await readTable(p3), table);
  assert.deepEqual(await readVerdict(p3), verdict);

  // a whole profile (object with a training array) also imports; a non-empty table asks first
  const dialogs = [];
  p3.on('dialog', (d) => dialogs.push(d.message())); // the harness accepts it
  const profile = Buffer.from(JSON.stringify({ ...PROFILE, training: PROFILE.training.slice(0, 1) }));
  await p3.locator('#import-file').setInputFiles({ name: 'profile.json', mimeType: 'application/json', buffer: profile });
  await p3.locator('#io-status', { hasText: '已从 profile.json 导入 1 条记录' }).waitFor();
  assert.equal(dialogs.length, 1);
  assert.match(dialogs[0], /替换表中现有的 3 行记录/);
  assert.deepEqual(await readTable(p3), table.slice(0, 1));

  // CSV as a spreadsheet may save it: columns in another order, labels instead of keys, no BOM, LF
  const edited = 'note;amount;unit;year;activity;subject;level\n;5;天;2023;学术会议/讲座/论坛;专业;地市级\n';
  await p3.locator('#import-file').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await p3.locator('#io-status', { hasText: '已从 edited.csv 导入 1 条记录' }).waitFor();
  assert.deepEqual(await readTable(p3), table.slice(0, 1));

  await rec.context.close();
  rec.check();
});

test('a file that cannot be read gives an alert by the buttons; wrong values are named at their field', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  const before = await readTable(page);
  const alert = page.locator('#io-error[role="alert"]');
  const broken = [
    ['broken.json', '{"training": [', /^无法导入 broken\.json：不是有效的 JSON/],
    ['shape.json', '{"region": "150783"}', /^无法导入 shape\.json：JSON 应是记录数组/],
    ['numbers.json', '[{"year": 2023, "subject": "public", "activity": "course", "hours": 1}, 7]', /第 2 条记录不是对象/],
    ['empty.csv', '\uFEFF  \r\n', /^无法导入 empty\.csv：文件是空的/],
    ['header.csv', 'name,hours\n张三,30\n', /CSV 表头缺少列 year, subject, activity, amount/],
    ['quote.csv', 'year,subject,activity,amount,unit,note\n2023,public,course,30,hours,"unclosed\n', /CSV 第 2 行的引号没有闭合/],
  ];
  for (const [name, text, message] of broken) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await alert.filter({ hasText: message }).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('#io-status').textContent(), '');
    assert.deepEqual(await readTable(page), before, `${name}: the table is unchanged`);
  }
  // an alert is also given in English
  await page.locator('#lang-toggle').click();
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[') });
  await alert.filter({ hasText: /^Cannot import x\.json: not valid JSON/ }).waitFor();
  await page.locator('#lang-toggle').click();

  // readable file, wrong values: imported as given, the checker names each at its field
  const wrong = 'filed,note,unit,amount,activity,subject,year\nmaybe,x,hours,5,course,xx,2023\n';
  await page.locator('#import-file').setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
  await page.locator('#io-status', { hasText: '导入 1 条记录' }).waitFor();
  assert.equal(await alert.textContent(), '');
  await page.locator('#banner.error').waitFor();
  const row = page.locator('#training-body tr').first();
  assert.equal(await row.locator('[data-col="subject"] select').inputValue(), 'xx');
  assert.equal(await row.locator('[data-col="subject"] select').getAttribute('aria-invalid'), 'true');
  assert.equal(await row.locator('[data-col="filed"] input').getAttribute('aria-invalid'), 'true');
  // an unknown unit: shown as given, the checker asks for an amount at the amount field
  const unit = 'year,subject,activity,amount,unit\n2023,public,course,5,weeks\n';
  await page.locator('#import-file').setInputFiles({ name: 'unit.csv', mimeType: 'text/csv', buffer: Buffer.from(unit) });
  await page.locator('#io-status', { hasText: '已从 unit.csv 导入 1 条记录' }).waitFor();
  await page.locator('#banner.error').waitFor();
  assert.equal(await row.locator('[data-col="unit"] select').inputValue(), 'weeks');
  assert.equal(await row.locator('[data-col="amount"] input').inputValue(), '5');
  assert.equal(await row.locator('[data-col="amount"] input').getAttribute('aria-invalid'), 'true');
  assert.equal(await row.locator('[data-col="subject"] select').getAttribute('aria-invalid'), null);
  // fixing the unit in the table fixes the record
  await row.locator('[data-col="unit"] select').selectOption('hours');
  await page.locator('#banner:not(.error)').waitFor();
  await rec.context.close();
  rec.check();
});

test('region search: Chinese or English name, code or notice number sets the region select', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec);
  const search = page.getByLabel('搜索地区');
  const region = page.locator('#f-region');
  const detail = page.locator('#banner-detail');
  assert.equal(await region.inputValue(), '150783');
  assert.match(await detail.textContent(), /扎兰屯市/);

  await search.fill('青海');
  await page.locator('#banner-detail', { hasText: '青海省' }).waitFor();
  assert.equal(await region.inputValue(), '630000');
  assert.match(await page.locator('#f-search-status').textContent(), /^已选：青海省 630000/);

  await search.fill('zhengzhou');
  await page.locator('#banner-detail', { hasText: '郑州市' }).waitFor();
  assert.equal(await region.inputValue(), '410100');

  await search.fill('扎人社发〔2023〕45号');
  await page.locator('#banner-detail', { hasText: '扎兰屯市' }).waitFor();
  assert.equal(await region.inputValue(), '150783');

  // the code field is cleared when a region is picked by search
  await page.locator('#f-code').fill('150404');
  await page.locator('#banner-detail', { hasText: '赤峰市松山区' }).waitFor();
  await search.fill('630000');
  await page.locator('#banner-detail', { hasText: '青海省' }).waitFor();
  assert.equal(await region.inputValue(), '630000');
  assert.equal(await page.locator('#f-code').inputValue(), '');

  // several matches: nothing changes until Enter, which takes the first
  await search.fill('市');
  assert.match(await page.locator('#f-search-status').textContent(), /个地区匹配/);
  assert.equal(await region.inputValue(), '630000');
  await search.press('Enter');
  const picked = await region.inputValue();
  assert.notEqual(picked, '630000');
  assert.match(await region.locator(`option[value="${picked}"]`).textContent(), /市/);

  await search.fill('no such place');
  assert.equal(await page.locator('#f-search-status').textContent(), '没有匹配的地区');
  assert.equal(await region.inputValue(), picked);

  // the datalist offers the select's labels; picking one selects that region
  const labels = await page.locator('#f-search-list option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(labels.length, await region.locator('option').count());
  await search.fill(labels.find((l) => l.startsWith('新疆')));
  await page.locator('#banner-detail', { hasText: '新疆' }).waitFor();
  assert.equal(await region.inputValue(), '650000');

  // the select still works by itself, and clears the search text
  await region.selectOption('150404');
  await page.locator('#banner-detail', { hasText: '赤峰市松山区' }).waitFor();
  assert.equal(await search.inputValue(), '');
  await rec.context.close();
  rec.check();
});

test('export works inside the <jxjy-checker> shadow root too', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await open(rec, 'examples/portal.html');
  const host = page.locator('jxjy-checker').first();
  await host.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  const table = await host.locator('#training-body tr').count();
  const json = await downloadFrom(page, 'jxjy-checker >> nth=0 >> #export-json');
  const records = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(records.length, table);
  for (const r of records) assert.ok(UNITS.some((u) => u in r), 'each record has its amount');
  await host.locator('#f-search').fill('青海');
  await host.locator('#banner-detail', { hasText: '青海省' }).waitFor();
  await rec.context.close();
  rec.check();
});
