// An .xlsx roll as the CSV text the core's roll reader takes (checker.readRoll), so the rules of reading a
// roll stay in one place: the first sheet's cells, each as the text a person sees, one line per row.
// read-excel-file (MIT, pinned in package.json) unpacks and parses the file here, offline; it is loaded
// only inside the roll's worker when an .xlsx is imported, never on the page's first screen.
import { readSheet } from './vendor/read-excel-file.js';

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

/** CSV text (comma, CRLF) of the first sheet of an .xlsx file (ArrayBuffer or Blob). */
export async function xlsxToCsv(input) {
  const rows = await readSheet(input);
  return rows.map((row) => row.map((v) => csvCell(cellText(v))).join(',')).join('\r\n') + '\r\n';
}
