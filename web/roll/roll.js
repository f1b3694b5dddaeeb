// The roll view's model (no DOM): a person of a roll (checker.readRoll) and the checker's result for
// them, made into one line of the roll's table; filtering and sorting those lines; the template CSV.
// Used by the roll's worker (roll-worker.js) and by the view (roll-view.js). Words come from the
// vocabulary (words.js): the roll's columns (rollColumn) and the verdicts (status).
import { VOCABULARY, word } from '../base/words.js';
import { say } from '../base/texts.js';

/**
 * The core's whole-notice warning codes: warnings about which notice is applied and how far it reaches
 * (core/src/checker.cpp, the rule set's choice: a city's notice applied region-wide, a region falling back to
 * the one above it, a notice not yet in force on the application date, a newer year than the newest notice),
 * not about the person's records. Every person of a region gets the same sentence: the roll says each once
 * above its table with how many people it concerns (summarise's `notice`, roll-run.js's 'done' message
 * `notices`), not on every line. tests/node/roll-model.test.mjs holds the list to what the checker emits;
 * tests/node/properties.test.mjs to the warnings that cite the whole notice (全文).
 */
export const WHOLE_NOTICE_WARNINGS = Object.freeze(['rule_set_scope', 'region_fallback', 'rule_set_not_in_force', 'rule_set_outdated']);
const wholeNotice = new Set(WHOLE_NOTICE_WARNINGS);
/** Whether a warning ({code}) is about the notice applied, not about the person (WHOLE_NOTICE_WARNINGS). */
export const isWholeNotice = (w) => wholeNotice.has(w.code);

/** The verdicts in the order the view sorts them (who needs attention first). */
export const STATUS_ORDER = ['error', 'short', 'met', 'exempt', 'advisory'];

/**
 * One line of the roll's table: the person, their verdict and what is still missing by when.
 * result: the checker's result for person.profile, or null when the person's rows have errors.
 * placeOf(path): where a result's error stands in the roll, {row, column (a rollColumn id or '')}: the
 * core's map, checker.rollPlace(path, person) (needed only when result.ok is false).
 * Errors are {row, column (the header's words), message (without the row and column)}; warnings
 * {code, message} (the view shows the message only), without the whole-notice ones (WHOLE_NOTICE_WARNINGS):
 * those are given to notice(warning) when there is one (the roll counts them, noticeGroups), else dropped.
 */
export function summarise(person, result, index, lang = 'zh', placeOf, notice = null) {
  const rows = person.allRows && person.allRows.length ? person.allRows : person.rows.length ? person.rows : [person.firstRow];
  // (a loop: Math.max(...rows) overflows the stack for one person of 130,000 rows)
  let lastRow = person.firstRow;
  for (const r of rows) if (r > lastRow) lastRow = r;
  const line = {
    index, name: person.name, firstRow: person.firstRow, lastRow,
    status: 'error', apart: false, conditional: false, ruleSet: '', shortfall: [], hours: 0, deadline: '', canComplete: null,
    // (a reader's error without the place its message starts with: the view says row and column itself)
    // the reader's own warnings (same_name: a namesake in another block of rows) come first, also on an error line
    warnings: (person.warnings || []).map((w) => ({ code: w.code, message: w.message })),
    errors: person.errors.map((e) => ({ row: e.row, column: e.column, message: e.detail || e.message })),
    // (no profile: a line stays small in a roll of 700,000; the worker gives it on opening, roll-run.js personProfile)
    readable: person.errors.length === 0,
  };
  if (!result) return line;
  if (result.ok === false) {
    for (const e of result.errors || []) {
      const at = placeOf(e.path);
      line.errors.push({ row: at.row, column: at.column ? word('rollColumn', at.column, lang) : '', message: e.message });
    }
    return line;
  }
  line.status = result.status;
  // under their own department's rules (卫生, 会计 …): a verdict for reference only, counted apart
  line.apart = (result.warnings || []).some((w) => w.code === 'own_department_rules');
  line.ruleSet = (result.ruleSet && result.ruleSet.id) || '';
  let all = true;
  for (const s of result.shortfall || []) {
    line.shortfall.push({ year: s.year, subject: s.subject, hours: s.hours, deadline: s.deadline || '', canComplete: s.canComplete !== false });
    line.hours += Number(s.hours) || 0;
    all = all && s.canComplete !== false;
    if (s.deadline && (!line.deadline || s.deadline < line.deadline)) line.deadline = s.deadline;
  }
  if (line.shortfall.length) line.canComplete = all;
  // a record the engine leaves out (or credits in part) is said at its row, with the engine's reason
  for (const r of result.records || []) {
    if (r.reason && person.rows[r.index] !== undefined) line.warnings.push({ code: r.reason.code, message: say(lang, 'roll_excluded', person.rows[r.index], r.reason.message) });
  }
  for (const w of result.warnings || []) {
    if (!isWholeNotice(w)) line.warnings.push({ code: w.code, message: w.message });
    else if (notice) notice(w);
  }
  // the verdict holds only if records of unknown filing were filed (CONTRACT §5.1): never a bare 达标
  line.conditional = result.conditional === true;
  return line;
}

