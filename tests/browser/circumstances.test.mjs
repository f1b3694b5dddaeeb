// Special circumstances on the page, on a phone (360 px, touch) and at 1280 px: every field the vocabulary
// gives a kind can be entered, labelled with the vocabulary's words; a 驻村 posting's years; two postings
// (each counts, CONTRACT §2 circumstances[], rules/README.md adjustments); a ticked box without its value
// is a next step at that field, not an error; a year the checker refuses is marked at its field.
// Corpus cases of 青海 六（三） typed in by hand must give the corpus's verdicts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { corpusCase, ensureArtifacts, fillProfile, newContext, root, skip, useBrowser, waitReady } from './harness.mjs';

const env = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const VIEWPORTS = [['360', PHONE], ['1280', { viewport: { width: 1280, height: 900 } }]];
const VILLAGE = 'village_first_secretary';

async function open(options, path = '') {
  const rec = await newContext(env.browser, env.server.origin, options);
  const page = await rec.context.newPage();
  await page.goto(env.server.url + path);
  await waitReady(page);
  return { rec, page };
}

// axe-core: no serious or critical violations with the postings' fields open
async function axe(page, label) {
  await page.addScriptTag({ path: join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document.querySelector('#circ-card'), { resultTypes: ['violations'] }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], label);
}

const bannerTitle = (page) => page.locator('#banner-title').textContent();

for (const [name, options] of VIEWPORTS) {
  test(`${name} px: 驻村 postings with their years; a second posting deems no second year; words from the vocabulary`, { skip, timeout: 120_000 }, async () => {
    const { VOCABULARY } = await import('../../web/base/vocabulary.js');
    const fieldWord = (f, lang = 'zh') => VOCABULARY.circumstanceField.find((w) => w.id === f)[lang];
    const status = (s) => VOCABULARY.status.find((w) => w.id === s).zh;
    const { rec, page } = await open({ ...options, bypassCSP: true }); // (for axe's script)
    const two = corpusCase('630000/adjustments.json', '两次驻村各满1年：同一项规定只视同完成一个年度（“视同…任意一年”），高级须3个达标年度，只有2个：未达标');
    await fillProfile(page, { ...two.profile, circumstances: undefined });
    assert.equal(await bannerTitle(page), status('short'), 'without the postings: two compliant years of the four');
    // ticked but not typed yet: a next step at the field (amber), not a red error, and no verdict
    await page.locator(`#c-${VILLAGE}`).check();
    const full0 = page.locator(`#c-${VILLAGE}-0-fullYears`);
    assert.equal(await page.locator('#banner').getAttribute('data-stage'), 'incomplete');
    assert.match(await page.locator('#next-step-text').textContent(), new RegExp(`请填写所选特殊情形的：${fieldWord('fullYears').replace(/[()（）]/g, '.')}`));
    assert.equal(await page.locator(`.circ[data-kind="${VILLAGE}"] .field-msg.need`).count(), 1);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    // every field of the kind, labelled with the vocabulary's words; the years are optional and say so
    const fields = VOCABULARY.circumstance.find((c) => c.id === VILLAGE).fields;
    for (const f of fields) {
      assert.equal(await page.locator(`label[for="c-${VILLAGE}-0-${f}"]`).textContent(), fieldWord(f) + (f === 'years' ? '（可选）' : ''));
    }
    assert.match(await page.locator(`#c-${VILLAGE}-0-years-hint`).textContent(), /用逗号分隔/);
    // one posting of a full year: one year deemed, still short of the three the others need
    await full0.fill('1');
    assert.equal(await page.locator('#banner').getAttribute('data-stage'), 'verdict');
    assert.equal(await bannerTitle(page), status('short'));
    // a second posting deems no second year (六（三）: "视同…任意一年"): still three years needed (the corpus)
    await page.locator(`.circ[data-kind="${VILLAGE}"] button[data-circ-action="add"]`).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), `c-${VILLAGE}-1-fullYears`, 'focus on the new posting');
    await page.locator(`#c-${VILLAGE}-1-fullYears`).fill('２'); // full-width digits
    assert.equal(await bannerTitle(page), status(two.expect.status));
    assert.match(await page.locator('#banner-detail').textContent(), new RegExp(`需 ${two.expect.requiredYears} 个年度达标`));
    assert.deepEqual(await page.locator(`.circ[data-kind="${VILLAGE}"] .circ-entry-head strong`).allTextContents(), ['第1次驻村', '第2次驻村']);
    const dir = ensureArtifacts();
    await page.locator(`#c-${VILLAGE}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `circumstances-${name}.png`) });
    await axe(page, `two postings at ${name} px`);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= Number(name), `scrollWidth ${sw} > ${name}`);
    // a year after the application year is refused at that very field, with the checker's words
    await page.locator(`#c-${VILLAGE}-1-years`).fill('2022, 2099');
    assert.equal(await page.locator('#banner').getAttribute('data-stage'), 'error');
    assert.equal(await page.locator(`#c-${VILLAGE}-1-years`).getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`.circ[data-kind="${VILLAGE}"] .field-msg.error`).textContent(), /1990 到 2023/);
    // removing the second posting: back to one, and its verdict
    await page.locator(`.circ[data-kind="${VILLAGE}"] button[data-circ-action="remove"]`).nth(1).click();
    assert.equal(await page.locator(`.circ[data-kind="${VILLAGE}"] .circ-entry`).count(), 1);
    assert.equal(await bannerTitle(page), status('short'));
    // a posting's own years do not narrow "任意一年" (六（三）): any one year is deemed, no year is waived (the corpus)
    const own = corpusCase('630000/adjustments.json', '填写驻村年度2021：仍视同完成任意一年（所填年度不把“任意一年”缩小为已达标的2021以外的年度），2020、2022、2023达标即满足高级3年');
    await fillProfile(page, { ...own.profile, circumstances: undefined });
    await page.locator(`#c-${VILLAGE}-0-years`).fill('2021年');
    assert.equal(await bannerTitle(page), status(own.expect.status));
    const waived = await page.locator('#years-body tr.waived th').allTextContents();
    assert.deepEqual(waived, own.expect.years.filter((y) => y.waived).map((y) => String(y.year)));
    // the print summary says which circumstance the verdict took into account, with its values
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.match(await page.locator('#print-summary').textContent(),
      new RegExp(`特殊情形驻村第一书记/工作队员 — ${fieldWord('fullYears').replace(/[()（）]/g, '.')} 1，${fieldWord('years')} 2021`));
    // the share link carries both fields of the posting
    await page.locator('#share-btn').click();
    const link = await page.locator('#share-link').inputValue();
    const shared = JSON.parse(Buffer.from(/#p=([\w-]+)/.exec(link)[1], 'base64url').toString('utf8'));
    assert.deepEqual(shared.circumstances, [{ kind: VILLAGE, fullYears: 1, years: [2021] }]);
    await page.locator('#share-close').click();
    // English: the vocabulary's English words
    await page.locator('#lang-toggle').click();
    await page.locator('#banner-title', { hasText: /^Met$/ }).waitFor();
    for (const f of fields) {
      const en = fieldWord(f, 'en');
      assert.equal(await page.locator(`label[for="c-${VILLAGE}-0-${f}"]`).textContent(),
        en.charAt(0).toUpperCase() + en.slice(1) + (f === 'years' ? ' (optional)' : ''), 'the vocabulary\'s word, as a label');
    }
    assert.doesNotMatch(await page.locator(`.circ[data-kind="${VILLAGE}"] .circ-entries`).innerText(), /[（）\u4e00-\u9fff]/);
    await rec.context.close();
    rec.check();
  });
}

