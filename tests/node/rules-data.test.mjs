// Tests that grow with the data: no list of rule files is kept anywhere in the tests. Every rules/*.json
// is built into the JS module, appears in regions(), has its folder tests/cases/<region>/, and is the
// rule set of at least one case of the corpus (the differential check, tests/diff, reads rules/ too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { casesDir, evaluateCase, loadCorpus, moduleUrl, nativeCli, root, shippedRuleSets } from './corpus.mjs';

const shipped = shippedRuleSets();
let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

test('every rule file is built in and appears in regions()', () => {
  assert.ok(shipped.length > 0, 'rules/ holds no rule file');
  const listed = checker.regions().flatMap((r) => r.ruleSets.map((s) => `${r.region} ${s.id}`)).sort();
  assert.deepEqual(listed, shipped.map((s) => `${s.region} ${s.id}`).sort());
});

test('every region with rules has its folder of cases, and every rule set decides some case', () => {
  const used = new Set();
  for (const { case: c } of loadCorpus()) {
    const r = evaluateCase(checker, c);
    if (r.ok) used.add(r.ruleSet.id);
  }
  for (const s of shipped) {
    const dir = join(casesDir, s.region);
    assert.ok(existsSync(dir) && statSync(dir).isDirectory(), `no folder tests/cases/${s.region}/ for ${s.id}`);
    assert.ok(readdirSync(dir).some((n) => n.endsWith('.json')), `tests/cases/${s.region}/ holds no case file`);
    assert.ok(used.has(s.id), `no case of the corpus is decided by ${s.id}`);
  }
});

test('jxjy validate-rules counts every file of the folder', { skip: existsSync(nativeCli) ? false : 'no native CLI' }, () => {
  const out = spawnSync(nativeCli, ['validate-rules', join(root, 'rules')], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), { ok: true, files: shipped.length, errors: [] });
});
