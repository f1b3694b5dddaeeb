// (c) Hostile input: nothing a caller passes makes evaluate throw, trap or corrupt the checker.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';

import { moduleUrl, nativeCli, root } from './corpus.mjs';

const good = {
  region: '630000', year: 2023, route: 'review', level: 'senior',
  training: [
    { year: 2021, subject: 'public', activity: 'course', hours: 30 },
    { year: 2022, subject: 'professional', activity: 'course', hours: 40 },
  ],
};

let checker, reference;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
  reference = checker.evaluate(good);
  assert.equal(reference.ok, true);
});

// Every hostile answer is an ok:false result of the documented shape, and the checker still
// gives the reference answer afterwards.
function expectError(result, code, path = '') {
  assert.equal(result.ok, false, JSON.stringify(result));
  assert.ok(Array.isArray(result.errors) && result.errors.length > 0);
  assert.ok(Array.isArray(result.warnings));
  for (const e of result.errors) assert.equal(typeof e.message, 'string');
  assert.ok(result.errors.some((e) => e.code === code && e.path === path),
    `no error ${code} at "${path}" in ${JSON.stringify(result.errors)}`);
  assert.deepEqual(checker.evaluate(good), reference, 'the checker answers differently after hostile input');
}

test('undefined, functions and symbols are invalid_input', () => {
  expectError(checker.evaluate(undefined), 'invalid_input');
  expectError(checker.evaluate(), 'invalid_input');
  expectError(checker.evaluate(() => good), 'invalid_input');
  expectError(checker.evaluate(Symbol('profile')), 'invalid_input');
});

test('null, numbers, strings and arrays are not_object', () => {
  expectError(checker.evaluate(null), 'not_object');
  expectError(checker.evaluate(42), 'not_object');
  expectError(checker.evaluate('{"region":"630000"}'), 'not_object');
  expectError(checker.evaluate([good]), 'not_object');
});

test('a circular profile is invalid_input', () => {
  const p = structuredClone(good);
  p.self = p;
  expectError(checker.evaluate(p), 'invalid_input');
  const q = structuredClone(good);
  q.training.push(q.training);
  expectError(checker.evaluate(q), 'invalid_input');
});

test('BigInt, throwing getters, throwing toJSON and hostile proxies are invalid_input', () => {
  expectError(checker.evaluate({ ...good, age: 47n }), 'invalid_input');
  expectError(checker.evaluate({ ...good, get age() { throw new Error('boom'); } }), 'invalid_input');
  expectError(checker.evaluate({ ...good, toJSON() { throw new Error('boom'); } }), 'invalid_input');
  const proxy = new Proxy(good, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });
  expectError(checker.evaluate(proxy), 'invalid_input');
});

test('an English profile gets its JS-side error in English', () => {
  const p = { ...good, locale: 'en', age: 1n };
  const r = checker.evaluate(p);
  expectError(r, 'invalid_input');
  assert.match(r.errors[0].message, /JSON/);
  assert.doesNotMatch(r.errors[0].message, /[\u4e00-\u9fff]/);
});

test('nesting too deep for JSON.stringify, and too deep for the core', () => {
  let deep = [];
  for (let i = 0; i < 1e6; ++i) deep = [deep];
  expectError(checker.evaluate({ ...good, note: deep }), 'invalid_input');
  let d = {};
  for (let i = 0; i < 100; ++i) d = { d };
  const r = checker.evaluate({ ...good, extra: d });
  assert.equal(r.ok, false);
  assert.deepEqual(checker.evaluate(good), reference);
});

test('a 100k-element training array is refused (same answer as the native CLI)', () => {
  const training = Array.from({ length: 100_000 }, (_, i) => ({ year: 2021 + (i % 3), subject: 'public', activity: 'course', hours: 1 }));
  const profile = { ...good, training };
  const r = checker.evaluate(profile);
  assert.equal(r.ok, false);
  assert.ok(r.errors.length >= 1);
  if (existsSync(nativeCli)) {
    const n = spawnSync(nativeCli, ['check', '-'], { cwd: root, input: JSON.stringify(profile), encoding: 'utf8' });
    assert.deepEqual(r, JSON.parse(n.stdout));
  }
  // Just over the record limit but under the size limit: refused with a pointer to /training.
  const r2 = checker.evaluate({ ...good, training: training.slice(0, 2001) });
  expectError(r2, 'too_many', '/training');
  expectError(r, r.errors[0].code, r.errors[0].path);
});