test('every circumstance kind of every rule set: each of its fields can be entered, and a draft keeps it', { skip, timeout: 120_000 }, async () => {
  const { VOCABULARY } = await import('../../web/base/vocabulary.js');
  const { rec, page } = await open(PHONE);
  const regions = { '150404': ['epidemic_frontline', 'transferred_from_government', 'exceptional', 'postdoc'],
    '630000': ['epidemic_frontline', 'high_skill_leader', VILLAGE], '650000': ['fanghuiju', VILLAGE] };
  for (const [region, kinds] of Object.entries(regions)) {
    await page.locator('#f-region').fill(region);
    await page.locator('#f-year').fill(region === '150404' ? '2025' : region === '630000' ? '2023' : '2022');
    const shown = await page.locator('#circ-list .circ').evaluateAll((n) => n.map((x) => x.dataset.kind));
    assert.deepEqual([...shown].sort(), [...kinds].sort(), `${region}: the kinds its notice knows`);
    for (const kind of kinds) {
      await page.locator(`#c-${kind}`).check();
      const fields = VOCABULARY.circumstance.find((c) => c.id === kind).fields;
      for (const f of fields) {
        const input = page.locator(`#c-${kind}-0-${f}`);
        assert.equal(await input.isEditable(), true, `${region} ${kind}.${f} can be entered`);
      }
      assert.equal(await page.locator(`.circ[data-kind="${kind}"] input[type="text"]`).count(), fields.length, `${kind}: one input a field`);
      await page.locator(`#c-${kind}`).uncheck();
      assert.equal(await page.locator(`.circ[data-kind="${kind}"] input[type="text"]`).count(), 0, `${kind}: its fields go with the tick`);
    }
  }
  // 150404 (松山区): the transfer year and years in post are typed and kept over a reload
  await page.locator('#f-region').fill('150404');
  await page.locator('#f-year').fill('2025');
  await page.locator('#c-transferred_from_government').check();
  await page.locator('#c-transferred_from_government-0-year').fill('2023');
  await page.locator('#c-exceptional').check();
  await page.locator('#c-exceptional-0-yearsInPost').fill('2');
  await page.locator('#c-epidemic_frontline').check();
  await page.locator('#c-epidemic_frontline-0-years').fill('2022、2023');
  await page.reload(); // (the draft is stored when the page is left)
  await waitReady(page);
  assert.equal(await page.locator('#c-transferred_from_government-0-year').inputValue(), '2023');
  assert.equal(await page.locator('#c-exceptional-0-yearsInPost').inputValue(), '2');
  assert.equal(await page.locator('#c-epidemic_frontline-0-years').inputValue(), '2022、2023');
  await rec.context.close();
  rec.check();
});
