// JS values JSON.stringify changes without a word (NaN, Infinity, functions, symbols, undefined,
// lone surrogates): the error names the value at its pointer, as the README says. And options.rules
// of absurd size is refused up front with the core's limits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { moduleUrl, root, shippedRuleSets } from './corpus.mjs';

const good = {
  region: '630000', year: 2023, route: 'review', level: 'senior',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30 }],
};
const record = good.training[0];

let createChecker, checker;
before(async () => {
  ({ createChecker } = await import(moduleUrl));
  checker = await createChecker();
  assert.equal(checker.evaluate(good).ok, true);
});

// The one error of a result: its code, pointer and message.
function onlyError(profile) {
  const r = checker.evaluate(profile);
  assert.equal(r.ok, false, JSON.stringify(r).slice(0, 300));
  assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
  return r.errors[0];
}

test('a lone surrogate in a string or key is invalid_input at that field', () => {
  for (const note of ['a\ud800b', '\udc00', `${'x'.repeat(500)}\udbff`]) {
    const e = onlyError({ ...good, training: [{ ...record, note }] });
    assert.deepEqual([e.code, e.path], ['invalid_input', '/training/0/note']);
    assert.match(e.message, /代理项/);
  }
  const e = onlyError({ ...good, locale: 'en', ['odd\udc00/key']: 1 });
  assert.deepEqual([e.code, e.path], ['invalid_input', '/odd\udc00~1key']);
  assert.match(e.message, /lone surrogate/);
  // A well-formed pair is text like any other.
  assert.equal(checker.evaluate({ ...good, training: [{ ...record, note: '😀' }] }).ok, true);
});

test('NaN and Infinity are wrong_type: "not a finite number", never "null"', () => {
  for (const [v, shown] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']]) {
    const zh = onlyError({ ...good, year: v });
    assert.deepEqual([zh.code, zh.path], ['wrong_type', '/year']);
    assert.equal(zh.message, `应为有限数字，实际是 ${shown}`);
    const en = onlyError({ ...good, locale: 'en', training: [{ ...record, hours: v }] });
    assert.deepEqual([en.code, en.path], ['wrong_type', '/training/0/hours']);
    assert.equal(en.message, `must be a finite number, not ${shown}`);
  }
});

test('functions, symbols and undefined where a value is needed are invalid_input at their pointer', () => {
  const cases = [
    [{ ...good, year: () => 2023 }, '/year'],
    [{ ...good, level: Symbol('senior') }, '/level'],
    [{ ...good, training: [() => record] }, '/training/0'],
    [{ ...good, training: [record, undefined] }, '/training/1'],
    [{ ...good, training: [{ ...record, year: Symbol('y') }] }, '/training/0/year'],
  ];
  for (const [profile, path] of cases) {
    const e = onlyError(profile);
    assert.deepEqual([e.code, e.path], ['invalid_input', path], JSON.stringify(e));
    assert.match(e.message, /JSON/);
  }
});

test('undefined, function and symbol members of an object are left out, as an absent field', () => {
  assert.equal(checker.evaluate({ ...good, training: [{ ...record, note: undefined }] }).ok, true);
  assert.equal(checker.evaluate({ ...good, extra: () => 1, more: Symbol('m') }).ok, true);
  const e = onlyError({ ...good, year: undefined });
  assert.deepEqual([e.code, e.path], ['missing', '/year']);
});

// The limits as the core states them (core/include/jxjy/jxjy.h), so the module's copies cannot drift.
const header = readFileSync(join(root, 'core', 'include', 'jxjy', 'jxjy.h'), 'utf8');
const maxSets = Number(/kMaxRuleSets = (\d+);/.exec(header)[1]);
const maxBytes = 2 ** Number(/kMaxDocumentBytes = size_t\(1\) << (\d+);/.exec(header)[1]);

async function rejection(rules) {
  const t0 = Date.now();
  const err = await createChecker({ rules }).then(() => null, (e) => e);
  assert.ok(err instanceof Error, 'createChecker did not reject');
  assert.ok(Array.isArray(err.errors) && err.errors.length > 0);
  return { err, ms: Date.now() - t0 };
}

test('options.rules: more rule sets than the core takes are refused at once', async () => {
  const { err, ms } = await rejection(new Array(1e7)); // sparse: no element at all
  assert.deepEqual(err.errors, [{ index: -1, id: '', file: 'rules', path: '', code: 'too_many',
    message: `options.rules holds 10000000 rule sets; at most ${maxSets}` }]);
  assert.ok(ms < 5000, `took ${ms} ms`);
  const set = shippedRuleSets()[0];
  assert.equal((await rejection(new Array(maxSets + 1).fill(set))).err.errors[0].code, 'too_many');
});

test('options.rules: a rule set larger than the core takes is too_long, named by index', async () => {
  const sets = shippedRuleSets();
  const big = { ...sets[1], adjustments: [...sets[1].adjustments] };
  const adj = { id: 'x', when: { circumstance: 'postdoc' }, effect: 'exempt', source: sets[1].adjustments[0].source,
    text: { zh: 'z', en: 'e' } };
  const n = Math.ceil(maxBytes / JSON.stringify(adj).length) + 1;
  for (let i = 0; i < n; ++i) big.adjustments.push({ ...adj, id: `x${i}` });
  assert.ok(JSON.stringify(big).length > maxBytes);
  const { err, ms } = await rejection([sets[0], big]);
  assert.deepEqual(err.errors.map((e) => [e.index, e.code, e.path]), [[1, 'too_long', '']]);
  assert.ok(ms < 5000, `took ${ms} ms`);
  // Just under the limit in UTF-16 units but over it in UTF-8 bytes: the core says too_long.
  const wide = { ...sets[0], regionName: { zh: '汉'.repeat(400_000), en: 'x' } };
  const { err: core } = await rejection([wide]);
  assert.deepEqual(core.errors.map((e) => [e.index, e.code, e.path]), [[0, 'too_long', '']]);
});
