// rules/rules.schema.json against the loader (the authority): a standard validator (ajv, JSON Schema
// 2020-12) and the loader (through the JS module's options.rules) accept every shipped rule file and
// refuse each broken one below, the loader with its exact code and pointer. A second list holds what
// only the loader can see (citations that resolve, coverage, …): the schema passes those, the loader refuses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';

import { moduleUrl, root, shippedRuleSets } from './corpus.mjs';

const schema = JSON.parse(readFileSync(join(root, 'rules', 'rules.schema.json'), 'utf8'));
// Strict about the schema itself too: every keyword known, every type given.
const ajv = new Ajv2020({ allErrors: true, strictTypes: true, strictTuples: true });
const validate = ajv.compile(schema);
const schemaErrors = () => JSON.stringify(validate.errors?.slice(0, 4));

const shipped = shippedRuleSets();
const base = () => structuredClone(shipped.find((s) => s.id === '150783-2023'));
const fixture = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'based-on', '150783-2024.json'), 'utf8'));

let createChecker, builtin;
before(async () => {
  ({ createChecker } = await import(moduleUrl));
  builtin = await createChecker();
});
const checker0 = () => builtin;

// The loader's problems with these rule sets ([] when it accepts them).
async function loaderErrors(rules) {
  try {
    await createChecker({ rules });
    return [];
  } catch (e) {
    assert.ok(Array.isArray(e.errors), `not a rules error: ${e}`);
    return e.errors;
  }
}

const at = (pointer) => pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
function set(doc, pointer, value) {
  const keys = at(pointer), last = keys.pop();
  const parent = keys.reduce((o, k) => o[k], doc);
  if (value === undefined) Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else parent[last] = value;
  return doc;
}
function rename(doc, pointer, to) {
  const keys = at(pointer), last = keys.pop();
  const parent = keys.reduce((o, k) => o[k], doc);
  parent[to] = parent[last];
  delete parent[last];
  return doc;
}

test('the schema is valid JSON Schema 2020-12 and every shipped rule file validates', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(shipped.length > 0);
  for (const s of shipped) assert.ok(validate(s), `${s.id}: ${schemaErrors()}`);
});

test('the loader accepts every shipped rule file', async () => {
  assert.deepEqual(await loaderErrors(shipped), []);
});

