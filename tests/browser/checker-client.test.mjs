// web/lib/checker-client.js (the checker in a module worker, as the page uses it) gives what web/jxjy.js gives
// on the main thread: the corpus's results, the same invalid_input for values JSON cannot carry, the same
// regions, version, explain() text and ruleSetFor() answers, and their errors as rejections.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { corpus, newContext, skip, useBrowser } from './harness.mjs';

const env = useBrowser();

test('the worker checker answers as jxjy.js does', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url); // a document of the origin (the page itself; its own checker is another one)
  const cases = corpus().filter((c) => c.profile).slice(0, 60).map((c) => c.profile);
  const out = await page.evaluate(async (profiles) => {
    const { createChecker } = await import('./jxjy.js');
    const { createWorkerChecker } = await import('./lib/checker-client.js');
    const direct = await createChecker();
    const worker = await createWorkerChecker();
    const circular = { region: '150783', year: 2023 };
    circular.self = circular;
    const hostile = [circular, { region: '150783', year: 10n }, { region: '150783', get year() { throw new Error('no year'); } },
      { region: '150783', locale: 'en', year: 2023, training: [{ toJSON() { throw new Error('no record'); } }] },
      () => 1, undefined, null, 'text', [1, 2], { region: '150783', year: 2023, f() {} }];
    const same = [];
    for (const p of [...profiles, ...hostile]) same.push(JSON.stringify(await worker.evaluate(p)) === JSON.stringify(direct.evaluate(p)));
    const id = direct.regions()[0].ruleSets?.[0]?.id;
    let badLocale = null;
    try { await worker.explain(id, 'fr'); } catch (e) { badLocale = `${e.name}: ${e.message}`; }
    let directBad = null;
    try { direct.explain(id, 'fr'); } catch (e) { directBad = `${e.name}: ${e.message}`; }
    return {
      same,
      json: JSON.stringify(await worker.evaluateJSON('{"region":')) === JSON.stringify(direct.evaluateJSON('{"region":')),
      regions: JSON.stringify(worker.regions()) === JSON.stringify(direct.regions()),
      version: [worker.version, direct.version],
      explain: id ? (await worker.explain(id, 'en')) === direct.explain(id, 'en') : 'no rule-set id in regions()',
      badLocale, directBad,
      // the rule set the checker applies, asked through the worker (the calculator does): the same answers
      ruleSetFor: await Promise.all([['630102', '2023-06-01'], ['150783', 2023], ['110000', 2023]].map(async ([r, d]) =>
        [await worker.ruleSetFor(r, d), direct.ruleSetFor(r, d)])),
      badDate: await worker.ruleSetFor('630000', '2023-02-30').then(() => 'answered', (e) => e.name),
    };
  }, cases);
  assert.equal(out.same.length, cases.length + 10);
  assert.deepEqual(out.same.map((s, i) => (s ? null : i)).filter((i) => i !== null), [], 'results that differ (index)');
  assert.equal(out.json, true, 'evaluateJSON');
  assert.equal(out.regions, true, 'regions()');
  assert.equal(out.version[0], out.version[1]);
  assert.equal(out.explain, true, 'explain()');
  assert.ok(out.badLocale && out.badLocale === out.directBad, `explain with a bad locale rejects as jxjy.js throws (${out.badLocale} / ${out.directBad})`);
  assert.deepEqual(out.ruleSetFor, [['630000-2023', '630000-2023'], ['150783-2023', '150783-2023'], [null, null]], 'ruleSetFor()');
  assert.equal(out.badDate, 'RangeError', 'ruleSetFor with a bad date rejects as jxjy.js throws');
  await rec.context.close();
  rec.check();
});

// startWorkerChecker (the page's first question, calculator.js): a profile's text asked before the worker's
// checker is ready gets the answer it gets after; a worker that cannot start answers from the main thread;
// a checker that cannot load (invalid options.rules) rejects that question with its own failure.
test('a question put to the worker checker before it is ready', { skip, timeout: 120_000 }, async () => {
  const rec = await newContext(env.browser, env.server.origin);
  const page = await rec.context.newPage();
  await page.goto(env.server.url);
  const texts = corpus().filter((c) => c.profile).slice(0, 12).map((c) => JSON.stringify(c.profile));
  const out = await page.evaluate(async (texts) => {
    const { createChecker } = await import('./jxjy.js');
    const { startWorkerChecker } = await import('./lib/checker-client.js');
    const direct = await createChecker();
    const expected = texts.map((t) => JSON.stringify(direct.evaluateJSON(t)));
    const started = startWorkerChecker();
    const early = texts.map((t) => started.evaluateJSON(t)); // (asked before the checker is ready)
    const earlyAnswers = (await Promise.all(early)).map((r) => JSON.stringify(r));
    const later = await Promise.all(texts.map(async (t) => JSON.stringify(await (await started.checker).evaluateJSON(t))));
    // a worker that never starts (its script is not there): the question answered on this thread
    const broken = new Worker(new URL('./lib/no-such-worker.js', location.href), { type: 'module' });
    const fallback = startWorkerChecker({}, { worker: broken, adopt: () => [] });
    const fallbackAnswer = JSON.stringify(await fallback.evaluateJSON(texts[0]));
    // a checker that cannot load: the question rejects with the checker's own failure
    const bad = startWorkerChecker({ rules: [{}] });
    const badAnswer = await bad.evaluateJSON(texts[0]).then(() => 'answered', (e) => e.code);
    const badChecker = await bad.checker.then(() => 'ready', (e) => e.code);
    return { expected, earlyAnswers, later, fallbackAnswer, badAnswer, badChecker };
  }, texts);
  assert.equal(out.expected.length, 12);
  assert.deepEqual(out.earlyAnswers, out.expected, 'asked before ready: the answers jxjy.js gives');
  assert.deepEqual(out.later, out.expected, 'asked once ready: the same');
  assert.equal(out.fallbackAnswer, out.expected[0], 'a worker that cannot start: answered on the main thread');
  assert.equal(out.badAnswer, 'invalid_rules');
  assert.equal(out.badChecker, 'invalid_rules');
  await rec.context.close();
  rec.check();
});
