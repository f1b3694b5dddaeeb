// axe-core in Chromium: no serious or critical violations on the page (Chinese and English, with input
// errors shown, the saved-people panel open) and on the example portal (custom element in a shadow root + iframe). axe is injected
// as a script, so these contexts bypass the page's CSP (the other tests keep it).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { corpusCase, fillProfile, newContext, root, skip, useBrowser } from './harness.mjs';

const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const env = useBrowser();

async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(text, [], `${label}: serious or critical axe violations`);
  return results.violations;
}

test('axe: the calculator page', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin, { bypassCSP: true });
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  await page.locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  await axe(page, 'first load (zh)');
  await fillProfile(page, corpusCase('650000/conversion.json', '地州市级会议5天×8=40，专业不足60：缺专业20、合计30').profile);
  await page.locator('#banner.short').waitFor();
  await axe(page, 'result (zh)');
  // the saved-people panel: open, with a person and the rename box
  await page.locator('#people-details summary').click();
  await page.locator('#people-rename').click();
  await page.locator('#people-rename-input').fill('张三');
  await page.keyboard.press('Enter');
  await page.locator('#people-dup').click();
  await page.locator('#people-rename').click();
  await axe(page, 'saved people (zh)');
  await page.keyboard.press('Escape');
  // errors shown next to their fields, and a record left out
  await page.locator('#f-currentTitleSince').fill('20x2');
  await page.locator('#add-row').click();
  await page.locator('#records-list > li').nth(1).locator('[data-col="activity"] select').selectOption('course');
  await page.locator('#banner.error').waitFor();
  await axe(page, 'input errors (zh)');
  await page.locator('#lang-toggle').click();
  await axe(page, 'input errors (en)');
  await page.locator('#f-currentTitleSince').fill('2022');
  await page.locator('#banner.short').waitFor();
  await page.locator('#ways-block summary').click();
  await page.locator('#share-btn').click();
  await page.locator('#share-qr svg').waitFor();
  await axe(page, 'result, ways, share (en)');
  await rec.context.close();
  rec.check();
});

test('axe: the example portal (custom element and iframe)', { skip, timeout: 90_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin, { bypassCSP: true });
  const page = await rec.context.newPage();
  await page.goto(`${env.server.url}examples/portal.html`);
  await page.locator('jxjy-checker .jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  await page.frameLocator('#frame').locator('.jxjy[data-checker="ready"] #banner[data-stage]:not([data-stage="loading"])').waitFor();
  await axe(page, 'portal');
  await rec.context.close();
  rec.check();
});
