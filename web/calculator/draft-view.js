// What the draft comes to, as the calculator shows it (a "view"): the next thing to ask for while the draft
// cannot be checked yet (next-step.js), else the checker's answer for the profile it makes, with the records
// the checker refuses left out and marked, what the person has not typed yet as the next step, and the
// marks at the fields.
//
// A view: {stage: loading | incomplete | uncovered | error | verdict | failed, next (the next step's
// words), nextId, marks: [[id, text, kind]], errorMarks, errors, result, built (draft.js buildProfile),
// leftOut, pendingRows, refusedRows, recordOf, checkDate, probe}.
import { localDate } from '../base/local.js';
import { buildProfile, fieldOf } from './draft.js';
import { firstMissing, partialField } from './next-step.js';

const PERSON_FIELDS = ['gender', 'age', 'birthDate', 'education', 'currentTitleSince', 'sector', 'series'];

/** The view while the checker loads. */
export const loadingView = () => ({ stage: 'loading', next: '', leftOut: [], pendingRows: new Map(), refusedRows: new Map(), recordOf: new Map() });

/** app: the calculator (draft(), checker(), circumstances(), coverage(), t, $); places: field-places.js. */
export function createDraftView(app, places) {
  const { t, $ } = app;
  const { controlId, labelOf } = places;

  // isCurrent(): whether the draft is still the one being computed; takeEarly(text): the answer the
  // checker was asked for this very profile text before the screen was ready, or null.
  async function compute(isCurrent, takeEarly) {
    const checkDate = localDate();
    const next = { stage: 'incomplete', next: '', leftOut: [], pendingRows: new Map(), refusedRows: new Map(),
      recordOf: new Map(), checkDate, errors: [], result: null, probe: null, marks: [], errorMarks: [], built: null };
    if (askFirst(next)) return next;
    const { built, result } = await evaluateLeavingOutRefused(next, checkDate, isCurrent, takeEarly);
    if (!isCurrent()) return next; // the draft changed meanwhile: this answer is not shown
    next.built = built;
    next.result = result;
    for (const lo of built.leftOut) next.pendingRows.set(lo.row, lo);
    next.leftOut = [...built.leftOut.filter((lo) => !lo.blank).map((lo) => lo.row), ...next.refusedRows.keys()].sort((a, b) => a - b);
    if (result.ok === false) readRefusal(next, built, result);
    else readVerdict(next, built, result);
    markRows(next);
    next.probe = makeProbe(built.profile);
    return next;
  }

  // The first thing missing: said once, in the result's next-step box (a link to its field), and its field
  // marked "next" (the region: at the search, where one starts). True when the draft cannot be checked yet.
  function askFirst(next) {
    const draft = app.draft();
    const missing = firstMissing(draft, (code) => app.coverage(code));
    if (missing === 'uncovered') {
      next.stage = 'uncovered';
      next.next = t('next_uncovered');
      return true;
    }
    if (missing) {
      const key = missing === 'badCode' ? 'region' : missing;
      next.next = t(missing === 'badCode' ? 'badCode' : `next_${missing}`);
      const id = missing === 'region' ? 'f-search' : controlId({ key });
      // a code that typing more cannot make six digits is wrong (aria-invalid), not merely unfinished
      const wrong = missing === 'badCode' && !/^\d{0,5}$/.test(draft.region.trim());
      if (id) { next.nextId = id; next.marks.push(wrong ? [id, t('badCode'), 'error'] : [id, t('nextHere'), 'need']); }
      return true;
    }
    const partial = partialField(draft, app.circumstances());
    if (partial && $(partial)) {
      next.next = t('next_finish', labelOf(partial));
      next.nextId = partial;
      next.marks.push([partial, t('nextHere'), 'need']);
      return true;
    }
    return false;
  }

  // Records the checker refuses are left out (next.refusedRows, marked at their fields) and the rest is
  // evaluated again, up to four rounds. {built, result} of the last round.
  async function evaluateLeavingOutRefused(next, checkDate, isCurrent, takeEarly) {
    const skip = new Set();
    let result = null;
    let built = null;
    for (let round = 0; round < 4; round++) {
      built = buildProfile(app.draft(), { circumstances: app.circumstances().map((c) => c.kind), checkDate, skip });
      // the profile's JSON text, made once: the checker is asked it, and the forms (result/forms-view.js)
      // are keyed and asked by it (a 1,000-record profile's text is ~0.5 ms of a keystroke, made three times before)
      built.text = JSON.stringify(built.profile);
      try {
        // the first verdict's question was asked early (evaluation.js askEarly): its answer, if this is the
        // same profile text
        result = await (takeEarly(built.text) || app.checker().evaluateJSON(built.text));
      } catch (e) {
        result = { ok: false, errors: [{ code: 'internal_error', path: '', message: `${t('internal')}: ${e && e.message}` }] };
      }
      if (!isCurrent()) break;
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
    return { built, result };
  }

  // An ok:false result: what the person has not typed yet (their own fields, a ticked circumstance's value)
  // is the next step, marked "needed"; anything else is an error, marked at its field.
  function readRefusal(next, built, result) {
    const missing = result.errors.filter((e) => e.code === 'missing');
    const personal = missing.filter((e) => PERSON_FIELDS.includes(String(e.path).slice(1)));
    const circ = missing.filter((e) => /^\/circumstances\/\d+\/\w+$/.test(e.path));
    const sep = t('listSep');
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
  }

  // A verdict: each record's line by its row. With no record yet the verdict stands (it is what the notice
  // says of no training), and the next step says to add the records.
  function readVerdict(next, built, result) {
    if (!built.profile.training.length && result.status === 'short') { next.next = t('next_records'); next.nextId = 'add-row'; }
    next.stage = 'verdict';
    (result.records || []).forEach((rec) => next.recordOf.set(built.rowOf[rec.index], rec));
  }

  // Rows the checker refused, and rows not sent (draft.js leftOut): what is missing is a need, what is wrong
  // (bad_year, bad_amount) an error, aria-invalid at its field.
  function markRows(next) {
    for (const [, errs] of next.refusedRows) {
      for (const e of errs) { const id = controlId(e.field); if (id) next.marks.push([id, e.message || e.code, 'error']); }
    }
    for (const [r, lo] of next.pendingRows) {
      if (lo.blank) continue;
      for (const p of lo.problems) {
        const id = controlId({ row: r, key: p.key });
        if (id) next.marks.push([id, t(p.need), p.need.startsWith('bad_') ? 'error' : 'need']);
      }
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
      const r = await app.checker().evaluate({ ...base, training: [rec] });
      return r.ok === false ? null : (r.records || [])[0] || null;
    };
  }

  return { compute };
}
