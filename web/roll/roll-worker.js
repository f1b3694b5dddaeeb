// Module worker that checks a roll off the page's main thread (roll-client.js starts it): reads the
// CSV with the core's one reader (checker.readRoll), evaluates every person whose rows could be read,
// and posts the table's lines in batches, so the page shows progress and stays responsive.
//
// Protocol (each request {id, op, ...}; every answer carries the request's id):
//   {op: "check", text | file | buffer (+ xlsx), lang, checkDate, columns?, regions?}  (file: the chosen File, a
//         handle whose bytes are read here; buffer: bytes, copied)
//         -> {type: "read", total, errors, notes, title,
//        columns, headerRow} once (columns/regions: the reader's options, roll-run.js), then
//        {type: "lines", done, lines} per batch (lines: the first 1,000 people's, then none: the lines stay
//        here), then {type: "done", lines, counts, problems, notices} (the verdicts counted, the problems
//        grouped, the whole-notice warnings [{code, message, count}] each once: roll.js noticeGroups)
//   {op: "view", view: {status, name, sort, page, pageSize, allAtOnce}} -> {type: "view", all, shown, paged,
//        page, lines}: the lines the page shows of the last checked roll (roll-run.js viewLines)
//   {op: "export", text | file | buffer, lang, checkDate}  -> {type: "csv", text}: the results as `jxjy roll` writes them
//   {op: "xlsx", buffer}                   -> {type: "csv", text}: the first sheet of an .xlsx as CSV (roll-xlsx.js)
//   {op: "read", text, lang}               -> {type: "roll", roll}: checker.readRoll's answer (one person's file)
//   {op: "person", index}                  -> {type: "profile", profile}: the checked roll's person at index, as
//                                             checked (null when there is none), to open in the calculator
//   {op: "warm"}                           -> {type: "done"} once the reader and checker ran on a made-up roll
//   a failure                              -> {type: "failed", message, code} (code: roll-xlsx.js's XlsxError, else absent)
import { createChecker } from '../lib/jxjy.js';
import { checkRoll, exportRoll, personProfile, rollSource, viewLines, warmUp } from './roll-run.js';

const failed = (e) => ({ type: 'failed', message: String((e && e.message) || e), ...(e && e.code ? { code: e.code } : {}) });

let checker = null;
const ready = createChecker().then((c) => { checker = c; });

self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m.id !== 'number') return;
  const id = m.id;
  const post = (data) => self.postMessage({ id, ...data });
  if (m.op === 'xlsx') {
    // (loaded only now: the .xlsx reader is needed by nobody who imports CSV)
    import('./roll-xlsx.js').then(({ xlsxToCsv }) => xlsxToCsv(m.buffer))
      .then((text) => post({ type: 'csv', text }), (e) => post(failed(e)));
    return;
  }
  // (a check or an export of the file's bytes reads them here: rollSource)
  const source = m.op === 'check' || m.op === 'export' ? rollSource(m) : null;
  m.buffer = null; // (the source holds the bytes now)
  Promise.all([ready, source]).then(([, text]) => {
    // (a check in a task of its own: nothing of this one holds the roll's bytes while it runs, and checkRoll
    // lets go of them once they are in the module)
    if (m.op === 'check') {
      const request = { ...m, text };
      setTimeout(() => { try { checkRoll(checker, request, post); } catch (e) { post(failed(e)); } });
    }
    else if (m.op === 'export') post({ type: 'csv', text: exportRoll(checker, { ...m, text }) });
    else if (m.op === 'read') post({ type: 'roll', roll: checker.readRoll(m.text, { locale: m.lang === 'en' ? 'en' : 'zh' }) });
    else if (m.op === 'person') post({ type: 'profile', profile: personProfile(m.index) });
    else if (m.op === 'view') post({ type: 'view', ...viewLines(m.view) });
    else if (m.op === 'warm') { warmUp(checker); post({ type: 'done' }); }
  }).catch((e) => post(failed(e)));
});