// [what, broken rule set, the loader's code, the loader's pointer]
const broken = [
  ['misspelt field', () => set(base(), '/requirements/0/levle', ['senior']), 'unknown_key', '/requirements/0/levle'],
  ['misspelt top-level field', () => rename(base(), '/annual', 'anual'), 'unknown_key', '/anual'],
  ['misspelt member of a conversion', () => rename(base(), '/activities/course/convert/hours/rate', 'rat'),
    'unknown_key', '/activities/course/convert/hours/rat'],
  ['misspelt language of a text', () => rename(base(), '/regionName/en', 'eng'), 'unknown_key', '/regionName/eng'],
  ['misspelt member of annual', () => set(base(), '/annual/totl', { hours: 1 }), 'unknown_key', '/annual/totl'],
  ['misspelt member of a window', () => set(base(), '/requirements/0/window', { lats: 3 }), 'unknown_key',
    '/requirements/0/window/lats'],
  ['misspelt member of ageAtLeast', () => set(base(), '/adjustments/0/when/ageAtLeast/man', 55), 'unknown_key',
    '/adjustments/0/when/ageAtLeast/man'],
  ['hours as a string', () => set(base(), '/annual/public/hours', '30'), 'wrong_type', '/annual/public/hours'],
  ['annualNotice as a string', () => set(base(), '/annualNotice', 'yes'), 'wrong_type', '/annualNotice'],
  ['requirements as an object', () => set(base(), '/requirements', {}), 'wrong_type', '/requirements'],
  ['count as a string', () => set(base(), '/requirements/0/count', 'three'), 'wrong_type', '/requirements/0/count'],
  ['negative hours', () => set(base(), '/annual/professional/hours', -5), 'out_of_range', '/annual/professional/hours'],
  ['schemaVersion 2', () => set(base(), '/schemaVersion', 2), 'out_of_range', '/schemaVersion'],
  ['unknown effect', () => set(base(), '/adjustments/0/effect', 'vanish'), 'invalid_value', '/adjustments/0/effect'],
  ['unknown route', () => set(base(), '/requirements/0/route', 'promotion'), 'invalid_value', '/requirements/0/route'],
  ['unknown activity kind', () => set(base(), '/activities/knitting', base().activities.other), 'invalid_value',
    '/activities/knitting'],
  ['unknown unit', () => set(base(), '/activities/course/convert/weeks', { rate: 1 }), 'invalid_value',
    '/activities/course/convert/weeks'],
  ['unknown condition', () => set(base(), '/adjustments/0/when/moonPhase', 'full'), 'invalid_value',
    '/adjustments/0/when/moonPhase'],
  ['region of five digits', () => set(base(), '/region', '15078'), 'invalid_value', '/region'],
  ['window of two kinds', () => set(base(), '/requirements/0/window', { last: 3, since: 2019 }), 'invalid_value',
    '/requirements/0/window'],
  ['notBefore without sinceTitle', () => set(base(), '/requirements/0/window', { last: 3, notBefore: 2019 }),
    'invalid_value', '/requirements/0/window/notBefore'],
  ['days by rate and by level at once', () => set(base(), '/activities/conference/convert/days',
    { rate: 8, rateByLevel: { international: 8, national: 8, provincial: 8, prefecture: 8 } }),
  'invalid_value', '/activities/conference/convert/days'],
  ['missing source of a requirement', () => set(base(), '/requirements/0/source', undefined), 'missing',
    '/requirements/0/source'],
  ['missing source of an activity', () => set(base(), '/activities/teaching/source', undefined), 'missing',
    '/activities/teaching/source'],
  ['missing clause', () => set(base(), '/annual/public/source/clause', undefined), 'missing', '/annual/public/source/clause'],
  ['empty clause', () => set(base(), '/annual/public/source/clause', ''), 'missing', '/annual/public/source/clause'],
  ['no sources at all', () => set(base(), '/sources', undefined), 'missing', '/sources'],
  ['empty sources', () => set(base(), '/sources', {}), 'missing', '/sources'],
  ['missing activity', () => set(base(), '/activities/teaching', undefined), 'missing', '/activities/teaching'],
  ['excluded without a text', () => set(base(), '/activities/exam_prep', { excluded: true, source: { doc: 'zl45', clause: '一' } }),
    'missing', '/activities/exam_prep/text'],
  ['replace_requirement without a window', () => set(base(), '/adjustments/1/window', undefined), 'missing',
    '/adjustments/1/window'],
  ['an interpretation without English', () => set(base(), '/annual/total/interpretation/en', undefined), 'missing',
    '/annual/total/interpretation/en'],
  ['waive_circumstance_years without a circumstance', () => set(base(), '/adjustments/0/effect', 'waive_circumstance_years'),
    'missing', '/adjustments/0/when/circumstance'],
  ['a date that is not YYYY-MM-DD', () => set(base(), '/validFrom', '16.02.2023'), 'invalid_date', '/validFrom'],
  ['misspelt member of a form', () => rename(base(), '/forms/0/title', 'titel'), 'unknown_key', '/forms/0/titel'],
  ['misspelt member of a form field', () => set(base(), '/forms/0/fields/0/value', 'x'), 'unknown_key', '/forms/0/fields/0/value'],
  ['a form without its source', () => set(base(), '/forms/0/source', undefined), 'missing', '/forms/0/source'],
  ['a form fill that does not exist', () => set(base(), '/forms/0/fields/1/from', 'profile.height'), 'invalid_value',
    '/forms/0/fields/1/from'],
  ['a form that is for no record, year or circumstance', () => set(base(), '/forms/0/when/each', 'month'), 'invalid_value',
    '/forms/0/when/each'],
];

for (const [what, make, code, path] of broken) {
  test(`schema and loader both refuse: ${what}`, async () => {
    const rs = make();
    assert.equal(validate(rs), false, `the schema accepts it (${what})`);
    const errors = await loaderErrors([rs]);
    assert.ok(errors.some((e) => e.code === code && e.path === path && e.index === 0),
      `the loader does not report ${code} at ${path}: ${JSON.stringify(errors)}`);
  });
}

// What a schema cannot say: the loader alone refuses these (the schema accepts them).
const loaderOnly = [
  ['a source naming no document', () => set(base(), '/requirements/0/source/doc', 'zl46'), 'invalid_value',
    '/requirements/0/source/doc'],
  ['a route left uncovered', () => set(base(), '/requirements/5', undefined), 'incomplete', '/requirements'],
  ['two adjustments with one id', () => set(base(), '/adjustments/1/id', base().adjustments[0].id), 'invalid_value',
    '/adjustments/1/id'],
  ['an interpretation key that does not exist', () => set(base(), '/annual/total/interpretation', 'nowhere'),
    'invalid_value', '/annual/total/interpretation'],
  ['a shared interpretation nobody uses', () => set(base(), '/interpretations', { spare: { zh: '备用', en: 'spare' } }),
    'unused', '/interpretations/spare'],
  ['a day that does not exist', () => set(base(), '/validFrom', '2023-02-30'), 'invalid_date', '/validFrom'],
];

for (const [what, make, code, path] of loaderOnly) {
  test(`the loader (the authority) refuses what the schema cannot see: ${what}`, async () => {
    const rs = make();
    assert.ok(validate(rs), `the schema refuses it: ${schemaErrors()}`);
    const errors = await loaderErrors([rs]);
    assert.ok(errors.some((e) => e.code === code && e.path === path),
      `the loader does not report ${code} at ${path}: ${JSON.stringify(errors)}`);
  });
}

