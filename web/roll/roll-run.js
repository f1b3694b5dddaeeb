// Checking a roll with a checker of ./jxjy.js: the work the roll's worker does (and the page itself, where
// no worker can be had). The roll's lines stay here, not on the page: the page is sent the first page of
// lines while the check runs, then the counts and the problems, and asks for the lines it shows (viewLines:
// filtered, sorted, a page at a time). A roll of 600,000 people is 600,000 lines; posted to the page they
// were most of its time and memory (see roll-worker.js for the messages).
import { fileText } from '../base/local.js';
import { groupProblems, LINE_SORTS, noticeGroups, PAGE, STATUS_ORDER, summarise, templateCsv } from './roll.js';

/**
 * The roll of a request as checkRoll opens it: m.text as given; the first sheet of an .xlsx (m.xlsx) as CSV
 * text; else the file's bytes (of m.file, a File, or m.buffer) as they are, a Uint8Array, off the page's
 * thread: the core reads UTF-8 bytes where they lie, with no JS string of a 16 MiB file made (openSource
 * turns to GB 18030 when they are not UTF-8). Rejects with 'file_unreadable' (the file cannot be read now:
 * moved, deleted or changed since it was chosen) or roll-xlsx.js's 'xlsx_too_large' / 'xlsx_unreadable'.
 */
export async function rollSource(m) {
  const { text, file } = m;
  if (typeof text === 'string') return text;
  let buffer = m.buffer;
  if (file) {
    try {
      buffer = await file.arrayBuffer();
    } catch (e) { // (moved, changed or gone since it was chosen)
      throw Object.assign(new Error((e && e.message) || String(e)), { code: 'file_unreadable' });
    }
  }
  if (m.xlsx) {
    const { xlsxToCsv } = await import('./roll-xlsx.js'); // (loaded only now: CSV needs none of it)
    return xlsxToCsv(buffer);
  }
  return new Uint8Array(buffer);
}

const encodingError = () => Object.assign(new Error('neither UTF-8 nor GB 18030'), { code: 'encoding' });

// The roll opened from rollSource's source: bytes that are not UTF-8 (the core's not_utf8) read again as
// GB 18030 text; neither: throws the code 'encoding', which the page words.
function openSource(checker, source, options) {
  const roll = checker.openRoll(source, options);
  if (typeof source === 'string' || !roll.errors.some((e) => e.code === 'not_utf8')) return roll;
  const text = fileText(source);
  if (text === null) throw encodingError();
  return checker.openRoll(text, options);
}

// People per message: large enough that posting costs little, small enough for a live progress bar.
const BATCH = 100;

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
 * Reads and evaluates the roll in m.text (rollSource's: text or UTF-8 bytes; let go of, m.text = null,
 * once the roll is open); post() receives the messages of roll-worker.js. The roll is read
 * a batch of people at a time (checker.openRoll), so a roll of 700,000 rows never holds every person's
 * profile at once; it stays open afterwards for viewLines() and personProfile(), until the next roll is
 * checked. Of each line only what filters and sorts it is kept (LineIndex); the lines shown are made again.
 */
export function checkRoll(checker, m, post) {
  const lang = m.lang === 'en' ? 'en' : 'zh';
  const roll = openSource(checker, m.text, reading(m));
  m.text = null; // (in the module now: a file's bytes are not held through the check)
  const index = new LineIndex(roll.size);
  const erring = []; // the lines with errors (only their errors), grouped at the end
  const notices = noticeGroups(); // the whole-notice warnings, counted by message (not on the lines)
  open = { roll, checker, lang, index, shown: null };
  // how the file was read (issue 27: title, notes, the columns for the mapping step), said before any line
  post({ type: 'read', total: roll.size, errors: roll.errors, notes: roll.notes || [], title: roll.title || '',
    columns: roll.columns || [], headerRow: roll.headerRow || 0 });
  for (let from = 0; from < roll.size; from += BATCH) {
    const batch = lineOf(roll.people(from, BATCH), from, notices.add);
    for (const l of batch) {
      index.add(l);
      if (l.errors.length) erring.push({ errors: l.errors });
    }
    // (the first page's lines only, as they are checked: the rest are asked for by viewLines)
    post({ type: 'lines', done: index.size, lines: from < PAGE ? batch.slice(0, PAGE - from) : [] });
  }
  // every line's verdict counted, the file's problems and the lines' grouped (the same problem on many rows
  // once), the warnings about the notice applied each once with how many people it concerns
  post({ type: 'done', lines: index.size, counts: index.counts(), problems: groupProblems(roll.errors, erring), notices: notices.groups() });
}

