// How a roll was read, shown to the clerk (issue 27): the title above the header, the reader's notes
// (columns not used, headers taken by a part of their words, names written once for many rows, the route
// assumed), a column-mapping step as spreadsheet importers have (each header -> the item it is read as;
// the clerk's choices are kept in this browser for the next file), and the problems of the file with the
// same problem on many rows said once. The reading itself is the core's (checker.readRoll with
// options.columns / options.regions): this module only shows it and passes the clerk's choices back.
//
//   savedColumns() / saveColumns(map) / forgetColumns()   the clerk's mapping in this browser
//   regionNames()              China's region list as "code name" lines for the reader ('' when it cannot load)
//   showReading(box, read, {lang, onApply})   the title, notes and mapping step of a roll's read
//   groupProblems(fileErrors, lines)          [{rows, column, message}]: one entry per distinct problem
//   showProblems(box, groups, lang)           the grouped problems as a list ('' hides the box)
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';
import { languageTag, VOCABULARY, word } from '../base/words.js';
import { loadChinaRegions } from '../base/china-regions.js';
export { groupProblems } from './roll.js'; // (the model's: the roll's worker groups the problems)

const KEY = 'jxjy.roll.columns';

/** The clerk's mapping kept in this browser: {header as written: rollColumn id or '' (not used)}. */
export function savedColumns() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
export function saveColumns(map) {
  try { localStorage.setItem(KEY, JSON.stringify(map)); } catch { /* storage refused: kept for this page only */ }
}
export function forgetColumns() {
  try { localStorage.removeItem(KEY); } catch { /* nothing kept */ }
}

/** China's region list as the reader takes it ("code name" lines), so 西宁市 and 郑州市金水区 reach their codes. */
export async function regionNames() {
  try {
    const cat = await loadChinaRegions();
    return cat.list.map((r) => `${r.code} ${r.name}`).join('\n');
  } catch {
    return ''; // (the reader then knows the rule sets' regions only, by code or name)
  }
}

/** "3–5、9" (zh) or "3-5, 9" (en); after `most` ranges the rest is "…" (the count is said beside it). */
export function rowRanges(rows, lang = 'zh', most = Infinity) {
  const out = [];
  for (let i = 0; i < rows.length;) {
    if (out.length === most) { out.push('…'); break; }
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) ++j;
    out.push(j > i ? `${rows[i]}${lang === 'en' ? '-' : '–'}${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return out.join(say(lang, 'listSep'));
}

/** The grouped problems in the box (hidden when there are none). */
export function showProblems(box, groups, lang) {
  box.hidden = groups.length === 0;
  if (!groups.length) { box.replaceChildren(); return; }
  const t = (key, ...a) => say(lang, key, ...a);
  const colon = t('colon');
  const items = groups.map((g) => {
    const n = g.rows.length;
    const where = n > 1 ? t('roll_problemRows', rowRanges(g.rows, lang, 8), n.toLocaleString(languageTag(lang)))
      : n ? t('roll_problemRow', rowRanges(g.rows, lang, 8)) : t('roll_wholeFile');
    const column = g.column ? t('roll_inColumn', g.column) : '';
    return el('li', {}, `${where}${column}${colon}${g.message}`);
  });
  box.replaceChildren(el('p', {}, t('roll_problems')), el('ul', { className: 'roll-list' }, ...items));
}

/**
 * The title, the reader's notes and the mapping step of one read (the worker's "read" message:
 * {title, notes, columns, errors}). onApply(map) is called with the clerk's mapping (already saved).
 */
export function showReading(box, read, { lang, onApply }) {
  const t = (key, ...a) => say(lang, key, ...a);
  const parts = [];
  if (read.title) parts.push(el('p', { className: 'roll-title', id: 'roll-title' }, el('strong', {}, t('roll_title', read.title))));
  const notes = read.notes || [];
  if (notes.length) {
    parts.push(el('p', { className: 'hint' }, t('roll_reading_notes')),
      el('ul', { className: 'roll-list roll-notes', id: 'roll-notes' }, ...notes.map((n) => el('li', { 'data-code': n.code }, n.message))));
  }
  const columns = read.columns || [];
  if (columns.length) parts.push(mappingStep(columns, read, { lang, onApply }));
  box.replaceChildren(...parts);
  box.hidden = parts.length === 0;
}

function mappingStep(columns, read, { lang, onApply }) {
  const t = (key, ...a) => say(lang, key, ...a);
  const guessed = columns.filter((c) => c.guessed).length;
  // unsure: a guess, a column not used that the clerk has not confirmed, a header the file cannot do without
  const saved = savedColumns();
  const unsure = guessed > 0 || columns.some((c) => !c.column && !Object.hasOwn(saved, c.header)) ||
    (read.errors || []).some((e) => /column/.test(e.code));
  const details = el('details', { id: 'roll-mapping', className: 'roll-mapping' });
  details.open = unsure;
  const ids = VOCABULARY.rollColumn.map((c) => c.id);
  const rows = columns.map((c, i) => {
    const id = `roll-map-${i}`;
    const select = el('select', { id, 'data-header': c.header });
    select.append(el('option', { value: '' }, t('roll_mappingUnused')), ...ids.map((x) => el('option', { value: x }, word('rollColumn', x, lang))));
    select.value = c.column;
    const label = el('label', { for: id }, c.header);
    const field = el('div', { className: `field roll-map${c.guessed ? ' guessed' : ''}` }, label, select);
    if (c.guessed) label.append(' ', el('span', { className: 'roll-guess' }, t('roll_mappingGuessed')));
    return { c, select, field };
  });
  const apply = el('button', { type: 'button', id: 'roll-mapping-apply', className: 'primary' }, t('roll_mappingApply'));
  const reset = el('button', { type: 'button', id: 'roll-mapping-reset' }, t('roll_mappingReset'));
  apply.addEventListener('click', () => {
    const map = savedColumns();
    // the mapping shown is the clerk's: every header as chosen or confirmed (a guess is no longer one)
    for (const { c, select } of rows) map[c.header] = select.value;
    saveColumns(map);
    onApply(map);
  });
  reset.addEventListener('click', () => {
    const map = savedColumns();
    for (const { c } of rows) delete map[c.header];
    saveColumns(map);
    onApply(map);
  });
  details.append(el('summary', {}, guessed ? t('roll_mappingGuessedCount', guessed) : t('roll_mapping')), el('p', { className: 'hint' }, t('roll_mappingHint')),
    el('div', { className: 'roll-map-grid' }, ...rows.map((r) => r.field)),
    el('div', { className: 'roll-actions' }, apply, reset));
  return details;
}