// RFC 7386, to merge a patch the way the loader does and hold the result to the whole-rule-set schema.
function mergePatch(target, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

test('a basedOn patch validates as a patch, and merged onto its base as a whole rule set', () => {
  assert.ok(validate(fixture), schemaErrors());
  const merged = mergePatch(base(), fixture);
  const { basedOn, ...whole } = merged;
  assert.equal(basedOn, '150783-2023');
  assert.ok(validate(whole), schemaErrors());
  // A misspelt field in a patch: both refuse.
  assert.equal(validate({ ...fixture, anual: {} }), false);
  assert.equal(validate({ ...fixture, basedOn: 2023 }), false);
});

test('patches through options.rules: a patch resolves, errors name the patch and its pointer', async () => {
  const checker = await createChecker({ rules: [...shipped, fixture] });
  const sets = checker.regions().find((r) => r.region === '150783').ruleSets;
  assert.deepEqual(sets.map((s) => [s.id, s.basedOn]), [['150783-2023', undefined], ['150783-2024', '150783-2023']]);
  const r = checker.evaluate({ region: '150783', year: 2024, level: 'junior', gender: 'male', age: 30,
    training: [{ year: 2024, subject: 'public', activity: 'course', hours: 30 },
      { year: 2024, subject: 'professional', activity: 'course', hours: 60 }] });
  assert.equal(r.ruleSet.id, '150783-2024');
  assert.deepEqual(r.shortfall, [{ year: 2024, subject: 'public', hours: 10, canComplete: true, deadline: '2024-12-31',
    source: { number: '扎人社发〔2024〕示例号', clause: '一（三）' } }]);
  assert.deepEqual(r.ruleSet.sources.map((s) => s.number), ['扎人社发〔2023〕45号', '扎人社发〔2024〕示例号']);

  const i = shipped.length;
  const bad = await loaderErrors([...shipped, { ...fixture, annual: { public: { hours: '40' } } }]);
  assert.ok(bad.some((e) => e.index === i && e.id === '150783-2024' && e.path === '/annual/public/hours' && e.code === 'wrong_type'),
    JSON.stringify(bad));
  const cycle = await loaderErrors([{ ...fixture, id: 'a', basedOn: 'b' }, { ...fixture, id: 'b', basedOn: 'a' }]);
  assert.deepEqual(cycle.map((e) => [e.index, e.path, e.code]), [[0, '/basedOn', 'based_on_cycle'], [1, '/basedOn', 'based_on_cycle']]);
  const orphan = await loaderErrors([fixture]);
  assert.deepEqual(orphan.map((e) => [e.index, e.path, e.code]), [[0, '/basedOn', 'unknown_base']]);
});

test('shared interpretations: one text for several items, one warning per result however many use it', async () => {
  const ss = structuredClone(shipped.find((s) => s.id === '150404-2025'));
  assert.equal(typeof ss.requirements.find((q) => q.education?.includes('master')).interpretation, 'string',
    '松山区 shares its recognition interpretation by key');
  const text = { zh: '按证明所载学时计入专业科目（共用解释）。', en: 'Certified hours count as professional hours (shared).' };
  ss.interpretations.certified = text;
  ss.activities.degree_study.interpretation = 'certified';
  ss.activities.teaching.interpretation = 'certified';
  assert.ok(validate(ss), schemaErrors());
  const c = await createChecker({ rules: [ss] });
  const r = c.evaluate({ region: '150404', year: 2025, level: 'junior', gender: 'male', age: 30, training: [
    { year: 2025, subject: 'professional', activity: 'degree_study', hours: 30 },
    { year: 2025, subject: 'professional', activity: 'teaching', hours: 30 },
    { year: 2025, subject: 'professional', activity: 'exam_prep', hours: 5 }] });
  assert.ok(r.ok, JSON.stringify(r.errors));
  const shared = r.warnings.filter((w) => w.code === 'interpretation' && w.message === text.zh);
  assert.equal(shared.length, 1, JSON.stringify(r.warnings));
  assert.ok(shared[0].source.clause, 'the warning cites its item');
  // An inline interpretation still works beside the shared ones.
  assert.ok(r.warnings.some((w) => w.code === 'interpretation' && w.message === ss.activities.exam_prep.interpretation.zh));
  // The shipped file's shared recognition interpretation decides a master's recognition.
  const m = checker0().evaluate({ region: '150404', year: 2025, route: 'recognition', level: 'intermediate', education: 'master',
    gender: 'female', age: 30, training: [] });
  assert.equal(m.warnings.filter((w) => w.code === 'interpretation' && w.message === ss.interpretations.recognition_years.zh).length, 1,
    JSON.stringify(m.warnings));
  assert.deepEqual(m.window, [2024, 2025]);
});
