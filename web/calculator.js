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
import { createMainThreadChecker, createWorkerChecker } from './worker-checker.js';
import { markup } from './markup.js';
import { markupHash } from './first-screen.js';
import { say } from './texts.js';
import { word as vocabWord } from './words.js';
import {
  buildProfile, draftFromProfile, emptyDraft, fieldOf, forgetDraft, halfWidth, hasContent, isDatePrefix, isYearPrefix,
  loadDraft, loadTab, localDate, parseInteger, saveDraft, saveTab, yearList,
} from './draft.js';
import { createForm, el, nextTask } from './form.js';
import { createRegionPicker } from './region-picker.js';
import { createResultView } from './result-view.js';
import { createIO } from './records-io.js';
import { createShare } from './share.js';
import { copyDraft, isUnsaved, labelOf as personLabel } from './people.js';
import { draftKey, openPeopleStore } from './people-db.js';
import { createPeopleView } from './people-view.js';

// The checker runs in a module worker (worker-checker.js): compiling the wasm and every evaluation stay
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
  return Object.freeze({
    version: worker.version,
    regions: () => structuredClone(regions),
    evaluate: call('evaluate'),
    evaluateJSON: call('evaluateJSON'),
    explain: call('explain'),
    forms: call('forms'),
  });
}

// The production build's first screen's markup hash (scripts/build-dist.mjs defines it; markupHash of
// markup(1)), so that adopting it costs no hashing of the markup at run time. Development: null.
// eslint-disable-next-line no-undef
const BUILT_MARKUP_HASH = typeof __JXJY_MARKUP_HASH__ === 'string' ? __JXJY_MARKUP_HASH__ : null;

let checkerPromise = null;
/**
 * Resolves to the checker shared by every calculator of the document (retried after a failure).
 * `started`: the worker app.js started for the page (worker-checker.js), used by the first call only.
 */
export function loadChecker(started = null) {
  if (!checkerPromise) {
    checkerPromise = createWorkerChecker({}, started).then(resilient);
    checkerPromise.catch(() => { checkerPromise = null; });
  }
  return checkerPromise;
}

const FIRST_CARDS = 8;
const PERSON_FIELDS = ['gender', 'age', 'birthDate', 'education', 'currentTitleSince', 'sector', 'series'];

