// The roll view (web/roll/roll-view.js) in Chromium: a 1,000-person roll imported, checked in the worker and
// shown (verdicts, shortfall, errors at their row and column), filtered, sorted, exported (the same bytes
// as checker.rollResultsCSV in Node: the core's writer), printed (a table, no controls), one person
// opened in the calculator (asking first over unsaved entries); a GB18030 semicolon file and a real
// .xlsx on a 360 px phone; English words in ?lang=en. Screenshots under test-artifacts/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { ensureArtifacts, importRoll, newContext, nodeChecker, openRollPage, root, skip, today, useBrowser, waitReady } from './harness.mjs';
import { savedPeople } from './people-store.mjs';
import { makeRoll } from '../../bench/gen_roll.mjs';

const env = useBrowser();
const vocabulary = JSON.parse(readFileSync(join(root, 'core', 'data', 'vocabulary.json'), 'utf8'));
const statusWord = (id, lang = 'zh') => vocabulary.status.find((s) => s.id === id)[lang];
let checker;
before(async () => {
  if (skip) return;
  checker = await nodeChecker();
});

/** The verdict of every person of a roll, as the checker in Node gives it (checked today, as the page does). */
function expected(text, lang = 'zh') {
  const out = {};
  for (const p of checker.readRoll(text, { locale: lang }).people) {
    const status = p.errors.length ? 'error' : (() => {
      const r = checker.evaluate({ checkDate: today(), ...p.profile });
      return r.ok ? r.status : 'error';
    })();
    out[status] = (out[status] || 0) + 1;
  }
  return out;
}

const openRoll = (rec, query = '') => openRollPage(env, rec, { query });

async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const verdictCounts = (page) => page.locator('#roll-table tbody tr .roll-verdict').evaluateAll((spans) => {
  const out = {};
  for (const s of spans) out[s.textContent] = (out[s.textContent] || 0) + 1;
  return out;
});
const inWords = (counts, lang = 'zh') => Object.fromEntries(Object.entries(counts).map(([k, v]) => [statusWord(k, lang), v]));

