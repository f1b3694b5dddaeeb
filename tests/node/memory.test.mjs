// (d) 100,000 evaluations do not grow the wasm memory: no leak per call in the core or the bindings.
// The first pass over the inputs may grow it once (allocator warm-up); after that it must stay put.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { evaluateCase, loadCorpus, moduleUrl } from './corpus.mjs';

test('100,000 evaluations keep the wasm memory size', async () => {
  const { createChecker } = await import(moduleUrl);
  const checker = await createChecker();
  // Every corpus input (good and bad) plus a few JS-side failures, cycled.
  const inputs = loadCorpus().map((e) => e.case);
  const circular = { region: '630000' };
  circular.self = circular;
  const calls = [
    ...inputs.map((c) => () => evaluateCase(checker, c)),
    () => checker.evaluate(undefined),
    () => checker.evaluate(circular),
    () => checker.evaluate({ year: '2023', training: [{ hours: 'x' }] }),
    () => checker.regions(),
  ];
  const first = calls.map((f) => JSON.stringify(f()));
  for (let i = 0; i < 2000; ++i) calls[i % calls.length](); // warm-up, may grow once
  const before = checker.memoryBytes;
  assert.ok(before > 0, 'the wasm memory is not visible');
  const N = 100_000;
  const started = performance.now();
  for (let i = 0; i < N; ++i) calls[i % calls.length]();
  const ms = performance.now() - started;
  console.log(`# ${N} evaluations in ${ms.toFixed(0)} ms (${((ms * 1000) / N).toFixed(1)} µs each), wasm memory ${before} -> ${checker.memoryBytes} bytes`);
  assert.equal(checker.memoryBytes, before, 'wasm memory grew during 100,000 evaluations');
  // And the answers did not drift.
  assert.deepEqual(calls.map((f) => JSON.stringify(f())), first);
});
