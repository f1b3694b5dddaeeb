// "打印表格" (CONTRACT §5.2): under the result, the notice's forms this person needs, each with its purpose;
// each prints alone on one A4 page as the notice lays it out (a bordered table, the entries filled in, blanks
// for the rest, no page controls). Every form is printed to PDF by Chromium (page.pdf, A4) and turned into
// a PNG with pdftoppm (poppler-utils, installed as scripts/deps.sh installs packages) in
// test-artifacts/forms/, to be looked at; the "加入日历" button sits beside a shortfall with a deadline.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { ensureArtifacts, newContext, root, skip, useBrowser, waitReady } from './harness.mjs';

const env = useBrowser();
let pdftoppm = false;
before(() => {
  if (skip) return;
  const r = spawnSync('bash', ['-c', '. scripts/deps.sh && need_packages poppler-utils'], { cwd: root, stdio: 'inherit' });
  pdftoppm = r.status === 0;
});

const link = (url, profile) => `${url}#p=${Buffer.from(JSON.stringify(profile)).toString('base64url')}`;

const ZALANTUN = { region: '150783', year: 2023, route: 'review', level: 'intermediate', gender: 'female', birthDate: '1980-05-03',
  education: 'bachelor', checkDate: '2023-06-01',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30 },
    { year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: false, note: '呼伦贝尔学院骨干教师研修班',
      start: '2023-03-01', end: '2023-03-05' }] };
const XINJIANG = { region: '650102', year: 2023, route: 'review', level: 'intermediate', gender: 'male', birthDate: '1979-09-15',
  education: 'master', currentTitleSince: 2021,
  training: [{ year: 2022, subject: 'professional', activity: 'training_class', days: 5, note: '新疆医科大学进修班' },
    { year: 2022, subject: 'public', activity: 'course', hours: 30 },
    { year: 2023, subject: 'professional', activity: 'conference', days: 3, level: 'provincial', note: '自治区医学年会' },
    { year: 2023, subject: 'professional', activity: 'qualification_exam', subjects: 1 }] };
const FANGHUIJU = { region: '650102', year: 2023, route: 'review', level: 'senior', gender: 'female', education: 'bachelor',
  currentTitleSince: 2018, circumstances: [{ kind: 'fanghuiju' }], training: [] };

async function printEach(page, prefix) {
  const dir = join(ensureArtifacts(), 'forms');
  mkdirSync(dir, { recursive: true });
  const buttons = page.locator('#forms-list button.form-print');
  const n = await buttons.count();
  const printed = [];
  for (let i = 0; i < n; i++) {
    await page.emulateMedia({ media: 'screen' });
    await buttons.nth(i).click();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#print-form .pf').isVisible(), true, 'the form prints');
    assert.equal(await page.locator('#print-summary').isVisible(), false, 'not the summary');
    assert.equal(await page.locator('input:visible, select:visible, button:visible').count(), 0, 'no page controls in print');
    const text = await page.locator('#print-form').innerText();
    const pdfPath = join(dir, `${prefix}-${i + 1}.pdf`);
    const pdf = await page.pdf({ format: 'A4', path: pdfPath, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `${prefix} form ${i + 1} on one A4 page`);
    if (pdftoppm) {
      const r = spawnSync('pdftoppm', ['-png', '-r', '70', '-singlefile', pdfPath, join(dir, `${prefix}-${i + 1}`)]);
      assert.equal(r.status, 0, String(r.stderr));
    }
    printed.push(text);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }
  await page.emulateMedia({ media: 'screen' });
  return printed;
}

async function open(page, profile, lang = '', today = null) {
  await page.addInitScript(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  if (today) await page.clock.setFixedTime(new Date(today)); // the page checks on today's date
  await page.goto(link(`${env.server.url}${lang}`, profile));
  await waitReady(page);
  await page.locator('#banner[data-stage="verdict"]').waitFor();
}

test('扎兰屯: the 备案审批表 of the unfiled class, its purpose listed, printed on A4 with the entries and the name', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await open(page, ZALANTUN, '', '2023-06-01T10:00:00+08:00');
  await page.locator('#f-name').fill('王芳');
  await page.locator('#forms-block:not([hidden])').waitFor();
  const items = page.locator('#forms-list li');
  assert.equal(await items.count(), 1);
  const item = await items.first().innerText();
  assert.match(item, /附表 专业技术人员外出培训专业课学时备案审批表/);
  assert.match(item, /第 2 条记录/);
  assert.match(item, /一式一份报送至人社局专技股/);
  // 加入日历 beside the shortfall with a deadline that can still be met (2023-12-31)
  assert.equal(await page.locator('#todo-list button.calendar').count() >= 1, true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#todo-list button.calendar').first().click()]);
  assert.match(download.suggestedFilename(), /^jxjy-2023-.*-20231231\.ics$/);
  const [text] = await printEach(page, 'zalantun');
  for (const part of ['专业技术人员外出培训专业课学时备案审批表', '王芳', '女', '1980年5月', '大学本科', '呼伦贝尔学院骨干教师研修班',
    '2023-03-01至2023-03-05', '40', '个人签字', '负责人签字', '确认其专业课课时为', '一式一份报送至人社局专技股']) assert.ok(text.includes(part), `form has "${part}":\n${text}`);
  assert.equal(await page.evaluate(() => window.printed), 1);
  await rec.context.close();
  rec.check();
});

test('新疆: 附件1 for each year with its rows and the 经审验 line; 附件2 for fanghuiju; English glosses', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await open(page, XINJIANG);
  await page.locator('#forms-block:not([hidden])').waitFor();
  assert.equal(await page.locator('#forms-list li').count(), 2);
  const texts = await printEach(page, 'xinjiang');
  assert.match(texts[0], /经审验，2022年符合专业课继续教育共计40学时，还需完成20学时的继续教育。/);
  assert.match(texts[0], /新疆医科大学进修班/);
  assert.match(texts[1], /经审验，2023年符合专业课继续教育共计60学时，还需完成30学时的继续教育。/);
  assert.match(texts[1], /附件3 第7条/);
  await page.goto('about:blank');
  await open(page, FANGHUIJU, '?lang=en');
  await page.locator('#forms-block:not([hidden])').waitFor();
  assert.match(await page.locator('#forms-list').innerText(), /Print this form/);
  const [text] = await printEach(page, 'fanghuiju-en');
  for (const part of ['免除继续教育学习申请表', '免学理由', 'Reason for exemption', '访惠聚', '高级', '各地各部门不得私自设置'])
    assert.ok(text.includes(part), `form has "${part}":\n${text}`);
  await rec.context.close();
  rec.check();
});

test('a region without forms shows no 打印表格', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await open(page, { region: '630000', year: 2023, route: 'review', level: 'intermediate', gender: 'male', age: 40,
    training: [{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: false }] });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#forms-block').isHidden(), true);
  await rec.context.close();
  rec.check();
});
