// The page's words and the vocabulary: the result statuses and the circumstance fields are the vocabulary's
// words (core/data/vocabulary.json), never copies in web/base/texts.js; the fields the page lets a person leave
// out are the ones the core does not require; a circumstance's entries go to the profile and back.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { moduleUrl } from './corpus.mjs';
import { VOCABULARY } from '../../web/base/vocabulary.js';
import { TEXT } from '../../web/base/texts.js';
import { circumstanceFields, isOptionalField, statusWord } from '../../web/base/words.js';
import { buildProfile, draftFromProfile, emptyDraft, sanitizeDraft, yearList } from '../../web/calculator/draft.js';

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

// Every plain text of texts.js, in both languages (a function text called with a placeholder).
function pageTexts(lang) {
  return Object.entries(TEXT[lang]).map(([key, v]) => [key, typeof v === 'function' ? v('#', '#', '#') : v]);
}

test('texts.js holds no copy of the vocabulary\'s status or circumstance-field words', () => {
  for (const lang of ['zh', 'en']) {
    const own = pageTexts(lang);
    for (const list of ['status', 'circumstanceField']) {
      for (const w of VOCABULARY[list]) {
        const copy = own.find(([, text]) => String(text).trim().toLowerCase() === w[lang].toLowerCase());
        assert.equal(copy, undefined, `texts.js ${lang}.${copy && copy[0]} repeats the vocabulary's ${list}.${w.id} "${w[lang]}"`);
      }
    }
    for (const [key] of own) assert.doesNotMatch(key, /^(status_(met|exempt|advisory|short|error)|circ_(years|year|yearsInPost|fullYears))$/);
  }
  // the page shows the vocabulary's words (English as a title)
  assert.equal(statusWord('short'), VOCABULARY.status.find((w) => w.id === 'short').zh);
  assert.equal(statusWord('advisory', 'en'), 'Advisory only');
});

test('the circumstance fields the page marks optional are exactly those the core does not require', () => {
  const base = { region: '630000', year: 2023, route: 'review', level: 'senior', training: [] };
  for (const kind of VOCABULARY.circumstance.map((c) => c.id)) {
    const fields = circumstanceFields(kind);
    const r = checker.evaluate({ ...base, circumstances: [{ kind }] });
    const missing = r.ok === false ? r.errors.filter((e) => e.code === 'missing').map((e) => e.path) : [];
    const required = fields.filter((f) => !isOptionalField(kind, f)).map((f) => `/circumstances/0/${f}`);
    assert.deepEqual(missing, required, `${kind}: the fields the core requires`);
  }
});

test('a circumstance\'s entries: typed years (lists, ranges, full-width) to the profile and back', () => {
  assert.deepEqual(yearList('2021, 2022年、２０２３'), ['2021', '2022年', '2023']);
  assert.deepEqual(yearList('2020 - 2022'), ['2020', '2021', '2022']);
  assert.deepEqual(yearList('2022；abc'), ['2022', 'abc'], 'a piece that is no year goes to the checker as typed');
  const draft = emptyDraft();
  draft.circ.village_first_secretary = { on: true, entries: [{ fullYears: '1' }, { fullYears: '２', years: '2021、2022' }] };
  draft.circ.epidemic_frontline = { on: false, entries: [{ years: '2022' }] };
  const kinds = ['village_first_secretary', 'epidemic_frontline', 'village_first_secretary'];
  const built = buildProfile(draft, { circumstances: kinds });
  assert.deepEqual(built.profile.circumstances, [
    { kind: 'village_first_secretary', fullYears: 1 },
    { kind: 'village_first_secretary', fullYears: 2, years: [2021, 2022] },
  ], 'every posting once, in order; a kind not ticked is not sent');
  assert.deepEqual(built.fields['/circumstances/1/years'], { key: 'circ:village_first_secretary:1:years' });
  const back = draftFromProfile(built.profile).draft;
  assert.deepEqual(back.circ.village_first_secretary.entries, [{ fullYears: '1' }, { fullYears: '2', years: '2021, 2022' }]);
  // a draft stored by the first pages ({on, value}) is read as the kind's first field
  const old = sanitizeDraft({ circ: { epidemic_frontline: { on: true, value: '2022' }, exceptional: { on: true, value: 7 } } });
  assert.deepEqual(old.draft.circ.epidemic_frontline, { on: true, entries: [{ years: '2022' }] });
  assert.deepEqual(old.dropped, ['circ/exceptional/value']);
  // an empty optional field is not sent (an empty list would be refused)
  const one = emptyDraft();
  one.circ.village_first_secretary = { on: true, entries: [{ fullYears: '1', years: ' ' }] };
  assert.deepEqual(buildProfile(one, { circumstances: ['village_first_secretary'] }).profile.circumstances,
    [{ kind: 'village_first_secretary', fullYears: 1 }]);
});

test('one language tag per page language: the first screen\'s lang attributes in both languages', async () => {
  const { languageTag } = await import('../../web/base/words.js');
  const { firstScreen } = await import('../../web/calculator/first-screen.js');
  assert.equal(languageTag('en'), 'en');
  assert.equal(languageTag('zh'), 'zh-CN');
  assert.equal(languageTag(undefined), 'zh-CN'); // a draft without a language is Chinese, as sanitizeDraft makes it
  for (const [lang, own, other] of [['zh', 'zh-CN', 'en'], ['en', 'en', 'zh-CN']]) {
    const html = firstScreen(lang);
    assert.match(html, new RegExp(`^<div class="jxjy" lang="${own}"`), `${lang}: the calculator's own language`);
    assert.match(html, new RegExp(`<button type="button" id="lang-toggle" lang="${other}">`), `${lang}: the toggle names the other language in it`);
  }
});
