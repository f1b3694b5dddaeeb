// The training records on the form: which cards are on screen (the first FIRST_ROWS, then a page at a
// time on "show the other N": a 1,000-row draft must reach its first verdict fast, and a person reads a
// few dozen records at a time anyway), and what a person does to the list: type into a card, add,
// duplicate, delete, sort by year.
import { setHidden, setText } from '../../base/dom.js';
import { newRow, parseInteger } from '../draft.js';
import { createRecordCards } from './record-card.js';

export const FIRST_ROWS = 50;
const PAGE_ROWS = 100;

export function createRecordList(app) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const cards = new Map(); // uid -> the rendered card (most of a long draft is not rendered)
  const { cardOf } = createRecordCards(app);
  let rowsShown = 0;
  let nextUid = 1;

  const uidOf = (row) => {
    if (!row.uid) Object.defineProperty(row, 'uid', { value: nextUid++, enumerable: false });
    return row.uid;
  };
  function rowCard(row, n) {
    const uid = uidOf(row);
    const li = cardOf(row, uid, n);
    cards.set(uid, li);
    return li;
  }

  /** Renders the cards anew: the first FIRST_ROWS (or as many as were shown), or only `limit` of them. */
  function renderRows(focusId, limit = FIRST_ROWS) {
    const rows = app.draft().training;
    const list = $('records-list');
    const target = Math.max(Math.min(limit, FIRST_ROWS), Math.min(rows.length, rowsShown));
    cards.clear();
    if (rows.length || list.firstChild) list.replaceChildren(...rows.slice(0, target).map((r, i) => rowCard(r, i + 1)));
    rowsShown = Math.min(rows.length, target);
    setHidden($('records-empty'), rows.length > 0);
    setHidden($('sort-rows'), rows.length < 2);
    updateShowMore();
    if (focusId) focusControl(focusId);
  }
  // The next page of cards (or all of them, or up to the first FIRST_ROWS: `upTo`).
  function renderMore(all = false, upTo = null) {
    const rows = app.draft().training;
    const list = $('records-list');
    const end = all ? rows.length : Math.min(rows.length, upTo === null ? rowsShown + PAGE_ROWS : Math.max(rowsShown, upTo));
    if (end <= rowsShown) return;
    const frag = document.createDocumentFragment();
    for (let i = rowsShown; i < end; i++) frag.append(rowCard(rows[i], i + 1));
    list.append(frag);
    rowsShown = end;
    app.rowsRendered();
    updateShowMore();
  }
  function updateShowMore() {
    const rest = app.draft().training.length - rowsShown;
    setHidden($('show-more'), rest <= 0);
    if (rest > 0) setText($('show-more'), t('showMore', rest));
  }

  /** The card of a row's uid, if rendered. */
  const card = (uid) => cards.get(uid) || null;

  function focusControl(id) {
    let node = $(id);
    if (!node && /^r\d+-/.test(id)) { renderMore(true); node = $(id); }
    if (node) node.focus();
  }

  /** A card's field typed (data-row): its record takes it. */
  function onInput(target) {
    const row = app.draft().training.find((r) => String(uidOf(r)) === target.dataset.row);
    if (!row) return;
    const key = target.dataset.key;
    if (target.type === 'radio' && !target.checked) return;
    if (row[key] === target.value) return; // (the change event after the input events: nothing new)
    row[key] = target.value;
    if (key === 'activity') {
      const box = card(uidOf(row))?.querySelector('[data-col="level"]');
      if (box) box.hidden = row.activity !== 'conference';
    }
    app.changed({ row });
  }

  /** A card's duplicate or delete button; the focus goes to the copy, or to the record that takes its place. */
  function onButton(button) {
    const rows = app.draft().training;
    const i = rows.findIndex((r) => String(uidOf(r)) === button.dataset.row);
    if (i < 0) return;
    let focus;
    if (button.dataset.action === 'dup') {
      const copy = { ...rows[i] };
      rows.splice(i + 1, 0, copy);
      focus = `r${uidOf(copy)}-year`;
    } else {
      rows.splice(i, 1);
      const next = rows[i] || rows[i - 1];
      focus = next ? `r${uidOf(next)}-year` : 'add-row';
    }
    rowsShown = Math.max(rowsShown, Math.min(rows.length, i + 2));
    renderRows(focus);
    app.changed({ rows: true });
  }

  function addRow() {
    const rows = app.draft().training;
    const last = rows[rows.length - 1];
    const row = newRow(last ? last.year : app.draft().year);
    if (last) row.subject = last.subject;
    rows.push(row);
    rowsShown = rows.length;
    renderRows(`r${uidOf(row)}-year`);
    app.changed({ rows: true });
  }

  // Sorted by year, oldest first; records of one year keep their order (a stable sort).
  function sortRows() {
    const rows = app.draft().training;
    const year = (r) => parseInteger(r.year) || 9999; // (２０２２ and 2022年 too; no year: last)
    rows.sort((a, b) => year(a) - year(b));
    renderRows();
    app.changed({ rows: true });
    $('io-status').textContent = t('sorted'); // said below the buttons: nothing above them moves
  }

  $('add-row').addEventListener('click', addRow);
  $('sort-rows').addEventListener('click', sortRows);
  $('show-more').addEventListener('click', () => renderMore(false));

  return { uidOf, card, renderRows, renderMore, focusControl, onInput, onButton };
}
