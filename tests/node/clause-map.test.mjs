// The clause map (tests/cases/CLAUSES.md, scripts/gen-clause-map.mjs): regenerated from rules/ and the
// corpus through the JS module, it must equal the checked-in file, and every clause a rule file cites and
// every pair of adjustments that can meet must have a case.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { buildMap, mapPath } from '../../scripts/gen-clause-map.mjs';

let report;
before(async () => {
  report = await buildMap();
});

test('tests/cases/CLAUSES.md is up to date', () => {
  assert.ok(readFileSync(mapPath, 'utf8') === report.markdown,
    'tests/cases/CLAUSES.md differs from what rules/ and tests/cases/ give: run node scripts/gen-clause-map.mjs');
});

test('every clause a rule file cites has a case citing it', () => {
  assert.deepEqual(report.uncoveredClauses, [], `clauses without a case:\n${report.uncoveredClauses.join('\n')}`);
});

test('every pair of adjustments that can meet has a case meeting both', () => {
  assert.deepEqual(report.uncoveredPairs, [], `pairs without a case:\n${report.uncoveredPairs.join('\n')}`);
});
