// One calculator: mount(root, options) puts the form and the result into root (an Element or a
// ShadowRoot) and keeps them in step with the draft. Used by the page (app.js) and by <jxjy-checker>
// (jxjy-checker.js); it has no side effects until mounted, and all its state lives inside one mount
// (element ids are looked up inside its own wrapper, so several calculators can live in shadow roots).
//
// options:
//   region       six-digit code to start with        lang        'zh' (default) or 'en'
//   embedded     true inside someone else's page      storageKey  localStorage key of the draft (none: keep none)
//   ownsDocument true on index.html (<html lang>, document.title)
//   shared       a profile from a #p= link: opened (after asking, when a draft of one's own is there)
//   onResult     called with (result, profile) after every evaluation
//   shareBase    the page a share link opens (default: this page's address; null: no share button)
//   peopleKey    true (the old localStorage key of the saved people, people.js; needs storageKey): the page's
//                people panel, its people in IndexedDB (people-db.js) and its draft each tab's own (draft.js loadTab)
// controller: { ready, setLang(lang), setRegion(code), profile(), result(), draft(), openProfile(profile, {name}), unsaved(),
//               destroy() }
import { createMainThreadChecker, startWorkerChecker } from '../lib/checker-client.js';
import { nextTask, setDocumentLang } from '../base/dom.js';
import { say } from '../base/texts.js';
import { word as vocabWord } from '../base/words.js';
import { localDate } from '../base/local.js';
import { buildProfile, draftFromProfile, hasContent } from './draft.js';
import { createForm } from './form/form.js';
import { createRegionPicker } from './region-picker.js';
import { createResultView } from './result/result-view.js';
import { createIO } from './files/records-io.js';
import { createShare } from './share.js';
import { isUnsaved, labelOf as personLabel } from './people/people.js';
import { openPeopleStore } from './people/people-db.js';
import { createPeopleView } from './people/people-view.js';
import { placeSkeleton } from './skeleton.js';
import { createNotices } from './notices.js';
import { openDraft } from './opening.js';
import { cite, docShort, docTitle } from './notice-citing.js';
import { createRuleSetChoice } from './rule-set-choice.js';
import { createFieldPlaces } from './form/field-places.js';
import { createEvaluation } from './evaluation.js';
import { createKeeping } from './keeping.js';
import { createActions } from './actions.js';

// The checker runs in a module worker (../lib/checker-client.js): compiling the wasm and every evaluation stay
// off the page's main thread, so typing never waits for them. evaluate/explain return Promises. Where no
// worker can be had, createWorkerChecker runs it on this thread; if the worker stops later, the same
// object goes on with a main-thread checker (loaded then) and answers the request that failed.
function resilient(worker) {
  let current = worker;
  let switching = null;
  const fallBack = () => switching || (switching = createMainThreadChecker().then((c) => { current = c; return c; }));
  const call = (name) => async (...args) => {
    try {
      return await current[name](...args);
    } catch (e) {
      if (!(e && e.workerStopped)) throw e;
      return (await fallBack())[name](...args);
    }
  };
  const regions = worker.regions();
  const out = { version: worker.version, regions: () => structuredClone(regions) };
  // every other function of the worker's checker, each falling back alike: none left out by a list
  // (a list once left out ruleSetFor, and the page could not tell which of a region's notices applies)
  // (terminate is the worker's own, not a question to the checker: not passed on)
  for (const [name, f] of Object.entries(worker)) if (typeof f === 'function' && !(name in out) && name !== 'terminate') out[name] = call(name);
  return Object.freeze(out);
}

// The checker shared by every calculator of the document: {checker: a Promise of it (retried after a
// failure), evaluateJSON(text): a profile's text put to it before it is ready (startWorkerChecker)}.
let shared = null;
function sharedChecker(started = null) {
  if (!shared) {
    const starting = startWorkerChecker({}, started);
    const mine = { checker: starting.checker.then(resilient), evaluateJSON: starting.evaluateJSON };
    mine.checker.catch(() => { if (shared === mine) shared = null; });
    shared = mine;
  }
  return shared;
}
/**
 * Resolves to the checker shared by every calculator of the document (retried after a failure).
 * `started`: the worker app.js started for the page (../lib/checker-client.js), used by the first call only.
 */
export function loadChecker(started = null) {
  return sharedChecker(started).checker;
}

const FIRST_CARDS = 0;

