// rules/INTERPRETATIONS.md lists every interpretation of rules/*.json (scripts/gen-interpretations.mjs),
// and every one of them is shown: each item's reading is printed by explain with its clause.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { buildList, interpretationsOf, listPath } from '../../scripts/gen-interpretations.mjs';

test('rules/INTERPRETATIONS.md is up to date', () => {
  assert.ok(readFileSync(listPath, 'utf8') === buildList(),
    'rules/INTERPRETATIONS.md differs from rules/: run node scripts/gen-interpretations.mjs');
});

test('every interpretation has both languages and a clause', () => {
  const rs = { sources: { d: { number: 'N' } }, interpretations: { k: { zh: '甲', en: 'a' } },
    a: { source: { doc: 'd', clause: '一' }, interpretation: 'k' }, b: [{ source: { doc: 'd', clause: '二' }, interpretation: { zh: '乙', en: 'b' } }] };
  assert.deepEqual(interpretationsOf(rs).map((i) => [i.at, i.clause, i.zh]), [['/a', '一', '甲'], ['/b/0', '二', '乙']]);
  for (const line of readFileSync(listPath, 'utf8').split('\n').filter((l) => l.startsWith('| `'))) {
    const cells = line.split(' | ');
    assert.ok(cells[1].trim() && cells[2].trim() && cells[3].trim(), `a row without clause or words: ${line}`);
  }
});
