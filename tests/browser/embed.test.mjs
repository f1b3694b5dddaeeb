// Embedding (CONTRACT §1) through web/examples/portal.html: the <jxjy-checker region lang> custom
// element (whole calculator in its shadow root, styled there, attributes live, "jxjy-result" events,
// evaluate()) and an iframe of index.html?embed=1 answering postMessage jxjy:evaluate with jxjy:result.
// The portal keeps a strict CSP, so this also shows the embedding needs no inline styles and no eval.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { corpusCase, ensureArtifacts, expectVerdict, fillProfile, newContext, skip, useBrowser } from './harness.mjs';

const env = useBrowser();

test('custom element <jxjy-checker>', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  const el = page.locator('jxjy-checker');
  await el.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  // in its own shadow root, styled there (style.css applied: the banner has its colours)
  assert.equal(await page.evaluate(() => document.querySelector('jxjy-checker').shadowRoot.querySelector('#f-region') !== null), true);
  assert.equal(await page.evaluate(() => document.getElementById('f-region')), null, 'nothing leaks into the portal DOM');
  const bg = await el.locator('#banner').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(bg, 'rgb(232, 238, 249)', 'style.css is applied inside the shadow root');
  assert.equal(await el.locator('#f-region').inputValue(), '150783');
  // nothing entered yet: no verdict, the next step is the year
  assert.equal(await el.locator('#banner').getAttribute('data-stage'), 'incomplete');
  assert.match(await el.locator('#next-step-text').textContent(), /申报年度/);

  // the user fills it like the page
  const c = corpusCase('630000/annual_hours.json', '学时不结转：2022年完成两倍学时也不能补2023年，缺口取最近的空年度2023');
  await fillProfile(el, c.profile);
  await expectVerdict(el, c.expect.status, c.expect.shortfall);
  // the portal heard the result event, with today's date as checkDate
  await page.locator('#element-status', { hasText: 'short' }).waitFor();

  // attributes are live: lang switches the language, region the notice
  await page.evaluate(() => document.querySelector('jxjy-checker').setAttribute('lang', 'en'));
  await el.locator('#banner-title', { hasText: /^Short$/ }).waitFor();
  await page.evaluate(() => document.querySelector('jxjy-checker').setAttribute('region', '650000'));
  assert.equal(await el.locator('#f-region').inputValue(), '650000');
  // a county code without its own notice: the one region field holds it, and the page says whose notice applies
  await page.evaluate(() => document.querySelector('jxjy-checker').setAttribute('region', '150781'));
  assert.equal(await el.locator('#f-region').inputValue(), '150781');
  await el.locator('#region-status', { hasText: /Not covered|尚未收录|not in this tool/ }).waitFor();

  // evaluate() with the same checker, without touching the form
  const m = corpusCase('150783/age.json', '女49周岁：近三年中2022年一个年度达标即可');
  const r = await page.evaluate((p) => document.querySelector('jxjy-checker').evaluate(p), m.profile);
  assert.equal(r.status, m.expect.status);
  assert.deepEqual(r.shortfall, m.expect.shortfall);

  // a second element created by script, in English for another region
  await page.evaluate(() => {
    const x = document.createElement('jxjy-checker');
    x.id = 'second';
    x.setAttribute('region', '410100');
    x.setAttribute('lang', 'en');
    document.querySelector('main').append(x);
  });
  const second = page.locator('#second');
  await second.locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.equal(await second.locator('#f-region').inputValue(), '410100');
  assert.equal(await second.locator('#lang-toggle').textContent(), '中文');
  await rec.context.close();
  rec.check();
});

test('iframe index.html?embed=1 answers postMessage', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  await page.frameLocator('#frame').locator('#banner[data-stage]:not([data-stage="loading"])').waitFor();
  // the example's button: the portal shows the status it received
  await page.locator('#send').click();
  await page.locator('#iframe-status', { hasText: /^short（未达标）$/ }).waitFor();
  const detail = JSON.parse(await page.locator('#iframe-detail').textContent());
  assert.equal(detail.ok, true);
  assert.equal(detail.ruleSet.region, '630000');

  // a round trip per region, with the corpus's expectations; ids are echoed back
  const cases = [
    corpusCase('150404/review.json', '初级评审：当年无任何学时，缺公需30、专业60'),
    corpusCase('650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30'),
  ];
  for (const c of cases) {
    const r = await page.evaluate((p) => window.jxjyPortal.evaluateInFrame(p), c.profile);
    assert.equal(r.status, c.expect.status, c.name);
    assert.deepEqual(r.shortfall.map(({ year, subject, hours }) => ({ year, subject, hours })), c.expect.shortfall, c.name);
  }
  // the raw protocol: {type, id, profile} -> {type: "jxjy:result", id, result}; bad input -> ok:false
  const raw = await page.evaluate(() => new Promise((resolve) => {
    const frame = document.getElementById('frame');
    window.addEventListener('message', function on(e) {
      if (e.source !== frame.contentWindow || !e.data || e.data.id !== 'raw-1') return;
      window.removeEventListener('message', on);
      resolve(e.data);
    });
    frame.contentWindow.postMessage({ type: 'jxjy:evaluate', id: 'raw-1', profile: { region: '150783', year: 'x' } }, location.origin);
  }));
  assert.equal(raw.type, 'jxjy:result');
  assert.equal(raw.result.ok, false);
  assert.ok(raw.result.errors.some((e) => e.path === '/year'));

  const dir = ensureArtifacts();
  await page.screenshot({ path: join(dir, 'portal-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(dir, 'portal-360.png'), fullPage: true });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= 360, `portal scrollWidth ${sw} > 360`);
  await rec.context.close();
  rec.check();
});
