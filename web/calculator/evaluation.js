// The calculator's evaluation loop: the draft on screen -> its view (draft-view.js) -> on screen.
// Evaluation is asynchronous (the checker is in a worker). Every change bumps `generation`; at most one
// evaluation runs at a time, and when changes came while it ran its answer is dropped and the draft as
// it is now is evaluated again. So a verdict is only ever shown for the draft on screen, and typing fast
// costs one evaluation per answer, not one per keystroke.
import { firstMissing } from './next-step.js';
import { createDraftView, loadingView } from './draft-view.js';

/**
 * app: the calculator (draft(), checker(), coverage(), $, wrapper);
 * parts: {form, results, places (field-places.js), saveSoon, onResult}.
 */
export function createEvaluation(app, { form, results, places, saveSoon, onResult }) {
  const { $ } = app;
  const { labelOf } = places;
  const { compute } = createDraftView(app, places);
  let view = loadingView();
  let lastResult = null;
  let shownOnce = false; // whether the first screen's records and result are drawn (mount's second task)
  let early = null; // {text, answer}: the first verdict's question, asked before the page was ready for it
  let generation = 0;
  let running = null; // the promise of the evaluation loop in flight

  // the early answer, taken once: for the very same profile text, else none (a question the checker's
  // worker could not answer, e.g. it stopped, is asked again of the checker as it is now)
  const takeEarly = (text) => {
    let answer = null;
    if (early) {
      if (text === early.text) answer = early.answer.catch(() => app.checker().evaluateJSON(text));
      early = null;
    }
    return answer;
  };

  function evaluateNow(changed = true) {
    if (changed) saveSoon();
    generation++;
    // Without the checker only a draft with no region can be answered (its next step is to choose one:
    // compute() asks the checker nothing then); any other waits for it, and says so.
    if (!app.checker() && (app.draft().region.trim() || !shownOnce)) {
      form.clearMarks();
      if (view.stage !== 'loading') { view = loadingView(); results.render(view); }
      return Promise.resolve();
    }
    if (!running) {
      app.wrapper.setAttribute('aria-busy', 'true'); // until the answer for the draft as it is now is shown
      running = (async () => {
        try {
          for (;;) {
            const gen = generation;
            const next = await compute(() => gen === generation, takeEarly);
            if (gen === generation) { show(next); break; }
          }
        } finally {
          running = null;
          app.wrapper.removeAttribute('aria-busy');
        }
      })();
    }
    return running;
  }

  // Puts an evaluated view on screen, marks and all, in one go (no task in between shows half of it).
  function show(next) {
    if (next.errorMarks.length || !form.hasMarks(next.marks)) { // (the same marks again: nothing to redraw)
      form.clearMarks();
      for (const [id, text, kind] of next.marks) form.mark(id, text, kind);
    }
    for (const { e, id } of next.errorMarks) {
      const shown = id && form.mark(id, e.message || e.code, 'error');
      next.errors.push({ ...e, control: shown ? id : null, label: shown ? labelOf(id) : '' });
    }
    if (next.result) lastResult = next.result;
    view = next;
    results.render(view);
    results.renderExplanations(view, app.draft().training);
    if ($('ways-block').open) results.renderWays(view);
    if ($('rules-block').open) results.renderRules();
    if (typeof onResult === 'function' && next.result) {
      try { onResult(next.result, next.built.profile); } catch { /* a listener's problem is not ours */ }
    }
  }

  // The draft's first question is put to the checker as soon as it can be made, while the first screen's
  // tasks still run: compute() takes that answer when it asks the very same profile text (the answer is
  // the checker's for exactly that text, so it is the one it would get), and asks again otherwise.
  // Before the checker is ready (askBeforeReady), when the question needs nothing of the checker: a
  // complete draft with no circumstance ticked makes the same profile whichever notice applies (ask: the
  // shared checker's evaluateJSON in calculator.js, answered by the worker as soon as its checker is
  // ready, without waiting for this thread to hear that it is). Else once it is ready (askEarly), with
  // its regions.
  // profileFor(regions): the profile the draft makes with those regions.
  function askBeforeReady(ask, profileFor) {
    const draft = app.draft();
    if (firstMissing(draft, () => true) || Object.values(draft.circ).some((c) => c && c.on)) return;
    const text = JSON.stringify(profileFor([]));
    early = { text, answer: ask(text) };
    early.answer.catch(() => {}); // (compute() asks again when it takes a failed answer)
  }
  function askEarly(c, profileFor) {
    const regions = c.regions(); // (the screen learns of them later, after its first tasks)
    if (firstMissing(app.draft(), (code) => app.coverage(code, regions))) { early = null; return; }
    const profile = profileFor(regions);
    const text = JSON.stringify(profile);
    if (early && early.text === text) return; // (asked before the checker was ready)
    early = { text, answer: c.evaluateJSON(text) };
    early.answer.catch(() => {});
  }

  return {
    evaluateNow,
    askBeforeReady,
    askEarly,
    view: () => view,
    lastResult: () => lastResult,
    /** The first screen's records and result are drawn: a draft with a region now waits for the checker. */
    firstScreenShown() { shownOnce = true; },
    /** The checker could not be loaded. */
    failed() { view = { ...view, stage: 'failed' }; results.render(view); },
  };
}
