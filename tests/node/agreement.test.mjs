// (b) The JS module and the native CLI give the same result for every corpus case (and the same
// region catalogue): both are shells over one core, so any difference is a bug in a shell.
// Needs build/native/jxjy (cmake -S . -B build/native && make -C build/native -j2); skipped without it
// (under CI: fails).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { evaluateCase, inputText, loadCorpus, moduleUrl, nativeCli, root, skipOrFailInCI } from './corpus.mjs';

const skip = skipOrFailInCI(existsSync(nativeCli)
  ? false
  : `${nativeCli} not found; build it with: cmake -S . -B build/native && make -C build/native -j2`);
if (skip) console.log(`# agreement tests skipped: ${skip}`);

function native(args, input) {
  const r = spawnSync(nativeCli, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

describe('JS module agrees with the native CLI', () => {
  test('regions', { skip }, () => {
    const r = native(['regions']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(checker.regions(), JSON.parse(r.stdout));
  });

  for (const { id, case: c } of loadCorpus()) {
    test(id, { skip }, () => {
      const r = native(['check', '-'], inputText(c));
      assert.ok(r.status === 0 || r.status === 2, `jxjy check exited ${r.status}: ${r.stderr}`);
      const expected = JSON.parse(r.stdout);
      assert.equal(r.status === 0, expected.ok, 'exit code and ok disagree');
      assert.deepEqual(evaluateCase(checker, c), expected);
    });
  }
});
