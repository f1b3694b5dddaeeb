// What the browser knows of the person's own place: today's date in local time, a file's bytes as text
// in the encodings a Chinese office saves (UTF-8, with or without BOM; else GB 18030, Excel's in Chinese
// Windows). Used by the calculator and the roll alike.

/** YYYY-MM-DD of a Date in local time (the page's "today"). */
export function localDate(date = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** File bytes to text: UTF-8 (with or without BOM), else GB 18030; null when they are neither. */
export function fileText(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch { /* not UTF-8 */ }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}
