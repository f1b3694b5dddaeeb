// The matcher itself (match.mjs, twin of tests/native/match.cpp): its semantics on small examples,
// and, over the real corpus, that changing any single expected value makes the case fail.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { evaluateCase, loadCorpus, moduleUrl } from './corpus.mjs';
import { matchExpect } from './match.mjs';

test('subset semantics (tests/README.md)', () => {
  const result = { ok: true, status: 'met', n: 1.0004, m: 0.1 + 0.2, list: [{ a: 1, b: 2 }, { a: 3 }], o: { x: null } };
  assert.deepEqual(matchExpect({ status: 'met', n: 1.0004, list: [{ a: 1 }, {}], o: { x: null } }, result), []);
  assert.deepEqual(matchExpect({ n: 1.002 }, result), ['/n: expected 1.002, got 1.0004']);
  assert.deepEqual(matchExpect({ n: 1 }, result), ['/n: expected 1, got 1.0004']); // hours are exact: no tolerance
  assert.deepEqual(matchExpect({ m: 0.3 }, result), []); // only floating noise
  assert.deepEqual(matchExpect({ list: [{ a: 1 }] }, result), ['/list: expected [{"a":1}], got [{"a":1,"b":2},{"a":3}]']);
  assert.deepEqual(matchExpect({ list: [{ a: 2 }, { c: 1 }] }, result), ['/list/0/a: expected 2, got 1', '/list/1/c: missing in result']);
  assert.deepEqual(matchExpect({ o: 'x' }, result), ['/o: expected "x", got {"x":null}']);
  assert.deepEqual(matchExpect({ status: { a: 1 } }, result), ['/status: expected an object, got "met"']);
  assert.deepEqual(matchExpect({ ok: 1 }, result), ['/ok: expected 1, got true']);
  assert.deepEqual(matchExpect({ missing: 1 }, result), ['/missing: missing in result']);
});

test('special keys', () => {
  const result = {
    ok: false,
    reasons: [{ code: 'requirement' }],
    warnings: [{ code: 'region_fallback' }],
    errors: [{ code: 'missing', path: '/year' }],
  };
  assert.deepEqual(matchExpect({ reasonCodes: ['requirement'], warningCodes: ['region_fallback'],
    noWarningCodes: ['unknown_field'], errorPaths: ['/year'] }, result), []);
  assert.deepEqual(matchExpect({ reasonCodes: ['exempt'] }, result), ['reasons: no code "exempt"']);
  assert.deepEqual(matchExpect({ warningCodes: ['x'] }, result), ['warnings: no code "x"']);
  assert.deepEqual(matchExpect({ noWarningCodes: ['region_fallback'] }, result), ['warnings: unexpected code "region_fallback"']);
  assert.deepEqual(matchExpect({ errorPaths: ['/level'] }, result), ['errors: no path "/level" in [{"code":"missing","path":"/year"}]']);
  assert.deepEqual(matchExpect({ errorPaths: [] }, { ok: true }), ['ok: expected false']);
  assert.deepEqual(matchExpect({ errorPaths: [] }, {}), ['ok: expected false']);
  assert.deepEqual(matchExpect({ reasonCodes: ['a'] }, {}), ['reasons: no code "a"']);
  assert.deepEqual(matchExpect({ noReasonCodes: ['requirement'] }, result), ['reasons: unexpected code "requirement"']);
  assert.deepEqual(matchExpect({ noReasonCodes: ['exempt'] }, result), []);
  const found = { warnings: [{ code: 'a', records: [1, 2], source: { clause: 'x' } }, { code: 'b' }] };
  assert.deepEqual(matchExpect({ warningsInclude: [{ code: 'a', records: [1, 2] }, { code: 'b' }] }, found), []);
  assert.deepEqual(matchExpect({ warningsInclude: [{ code: 'a', records: [1] }] }, found),
    ['warningsInclude: none matches {"code":"a","records":[1]} in [{"code":"a","records":[1,2],"source":{"clause":"x"}},{"code":"b"}]']);
  assert.deepEqual(matchExpect({ reasonsInclude: [{ code: 'requirement' }] }, result), []);
});

// Every leaf of the plain part of `expect`, as [path keys] lists.
function leaves(v, path = [], out = []) {
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, Array.isArray(v) ? Number(k) : k], out);
  } else out.push(path);
  return out;
}
const mutate = (v) => (typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : typeof v === 'string' ? v + '✗' : 0);
const special = new Set(['reasonCodes', 'warningCodes', 'noWarningCodes', 'noReasonCodes', 'errorPaths']);

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

test('over the corpus, any single changed expected value is caught', () => {
  let mutations = 0;
  for (const { id, case: c } of loadCorpus()) {
    const result = evaluateCase(checker, c);
    for (const path of leaves(c.expect)) {
      if (path[0] === 'noWarningCodes' || path[0] === 'noReasonCodes') continue; // a made-up code is simply absent
      const e = structuredClone(c.expect);
      let o = e;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path.at(-1)] = mutate(o[path.at(-1)]);
      assert.notDeepEqual(matchExpect(e, result), [], `${id}: changing expect/${path.join('/')} went unnoticed`);
      ++mutations;
    }
  }
  assert.ok(mutations > 500, `only ${mutations} mutations`);
});
