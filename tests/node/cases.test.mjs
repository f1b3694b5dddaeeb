// (a) The whole case corpus through the JS module, one test per case (tests/README.md semantics,
// matched by match.mjs, the twin of tests/native/match.cpp).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { evaluateCase, loadCorpus, moduleUrl } from './corpus.mjs';
import { matchExpect } from './match.mjs';

const corpus = loadCorpus();
let checker;

before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

test('the corpus is not empty', () => {
  assert.ok(corpus.length >= 75, `only ${corpus.length} cases found`);
});

describe('case corpus (JS module)', () => {
  for (const { id, case: c } of corpus) {
    test(id, () => {
      assert.ok('clause' in c, 'the case names no clause');
      assert.ok('expect' in c, 'the case has no expect');
      assert.ok('profile' in c || typeof c.raw === 'string', 'the case has neither profile nor raw');
      const result = evaluateCase(checker, c);
      const mismatches = matchExpect(c.expect, result);
      assert.deepEqual(mismatches, [], `clause: ${c.clause}\n${mismatches.join('\n')}`);
    });
  }
});