test('a roll of 1,000 people × 10 records: checked, filtered, sorted, exported, printed, opened (1280 px)', { skip, timeout: 300_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await openRoll(rec);
  // the plain statement that nothing leaves the device
  assert.match(await page.locator('#roll').textContent(), /只在本机读取和核查，不会上传或发送到任何地方/);

  // the template: every roll column in the vocabulary's words, read back by the core without an error
  const template = await downloadFrom(page, '#roll-template');
  const templateText = template.bytes.toString('utf8');
  assert.equal(templateText.slice(1, templateText.indexOf('\r\n')), vocabulary.rollColumn.map((c) => c.zh).join(','));
  assert.deepEqual(checker.readRoll(templateText).errors, []);

  const text = makeRoll(1000, 10);
  const want = expected(text);
  assert.ok(want.error > 0 && want.met > 0 && want.short > 0, `the roll has every kind of verdict: ${JSON.stringify(want)}`);
  await importRoll(page, 'roll-1000.csv', Buffer.from(text));
  // (issue 27: never "checked" for people who were not: those with unreadable rows are said apart)
  assert.equal(await page.locator('#roll-status').textContent(), `已核查 roll-1000.csv 中的 ${1000 - want.error} 人；另有 ${want.error} 人的行有错误，未能核查。`);
  assert.equal(await page.locator('#roll-table tbody tr').count(), 1000);
  assert.deepEqual(await verdictCounts(page), inWords(want));
  assert.match(await page.locator('#roll-summary').textContent(), new RegExp(`共 1000 人.*${statusWord('error')} ${want.error} 人`));
  // the table's headers are the vocabulary's rollResultColumn words (no programmer ids)
  const headers = await page.locator('#roll-table thead th').allTextContents();
  assert.deepEqual(headers.slice(0, 2), ['姓名', '行号']);
  assert.ok(headers.every((h) => !/[a-z]/.test(h)), headers.join(','));
  // a warning in words, not its code: a health-series person is told their own department's rules apply
  const warned = page.locator('#roll-table tbody tr', { has: page.locator('th', { hasText: '人员0004' }) }).locator('td[data-label="提示"]');
  assert.match(await warned.textContent(), /卫生/);
  assert.doesNotMatch(await warned.textContent(), /own_department_rules/);
  await page.screenshot({ path: join(ensureArtifacts(), 'roll-1280.png') });

  // filter by verdict: the people with a bad row, each error at its row and column
  await page.locator('#roll-filter-status').selectOption('error');
  // (the table draws its lines in animation frames: waited for, not counted in the same moment)
  await page.waitForFunction((n) => document.querySelectorAll('#roll-table tbody tr').length === n, want.error, { timeout: 20_000 })
    .catch(() => {});
  assert.equal(await page.locator('#roll-table tbody tr').count(), want.error);
  assert.equal(await page.locator('#roll-shown').textContent(), `显示 ${want.error} / 1000 人`);
  const firstBad = await page.locator('#roll-table tbody tr').first().locator('td[data-label="错误"]').textContent();
  assert.match(firstBad, /^第 \d+ 行「数量」：.*很多/);
  assert.equal(await page.locator('#roll-table tbody tr').first().locator('button.roll-open').isDisabled(), true,
    'a person with an unreadable row is not opened (the calculator would miss that record)');
  // filter by name, then sort
  await page.locator('#roll-filter-status').selectOption('');
  await page.locator('#roll-filter-name').fill('人员0002');
  // (the worker makes the lines shown again: wait for its answer, as a person waits for the table)
  await page.locator('#roll-shown', { hasText: '显示 1 / 1000 人' }).waitFor();
  assert.deepEqual(await page.locator('#roll-table tbody th').allTextContents(), ['人员0002']);
  await page.locator('#roll-filter-name').fill('');
  await page.locator('#roll-sort').selectOption('shortfall');
  await page.waitForFunction(() => document.querySelector('#roll-table').dataset.rendered === 'all');
  const firstShort = await page.locator('#roll-table tbody tr').first().locator('.roll-verdict').textContent();
  assert.equal(firstShort, statusWord('short'), 'most hours missing first');
  await page.locator('#roll-sort').selectOption('name');
  await page.waitForFunction(() => document.querySelector('#roll-table tbody th')?.textContent === '人员0001');

  // export: exactly the core's CSV (as jxjy roll writes it), checked today, with a BOM for spreadsheets
  const exported = await downloadFrom(page, '#roll-export');
  assert.equal(exported.name, `jxjy-roll-results-${today()}.csv`);
  assert.equal(exported.bytes.toString('utf8'), '\uFEFF' + checker.rollResultsCSV(text, { checkDate: today() }));
  assert.match(exported.bytes.toString('utf8'), /^\uFEFF姓名,行号,结论,适用规则,缺口,能否补足,截止日期,提示,错误\r\n/);

  // print: the roll alone, as a table, with no form controls
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('#roll-print').click();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#roll-choose', '#roll-filter-name', '.roll-filters', '#f-region', '.roll-open']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is not printed`);
  }
  assert.equal(await page.locator('#roll-table thead').evaluate((h) => getComputedStyle(h).display), 'table-header-group');
  assert.equal(await page.locator('#roll-table tbody tr').nth(999).isVisible(), true, 'every person is printed');
  await page.screenshot({ path: join(ensureArtifacts(), 'roll-print.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // open one person in the calculator: over entries no saved person holds, it asks first
  await page.locator('#f-name').fill('我自己');
  await page.locator('#f-region').fill('650000');
  const dialogs = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await page.locator('#roll-sort').selectOption('row');
  await page.locator('#roll-table tbody tr').nth(1).locator('button.roll-open').click();
  await page.locator('#roll-status', { hasText: '已在下方计算器中打开「人员0002」' }).waitFor();
  assert.equal(dialogs.length, 1);
  assert.match(dialogs[0], /尚未保存为人员的内容/);
  assert.equal(await page.locator('#f-name').inputValue(), '人员0002');
  assert.equal(await page.locator('#f-region').inputValue(), '630000');
  assert.equal(await page.locator('#records-list > li').count(), 10);
  // the entries typed before are kept as a saved person
  const people = await savedPeople(page); // (IndexedDB since #26)
  assert.ok(people.some((p) => p.draft.name === '我自己'), 'the unsaved entries were kept as a person');
  rec.check();
  await rec.context.close();
});

test('a GB18030 roll with semicolons and a bad header on a 360 px phone; nothing scrolls sideways', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await openRoll(rec);
  const csv = makeRoll(30, 10).replace(/^\uFEFF/, '').replace(/,/g, ';');
  const gb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv });
  assert.equal(gb.status, 0);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gb.stdout), 'the bytes are not UTF-8');
  await importRoll(page, '名册.csv', gb.stdout);
  assert.equal(await page.locator('#roll-table tbody tr').count(), 30);
  assert.deepEqual(await verdictCounts(page), inWords(expected(csv)));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'nothing scrolls sideways');
  await page.screenshot({ path: join(ensureArtifacts(), 'roll-360.png'), fullPage: false });
  await page.locator('#roll-table tbody tr').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ensureArtifacts(), 'roll-360-cards.png') });

  // a misspelt header (issue 27): not a refusal but a column said as not used, with the mapping step open
  // to read it as 已备案; nothing is silently taken
  await importRoll(page, 'bad.csv', Buffer.from('姓名,地区,年度,科目,形式,数量,单位,已被案\r\n张三,630000,2023,公需,网络课程,30,学时,是\r\n'));
  assert.match(await page.locator('#roll-notes').textContent(), /未用到的列（核查不需要，已略过）：已被案/);
  assert.equal(await page.locator('#roll-mapping').getAttribute('open'), '', 'the mapping step is open where the reading is unsure');
  assert.doesNotMatch(await page.locator('#roll-file-errors').textContent(), /已被案/, 'a column not used is no problem');
  // a header the file cannot do without: refused with its row and column, nobody is checked on part of it
  await importRoll(page, 'bad2.csv', Buffer.from('姓名,地区,年度,科目,数量,单位\r\n张三,630000,2023,公需,30,学时\r\n'));
  assert.match(await page.locator('#roll-file-errors').textContent(), /第1行「形式」：缺少列：形式/);
  assert.equal(await page.locator('#roll-status').textContent(), 'bad2.csv 中没有可以核查的人员。');
  assert.equal(await page.locator('#roll-results').isHidden(), true, 'the last roll\'s table is not shown as if it were this file\'s');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await page.locator('#roll-file-errors').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ensureArtifacts(), 'roll-360-errors.png') });
  rec.check();
  await rec.context.close();
});

