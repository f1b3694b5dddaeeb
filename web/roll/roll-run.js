// Checking a roll with a checker of ./jxjy.js: the work the roll's worker does (and the page itself, where
// no worker can be had). The roll's lines stay here, not on the page: the page is sent the first page of
// lines while the check runs, then the counts and the problems, and asks for the lines it shows (viewLines:
// filtered, sorted, a page at a time). A roll of 600,000 people is 600,000 lines; posted to the page they
// were most of its time and memory (see roll-worker.js for the messages).
import { counts, filterLines, groupProblems, sortLines, summarise, templateCsv } from './roll.js';

// People per message: large enough that posting costs little, small enough for a live progress bar.
const BATCH = 100;
// Lines sent to the page while the check runs (the first page: the rest are asked for by viewLines).
const FIRST = 1000;

// The reader's options of a request: its language, the clerk's columns and China's region list's names.
// (checkDate: the day of the check, for people whose rows give no 核查日期)
const reading = (m) => ({ locale: m.lang === 'en' ? 'en' : 'zh', columns: m.columns || {}, regions: m.regions || '', checkDate: m.checkDate || '' });

/** The profile of a roll person as it is checked, in the roll's words (the reader gave it the day of the check). */
function checkedProfile(person, lang) {
  const profile = person.profile;
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
  const lines = [];
  open = { roll, m, lang, lines, shown: null };
  // how the file was read (issue 27: title, notes, the columns for the mapping step), said before any line
  post({ type: 'read', total: roll.size, errors: roll.errors, notes: roll.notes || [], title: roll.title || '',
    columns: roll.columns || [], headerRow: roll.headerRow || 0 });
  for (let from = 0; from < roll.size; from += BATCH) {
    const people = roll.people(from, BATCH);
    const batch = people.map((person, k) => {
      const result = person.errors.length === 0 ? checker.evaluate(checkedProfile(person, lang)) : null;
      return summarise(person, result, from + k, lang, (path) => checker.rollPlace(path, person));
    });
    for (const l of batch) lines.push(l);
    post({ type: 'lines', done: lines.length, lines: from < FIRST ? batch.slice(0, FIRST - from) : [] });
  }
  // every line's verdict counted, the file's problems and the lines' grouped (the same problem on many rows once)
  post({ type: 'done', lines: lines.length, counts: counts(lines), problems: groupProblems(roll.errors, lines) });
}

// The roll checkRoll checked last: {roll (checker.openRoll's), m, lang, lines, shown (the last view's
// filtered and sorted lines, with its key)}.
let open = null;

/**
 * The lines the page shows: those of the last checked roll that pass the filter ({status, name}), in the
 * order `sort`, all of them when they are at most allAtOnce, else the page `page` of pageSize.
 * {all (the roll's lines), shown (passing the filter), paged, page, lines}.
 */
export function viewLines({ status = '', name = '', sort = 'row', page = 0, pageSize = 1000, allAtOnce = 2000 } = {}) {
  if (!open) return { all: 0, shown: 0, paged: false, page: 0, lines: [] };
  const key = JSON.stringify([status, name, sort]);
  if (!open.shown || open.shown.key !== key) {
    open.shown = { key, lines: sortLines(filterLines(open.lines, { status, name }), sort) };
  }
  const shown = open.shown.lines;
  const paged = shown.length > allAtOnce;
  const last = Math.max(0, Math.ceil(shown.length / pageSize) - 1);
  const at = paged ? Math.min(Math.max(0, page), last) : 0;
  return { all: open.lines.length, shown: shown.length, paged, page: at,
    lines: paged ? shown.slice(at * pageSize, (at + 1) * pageSize) : shown };
}

/** The profile of the roll's person at `index` as it was checked (to open in the calculator), or null. */
export function personProfile(index) {
  if (!open || !(index >= 0 && index < open.roll.size)) return null;
  const [person] = open.roll.people(index, 1);
  return person ? checkedProfile(person, open.lang) : null;
}

/** The results of the roll in m.text as CSV (the core's roll_results_csv, as `jxjy roll` writes it), with a BOM. */
export function exportRoll(checker, m) {
  return '\uFEFF' + checker.rollResultsCSV(m.text, reading(m));
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
