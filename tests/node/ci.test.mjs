// Under CI a suite that cannot run fails instead of skipping (.ci/run sets CI=1): a missing
// Chromium (browser suite and the smoke test here) or native CLI (agreement). Each suite is run in a
// child with its prerequisite pointed at nothing, with and without CI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './corpus.mjs';

function run(file, env) {
  const base = { ...process.env, CI: '' };
  delete base.NODE_TEST_CONTEXT; // the child reports as a top-level run (its "# pass N" lines)
  const r = spawnSync(process.execPath, ['--test', join(root, file)], {
    cwd: root, encoding: 'utf8', env: { ...base, ...env }, timeout: 120_000,
  });
  const count = (what) => Number((new RegExp(`^# ${what} (\\d+)`, 'm').exec(r.stdout) || [])[1]);
  return { status: r.status, pass: count('pass'), fail: count('fail'), skipped: count('skipped') };
}

for (const [file, env] of [
  ['tests/browser/offline.test.mjs', { JXJY_CHROMIUM: '/nonexistent/chromium' }],
  ['tests/node/agreement.test.mjs', { JXJY_NATIVE_CLI: '/nonexistent/jxjy' }],
  ['tests/node/browser.test.mjs', { PATH: '/nonexistent' }],
]) {
  test(`${file} with its prerequisite missing: skipped without CI, failed with CI=1`, { timeout: 240_000 }, () => {
    const local = run(file, env);
    assert.equal(local.status, 0, JSON.stringify(local));
    assert.ok(local.skipped > 0 && local.fail === 0, JSON.stringify(local));
    const ci = run(file, { ...env, CI: '1' });
    assert.notEqual(ci.status, 0, JSON.stringify(ci));
    assert.ok(ci.fail > 0 && ci.pass === 0, JSON.stringify(ci));
  });
}
