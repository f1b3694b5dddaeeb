// checker.ruleSetFor(region, applicationDate): the rule set the checker itself applies (validFrom against
// the application date; the county's, else the city's, else the province's), so that a front end asks
// rather than choosing by a criterion of its own (the page chose by notice year, which differs the day a
// region has two notices whose validFrom is not 1 January).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { moduleUrl } from './corpus.mjs';

const base = JSON.parse(readFileSync(new URL('../../rules/630000-2023.json', import.meta.url), 'utf8'));
// A second notice of the same region, in force from 1 March 2025 (its notice year 2025).
const later = { ...structuredClone(base), id: '630000-2025', validFrom: '2025-03-01', noticeYear: 2025 };

let two, builtIn;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  two = await createChecker({ rules: [base, later] });
  builtIn = await createChecker();
});

test('the latest rule set in force on the application date, else the earliest', () => {
  assert.equal(two.ruleSetFor('630000', '2025-02-28'), '630000-2023');
  assert.equal(two.ruleSetFor('630000', '2025-03-01'), '630000-2025');
  assert.equal(two.ruleSetFor('630000', '2022-06-01'), '630000-2023', 'before every validFrom: the earliest');
  // a year is its 31 December, as a profile without applicationDate is read
  assert.equal(two.ruleSetFor('630000', 2025), '630000-2025');
  assert.equal(two.ruleSetFor('630000', 2024), '630000-2023');
  // a county without rules of its own: its province's
  assert.equal(two.ruleSetFor('630102', '2025-06-01'), '630000-2025');
  assert.equal(two.ruleSetFor('110000', '2025-06-01'), null, 'no rule set covers Beijing');
  assert.equal(builtIn.ruleSetFor('150783', 2023), '150783-2023');
});

test('ruleSetFor agrees with the rule set evaluate applies, day by day across the change', () => {
  for (const day of ['2025-01-01', '2025-02-28', '2025-03-01', '2025-12-31']) {
    const result = two.evaluate({ region: '630102', year: 2025, applicationDate: day, level: 'senior', training: [] });
    assert.equal(result.ruleSet.id, two.ruleSetFor('630102', day), day);
  }
  const byYear = two.evaluate({ region: '630000', year: 2025, level: 'senior', training: [] });
  assert.equal(byYear.ruleSet.id, two.ruleSetFor('630000', 2025));
});

test('a bad region or date is refused by name, never answered', () => {
  assert.throws(() => two.ruleSetFor(630000, '2025-03-01'), { name: 'TypeError', message: /six-digit region code/ });
  assert.throws(() => two.ruleSetFor('6300', '2025-03-01'), { name: 'TypeError' });
  assert.throws(() => two.ruleSetFor('630000', '2025-02-30'), { name: 'RangeError', message: /2025-02-30/ });
  assert.throws(() => two.ruleSetFor('630000', '2025/03/01'), { name: 'RangeError' });
  assert.throws(() => two.ruleSetFor('630000', 20250), { name: 'RangeError' });
  assert.throws(() => two.ruleSetFor('630000'), { name: 'RangeError' });
});
