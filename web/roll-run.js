// Checking a roll with a checker of ./jxjy.js: the work the roll's worker does (and the page itself, where
// no worker can be had). Posts the table's lines in batches (see roll-worker.js for the messages).
import { summarise, templateCsv } from './roll.js';

// People per message: large enough that posting costs little, small enough for a live progress bar.
const BATCH = 100;

// The reader's options of a request: its language, the clerk's columns and the region catalogue's names.
const reading = (m) => ({ locale: m.lang === 'en' ? 'en' : 'zh', columns: m.columns || {}, regions: m.regions || '' });

/** The profile of a roll person as it is checked: on the day of the check unless the roll gives one, in the roll's words. */
function checkedProfile(person, m, lang) {
  const profile = person.profile;
  if (m.checkDate && profile.checkDate === undefined) profile.checkDate = m.checkDate;
  if (lang === 'en') profile.locale = 'en'; // the results' words
  return profile;
}

/**
 * Reads and evaluates the roll in m.text; post() receives the messages of roll-worker.js. The roll is read
 * a batch of people at a time (checker.openRoll), so a roll of 700,000 rows never holds every person's
 * profile at once; it stays open afterwards for personProfile(), until the next roll is checked.
 */
export function checkRoll(checker, m, post) {
  const lang = m.lang === 'en' ? 'en' : 'zh';
  const roll = checker.openRoll(m.text, reading(m));
  open = { roll, m, lang };
  // how the file was read (issue 27: title, notes, the columns for the mapping step), said before any line
  post({ type: 'read', total: roll.size, errors: roll.errors, notes: roll.notes || [], title: roll.title || '',
    columns: roll.columns || [], headerRow: roll.headerRow || 0 });
  for (let from = 0; from < roll.size; from += BATCH) {
    const people = roll.people(from, BATCH);
    const lines = people.map((person, k) => {
      const result = person.errors.length === 0 ? checker.evaluate(checkedProfile(person, m, lang)) : null;
      return summarise(person, result, from + k, lang, (path) => checker.rollPlace(path, person));
    });
    post({ type: 'lines', done: Math.min(from + BATCH, roll.size), lines });
  }
  post({ type: 'done' });
}

// The roll checkRoll checked last: {roll (checker.openRoll's), m, lang}.
let open = null;

/** The profile of the roll's person at `index` as it was checked (to open in the calculator), or null. */
export function personProfile(index) {
  if (!open || !(index >= 0 && index < open.roll.size)) return null;
  const [person] = open.roll.people(index, 1);
  return person ? checkedProfile(person, open.m, open.lang) : null;
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
