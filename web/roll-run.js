// Checking a roll with a checker of ./jxjy.js: the work the roll's worker does (and the page itself, where
// no worker can be had). Posts the table's lines in batches (see roll-worker.js for the messages).
import { summarise, templateCsv } from './roll.js';

// People per message: large enough that posting costs little, small enough for a live progress bar.
const BATCH = 100;

// The reader's options of a request: its language, the clerk's columns and the region catalogue's names.
const reading = (m) => ({ locale: m.lang === 'en' ? 'en' : 'zh', columns: m.columns || {}, regions: m.regions || '' });

/** Reads and evaluates the roll in m.text; post() receives the messages of roll-worker.js. */
export function checkRoll(checker, m, post) {
  const lang = m.lang === 'en' ? 'en' : 'zh';
  const roll = checker.readRoll(m.text, reading(m));
  // how the file was read (issue 27: title, notes, the columns for the mapping step), said before any line
  post({ type: 'read', total: roll.people.length, errors: roll.errors, notes: roll.notes || [], title: roll.title || '',
    columns: roll.columns || [], headerRow: roll.headerRow || 0 });
  let lines = [];
  roll.people.forEach((person, i) => {
    let result = null;
    if (person.errors.length === 0) {
      const profile = person.profile;
      // the check is made today unless the roll gives its day (as the calculator does)
      if (m.checkDate && profile.checkDate === undefined) profile.checkDate = m.checkDate;
      if (lang === 'en') profile.locale = 'en'; // the results' words
      result = checker.evaluate(profile);
    }
    lines.push(summarise(person, result, i, lang, (path) => checker.rollPlace(path, person)));
    if (lines.length === BATCH) {
      post({ type: 'lines', done: i + 1, lines });
      lines = [];
    }
  });
  if (lines.length) post({ type: 'lines', done: roll.people.length, lines });
  post({ type: 'done' });
}

/** The results of the roll in m.text as CSV (the core's roll_results_csv, as `jxjy roll` writes it), with a BOM. */
export function exportRoll(checker, m) {
  return '\uFEFF' + checker.rollResultsCSV(m.text, { ...reading(m), checkDate: m.checkDate || '' });
}

/**
 * Runs the reader and the checker on a made-up roll (the template's people, many times over) while the
 * person is still choosing a file: the wasm's code for both is compiled and optimised by then, so their
 * own roll is checked at full speed (the first run of a cold module is several times slower).
 */
export function warmUp(checker) {
  const [header, ...rows] = templateCsv('zh').replace(/^\uFEFF/, '').trim().split('\r\n');
  const lines = [header];
  // as many people as a large roll: the first run of that size is the slow one (measured: 3 s, then 0.4 s)
  for (let i = 0; i < 600; ++i) for (const r of rows) lines.push(r.replace(/^([^,]*)/, `$1${i}`));
  checkRoll(checker, { text: lines.join('\r\n'), lang: 'zh', checkDate: '2025-01-01' }, () => {});
}
