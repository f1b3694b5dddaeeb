// The page's side of the checker's worker (the worker's side: ./checker-worker.js; the pair is named as roll/'s
// roll-client.js and roll-worker.js). The checker of ./jxjy.js run in a module worker: the same API, except that
// evaluate() and evaluateJSON() return Promises. The page and <jxjy-checker> use it so that compiling
// the wasm and its first run never block the main thread (measured: one 600+ ms task on a 4x slowed
// CPU otherwise, see README "Speed and size").
//
//   import { createWorkerChecker } from './checker-client.js';
//   const checker = await createWorkerChecker();     // options as createChecker's
//   const result = await checker.evaluate(profile);   // never rejects for a bad profile
//   checker.regions(); checker.version; await checker.explain('150783-2023');
//
// Where a worker cannot be had (no module workers, a page on another origin than this file: workers
// must be same-origin), the checker runs on the main thread instead, with the same async API.
// The profile is turned into JSON text here, exactly as jxjy.js does it (toJSON, dropped functions),
// and checked as text in the worker; a profile JSON.stringify throws on gets the checker's own
// invalid_input result.

function localeOf(profile) {
  try {
    return profile !== null && typeof profile === 'object' && profile.locale === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

// `started`: a worker app.js started already (startCheckerWorker: told to start with no options, its
// events kept until now), so that the wasm loads while the page's modules do.
// Returns {checker: a Promise of the checker, once the worker is ready; evaluateJSON(text): a profile's text
// asked at once, before that: the worker answers it as soon as its checker is ready}.
function startWorker(options, started) {
  const worker = started ? started.worker : new Worker(new URL('./checker-worker.js', import.meta.url), { type: 'module', name: 'jxjy-checker' });
  const pending = new Map();
  let nextId = 1;
  let stopped = null; // once the worker failed, it is stopped and every later call rejects at once
  const call = (message) => new Promise((res, rej) => {
    if (stopped) { rej(stopped); return; }
    const id = nextId++;
    pending.set(id, { resolve: res, reject: rej });
    worker.postMessage({ id, ...message });
  });
  const stop = (error) => {
    stopped = stopped || error;
    worker.terminate();
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const checker = new Promise((resolve, reject) => {
    let ready = false;
    const fail = (why) => {
      const error = new Error(`jxjy: the checker's worker stopped: ${why}`);
      error.workerStopped = true; // (the page then goes on with the main-thread checker: calculator.js)
      stop(error);
      if (!ready) reject(error);
    };
    const onError = (e) => { e.preventDefault(); fail(e.message || 'error'); };
    const onMessageError = () => fail('unreadable message');
    const onMessage = (event) => {
      const m = event.data;
      if (m.id !== undefined) {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (p && m.error) p.reject(new (m.error.name === 'RangeError' ? RangeError : TypeError)(m.error.message));
        else if (p) p.resolve(m.result);
        return;
      }
      if (m.failed) {
        const e = new Error(m.failed);
        if (m.errors) { e.code = 'invalid_rules'; e.errors = m.errors; }
        e.fromChecker = true;
        stop(e); // (a question asked before: rejected with the checker's own failure)
        reject(e);
        return;
      }
      ready = true;
      // A profile asked as its JSON text (op: evaluateJSON or forms); a profile JSON.stringify throws on gets
      // the checker's own failure, and one with no JSON text (a function, a symbol, undefined) the
      // checker's answer for a value of that type.
      const ask = (op, profile) => {
        let text;
        try {
          text = JSON.stringify(profile);
        } catch (e) {
          return call({ op: 'fail', message: String((e && e.message) || e), locale: localeOf(profile) });
        }
        return typeof text === 'string' ? call({ op, text }) : call({ op: 'evaluate', like: typeof profile });
      };
      resolve(Object.freeze({
        version: m.version,
        evaluate: (profile) => ask('evaluateJSON', profile),
        evaluateJSON(text) {
          return typeof text === 'string' ? call({ op: 'evaluateJSON', text }) : call({ op: 'evaluateJSON', like: typeof text });
        },
        /** The notice's forms this profile needs (jxjy.js forms(), CONTRACT §5.2), as JSON text in the worker. */
        forms: (profile) => ask('forms', profile),
        /** forms() of a profile given as its JSON text (the calculator's own JSON.stringify of it). */
        formsJSON: (text) => call({ op: 'forms', text }),
        /** A rule set in words (Markdown), as jxjy.js's explain(); rejects where that throws. */
        explain: (id, locale = 'zh') => call({ op: 'explain', ruleSet: id, locale }),
        /** The id of the rule set the checker applies to a region and application date, as jxjy.js's ruleSetFor(). */
        ruleSetFor: (region, date) => call({ op: 'ruleSetFor', region, date }),
        regions: () => JSON.parse(m.regionsText),
        terminate() { worker.terminate(); fail('terminated'); },
      }));
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onMessageError);
    worker.addEventListener('message', onMessage);
    if (!started) {
      worker.postMessage({ op: 'start', options });
      return;
    }
    // what the worker said before this listened (its ready message, an error), in order
    for (const e of started.adopt()) {
      if (e.type === 'error') onError(e);
      else if (e.type === 'messageerror') onMessageError(e);
      else onMessage(e);
    }
  });
  return { checker, evaluateJSON: (text) => call({ op: 'evaluateJSON', text }) };
}

/** The same async API over ./jxjy.js on this thread (loaded only when it is needed). */
export async function createMainThreadChecker(options = {}) {
  const { createChecker } = await import('./jxjy.js');
  const c = await createChecker(options);
  return Object.freeze({
    version: c.version,
    evaluate: async (profile) => c.evaluate(profile),
    evaluateJSON: async (text) => c.evaluateJSON(text),
    forms: async (profile) => c.forms(profile),
    formsJSON: async (text) => c.formsJSON(text),
    regions: () => c.regions(),
    explain: async (id, locale = 'zh') => c.explain(id, locale),
    ruleSetFor: async (region, date) => c.ruleSetFor(region, date),
    terminate() {},
  });
}

/**
 * Resolves to a checker whose evaluate/evaluateJSON return Promises; rejects as createChecker does.
 * `started` (the page's own): the worker app.js's startCheckerWorker() started with no options.
 */
export async function createWorkerChecker(options = {}, started = null) {
  return startWorkerChecker(options, started).checker;
}

/**
 * createWorkerChecker's checker (`checker`: the same Promise) and, at once, `evaluateJSON(text)`: a
 * profile's JSON text put to that checker before it is ready (in a worker: answered as soon as the
 * worker's checker is ready, without waiting for this thread to hear that it is). Its Promise rejects
 * when the worker stops or the checker cannot be loaded.
 */
export function startWorkerChecker(options = {}, started = null) {
  if (started && Object.keys(options).length) {
    const error = new TypeError('jxjy: a started worker has no options');
    return { checker: Promise.reject(error), evaluateJSON: () => Promise.reject(error) };
  }
  if (started || typeof Worker === 'function') {
    let inWorker = null;
    try {
      inWorker = startWorker(options, started);
    } catch {
      // no worker here (a cross-origin script): run on the main thread
    }
    if (inWorker) {
      // no module workers, or a worker that failed to start: run on the main thread (the checker itself
      // failing, e.g. invalid options.rules, is the answer)
      const checker = inWorker.checker.catch((e) => {
        if (e && e.fromChecker) throw e;
        return createMainThreadChecker(options);
      });
      return { checker, evaluateJSON: (text) => inWorker.evaluateJSON(text).catch((e) => {
        if (!(e && e.workerStopped)) throw e;
        return checker.then((c) => c.evaluateJSON(text));
      }) };
    }
  }
  const checker = createMainThreadChecker(options);
  return { checker, evaluateJSON: (text) => checker.then((c) => c.evaluateJSON(text)) };
}
