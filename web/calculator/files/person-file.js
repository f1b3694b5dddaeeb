// One person as a roll (README "Roll"): the calculator's CSV export and import in the roll format, so a
// person's file and an HR clerk's spreadsheet are one format, read by one reader (the core's, through the
// roll's worker). Export: the vocabulary's headers and words (rollColumn, each enum's zh or en words),
// the person's fields on the first row, one row per record. Import: a roll with exactly one person; a
// file without a name column is read as one person (the column is added here, nothing else).
import { VOCABULARY, word } from '../../base/words.js';
import { parseCsv, csvCell } from './training-file.js';

/** One CSV cell with the formula guard (training-file.js, as the core writes its cells). */
export { csvCell };

// The profile fields a roll carries, by their rollColumn id (checkDate is the day of the check: not kept).
const FIELDS = [['region', 'region'], ['applicationYear', 'year'], ['applicationDate', 'applicationDate'],
  ['route', 'route'], ['level', 'level'], ['gender', 'gender'], ['age', 'age'], ['birthDate', 'birthDate'],
  ['education', 'education'], ['sector', 'sector'], ['series', 'series'], ['currentTitleSince', 'currentTitleSince']];
const ENUMS = { route: 'route', level: 'level', gender: 'gender', education: 'education', sector: 'sector', series: 'series' };
const RECORD = ['year', 'subject', 'activity', 'amount', 'unit', 'start', 'end', 'confLevel', 'filed', 'note'];
const UNITS = VOCABULARY.unit.map((u) => u.id);

/**
 * The person's CSV in the roll format (UTF-8 BOM, CRLF), in `lang` words. profile: the contract profile
 * (what the checker is given); name: the person's name (a roll's rows are grouped by it). Returns
 * {text, left}: left lists the profile's fields a roll has no column for (circumstances, grassroots,
 * training/occasion, …).
 */
export function personCsv(profile, name, lang = 'zh') {
  const w = (kind, id) => word(kind, id, lang);
  const columns = ['person', ...FIELDS.map(([c]) => c), ...RECORD];
  const person = { person: name };
  for (const [c, key] of FIELDS) {
    const v = profile[key];
    if (v === undefined || v === null || v === '') continue;
    person[c] = ENUMS[key] ? w(ENUMS[key], v) : v;
  }
  const records = (profile.training || []).map((rec) => {
    const unit = UNITS.find((u) => rec[u] !== undefined);
    return {
      year: rec.year, subject: rec.subject ? w('subject', rec.subject) : '', activity: rec.activity ? w('activity', rec.activity) : '',
      amount: unit ? rec[unit] : '', unit: unit ? w('unit', unit) : '', start: rec.start, end: rec.end,
      confLevel: rec.level ? w('confLevel', rec.level) : '',
      // absent means filed (CONTRACT v1); only null (不清楚) is left blank, which the roll reader reads as null
      filed: rec.filed === false ? w('yesNo', 'no') : rec.filed === null ? '' : w('yesNo', 'yes'), note: rec.note,
    };
  });
  const rows = records.length ? records.map((r, i) => (i === 0 ? { ...person, ...r } : { person: name, ...r })) : [person];
  const lines = [columns.map((c) => csvCell(word('rollColumn', c, lang))).join(','),
    ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  const left = ['circumstances', 'grassroots'].filter((k) => profile[k] !== undefined && !(Array.isArray(profile[k]) && !profile[k].length));
  // a record's fields without a column (e.g. occasion: records of one course counted once) are named too:
  // read back without them, the records could count for more
  const carried = new Set(['year', 'subject', 'activity', 'level', 'start', 'end', 'filed', 'note', ...UNITS]);
  const extra = new Set();
  for (const rec of profile.training || []) for (const k of Object.keys(rec)) if (!carried.has(k)) extra.add(`training/${k}`);
  left.push(...extra);
  return { text: '\uFEFF' + lines.join('\r\n') + '\r\n', left };
}

// Every spelling of the person column (its zh, en and "also" words), for telling a roll from a
// one-person file without a name column.
const PERSON = VOCABULARY.rollColumn.find((c) => c.id === 'person');
const PERSON_WORDS = new Set([PERSON.zh, PERSON.en, ...(PERSON.also || [])].map((s) => s.toLowerCase()));

/** The separator of a CSV's header line, as the core takes it: comma, else semicolon, else tab. */
function separatorOf(text) {
  const first = text.slice(0, text.search(/\r?\n|$/));
  return first.includes(',') ? ',' : first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
}

/** Whether the CSV's header names a person column. */
export function hasPersonColumn(text) {
  const body = text.replace(/^\uFEFF/, '');
  const header = parseCsv(body.slice(0, body.search(/\r?\n|$/)), separatorOf(body))[0] || [];
  return header.some((h) => PERSON_WORDS.has(h.trim().toLowerCase()));
}

/** The CSV text with a person column (named `name`) added in front of every row: one person's records. */
export function withPersonColumn(text, name, lang = 'zh') {
  const body = text.replace(/^\uFEFF/, '');
  const sep = separatorOf(body);
  const rows = parseCsv(body, sep);
  const cell = (s) => (/[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r, i) => [i === 0 ? word('rollColumn', 'person', lang) : name, ...r].map(cell).join(sep)).join('\r\n') + '\r\n';
}
