// Each record's explanation, in its card where the person typed it: what it credited and on what basis,
// why it counts less or not at all, or what it still lacks before it is sent, each clause cited.
import { fmt } from './result-words.js';

/** parts: result-parts.js. */
export function createRecordExplanations(app, parts) {
  const { t, colon, citeMark, nodesOf, textOf } = parts;

  /**
   * The explanation of one draft row: {kind, text, parts} (kind: counted | reduced | refused | pending | none;
   * parts: its texts and cited clauses, as nodes to show).
   */
  function explain(view, r) {
    const pending = view.pendingRows.get(r);
    if (pending) {
      const what = pending.problems.map((p) => t(p.need)).join(t('comma'));
      const text = pending.blank ? '' : t('rowPending', what);
      return { kind: pending.blank ? 'none' : 'pending', text, parts: [text] };
    }
    const refused = view.refusedRows.get(r);
    if (refused) {
      const text = `${t('rowRefused')} ${refused.map((e) => e.message || e.code).join(' ')}`;
      return { kind: 'refused', text, parts: [text] };
    }
    const rec = view.recordOf.get(r);
    if (!rec) return { kind: 'none', text: '', parts: [] };
    const parts = [];
    const sep = t('sentenceSep');
    if (rec.counted === false) {
      parts.push(`${t('rowNotCounted')}${colon()}`);
      if (rec.reason) parts.push(rec.reason.message || rec.reason.code, ' ', citeMark(rec.reason.source));
      else parts.push(rec.basis || '', ' ', citeMark(rec.source));
    } else {
      parts.push(`${t('rowCredited', fmt(rec.credited))}${colon()}`, rec.basis || '', ' ', citeMark(rec.source));
      if (Array.isArray(rec.years) && rec.years.length > 1) {
        parts.push(sep, t('rowYears', rec.years.map((y) => `${y.year} ${fmt(y.credited)}`).join(t('listSep'))));
      }
      if (rec.reason) parts.push(sep, rec.reason.message || rec.reason.code, ' ', citeMark(rec.reason.source));
    }
    const kept = parts.filter((p) => p !== '');
    return { kind: rec.counted === false ? 'refused' : rec.reason ? 'reduced' : 'counted', text: textOf(kept), parts: kept };
  }

  /** Updates the explanation line of every rendered card (only those whose text changed). */
  function renderExplanations(view, rows) {
    rows.forEach((row, r) => {
      const node = app.form.card(app.form.uidOf(row))?.lastElementChild; // the card's explanation line
      if (!node) return;
      const { kind, text, parts } = explain(view, r);
      const key = `${kind}|${text}`;
      if (node.dataset.key === key) return;
      node.dataset.key = key;
      node.className = `explain ${kind}`;
      node.replaceChildren(...nodesOf(parts));
    });
  }

  return { explain, renderExplanations };
}
