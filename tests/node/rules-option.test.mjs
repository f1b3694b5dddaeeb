// (e) options.rules: rule-set objects passed from JS replace the built-in ones; invalid ones reject
// with an Error naming the rule set (index and id) and the JSON Pointer of each problem.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { evaluateCase, loadCorpus, moduleUrl, shippedRuleSets } from './corpus.mjs';

let createChecker, builtin;
before(async () => {
  ({ createChecker } = await import(moduleUrl));
  builtin = await createChecker();
});

const qinghai = {
  region: '630000', year: 2023, route: 'review', level: 'senior',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 45 }],
};

// The result without the file name of the rule set (options.rules names them rules[0], rules[1], …).
const withoutFile = (r) => (r.ruleSet ? { ...r, ruleSet: { ...r.ruleSet, file: undefined } } : r);

async function rejection(rules) {
  try {
    await createChecker({ rules });
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.ok(Array.isArray(e.errors) && e.errors.length > 0, 'the Error has no errors list');
    return e;
  }
  assert.fail('createChecker did not reject');
}

test('the shipped rule sets passed as options.rules give the built-in answers for the whole corpus', async () => {
  const sets = shippedRuleSets();
  const custom = await createChecker({ rules: sets });
  assert.equal(custom.version, builtin.version);
  assert.deepEqual(custom.regions(), builtin.regions());
  let n = 0;
  for (const { id, case: c } of loadCorpus()) {
    const a = evaluateCase(custom, c);
    const b = evaluateCase(builtin, c);
    if (a.ruleSet) {
      const i = sets.findIndex((s) => s.id === a.ruleSet.id);
      assert.equal(a.ruleSet.file, `rules[${i}]`, id);
    }
    assert.deepEqual(withoutFile(a), withoutFile(b), id);
    ++n;
  }
  assert.ok(n >= 75);
});

test('options.rules replaces the built-in rule sets (and is really used)', async () => {
  const sets = shippedRuleSets();
  const only = await createChecker({ rules: sets.filter((s) => s.region === '630000') });
  assert.deepEqual(only.regions().map((r) => r.region), ['630000']);
  assert.equal(only.evaluate(qinghai).ok, true);
  const other = only.evaluate({ ...qinghai, region: '150783' });
  assert.equal(other.ok, false);
  assert.ok(other.errors.some((e) => e.code === 'region_not_covered' && e.path === '/region'));

  const changed = structuredClone(sets.find((s) => s.region === '630000'));
  changed.annual.public.hours = 50;
  const c = await createChecker({ rules: [changed] });
  const r = c.evaluate(qinghai);
  assert.equal(r.years.at(-1).public.required, 50);
  assert.equal(builtin.evaluate(qinghai).years.at(-1).public.required, 45, 'the built-in checker was affected');
});

test('a broken rule set rejects with the rule set and the JSON Pointer', async () => {
  const sets = shippedRuleSets();
  const i = sets.findIndex((s) => s.id === '150783-2023');
  sets[i].annual.public.hours = 'thirty';
  delete sets[i].annual.professional.source;
  const e = await rejection(sets);
  assert.equal(e.code, 'invalid_rules');
  assert.ok(e.errors.some((x) => x.index === i && x.id === '150783-2023' && x.path === '/annual/public/hours'), JSON.stringify(e.errors));
  assert.ok(e.errors.some((x) => x.index === i && x.path === '/annual/professional/source' && x.code === 'missing'), JSON.stringify(e.errors));
  assert.ok(e.message.includes(`rules[${i}] (150783-2023) /annual/public/hours`), e.message);
  assert.ok(e.message.includes(`rules[${i}] (150783-2023) /annual/professional/source`), e.message);
  for (const x of e.errors) for (const k of ['index', 'id', 'file', 'path', 'code', 'message']) assert.ok(k in x, k);
});

test('a duplicate id, a non-object and an empty list reject', async () => {
  const [a] = shippedRuleSets();
  let e = await rejection([a, structuredClone(a)]);
  assert.ok(e.errors.some((x) => x.index === 1 && x.path === '/id' && x.code === 'duplicate_id'));
  e = await rejection([a, 42]);
  assert.ok(e.errors.some((x) => x.index === 1 && x.path === ''), JSON.stringify(e.errors));
  assert.match(e.message, /rules\[1\]/);
  e = await rejection([, a]); // eslint-disable-line no-sparse-arrays
  assert.ok(e.errors.some((x) => x.index === 0 && x.path === ''), JSON.stringify(e.errors));
  assert.ok(e.errors.every((x) => x.index === 0), JSON.stringify(e.errors));
  e = await rejection([]);
  assert.ok(e.errors.length >= 1);
  e = await rejection([{}]);
  assert.ok(e.errors.some((x) => x.index === 0 && x.path === '/id'));
});

test('options.rules that is not an array of JSON values rejects', async () => {
  for (const bad of [{}, 'rules/', null, 42]) {
    const e = await rejection(bad);
    assert.equal(e.errors[0].code, 'not_array');
  }
  const circular = structuredClone(shippedRuleSets()[0]);
  circular.self = circular;
  const e = await rejection([shippedRuleSets()[1], circular]);
  assert.equal(e.errors.length, 1);
  assert.deepEqual({ ...e.errors[0], message: '' },
    { index: 1, id: circular.id, file: 'rules[1]', path: '', code: 'invalid_json', message: '' });
  assert.match(e.message, new RegExp(`rules\\[1\\] \\(${circular.id}\\)`));
  await assert.rejects(createChecker(null), TypeError);
  await assert.rejects(createChecker(42), TypeError);
});

test('checkers are independent: a rejected one leaves the others working', async () => {
  await rejection([{}]);
  const again = await createChecker();
  assert.deepEqual(again.evaluate(qinghai), builtin.evaluate(qinghai));
  assert.deepEqual(again.regions(), builtin.regions());
});
