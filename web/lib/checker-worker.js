// Module worker that runs the checker (./jxjy.js) off the page's main thread, so compiling and
// instantiating the wasm and the first evaluation (the wasm's functions are compiled on first call)
// never block the page. Its page's side is ./checker-client.js, which gives the page the checker's API, async.
//
// Protocol: after start the worker posts {ready: true, version, regionsText} or {failed: message};
// then each request {id, op, ...} gets an answer: op "evaluateJSON" with `text`, "fail" with `message`
// and `locale` for a profile that JSON.stringify refused on the page, "evaluate" or "evaluateJSON" with
// `like` (the type of a value that gave no text) get {id, result} (the result object, a structured clone);
// "forms" with `text` gets {id, result} (checker.formsJSON: the notice's forms, or the evaluation's errors);
// "explain" with `ruleSet` and `locale` gets {id, result}, or {id, error: {name, message}} when it throws;
// "ruleSetFor" with `region` and `date` alike (jxjy.js ruleSetFor).
import { createChecker } from './jxjy.js';

let checker = null;
const LIKE = { function: () => {}, symbol: Symbol('profile'), undefined, object: null, number: 0, boolean: false, bigint: 0n };
const started = new Promise((resolve) => {
  self.addEventListener('message', function first(event) {
    if (!event.data || event.data.op !== 'start') return;
    self.removeEventListener('message', first);
    resolve(event.data.options || {});
  });
}).then((options) => createChecker(options)).then((c) => {
  checker = c;
  self.postMessage({ ready: true, version: c.version, regionsText: JSON.stringify(c.regions()) });
}, (e) => {
  self.postMessage({ failed: String((e && e.message) || e), errors: e && e.errors });
});

self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m.id !== 'number') return;
  started.then(() => {
    if (!checker) return; // (the checker could not load: the page was told so, {failed}, and answers no one here)
    let result;
    if (m.op === 'explain' || m.op === 'ruleSetFor') {
      try {
        result = m.op === 'explain' ? checker.explain(m.ruleSet, m.locale) : checker.ruleSetFor(m.region, m.date);
      } catch (e) {
        self.postMessage({ id: m.id, error: { name: e.name, message: e.message } });
        return;
      }
    } else if (m.op === 'fail') {
      // the same failure the checker gives for a profile JSON.stringify throws on, with its own words
      result = checker.evaluate({ locale: m.locale, toJSON() { throw new Error(m.message); } });
    } else if (m.op === 'forms') {
      result = checker.formsJSON(m.text); // the page's JSON.stringify of the profile
    } else {
      // `like`: a value that cannot be posted (a function, a symbol), remade here by its type
      const arg = 'like' in m ? LIKE[m.like] : m.text;
      result = m.op === 'evaluateJSON' ? checker.evaluateJSON(arg) : checker.evaluate(arg);
    }
    // every answer as it is, a structured clone: the page reads a 1,000-record result so in about half the
    // time JSON.parse of its text takes (bench/README.md "The checker's boundary: tape or JSON")
    self.postMessage({ id: m.id, result });
  });
});
