// An .xlsx roll as the CSV text the core's roll reader takes (checker.readRoll), so the rules of reading a
// roll stay in one place: the first sheet's cells, each as the text a person sees, one line per row.
// read-excel-file (MIT, pinned in package.json, bundled by scripts/gen-vendor-xlsx.mjs) parses the file
// here, offline; it is loaded only inside the roll's worker when an .xlsx is imported, never on the page's
// first screen. The archive is unzipped on this thread (no blob: worker, which the page's CSP refuses), and
// one whose parts would inflate beyond MAX_XLSX_XML_BYTES is refused before any of it is inflated.
import { readSheetBytes, XlsxTooLargeError } from '../vendor/read-excel-file.js';

/** The most the parts of an .xlsx may inflate to: a 16 MiB roll's sheet is well under it, a zip bomb far over. */
export const MAX_XLSX_XML_BYTES = 256 * 1024 * 1024;

// A number as people write it: 30, 2.5 (no float noise such as 2.5000000000000004).
const numberText = (n) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12))));
// A date cell as YYYY-MM-DD (read-excel-file gives Dates at UTC midnight of the day shown).
const dateText = (d) => d.toISOString().slice(0, 10);

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateText(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

const csvCell = (s) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** An error of reading an .xlsx, with a code the page words: 'xlsx_too_large' or 'xlsx_unreadable'. */
export class XlsxError extends Error {
  constructor(code, detail) {
    super(detail);
    this.name = 'XlsxError';
    this.code = code;
  }
}

/**
 * CSV text (comma, CRLF) of the first sheet of an .xlsx file (ArrayBuffer, typed array or Blob).
 * Rejects with an XlsxError: 'xlsx_too_large' when its parts inflate beyond maxBytes, else 'xlsx_unreadable'.
 */
export async function xlsxToCsv(input, { maxBytes = MAX_XLSX_XML_BYTES } = {}) {
  const bytes = input instanceof Uint8Array ? input
    : new Uint8Array(typeof Blob !== 'undefined' && input instanceof Blob ? await input.arrayBuffer() : input);
  let rows;
  try {
    rows = await readSheetBytes(bytes, { maxBytes });
  } catch (e) {
    if (e instanceof XlsxTooLargeError) throw new XlsxError('xlsx_too_large', e.message);
    throw new XlsxError('xlsx_unreadable', String((e && e.message) || e));
  }
  // (a loop, not map().join(): a sheet of 100,000 rows is one string built once)
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; ++i) out += (i ? ',' : '') + csvCell(cellText(row[i]));
    out += '\r\n';
  }
  return out;
}