// A calculator is its parts, each a module of its own, over one draft: the skeleton on screen
// (skeleton.js), the draft it opens (opening.js), the notice that applies (rule-set-choice.js), the form
// (form.js), the region picker, the result view, import/export, share, the saved people (people-db.js,
// people-view.js), keeping the draft (keeping.js) and its evaluation (evaluation.js). `app` is what the
// parts ask of the calculator; mount wires them together, starts them (start below) and answers the page.
export function mount(root, opts = {}) {
  const { wrapper, $ } = placeSkeleton(root, opts);
  const storage = opts.storageKey && typeof localStorage !== 'undefined' ? localStorage : null;
  const session = storage && opts.peopleKey && typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  let draft = null;
  const lang = () => draft.lang;
  const t = (key, ...args) => say(draft.lang, key, ...args);
  const notices = createNotices({ $, lang });
  const opened = openDraft(opts, { storage, session, notices, t });
  draft = opened.draft;
  // saved people (IndexedDB, people-db.js): nothing on screen is replaced before a saved person holds it
  const unnamed = (n) => t('peopleUnnamed', n);
  const people = storage && opts.peopleKey ? openPeopleStore({
    lang: draft.lang,
    legacy: storage,
    base: opened.storedPerson,
    label: (id) => personLabel(people.set, id, unnamed),
    conflictName: (name) => t('peopleConflictName', name),
    onChange: (change) => keeping.peopleChanged(change),
    onReady: () => keeping.peopleReady(),
  }) : null;
  if (people && opened.openedLink) people.open(null);
  let peopleView = null;
  let checker = null;
  let covered = []; // checker.regions()

  // ---- what the rest of the calculator asks of it ---------------------------------------------------
  const choice = createRuleSetChoice({
    draft: () => draft, checker: () => checker, covered: () => covered,
    onChosen: () => { picker.render(); form.renderCircumstances(); },
  });
  const app = {
    $, wrapper, t, lang,
    draft: () => draft,
    checker: () => checker,
    word: (kind, id) => vocabWord(kind, id, draft.lang),
    cite: (source) => cite(source, draft.lang),
    covered: () => covered,
    coverage: choice.coverage,
    ruleSet: choice.ruleSet,
    circumstances: choice.circumstances,
    docTitle: (rs) => docTitle(rs, draft.lang),
    docShort,
    regionName: (code) => picker.nameOf(code),
    /** Resolves to the notice's forms the profile with this JSON text needs (checker.formsJSON), or null. */
    async forms(text) {
      try { return checker && checker.formsJSON ? await checker.formsJSON(text) : null; } catch { return null; }
    },
    /** Resolves to the rule set's text (Markdown) or null. */
    async explain(id) {
      try { return checker ? await checker.explain(id, draft.lang === 'en' ? 'en' : 'zh') : null; } catch { return null; }
    },
    /** The view now shown (an answer that arrives for an older one is dropped). */
    view: () => evaluation.view(),
    setRegion(code, { keepInput = false } = {}) {
      draft.region = code;
      if (!keepInput) $('f-region').value = code;
      picker.render();
      form.renderCircumstances();
      evaluateNow();
    },
    changed({ key } = {}) {
      if (key === 'year' || key === 'region') { picker.render(); form.renderCircumstances(); }
      evaluateNow();
    },
    rowsRendered() { results.renderExplanations(evaluation.view(), draft.training); },
    notice(text) { $('notice').textContent = text; },
  };

  const form = createForm(app);
  app.form = form;
  const picker = createRegionPicker(app);
  const results = createResultView(app);
  const io = createIO(app, { replaceRows, replaceDraft: (next) => replaceDraft(next), exportProfile: () => buildProfile(draft).profile });
  const share = createShare(app, { profile: () => currentProfile(), base: opts.shareBase });
  const keeping = createKeeping(app, notices, form, {
    storage, storageKey: opts.storageKey, session, tab: opened.tab, people, keepFirst: opened.keepFirst,
    peopleView: () => peopleView, replaceDraft: (next) => replaceDraft(next),
  });
  const evaluation = createEvaluation(app, {
    form, results, places: createFieldPlaces(app, form), saveSoon: keeping.saveSoon, onResult: opts.onResult,
  });
  const evaluateNow = evaluation.evaluateNow;

  function replaceRows(rows) {
    draft.training = rows;
    form.renderRows();
    evaluateNow({ rows: true });
  }
  function currentProfile(list = covered) {
    return buildProfile(draft, { circumstances: app.circumstances(list).map((c) => c.kind), checkDate: localDate() }).profile;
  }

  const actions = createActions(app, { form, picker, results, io, evaluation, notices, keeping, people, peopleView: () => peopleView },
    { storage, storageKey: opts.storageKey, ownsDocument: opts.ownsDocument, setDraft: (next) => { draft = next; } });
  const { replaceDraft, setLang } = actions;
  if (opts.shareBase === null) $('share-btn').hidden = true;

  const ready = start({
    app, opts, people, form, picker, results, evaluation, notices, keeping, currentProfile,
    setChecker(c) { checker = c; covered = c.regions(); },
    showPeople() {
      peopleView = createPeopleView(app, people, {
        draft: () => draft, replaceDraft, saveNow: keeping.saveNow, today: localDate, afterWrite: keeping.afterWrite,
        setName(name) { draft.name = name; form.renderFields(); },
      });
    },
  });

  return {
    ready,
    setLang,
    setRegion(code) { if (checker) app.setRegion(String(code || '').trim()); else draft.region = String(code || '').trim(); },
    profile: () => currentProfile(),
    result: () => evaluation.lastResult(),
    draft: () => draft,
    share,
    /** Whether the entries on screen are something no saved person holds (replacing them would lose them). */
    unsaved: () => (people ? isUnsaved(people.set, draft) : hasContent(draft)),
    /** Shows a contract profile in the form (a portal's jxjy:profile message); false when it is not one. */
    async openProfile(profile, options = {}) {
      const out = profile && typeof profile === 'object' && !Array.isArray(profile) ? draftFromProfile(profile, lang()) : null;
      if (!out) return false;
      // the person's name, kept only in this browser (a profile carries none): the roll view gives it
      if (options && typeof options.name === 'string') out.draft.name = options.name;
      if (people) {
        const kept = await people.keep(draft); // not replaced before it is kept
        if (!kept.ok) { keeping.afterWrite(kept); return false; }
      }
      replaceDraft(out.draft);
      if (people) keeping.saveNow();
      return true;
    },
    destroy() { actions.stop(); wrapper.remove(); },
  };
}