export function mount(root, opts = {}) {
  // The production index.html holds the first screen already (first-screen.js): adopted when it is this
  // build's markup, else replaced.
  const variant = opts.embedded && !opts.ownsDocument ? 2 : 1;
  const found = [...root.children].find((n) => n.classList.contains('jxjy') && n.dataset.markup);
  const ours = found && found.dataset.markup === (variant === 1 && BUILT_MARKUP_HASH ? BUILT_MARKUP_HASH : markupHash(markup(variant)));
  let wrapper = ours ? found : null;
  if (found && !wrapper) found.remove();
  if (wrapper) {
    if (opts.embedded) wrapper.classList.add('embedded');
  } else {
    wrapper = el('div', { className: opts.embedded ? 'jxjy embedded' : 'jxjy' });
    wrapper.innerHTML = markup(variant);
    root.append(wrapper);
  }
  // Elements by id inside this calculator: the root's id index (document or shadow root) when the node is
  // ours, else a search of the wrapper. (A querySelector walks the tree, past every record card: with
  // 1,000 records that alone cost 100 ms a keystroke.)
  const $ = (id) => {
    const home = wrapper.getRootNode();
    const hit = typeof home.getElementById === 'function' ? home.getElementById(id) : null;
    if (hit && wrapper.contains(hit)) return hit;
    return wrapper.querySelector(`#${CSS.escape(id)}`);
  };
  const storage = opts.storageKey && typeof localStorage !== 'undefined' ? localStorage : null;

  let notices = [];
  const askedLang = opts.lang === 'en' || opts.lang === 'zh' ? opts.lang : undefined;
  // the page (saved people on): this tab's own draft and the person it belongs to (draft.js loadTab)
  const session = storage && opts.peopleKey && typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  let tab = storage && opts.peopleKey ? loadTab(session, storage, askedLang) : null;
  const stored = opts.peopleKey ? tab : storage ? loadDraft(storage, opts.storageKey, askedLang) : null;
  let draft = stored ? stored.draft : emptyDraft(opts.lang);
  if (opts.lang === 'en' || opts.lang === 'zh') draft.lang = opts.lang;
  const lang = () => draft.lang;
  const t = (key, ...args) => say(draft.lang, key, ...args);
  if (stored && stored.dropped.length) notices.push(() => t('droppedNotice', stored.dropped.join(draft.lang === 'en' ? ', ' : '、')));
  // saved people (IndexedDB, people-db.js): nothing on screen is replaced before a saved person holds it
  const unnamed = (n) => t('peopleUnnamed', n);
  const people = storage && opts.peopleKey ? openPeopleStore({
    lang: draft.lang,
    legacy: storage,
    base: tab && tab.person,
    label: (id) => personLabel(people.set, id, unnamed),
    conflictName: (name) => t('peopleConflictName', name),
    onChange: (change) => onPeopleChange(change),
    onReady: () => peopleReady(),
  }) : null;
  let peopleView = null;
  // a #p= link over the draft of before: that draft is kept (as its person, or as a new one) once the
  // people are read; the link's entries are shown at once
  let keepFirst = null;
  let keptFirst = null; // its write
  if (opts.shared !== undefined) {
    const shared = opts.shared && draftFromProfile(opts.shared, draft.lang);
    const safe = !hasContent(draft) || (people && tab && tab.person);
    if (!shared) notices.push(() => t('sharedBad'));
    else if (safe || window.confirm(t(people ? 'confirmReplaceKeep' : 'confirmReplace'))) {
      if (people && hasContent(draft)) keepFirst = { draft, person: tab && tab.person };
      if (!people) shared.draft.name = draft.name;
      draft = shared.draft;
      if (opts.lang) draft.lang = opts.lang;
      if (people) people.open(null);
      if (tab) tab = { ...tab, person: null };
      if (!keepFirst) notices.push(() => t('openedShared'));
    } else {
      notices.push(() => t('keptDraft'));
    }
  }
  if (opts.region && !draft.region) draft.region = String(opts.region).trim();

  let checker = null;
  let covered = []; // checker.regions()
  let shownOnce = false; // whether the first screen's records and result are drawn (mount's second task)
  let early = null; // {text, answer}: the first verdict's question, asked before the page was ready for it
  const loadingView = () => ({ stage: 'loading', next: '', leftOut: [], pendingRows: new Map(), refusedRows: new Map(), recordOf: new Map() });
  let view = loadingView();
  let lastResult = null;

  // ---- what the rest of the calculator asks of it ---------------------------------------------------
  const app = {
    $, wrapper, t, lang,
    draft: () => draft,
    word: (kind, id) => vocabWord(kind, id, draft.lang),
    cite(source) {
      if (!source) return '';
      const parts = [source.number || source.title, source.clause].filter(Boolean);
      if (!parts.length) return '';
      return draft.lang === 'en' ? `(${parts.join(' ')})` : `（${parts.join(' ')}）`;
    },
    covered: () => covered,
    // (list: the checker's regions, those on screen unless told; askEarly reads the checker's own before
    // the screen has them)
    /** {region, ruleSet} of the nearest covered region at or above code, or null. */
    coverage(code, list = covered) {
      if (!/^\d{6}$/.test(code)) return null;
      for (const c of [code, code.slice(0, 4) + '00', code.slice(0, 2) + '0000']) {
        const hit = list.find((r) => r.region === c);
        if (hit) return { region: hit, ruleSet: ruleSetFor(hit) };
      }
      return null;
    },
    ruleSet: (list = covered) => { const c = app.coverage(draft.region.trim(), list); return c ? c.ruleSet : null; },
    circumstances: (list = covered) => { const rs = app.ruleSet(list); return rs ? rs.circumstances || [] : []; },
    /** A notice's title as shown: the original Chinese (lang zh-CN) and, in English, a short gloss. */
    docTitle(rs) {
      const s = rs && rs.sources && rs.sources[0];
      if (!s) return '';
      const span = el('span', { lang: 'zh-CN', text: `${s.title}${s.number && s.number !== s.title ? ' ' + s.number : ''}` });
      const when = s.date ? ` (${s.date})` : '';
      return draft.lang === 'en' ? el('span', {}, `the ${rs.year} notice `, span, when) : el('span', {}, span, s.date ? `（${s.date}）` : '');
    },
    docShort(rs) {
      const s = rs && rs.sources && rs.sources[0];
      return s ? `${s.number || s.title}` : '';
    },
    regionName: (code) => picker.nameOf(code),
    /** Resolves to checker.forms(profile) (the notice's forms this profile needs), or null. */
    async forms(profile) {
      try { return checker && checker.forms ? await checker.forms(profile) : null; } catch { return null; }
    },
    /** Resolves to the rule set's text (Markdown) or null. */
    async explain(id) {
      try { return checker ? await checker.explain(id, draft.lang === 'en' ? 'en' : 'zh') : null; } catch { return null; }
    },
    /** The view now shown (an answer that arrives for an older one is dropped). */
    view: () => view,
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
    rowsRendered() { results.renderExplanations(view, draft.training); },
    notice(text) { $('notice').textContent = text; },
  };

  // The rule set of a covered region is the checker's own choice (checker.ruleSetFor: validFrom against
  // the application date), asked once per region and date and kept; a region with one rule set has nothing
  // to choose. null while the answer is awaited, and without an application year or date.
  const chosenRuleSets = new Map(); // `${region}|${date}` -> rule-set id (null: none); undefined while asked
  function ruleSetFor(entry) {
    const sets = entry.ruleSets || [];
    if (sets.length <= 1) return sets[0] || null;
    const typed = halfWidth(draft.applicationDate || '').trim();
    const date = /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : parseInteger(draft.year);
    if (date === null) return null;
    const key = `${entry.region}|${date}`;
    if (!chosenRuleSets.has(key) && checker && checker.ruleSetFor) {
      chosenRuleSets.set(key, undefined);
      Promise.resolve().then(() => checker.ruleSetFor(entry.region, date)).then(
        (id) => { chosenRuleSets.set(key, id); picker.render(); form.renderCircumstances(); },
        () => chosenRuleSets.set(key, null));
    }
    return sets.find((s) => s.id === chosenRuleSets.get(key)) || null;
  }

  const form = createForm(app);
  app.form = form;
  const picker = createRegionPicker(app);
  const results = createResultView(app);
  const io = createIO(app, { replaceRows, replaceDraft: (next) => replaceDraft(next), exportProfile: () => buildProfile(draft).profile });
  const share = createShare(app, { profile: () => currentProfile(), base: opts.shareBase });

  function replaceRows(rows) {
    draft.training = rows;
    form.renderRows();
    evaluateNow({ rows: true });
  }

  function currentProfile(list = covered) {
    return buildProfile(draft, { circumstances: app.circumstances(list).map((c) => c.kind), checkDate: localDate() }).profile;
  }

  // The first thing the draft still lacks before it can be checked, in the order the page asks for it:
  // 'region' (none), 'badCode' (not six digits), 'uncovered' (no notice in jxjy for it or above it),
  // 'year', 'route', 'level'; '' when nothing is. list: the checker's regions.
  function firstMissing(list = covered) {
    const region = draft.region.trim();
    if (!region) return 'region';
    if (!/^\d{6}$/.test(region)) return 'badCode';
    if (!app.coverage(region, list)) return 'uncovered';
    for (const key of ['year', 'route', 'level']) if (!String(draft[key]).trim()) return key;
    if (isYearPrefix(draft.year)) return 'year'; // "202": still being typed
    return '';
  }
  // A field whose year or date is still being typed ("20", "2025-0"): its id, else null. The draft is not
  // checked until it is complete (a checker error for every keystroke of a year would say "请修正输入").
  function partialField() {
    if (isYearPrefix(draft.currentTitleSince, 1950)) return 'f-currentTitleSince';
    for (const key of ['applicationDate', 'birthDate']) if (isDatePrefix(draft[key])) return `f-${key}`;
    for (const c of app.circumstances()) {
      const state = draft.circ[c.kind];
      if (!state || !state.on) continue;
      for (const [e, entry] of (state.entries || []).entries()) {
        for (const f of ['year', 'years']) {
          const text = String(entry[f] ?? '');
          if (text && isYearPrefix(f === 'years' ? yearList(text).pop() ?? '' : text)) return `c-${c.kind}-${e}-${f}`;
        }
      }
    }
    return null;
  }

  // ---- evaluation ---------------------------------------------------------------------------------
  function controlId(field) {
    if (!field) return null;
    if (field.row !== undefined) {
      const uid = form.uidOf(draft.training[field.row]);
      if (field.key === 'filed') return `r${uid}-filed-${draft.training[field.row].filed || 'unknown'}`;
      return `r${uid}-${field.key}`;
    }
    if (field.key.startsWith('circ:')) { // circ:KIND (its box) or circ:KIND:ENTRY:FIELD (form.js ids)
      const [, kind, entry, name] = field.key.split(':');
      return name ? `c-${kind}-${entry}-${name}` : `c-${kind}`;
    }
    if (['route', 'level', 'gender'].includes(field.key)) {
      const v = draft[field.key];
      return v ? `f-${field.key}-${v}` : $(`f-${field.key}`)?.querySelector('input')?.id || null;
    }
    return `f-${field.key}`;
  }
  function labelOf(id) {
    const control = $(id);
    if (!control) return t('general');
    const group = control.closest('[role="radiogroup"]');
    if (group) return $(group.getAttribute('aria-labelledby'))?.textContent || '';
    const label = wrapper.querySelector(`label[for="${CSS.escape(id)}"]`);
    return label ? label.textContent.trim() : t('general');
  }

  // The draft is written to storage a moment after the last change (and when the page is hidden), not
  // on every keystroke: a 1,000-record draft is 100 KB of JSON.
  let saveTimer = 0;
  function saveSoon() {
    if (!storage) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  }
  let saving = null; // the page's write of the current person in flight (people-db.js sync)
  /** Writes the draft now; on the page, resolves to the person's write ({ok, conflict?, deleted?}). */
  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!people) {
      if (storage) saveDraft(storage, opts.storageKey, draft);
      return Promise.resolve({ ok: true });
    }
    const tabOk = writeTab();
    const p = people.sync(draft).then((r) => { afterWrite(r, tabOk); return r; });
    saving = p;
    p.finally(() => { if (saving === p) saving = null; });
    peopleView?.refresh();
    return p;
  }
  /** This tab's draft and person (draft.js saveTab); false when storage refused it. */
  let holdSeed = false;
  function writeTab() {
    const ok = saveTab(session, holdSeed ? null : storage, draft, people.base, tab && tab.legacy);
    if (ok && tab) tab.legacy = false;
    return ok;
  }
  // Said on screen while storage refuses writes (gone once a write succeeds again).
  const fullNotice = () => t('storageFull');
  function storageTrouble(on) {
    const has = notices.includes(fullNotice);
    if (on === has) return;
    notices = on ? [...notices, fullNotice] : notices.filter((f) => f !== fullNotice);
    showNotices();
  }
  /** What a write of the person came to, said on screen: storage full, a conflict kept beside, a deletion. */
  function afterWrite(r, tabOk = true) {
    storageTrouble(!r.ok || !tabOk);
    if (r.conflict) {
      const of = personLabel(people.set, r.conflict.of, unnamed);
      draft.name = r.conflict.name;
      form.renderFields();
      writeTab();
      notices = [...notices.filter((f) => f === fullNotice), () => t('peopleConflict', of, r.conflict.name)];
      showNotices();
      peopleView?.say(t('peopleConflict', of, r.conflict.name));
    }
    if (r.deleted) peopleView?.say(t('peopleDeletedElsewhere'));
    peopleView?.refresh();
  }
  // The people are read (people-db.js onReady, before any write of this tab runs): the draft on screen
  // meets its person's stored revision.
  function peopleReady() {
    if (tab && tab.legacy && people.legacyCurrent && !people.base && !keepFirst) people.open(people.legacyCurrent);
    if (keepFirst) {
      const person = keepFirst.person || (tab && tab.legacy && people.legacyCurrent
        ? { id: people.legacyCurrent, rev: people.set.people.find((q) => q.id === people.legacyCurrent)?.rev || 1 } : null);
      keptFirst = people.keepOther(keepFirst.draft, person).then((r) => {
        if (r.ok) {
          notices.push(r.id ? () => t('openedSharedKept', personLabel(people.set, r.id, unnamed)) : () => t('openedShared'));
          if (r.conflict) notices.push(() => t('peopleConflict', personLabel(people.set, r.conflict.of, unnamed), r.conflict.name));
          showNotices();
        } else {
          holdSeed = true; // the draft of before is not kept anywhere else: where new tabs start stays as it was
        }
        afterWrite({ ok: r.ok });
        writeTab();
      });
      return;
    }
    const p = people.current();
    if (!p) people.open(null);
    else if (p.key === draftKey(draft)) people.open(p.id);
    else saveSoon(); // entries not written yet (or written on an older revision: kept beside the newer one)
    if (tab && tab.legacy) writeTab(); // the draft of before is this tab's now (its old key goes)
  }
  // Another tab wrote (people-db.js onChange): the list follows; the person on screen, when this tab has
  // nothing of its own to write, shows that tab's entries.
  function onPeopleChange(change) {
    const id = people.set.current;
    if (id !== null && (change.all || change.id === id)) {
      const p = people.current();
      if (!p) {
        people.open(null);
        writeTab();
        peopleView?.say(t('peopleDeletedElsewhere'));
      } else if (people.base && p.rev !== people.base.rev && !saveTimer && !saving) {
        const changed = p.key !== draftKey(draft);
        people.open(p.id);
        if (changed) {
          replaceDraft(copyDraft(p.draft));
          notices = [() => t('peopleChangedElsewhere', personLabel(people.set, p.id, unnamed))];
          showNotices();
        }
        writeTab();
      }
    }
    peopleView?.refresh();
  }
  if (storage) {
    const flush = () => { if (saveTimer) saveNow(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  }

  // Evaluation is asynchronous (the checker is in a worker). Every change bumps `generation`; at most one
  // evaluation runs at a time, and when changes came while it ran its answer is dropped and the draft as
  // it is now is evaluated again. So a verdict is only ever shown for the draft on screen, and typing
  // fast costs one evaluation per answer, not one per keystroke.
  let generation = 0;
  let running = null; // the promise of the evaluation loop in flight
  function evaluateNow(changed = true) {
    if (changed) saveSoon();
    generation++;
    // Without the checker only a draft with no region can be answered (its next step is to choose one:
    // compute() asks the checker nothing then); any other waits for it, and says so.
    if (!checker && (draft.region.trim() || !shownOnce)) {
      form.clearMarks();
      if (view.stage !== 'loading') { view = loadingView(); results.render(view); }
      return Promise.resolve();
    }
    if (!running) {
      wrapper.setAttribute('aria-busy', 'true'); // until the answer for the draft as it is now is shown
      running = (async () => {
        try {
          for (;;) {
            const gen = generation;
            const next = await compute();
            if (gen === generation) { show(next); break; }
          }
        } finally {
          running = null;
          wrapper.removeAttribute('aria-busy');
        }
      })();
    }
    return running;
  }

  async function compute() {
    const checkDate = localDate();
    const next = { stage: 'incomplete', next: '', leftOut: [], pendingRows: new Map(), refusedRows: new Map(),
      recordOf: new Map(), checkDate, errors: [], result: null, probe: null, marks: [], errorMarks: [], built: null };
    // the first thing missing: said once, in the result's next-step box (a link to its field), and its
    // field marked "next" (the region: at the search, where one starts)
    const missing = firstMissing();
    if (missing === 'uncovered') {
      next.stage = 'uncovered';
      next.next = t('next_uncovered');
      return next;
    }
    if (missing) {
      const key = missing === 'badCode' ? 'region' : missing;
      next.next = t(missing === 'badCode' ? 'badCode' : `next_${missing}`);
      const id = missing === 'region' ? 'f-search' : controlId({ key });
      // a code that typing more cannot make six digits is wrong (aria-invalid), not merely unfinished
      const wrong = missing === 'badCode' && !/^\d{0,5}$/.test(draft.region.trim());
      if (id) { next.nextId = id; next.marks.push(wrong ? [id, t('badCode'), 'error'] : [id, t('nextHere'), 'need']); }
      return next;
    }
    const partial = partialField();
    if (partial && $(partial)) {
      next.next = t('next_finish', labelOf(partial));
      next.nextId = partial;
      next.marks.push([partial, t('nextHere'), 'need']);
      return next;
    }

    // records the checker refuses are left out and marked at their fields, and the rest is evaluated
    const gen = generation;
    const skip = new Set();
    let result = null;
    let built = null;
    for (let round = 0; round < 4; round++) {
      built = buildProfile(draft, { circumstances: app.circumstances().map((c) => c.kind), checkDate, skip });
      try {
        // the first verdict's question was asked early (askEarly): its answer, if this is the same profile
        let answer = null;
        if (early) {
          if (JSON.stringify(built.profile) === early.text) answer = early.answer;
          early = null;
        }
        result = await (answer || checker.evaluate(built.profile));
      } catch (e) {
        result = { ok: false, errors: [{ code: 'internal_error', path: '', message: `${t('internal')}: ${e && e.message}` }] };
      }
      if (gen !== generation) return next; // the draft changed meanwhile: this answer is not shown
      if (result.ok !== false) break;
      const rowErrors = (result.errors || []).filter((e) => /^\/training\/\d+/.test(e.path || ''));
      if (!rowErrors.length || rowErrors.length !== result.errors.length) break;
      for (const e of rowErrors) {
        const r = built.rowOf[Number(/^\/training\/(\d+)/.exec(e.path)[1])];
        skip.add(r);
        const f = fieldOf(built, e.path);
        if (!next.refusedRows.has(r)) next.refusedRows.set(r, []);
        next.refusedRows.get(r).push({ ...e, field: f });
      }
    }
    next.built = built;
    next.result = result;
    for (const lo of built.leftOut) next.pendingRows.set(lo.row, lo);
    next.leftOut = [...built.leftOut.filter((lo) => !lo.blank).map((lo) => lo.row), ...next.refusedRows.keys()].sort((a, b) => a - b);
    if (result.ok === false) {
      const missing = result.errors.filter((e) => e.code === 'missing');
      const personal = missing.filter((e) => PERSON_FIELDS.includes(String(e.path).slice(1)));
      // a ticked circumstance whose value is not typed yet is a next step too, not an error
      const circ = missing.filter((e) => /^\/circumstances\/\d+\/\w+$/.test(e.path));
      const sep = draft.lang === 'en' ? ', ' : '、';
      if ((personal.length || circ.length) && personal.length + circ.length === result.errors.length) {
        const keys = [...new Set(personal.map((e) => String(e.path).slice(1)))];
        const words = keys.map((k) => labelOf(controlId({ key: k === 'age' ? 'age' : k }))).join(sep);
        const circIds = circ.map((e) => controlId(fieldOf(built, e.path))).filter(Boolean);
        next.next = keys.length ? t('next_person', words) : t('next_circ', [...new Set(circIds.map(labelOf))].join(sep));
        for (const k of keys) { const id = controlId(built.fields['/' + k] || { key: k }); if (id) next.marks.push([id, t('needed'), 'need']); }
        for (const id of circIds) next.marks.push([id, t('needCirc'), 'need']);
        next.nextId = (next.marks[0] || [])[0];
      } else {
        next.stage = 'error';
        for (const e of result.errors) next.errorMarks.push({ e, id: controlId(fieldOf(built, e.path)) });
      }
    } else {
      // no record yet: the verdict stands (it is what the notice says of no training), and the next
      // step says to add the records
      if (!built.profile.training.length && result.status === 'short') { next.next = t('next_records'); next.nextId = 'add-row'; }
      next.stage = 'verdict';
      (result.records || []).forEach((rec) => next.recordOf.set(built.rowOf[rec.index], rec));
    }
    for (const [, errs] of next.refusedRows) {
      for (const e of errs) { const id = controlId(e.field); if (id) next.marks.push([id, e.message || e.code, 'error']); }
    }
    for (const [r, lo] of next.pendingRows) {
      if (lo.blank) continue;
      // what is missing is a need; what is wrong (bad_year, bad_amount) an error, aria-invalid at its field
      for (const p of lo.problems) {
        const id = controlId({ row: r, key: p.key });
        if (id) next.marks.push([id, t(p.need), p.need.startsWith('bad_') ? 'error' : 'need']);
      }
    }
    next.probe = makeProbe(built.profile);
    return next;
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
    results.renderExplanations(view, draft.training);
    if ($('ways-block').open) results.renderWays(view);
    if ($('rules-block').open) results.renderRules();
    if (typeof opts.onResult === 'function' && next.result) {
      try { opts.onResult(next.result, next.built.profile); } catch { /* a listener's problem is not ours */ }
    }
  }

  // The checker asked about one record of 1 unit, for the "ways to earn hours" panel (a Promise of the
  // record, or of null).
  function makeProbe(profile) {
    const year = profile.year;
    if (!year) return null;
    const base = { region: profile.region, year, route: profile.route, level: profile.level,
      gender: profile.gender || 'female', age: profile.age ?? 40, currentTitleSince: profile.currentTitleSince,
      education: profile.education || 'bachelor', locale: profile.locale };
    if (profile.birthDate) { base.birthDate = profile.birthDate; delete base.age; }
    return async ({ activity, unit, level }) => {
      const rec = { year, subject: 'professional', activity, [unit]: 1 };
      if (level) rec.level = level;
      const r = await checker.evaluate({ ...base, training: [rec] });
      return r.ok === false ? null : (r.records || [])[0] || null;
    };
  }

  // ---- page-wide actions ----------------------------------------------------------------------------
  function renderAll() {
    form.render();
    picker.render();
    peopleView?.render();
    showNotices();
  }

  /** Shows another draft (a saved person, a profile posted by a portal) in place of the one on screen. */
  function replaceDraft(next) {
    clearTimeout(saveTimer);
    const shownLang = draft.lang;
    draft = next;
    draft.lang = shownLang;
    io.clearMessages();
    $('f-search').value = '';
    $('f-search-results').replaceChildren();
    $('f-search-status').textContent = '';
    notices = [];
    renderAll();
    evaluateNow();
  }
  function showNotices() {
    $('notice').textContent = notices.map((f) => f()).join(draft.lang === 'en' ? ' ' : '');
  }

  async function clearAll() {
    if (!window.confirm(t('confirmClear'))) return;
    if (people) {
      // a saved person keeps its entries; only the screen is cleared (not before they are kept)
      const kept = await people.keep(draft);
      if (!kept.ok) { afterWrite(kept); return; }
    }
    draft = emptyDraft(draft.lang);
    if (people) writeTab();
    else if (storage) forgetDraft(storage, opts.storageKey);
    notices = [() => t('cleared')];
    io.clearMessages();
    $('f-search').value = '';
    $('f-search-results').replaceChildren();
    $('f-search-status').textContent = '';
    renderAll();
    evaluateNow();
    $('f-search').focus();
  }

  function setLang(next) {
    const l = next === 'en' ? 'en' : 'zh';
    if (l === draft.lang) return;
    draft.lang = l;
    if (opts.ownsDocument) {
      document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
      document.title = t('title');
    }
    io.clearMessages();
    renderAll();
    evaluateNow();
  }

  function onFocusLink(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-focus]') : null;
    if (!link) return;
    event.preventDefault();
    const control = $(link.dataset.focus);
    if (control) {
      control.scrollIntoView({ block: control.matches('h1, h2, h3') ? 'start' : 'center' });
      control.focus();
    }
  }

  function print() {
    results.renderPrint(view);
    window.print();
  }

  if (opts.shareBase === null) $('share-btn').hidden = true;
  $('clear-all').addEventListener('click', clearAll);
  $('lang-toggle').addEventListener('click', () => { setLang(draft.lang === 'en' ? 'zh' : 'en'); $('lang-toggle').focus(); });
  $('print-btn').addEventListener('click', print);
  $('error-list').addEventListener('click', onFocusLink);
  $('verdict-chip').addEventListener('click', onFocusLink);
  $('skip-result').addEventListener('click', onFocusLink);
  $('next-step').addEventListener('click', onFocusLink);
  $('ways-block').addEventListener('toggle', () => { if ($('ways-block').open) results.renderWays(view); });
  $('rules-block').addEventListener('toggle', () => { if ($('rules-block').open) results.renderRules(); });
  const beforePrint = () => results.renderPrint(view);
  window.addEventListener('beforeprint', beforePrint);

  // Start loading the wasm first: it compiles off the main thread while the form renders.
  const loading = loadChecker();
  if (opts.ownsDocument) {
    document.documentElement.lang = draft.lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('title');
  }
  if (!people) $('people')?.remove(); // the static first screen's panel (the page without saved people)
  // The first screen's work in three short tasks, not one long one (each under 50 ms on a slow phone:
  // Lighthouse's total blocking time counts what a task takes beyond that): the words and fields, then
  // the records and the result, then the saved people's panel (the first screen shows it folded).
  // Until then the static first screen, or the markup, is on screen; `ready` waits for all three.
  const shown = nextTask().then(() => {
    form.renderTexts();
    form.renderFields();
  }).then(nextTask).then(() => {
    // a long draft: a few cards now, the rest of the first page once its verdict is shown (a 1,000-record
    // draft must reach its first verdict fast; the cards below the first few are off screen anyway)
    form.renderRows(null, FIRST_CARDS);
    showNotices();
    form.clearStaticMarks(); // (and the empty draft's mark again below, in the same task: nothing moves)
    results.render(view);
    shownOnce = true;
    // the first step needs no checker: a draft without a region is told to choose one at once (its
    // view, marks and banner as compute() makes them, in this same task)
    if (!draft.region.trim()) {
      evaluateNow(false);
      picker.renderStatus(); // "no region chosen yet" and no circumstances to list: true without the checker
      form.renderCircumstances();
    }
  }).then(nextTask).then(async () => {
    if (!people) return;
    await people.ready;
    await keptFirst;
    peopleView = createPeopleView(app, people, {
      draft: () => draft, replaceDraft, saveNow, today: localDate, afterWrite,
      setName(name) { draft.name = name; form.renderFields(); },
    });
    if (people.migration === 'failed') {
      notices.push(() => t('peopleMigrateFailed'));
      showNotices();
    }
  });

  // The draft's first question is put to the checker as soon as it is there, while the first screen's
  // tasks still run: compute() takes that answer when it asks the very same profile text (the answer is
  // the checker's for exactly that text, so it is the one it would get), and asks again otherwise.
  function askEarly(c) {
    const regions = c.regions(); // (the screen learns of them below, after its first tasks)
    if (firstMissing(regions)) return;
    const profile = currentProfile(regions);
    early = { text: JSON.stringify(profile), answer: c.evaluate(profile) };
    early.answer.catch(() => {}); // (compute() reports a failure when it takes the answer)
  }

  const ready = loading.then(async (c) => {
    askEarly(c);
    await shown;
    checker = c;
    covered = c.regions();
    // (said on the element: a draft without a region has its first step on screen before the checker,
    // so the banner alone does not tell a test or a portal's script that the checker is there)
    wrapper.dataset.checker = 'ready';
    form.renderCircumstances();
    picker.render();
    await nextTask(); // (the first verdict in a task of its own, the rest of the records in another)
    await evaluateNow(false);
    await nextTask();
    form.renderFirstPage();
    // the full region list is not needed for the first verdict: fetched once the page is idle
    const idle = globalThis.requestIdleCallback || ((f) => setTimeout(f, 200));
    idle(() => picker.ensureCatalogue());
    return c;
  }, async (e) => {
    await shown;
    wrapper.dataset.checker = 'failed';
    form.renderFirstPage();
    view = { ...view, stage: 'failed' };
    results.render(view);
    throw e;
  });
  ready.catch(() => {});

  return {
    ready,
    setLang,
    setRegion(code) { if (checker) app.setRegion(String(code || '').trim()); else draft.region = String(code || '').trim(); },
    profile: () => currentProfile(),
    result: () => lastResult,
    draft: () => draft,
    share,
    /** Shows a contract profile in the form (a portal's jxjy:profile message); false when it is not one. */
    /** Whether the entries on screen are something no saved person holds (replacing them would lose them). */
    unsaved: () => (people ? isUnsaved(people.set, draft) : hasContent(draft)),
    async openProfile(profile, options = {}) {
      const out = profile && typeof profile === 'object' && !Array.isArray(profile) ? draftFromProfile(profile, lang()) : null;
      if (!out) return false;
      // the person's name, kept only in this browser (a profile carries none): the roll view gives it
      if (options && typeof options.name === 'string') out.draft.name = options.name;
      if (people) {
        const kept = await people.keep(draft); // not replaced before it is kept
        if (!kept.ok) { afterWrite(kept); return false; }
      }
      replaceDraft(out.draft);
      if (people) saveNow();
      return true;
    },
    destroy() { window.removeEventListener('beforeprint', beforePrint); wrapper.remove(); },
  };
}
