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
  const el = page.locator('#checker');
  await el.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
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
  await second.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.equal(await second.locator('#f-region').inputValue(), '410100');
  assert.equal(await second.locator('#lang-toggle').textContent(), '中文');
  // share: offered where the host names jxjy's page (share-page), and the link opens that page
  assert.equal(await second.locator('#share-btn').isVisible(), false, 'no share-page: no share button');
  await el.locator('#share-btn').click();
  const link = await el.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${env.server.url}index.html#p=`), link);
  const opened = await rec.context.newPage();
  await opened.goto(link);
  await opened.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.equal(await opened.locator('#f-region').inputValue(), '150781');
  await opened.close();
  // print: the summary takes the calculator's place inside the element
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await el.locator('#print-summary').isVisible(), true);
  assert.equal(await el.locator('#form').isVisible(), false);
  assert.match(await el.locator('#print-summary').textContent(), /150781|Region/);
  await page.emulateMedia({ media: 'screen' });
  await rec.context.close();
  rec.check();
});

test('iframe index.html?embed=1 answers postMessage', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  await page.frameLocator('#frame').locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
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

// Who may drive the frame: only its parent window (never a sibling frame on the portal's page), and,
// when the address names the portal (?embed=1&origin=…), only that origin.
test('the iframe takes jxjy:profile and jxjy:evaluate only from its parent, and from ?origin= when named', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  const ready = (sel) => page.frameLocator(sel).locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  await ready('#frame');
  await ready('#result-frame');
  const c = corpusCase('150404/review.json', '初级评审：当年无任何学时，缺公需30、专业60');
  const before = await page.frameLocator('#frame').locator('#f-region').inputValue();
  assert.notEqual(before, c.profile.region);
  // post from `from` (a frame) to the frame #id of the portal; 'silent' when no answer comes in 2.5 s
  const ask = (from, id, type, profile) => from.evaluate(([fid, t, p]) => new Promise((resolve) => {
    const doc = window.parent === window ? document : window.parent.document;
    const target = doc.getElementById(fid).contentWindow;
    const timer = setTimeout(() => resolve('silent'), 2500);
    window.addEventListener('message', (e) => {
      if (e.data && e.data.id === `${t}-x`) { clearTimeout(timer); resolve(e.data.result.ok ? 'answered' : 'answered-error'); }
    });
    target.postMessage({ type: t, id: `${t}-x`, profile: p }, '*');
  }), [id, type, profile]);
  const sibling = page.frames().find((f) => f.url().includes('view=result'));
  assert.ok(sibling, 'the result frame is a sibling of #frame');
  for (const type of ['jxjy:profile', 'jxjy:evaluate']) assert.equal(await ask(sibling, 'frame', type, c.profile), 'silent', `a sibling's ${type}`);
  assert.equal(await page.frameLocator('#frame').locator('#f-region').inputValue(), before, "a sibling's profile is not shown");
  // the parent is answered, and its profile shown
  assert.equal(await ask(page.mainFrame(), 'frame', 'jxjy:profile', c.profile), 'answered');
  assert.equal(await page.frameLocator('#frame').locator('#f-region').inputValue(), c.profile.region);
  // ?origin= names the portal: another origin's parent is not answered, the named one is
  for (const [fid, origin, want] of [['other-origin', 'https://portal.example', 'silent'], ['own-origin', env.server.origin, 'answered'],
    ['bad-origin', 'javascript:alert(1)', 'silent']]) {
    await page.evaluate(([fid2, o]) => {
      const f = document.createElement('iframe');
      f.id = fid2;
      f.src = `../index.html?embed=1&origin=${encodeURIComponent(o)}`;
      document.querySelector('main').append(f);
    }, [fid, origin]);
    await ready(`#${fid}`);
    assert.equal(await ask(page.mainFrame(), fid, 'jxjy:evaluate', c.profile), want, `origin=${origin}`);
  }
  await rec.context.close();
  rec.check();
});

// Sizing (CONTRACT §4.4 jxjy:resize), the result-only mode and a profile posted by the portal, through
// the example portal, which sizes each frame from its messages.
async function settled(page, id) {
  // the frame's height is the last height it posted, and its document has no scrollbar of its own
  let last = '';
  for (let i = 0; i < 100; i++) {
    const s = await page.evaluate((fid) => {
      const f = document.getElementById(fid);
      const d = f.contentDocument.documentElement;
      return { posted: Number(f.dataset.height || 0), client: f.clientHeight, inner: d.scrollHeight, innerClient: d.clientHeight };
    }, id);
    last = JSON.stringify(s);
    if (s.posted > 0 && s.client === s.posted && s.inner <= s.innerClient) return s;
    await page.waitForTimeout(100);
  }
  assert.fail(`${id} not sized to its content: ${last}`);
}