// The calculator's start: the wasm loads first (it compiles off the main thread while the form renders);
// the first screen's work runs in three short tasks, not one long one (each under 50 ms on a slow phone:
// Lighthouse's total blocking time counts what a task takes beyond that): the words and fields, then the
// records and the result, then the saved people's panel (the first screen shows it folded). Until then
// the static first screen, or the markup, is on screen. The first verdict waits for the records and the
// result, not for the people's panel (their IndexedDB opened and read): at 4x CPU on 2026-12-07 the verdict
// came 26-60 ms after the checker's answer instead of ~180 ms (bench/first_verdict_parts.mjs). Resolves to
// the checker once the first verdict and the people's panel are shown (rejects when it cannot be loaded).
function start({ app, opts, people, form, picker, results, evaluation, notices, keeping, currentProfile, setChecker, showPeople }) {
  const { $, wrapper, t } = app;
  const { checker: loading, evaluateJSON: ask } = sharedChecker();
  evaluation.askBeforeReady(ask, currentProfile);
  if (opts.ownsDocument) {
    setDocumentLang(app.lang(), t('title'));
  }
  if (!people) $('people')?.remove(); // the static first screen's panel (the page without saved people)
  const drawn = nextTask().then(() => {
    form.renderTexts();
    form.renderFields();
  }).then(nextTask).then(() => {
    // a long draft: a few cards now, the rest of the first page once its verdict is shown (a 1,000-record
    // draft must reach its first verdict fast; the cards below the first few are off screen anyway)
    form.renderRows(null, FIRST_CARDS);
    notices.show();
    form.clearStaticMarks(); // (and the empty draft's mark again below, in the same task: nothing moves)
    results.render(evaluation.view());
    evaluation.firstScreenShown();
    // the first step needs no checker: a draft without a region is told to choose one at once (its
    // view, marks and banner as the evaluation makes them, in this same task)
    if (!app.draft().region.trim()) {
      evaluation.evaluateNow(false);
      picker.renderStatus(); // "no region chosen yet" and no circumstances to list: true without the checker
      form.renderCircumstances();
    }
  });
  // the saved people's panel (folded on the first screen) once their database is read: the first verdict
  // does not wait for it
  const peopleShown = drawn.then(nextTask).then(async () => {
    if (!people) return;
    await people.ready;
    await keeping.keptFirst();
    showPeople();
    if (people.migration === 'failed') {
      notices.add(() => t('peopleMigrateFailed'));
      notices.show();
    }
  });

  const ready = loading.then(async (c) => {
    evaluation.askEarly(c, currentProfile);
    await drawn;
    // (a task of its own after the records' drawing: no task of the start grows long, which Lighthouse's
    // blocking time counts; without this yield and the next one the verdict came no sooner, pooled 1,960
    // against 1,966 ms at 4x: bench/README.md, 2026-12-07 16:00)
    await nextTask();
    setChecker(c);
    // (said on the element: a draft without a region has its first step on screen before the checker,
    // so the banner alone does not tell a test or a portal's script that the checker is there)
    wrapper.dataset.checker = 'ready';
    form.renderCircumstances();
    picker.render();
    await nextTask(); // (the first verdict in a task of its own, the rest of the records in another)
    await evaluation.evaluateNow(false);
    await nextTask();
    form.renderFirstPage();
    // the full region list is not needed for the first verdict: fetched once the page is idle
    const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
    idle(() => picker.ensureChinaRegions());
    await peopleShown;
    return c;
  }, async (e) => {
    await drawn;
    wrapper.dataset.checker = 'failed';
    form.renderFirstPage();
    evaluation.failed();
    await peopleShown;
    throw e;
  });
  ready.catch(() => {});
  return ready;
}