test('a real .xlsx roll (written by write-excel-file) reads as the same people as its CSV', { skip, timeout: 180_000 }, async () => {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const csv = makeRoll(40, 10);
  const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  // numbers as numbers, the rest as text: what a person's spreadsheet holds
  const cells = rows.map((r, i) => r.map((v) => (v === '' ? null : i > 0 && /^\d+$/.test(v) ? { value: Number(v) } : { value: v })));
  const xlsx = await writeExcelFile(cells).toBuffer();
  assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'a zip (an .xlsx) file');
  const rec = await newContext(env.browser, env.server.origin, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await openRoll(rec);
  await importRoll(page, '名册.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(await page.locator('#roll-status').textContent(), '已核查 名册.xlsx 中的 40 人。');
  assert.deepEqual(await verdictCounts(page), inWords(expected(csv)));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  // a file that only says it is .xlsx
  await page.locator('#roll-file').setInputFiles({ name: 'fake.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await page.locator('#roll-status', { hasText: '无法读取 fake.xlsx：无法读取这个 Excel 文件' }).waitFor();
  rec.check();
  await rec.context.close();
});

test('?lang=en: the roll in English words, its export with English headers', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await openRoll(rec, '?lang=en');
  assert.equal(await page.locator('#roll-heading').textContent(), 'Check a roll of people');
  const text = makeRoll(20, 10);
  await importRoll(page, 'roll.csv', Buffer.from(text));
  assert.deepEqual(await verdictCounts(page), inWords(expected(text, 'en'), 'en'));
  const headers = await page.locator('#roll-table thead th').allTextContents();
  assert.deepEqual(headers.slice(0, 3), vocabulary.rollResultColumn.slice(0, 3).map((c) => c.en));
  const exported = await downloadFrom(page, '#roll-export');
  assert.match(exported.bytes.toString('utf8'), /^\uFEFFname,rows,verdict,rule set,shortfall,can complete,deadline,warnings,errors\r\n/);
  // the page's language toggle carries the roll with it
  await page.locator('#lang-toggle').click();
  await page.locator('#roll-heading', { hasText: '名册批量核查' }).waitFor();
  assert.equal(await page.locator('#roll-table thead th').first().textContent(), '姓名');
  rec.check();
  await rec.context.close();
});

// After a deploy the page's own build may be gone from the server (hashed names): the roll's code then
// cannot load. That is said where the roll opens, with a reload button, never a click that does nothing.
test('the roll\'s code gone after a deploy: said, with a reload button that brings it back', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin, { serviceWorkers: 'block' });
  const gone = (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' });
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await rec.context.route('**/roll-view.js', gone);
  await page.locator('#roll-toggle').click();
  const notice = page.locator('#roll-load-failed');
  await notice.waitFor();
  assert.match(await notice.textContent(), /名册批量核查未能加载.*刷新页面/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  await rec.context.unroute('**/roll-view.js', gone);
  await Promise.all([page.waitForEvent('load'), page.locator('#roll-reload').click()]);
  await waitReady(page);
  // the view loads; the worker's and the fallback's code are gone: a check's failure offers the reload too
  await rec.context.route(/roll-(worker|run)\.js/, gone);
  await page.locator('#roll-toggle').click();
  await page.locator('#roll-heading').waitFor();
  const csv = '姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位\r\n张三,630000,2023,高级,女,47,2023,公需,网络课程,30,学时\r\n';
  await page.locator('#roll-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#roll-status #roll-reload').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('#roll-status').textContent(), /核查未能完成.*名册批量核查未能加载/);
  await rec.context.close();
});

// Issue #26 item 4: two 张伟 in separate blocks of rows are two lines of the page's table, each flagged,
// neither 达标; with a 工号 column the same rows are one 张伟 who meets the hours.
test('namesakes in separate blocks are two people on the page, flagged; an ID column makes them one', { skip, timeout: 180_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await openRoll(rec);
  const head = '姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,已备案,备注';
  const rows = ['张伟,150783,2023,初级,男,30,2023,公需,网络课程,30,学时,是,内科', '李娜,150783,2023,初级,女,31,2023,公需,网络课程,30,学时,是,',
    '张伟,150783,2023,初级,男,30,2023,专业,培训班,60,学时,是,财务科'];
  await importRoll(page, '同名.csv', Buffer.from([head, ...rows].join('\r\n') + '\r\n'));
  const zw = page.locator('#roll-table tbody tr', { has: page.locator('th', { hasText: /^张伟$/ }) });
  assert.equal(await zw.count(), 2);
  for (const i of [0, 1]) {
    assert.equal(await zw.nth(i).locator('.roll-verdict').textContent(), statusWord('short'));
    assert.match(await zw.nth(i).textContent(), /第2行与第4行同名，是否同一人？/);
  }
  await importRoll(page, '工号.csv', Buffer.from([`工号,${head}`, `A1,${rows[0]}`, `B2,${rows[1]}`, `A1,${rows[2]}`].join('\r\n') + '\r\n'));
  assert.equal(await zw.count(), 1);
  assert.equal(await zw.locator('.roll-verdict').textContent(), statusWord('met'));
  assert.doesNotMatch(await zw.textContent(), /同名/);
  rec.check();
  await rec.context.close();
});