// The lines of people (roll.people(from, …)) of the open roll: each checked, in the roll's words; the
// whole-notice warnings given to notice(w) (none on the lines: summarise).
function lineOf(people, from, notice = null) {
  const { checker, lang } = open;
  return people.map((person, k) => {
    const result = person.errors.length === 0 ? checker.evaluate(checkedProfile(person, lang)) : null;
    return summarise(person, result, from + k, lang, (path) => checker.rollPlace(path, person), notice);
  });
}

// What filters, sorts and counts the lines of a roll, a column each (a roll of 600,000 people kept as
// objects was most of the tab's memory): the line itself is made again, from the open roll, when shown.
class LineIndex {
  constructor(capacity) {
    this.size = 0;
    this.firstRow = new Uint32Array(capacity);
    this.status = new Uint8Array(capacity); // STATUS_ORDER's index
    this.apart = new Uint8Array(capacity);
    this.hours = new Float64Array(capacity);
    this.deadline = new Array(capacity); // 'YYYY-MM-DD' or ''
    this.name = new Array(capacity);
  }

  add(l) {
    const i = this.size++;
    this.firstRow[i] = l.firstRow;
    this.status[i] = STATUS_ORDER.indexOf(l.status);
    this.apart[i] = l.apart ? 1 : 0;
    this.hours[i] = l.hours;
    this.deadline[i] = l.deadline;
    this.name[i] = l.name;
  }

  /** {total, met, short, …, apart}: as counts() of roll.js over the lines. */
  counts() {
    const out = { total: this.size, apart: 0 };
    for (const s of STATUS_ORDER) out[s] = 0;
    for (let i = 0; i < this.size; ++i) {
      if (this.apart[i]) out.apart += 1;
      else out[STATUS_ORDER[this.status[i]]] += 1;
    }
    return out;
  }

  /** The indexes of the lines passing {status, name}, in the order `sort` (filterLines and sortLines of roll.js). */
  select({ status = '', name = '' }, sort) {
    const q = String(name).trim().toLowerCase(), s = STATUS_ORDER.indexOf(status);
    const out = [];
    for (let i = 0; i < this.size; ++i)
      if ((!status || this.status[i] === s) && (!q || this.name[i].toLowerCase().includes(q))) out.push(i);
    const order = LINE_SORTS[sort] || LINE_SORTS.row;
    return out.sort((a, b) => order(this, a, b) || this.firstRow[a] - this.firstRow[b]);
  }
}

// The roll checkRoll checked last: {roll (checker.openRoll's), checker, lang, index (LineIndex), shown (the
// last view's line indexes, with its key)}.
let open = null;

/**
 * The lines the page shows: those of the last checked roll that pass the filter ({status, name}), in the
 * order `sort`, all of them when they are at most allAtOnce, else the page `page` of pageSize.
 * {all (the roll's lines), shown (passing the filter), paged, page, lines}.
 */
export function viewLines({ status = '', name = '', sort = 'row', page = 0, pageSize = 1000, allAtOnce = 2000 } = {}) {
  if (!open) return { all: 0, shown: 0, paged: false, page: 0, lines: [] };
  const key = JSON.stringify([status, name, sort]);
  if (!open.shown || open.shown.key !== key) open.shown = { key, indexes: open.index.select({ status, name }, sort) };
  const shown = open.shown.indexes;
  const paged = shown.length > allAtOnce;
  const last = Math.max(0, Math.ceil(shown.length / pageSize) - 1);
  const at = paged ? Math.min(Math.max(0, page), last) : 0;
  const indexes = paged ? shown.slice(at * pageSize, (at + 1) * pageSize) : shown;
  return { all: open.index.size, shown: shown.length, paged, page: at, lines: linesAt(indexes) };
}

// The lines at these indexes, made again from the open roll (people next to each other read together).
function linesAt(indexes) {
  const out = [];
  for (let k = 0; k < indexes.length;) {
    let n = 1;
    while (k + n < indexes.length && indexes[k + n] === indexes[k] + n) ++n;
    for (const l of lineOf(open.roll.people(indexes[k], n), indexes[k])) out.push(l);
    k += n;
  }
  return out;
}

/** The profile of the roll's person at `index` as it was checked (to open in the calculator), or null. */
export function personProfile(index) {
  if (!open || !(index >= 0 && index < open.roll.size)) return null;
  const [person] = open.roll.people(index, 1);
  return person ? checkedProfile(person, open.lang) : null;
}

/** The results of the roll in m.text (rollSource's) as CSV (the core's roll_results_csv, as `jxjy roll`
 *  writes it), with a BOM. */
export function exportRoll(checker, m) {
  const text = typeof m.text === 'string' ? m.text : fileText(m.text);
  if (text === null) throw encodingError();
  return '\uFEFF' + checker.rollResultsCSV(text, reading(m));
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
