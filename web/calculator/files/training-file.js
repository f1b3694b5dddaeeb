import { rowFromRecord } from '../draft.js';
import { idOf, ids } from '../../base/words.js';
import { fileText } from '../../base/local.js';

const UNITS = ids('unit');

// ---------------------------------------------------------------------------------------------
// Import and export of the training records (the table). Export: the records exactly as sent to the
// checker (JSON), or one CSV line per record. Import: either format back into table rows, values as
// given (a wrong value is named at its field by the checker's validation, not here).
export const CSV_COLUMNS = ['year', 'subject', 'activity', 'amount', 'unit', 'level', 'filed', 'note'];
const RECORD_KEYS = new Set(['year', 'subject', 'activity', 'level', 'filed', 'note']);
export const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_IMPORT_ROWS = 1000;

/** An import problem: key of a TEXT entry (io_*) and its arguments. */
export class ImportError extends Error {
  constructor(key, ...args) {
    super(key);
    this.key = key;
    this.args = args;
  }
}

/**
 * One CSV cell, as the core writes its cells (csv_cell, core/src/roll/roll_csv.cpp). CSV injection
 * (OWASP): a cell a spreadsheet could run as a formula — its first character, or its first after leading
 * spaces, tabs, CRs and LFs, is = + - @, or it starts with a tab, CR or LF — is written quoted with a
 * leading apostrophe, so it is shown as text; a plain number (-2.5) stays a number. Other control
 * characters (NUL, ESC, …) are never written.
 */
export function csvCell(value) {
  // eslint-disable-next-line no-control-regex
  const s = (value === undefined || value === null ? '' : String(value)).replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '');
  const formula = s !== '' && !/^-?\d+(\.\d+)?$/.test(s) && /^(?:[\t\r\n]|[ \t\r\n]*[=+\-@])/.test(s);
  if (formula) return `"'${s.replace(/"/g, '""')}"`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvField = csvCell;
/** CSV text (UTF-8 BOM, CRLF lines) of table rows and the records built from them (same order). */
export function trainingCsv(records, rows = []) {
  const lines = [CSV_COLUMNS.join(',')];
  records.forEach((rec, i) => {
    const row = rows[i] || {};
    const key = UNITS.find((u) => rec[u] !== undefined) || Object.keys(rec).find((k) => !RECORD_KEYS.has(k));
    const cells = {
      ...rec,
      amount: key ? rec[key] : String(row.amount ?? '').trim(),
      unit: key || row.unit || '',
    };
    lines.push(CSV_COLUMNS.map((c) => csvField(cells[c])).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text, sep = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new ImportError('io_csvQuote', quoteLine);
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

// Words a person may type in a spreadsheet instead of the contract's ids: the vocabulary's zh and en words
// and its "also" words (公需, 已备案, √…). A value that is none of them is left empty (the field then asks for it).
function keyOf(kind, value) {
  const v = value.trim();
  if (v === '' || v === '—') return '';
  return idOf(kind, v) || '';
}
const filedOf = (value) => idOf('yesNo', value) || '';

function checkedRecord(rec, n) {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new ImportError('io_record', n);
  return rowFromRecord(rec);
}

/**
 * Table rows from an imported file's text: a JSON array of records, a JSON object with a `training`
 * array (a whole profile), or CSV with the CSV_COLUMNS header in any order. Throws ImportError.
 */
export function parseTrainingFile(text, name = '') {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ImportError('io_empty');
  const json = /^\s*[[{]/.test(body) || /\.json$/i.test(name);
  let rows;
  const multi = [];
  if (json) {
    let data;
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new ImportError('io_json', e && e.message);
    }
    const list = Array.isArray(data) ? data
      : data && typeof data === 'object' && Array.isArray(data.training) ? data.training : null;
    if (!list) throw new ImportError('io_shape');
    if (list.length > MAX_IMPORT_ROWS) throw new ImportError('io_tooMany', MAX_IMPORT_ROWS);
    rows = list.map((rec, i) => {
      const r = checkedRecord(rec, i + 1);
      if (r.multi) multi.push(i + 1);
      return r.row;
    });
  } else {
    const firstLine = body.slice(0, body.search(/\r?\n|$/));
    const sep = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
    const table = parseCsv(body, sep);
    const header = (table[0] || []).map((h) => h.trim().toLowerCase());
    const missing = ['year', 'subject', 'activity', 'amount'].filter((c) => !header.includes(c));
    if (missing.length) throw new ImportError('io_csvHeader', missing.join(', '));
    if (table.length - 1 > MAX_IMPORT_ROWS) throw new ImportError('io_tooMany', MAX_IMPORT_ROWS);
    const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));
    rows = table.slice(1).map((cells) => {
      const cell = (c) => (col[c] >= 0 ? cells[col[c]] ?? '' : '');
      return {
        year: cell('year').trim(), subject: keyOf('subject', cell('subject')),
        activity: keyOf('activity', cell('activity')), amount: cell('amount').trim(),
        unit: keyOf('unit', cell('unit')) || 'hours', level: keyOf('confLevel', cell('level')),
        filed: filedOf(cell('filed')), note: cell('note'), start: '', end: '',
      };
    });
  }
  return { rows, multi };
}

/** File bytes to text (../base/local.js fileText); neither UTF-8 nor GB 18030 is an ImportError. */
export function decodeText(buffer) {
  const text = fileText(buffer);
  if (text === null) throw new ImportError('io_encoding');
  return text;
}