test('iframe sizes itself from jxjy:resize; a portal posts a profile; result-only mode', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  await rec.context.addInitScript(() => {
    if (window.parent !== window) return;
    window.resizes = [];
    window.addEventListener('message', (e) => {
      if (!e.data || e.data.type !== 'jxjy:resize') return;
      const which = ['frame', 'result-frame'].find((id) => document.getElementById(id)?.contentWindow === e.source);
      window.resizes.push({ which, data: e.data });
    });
  });
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  const inner = page.frameLocator('#frame');
  await inner.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  const first = await settled(page, 'frame');
  const msgs = await page.evaluate(() => window.resizes);
  for (const m of msgs) {
    assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type'], 'the message shape of CONTRACT §4.4');
    assert.ok(Number.isInteger(m.data.height) && m.data.height > 0, JSON.stringify(m.data));
  }
  assert.ok(first.posted > 900, `the whole calculator is taller than the old fixed frame: ${first.posted}`);
  // no loop: once sized, nothing more is posted
  const count = msgs.length;
  await page.waitForTimeout(1000);
  assert.equal((await page.evaluate(() => window.resizes)).length, count, 'no resize loop');

  // records added inside the frame: it grows, the portal follows, still no inner scrollbar
  for (let i = 0; i < 3; i++) await inner.locator('#add-row').click();
  await inner.locator('#records-list > li').nth(2).waitFor();
  let grown;
  for (let i = 0; i < 50 && !(grown && grown.posted > first.posted + 600); i++) { await page.waitForTimeout(100); grown = await settled(page, 'frame'); }
  assert.ok(grown.posted > first.posted + 600, `three record cards make the frame taller: ${first.posted} -> ${grown.posted}`);

  // a profile posted by the portal is shown in the frame's form, and answered
  const c = corpusCase('630000/annual_hours.json', '学时不结转：2022年完成两倍学时也不能补2023年，缺口取最近的空年度2023');
  const r = await page.evaluate((p) => window.jxjyPortal.showInFrame(p), c.profile);
  assert.equal(r.status, c.expect.status);
  assert.equal(await inner.locator('#f-region').inputValue(), c.profile.region);
  assert.equal(await inner.locator('#records-list > li').count(), c.profile.training.length);
  await expectVerdict(inner, c.expect.status, c.expect.shortfall);
  await settled(page, 'frame');

  // result-only mode: no form, just the verdict of the profile the portal posts
  const only = page.frameLocator('#result-frame');
  await only.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  assert.equal(await only.locator('#form').isVisible(), false, 'no form in view=result');
  assert.equal(await only.locator('header.top').isVisible(), false);
  await page.locator('#show-result').click();
  await page.locator('#result-status', { hasText: /^short（未达标）$/ }).waitFor();
  const m = corpusCase('650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30');
  const r2 = await page.evaluate((p) => window.jxjyPortal.showResult(p), m.profile);
  assert.equal(r2.status, m.expect.status);
  await expectVerdict(only, m.expect.status, m.expect.shortfall);
  assert.equal(await only.locator('#years-body tr').count(), r2.years.length);
  const small = await settled(page, 'result-frame');
  assert.ok(small.posted < grown.posted / 2, `the result alone is much shorter: ${small.posted} vs ${grown.posted}`);

  const dir = ensureArtifacts();
  await page.screenshot({ path: join(dir, 'portal-sized-1280.png'), fullPage: true });
  // a phone: both frames re-size to their taller content; scrolling the portal never changes their heights
  await page.setViewportSize({ width: 360, height: 780 });
  const phone = await settled(page, 'frame');
  assert.ok(phone.posted > grown.posted, `taller on a phone: ${phone.posted}`);
  await settled(page, 'result-frame');
  const before = await page.evaluate(() => window.resizes.length);
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < total; y += 600) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.resizes.length), before, 'scrolling does not re-size the frames (no jumps)');
  await settled(page, 'frame');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, 'portal-sized-360.png'), fullPage: true });
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(sw <= 360, `portal scrollWidth ${sw} > 360`);
  await rec.context.close();
  rec.check();
});