/**
 * The orders the page offers, each over the columns of roll-run.js's LineIndex (x.name[a], x.status[a] …:
 * STATUS_ORDER's index, x.hours[a] missing, x.deadline[a] 'YYYY-MM-DD' or ''); the row breaks every tie.
 */
const byName = new Intl.Collator('zh-CN');
export const LINE_SORTS = {
  row: () => 0,
  name: (x, a, b) => byName.compare(x.name[a], x.name[b]),
  status: (x, a, b) => x.status[a] - x.status[b],
  shortfall: (x, a, b) => x.hours[b] - x.hours[a], // most hours missing first
  deadline: (x, a, b) => (x.deadline[a] || '9999').localeCompare(x.deadline[b] || '9999'), // none last
};
export const SORT_KEYS = Object.keys(LINE_SORTS);

// Up to ALL_AT_ONCE lines are all in the page's table; more are shown a page of PAGE at a time (a roll of
// 700,000 people never puts 700,000 rows in the page: memory and layout would be the tab's end). The
// worker sends the first PAGE lines while it checks (roll-run.js), the page's table shows them (roll-table.js).
export const ALL_AT_ONCE = 2000;
export const PAGE = 1000;

/**
 * The template to download: the header row of every roll column in the vocabulary's words (zh, or en
 * in English mode) and two people as examples. UTF-8 with BOM (spreadsheets then read the Chinese), CRLF.
 */
export function templateCsv(lang = 'zh') {
  const cols = VOCABULARY.rollColumn.map((c) => c.id);
  const w = (kind, id) => word(kind, id, lang);
  const [zhang, li] = [say(lang, 'roll_exampleName1'), say(lang, 'roll_exampleName2')];
  const example = [
    { person: zhang, region: '630000', applicationYear: '2025', level: w('level', 'senior'),
      gender: w('gender', 'female'), age: '45', year: '2024', subject: w('subject', 'public'), activity: w('activity', 'course'),
      amount: '30', unit: w('unit', 'hours'), filed: w('yesNo', 'yes') },
    { person: zhang, year: '2024', subject: w('subject', 'professional'), activity: w('activity', 'training_class'),
      amount: '5', unit: w('unit', 'days'), filed: w('yesNo', 'yes'), note: say(lang, 'roll_exampleNote') },
    { person: li, region: '630000', applicationYear: '2025', level: w('level', 'intermediate'),
      gender: w('gender', 'male'), age: '38', year: '2024', subject: w('subject', 'professional'), activity: w('activity', 'conference'),
      amount: '2', unit: w('unit', 'days'), confLevel: w('confLevel', 'national'), filed: w('yesNo', 'no') },
  ];
  const cell = (v) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [cols.map((c) => cell(word('rollColumn', c, lang))).join(',')];
  for (const e of example) lines.push(cols.map((c) => cell(e[c] || '')).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * Counts the whole-notice warnings of a roll by their exact message (a roll of 600,000 people in 新疆 keeps
 * one copy of the sentence, not 600,000): add(warning) for each (summarise's notice), groups() ->
 * [{code, message, count}] in the order first met.
 */
export function noticeGroups() {
  const groups = new Map(); // message -> {code, message, count}
  return {
    add(w) {
      const g = groups.get(w.message);
      if (g) g.count += 1;
      else groups.set(w.message, { code: w.code, message: w.message, count: 1 });
    },
    groups: () => [...groups.values()].map((g) => ({ ...g })),
  };
}

/**
 * The problems of a roll, the same problem (column and words) on many rows as one entry:
 * fileErrors (the reader's, {row, column, detail|message}) and every line's errors ({row, column, message}).
 */
export function groupProblems(fileErrors, lines) {
  const groups = new Map();
  const add = (row, column, message) => {
    const key = `${column}\u0000${message}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { rows: new Set(), column, message }));
    if (row) g.rows.add(row); // (a Set: 600,000 rows of one problem are not compared with each other)
  };
  for (const e of fileErrors || []) add(e.row, e.column, e.detail || e.message);
  for (const l of lines || []) for (const e of l.errors) add(e.row, e.column, e.message);
  const out = [...groups.values()].map((g) => ({ ...g, rows: [...g.rows].sort((a, b) => a - b) }));
  return out.sort((a, b) => (a.rows[0] || 0) - (b.rows[0] || 0));
}