test('huge strings and malformed JSON text', () => {
  expectError(checker.evaluate({ ...good, note: 'x'.repeat(3_000_000) }), 'too_long');
  expectError(checker.evaluate('x'.repeat(20_000_000)), 'too_long'); // only a prefix enters wasm memory
  expectError(checker.evaluateJSON('y'.repeat(20_000_000)), 'too_long');
  expectError(checker.evaluateJSON('{"region": "630000",'), 'invalid_json');
  expectError(checker.evaluateJSON(''), 'invalid_json');
  expectError(checker.evaluateJSON('{"region":"\ud800"}'), checker.evaluateJSON('{"region":"\ud800"}').errors[0].code);
  // A lone surrogate reaches the core as its own bytes (as the CLI would get them), not as U+FFFD.
  expectError(checker.evaluateJSON('{"region":"\ud800"}'), 'invalid_json');
  expectError(checker.evaluateJSON(`{"note":"${'n'.repeat(800_000)}\udc00"}`), 'invalid_json');
  expectError(checker.evaluateJSON(`{"note":"${'n'.repeat(1_100_000)}\udc00"}`), 'too_long');
  expectError(checker.evaluateJSON(undefined), 'invalid_input');
  expectError(checker.evaluateJSON({}), 'invalid_input');
  assert.deepEqual(checker.evaluateJSON(JSON.stringify(good)), reference);
});

test('a huge string does not blow up wasm memory (only a prefix is copied in)', async () => {
  const { createChecker } = await import(moduleUrl);
  const fresh = await createChecker();
  const r = fresh.evaluate('z'.repeat(40_000_000));
  assert.equal(r.errors[0].code, 'too_long');
  assert.ok(fresh.memoryBytes < 16 << 20, `wasm memory grew to ${fresh.memoryBytes} bytes`);
  assert.deepEqual(fresh.evaluate(good), reference);
});

test('strings where numbers go, NaN and Infinity: wrong_type with the pointer', () => {
  expectError(checker.evaluate({ ...good, year: '2023' }), 'wrong_type', '/year');
  const t = structuredClone(good.training);
  t[1].hours = '40';
  expectError(checker.evaluate({ ...good, training: t }), 'wrong_type', '/training/1/hours');
  t[1].hours = NaN; // JSON.stringify makes it null
  expectError(checker.evaluate({ ...good, training: t }), 'wrong_type', '/training/1/hours');
  t[1].hours = Infinity;
  expectError(checker.evaluate({ ...good, training: t }), 'wrong_type', '/training/1/hours');
  expectError(checker.evaluate({ ...good, age: 'forty' }), 'wrong_type', '/age');
  expectError(checker.evaluate({ ...good, training: 'lots' }), 'wrong_type', '/training');
  expectError(checker.evaluate({ ...good, training: [null] }), checker.evaluate({ ...good, training: [null] }).errors[0].code, '/training/0');
});

test('hostile input never throws (a mixed barrage)', () => {
  const values = [undefined, null, true, 0, -1, 1e308, NaN, '', 'x', [], {}, [[]], { region: null }, Object.create(null),
    new Date(0), /re/, new Map([[1, 2]]), new Uint8Array(4), { region: '000000', year: 2023, level: 'senior', training: [] },
    { ...good, region: 12 }, { ...good, training: [{}] }, { ...good, training: [{ year: 1e9 }] },
    { ...good, circumstances: [{ kind: 'nope' }] }, { ...good, circumstances: 'x' }, { ...good, birthDate: '2023-02-30' }];
  for (const v of values) {
    let r;
    assert.doesNotThrow(() => { r = checker.evaluate(v); });
    assert.equal(typeof r.ok, 'boolean');
    assert.ok(Array.isArray(r.warnings));
  }
  assert.deepEqual(checker.evaluate(good), reference);
});
