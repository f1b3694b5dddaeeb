// The roll's table: one line per person (roll.js), asked of the worker as the page shows them (filtered,
// sorted, all lines up to ALL_AT_ONCE, else a page of PAGE with a pager under the table), put in as markup
// a frame's worth at a time so that the first lines show at once; and the verdicts counted above it.
import { el } from '../base/dom.js';
import { languageTag } from '../base/words.js';
import { ALL_AT_ONCE, PAGE, STATUS_ORDER } from './roll.js';
import { viewLines } from './roll-client.js';

// Lines go into the table a frame at a time, as many as this device lays out in FRAME_MS (measured as they
// go in: a table line costs ~0.25 ms on a desktop, a phone's card several times that), so that no frame is
// a long task (50 ms) and the first lines show at once.
const FRAME_MS = 16;
const MIN_LINES = 4;
const COLUMNS = ['person', 'rows', 'status', 'shortfall', 'deadline', 'canComplete', 'warnings', 'errors'];

/** state: the roll view's (roll-view.js); words: {t, w, lang}; failure(e): said in the view's status. */
export function createRollTable(section, state, { t, w, lang }, failure) {
  const $ = (id) => section.querySelector(`#${id}`);

  /** The table's head row, in the language on screen. */
  function renderHead() {
    const head = section.querySelector('thead tr');
    head.replaceChildren(...COLUMNS.map((c) => el('th', { scope: 'col' }, w('rollResultColumn', c))),
      el('th', { scope: 'col' }, t('roll_action')));
  }

  const place = (e) => (!e.row ? t('roll_wholeFile') : e.column ? t('roll_rowCol', e.row, e.column) : t('roll_row', e.row));
  const said = (e) => `${place(e)}${t('colon')}${e.detail || e.message}`; // (a reader's words without their place)

  // One line of the table, built as markup in one go (10,000s of createElement calls cost more than the
  // check itself); every text is escaped. Lists are lines of one cell (white-space: pre-line).
  const esc = (v) => String(v).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let labels = null; // the cells' data-label words, per language
  function rowHtml(line) {
    const paren = (x) => t('inParens', x);
    const shortfall = line.shortfall.map((s) => `${s.year} ${w('subject', s.subject)} ${t('roll_hours', s.hours)}` +
      (!s.canComplete ? paren(t('roll_cannot')) : s.deadline ? paren(t('deadline', s.deadline)) : ''));
    const lines = (items) => (items.length ? esc(items.join('\n')) : '—');
    const cell = (c, html) => `<td data-label="${labels[c]}">${html}</td>`;
    // rows that could not be read would be missing from the calculator's records: not opened
    const open = `<button type="button" class="roll-open" data-index="${line.index}" aria-label="${esc(t('roll_openLabel', line.name))}"${line.readable ? '' : ' disabled'}>${esc(t('roll_openPerson'))}</button>`;
    return `<tr class="roll-line st-${line.status}"><th scope="row" data-label="${labels.person}">${esc(line.name)}</th>` +
      cell('rows', line.lastRow !== line.firstRow ? `${line.firstRow}–${line.lastRow}` : String(line.firstRow)) +
      cell('status', `<span class="roll-verdict st-${line.status}${line.conditional ? ' conditional' : ''}">${esc(line.conditional ? t('statusConditional', w('status', line.status)) : w('status', line.status))}</span>`) +
      cell('shortfall', lines(shortfall)) +
      cell('deadline', esc(line.deadline || '—')) +
      cell('canComplete', line.canComplete === null ? '—' : esc(w('yesNo', line.canComplete ? 'yes' : 'no'))) +
      cell('warnings', lines(line.warnings.map((x) => x.message))) +
      cell('errors', lines(line.errors.map(said))) +
      `<td class="roll-action">${open}</td></tr>`;
  }
  function appendLines(body, list) {
    if (!labels || labels.lang !== lang()) {
      labels = { lang: lang() };
      for (const c of COLUMNS) labels[c] = esc(w('rollResultColumn', c));
    }
    body.insertAdjacentHTML('beforeend', list.map(rowHtml).join(''));
  }

  // Draws state.view's lines not yet in the table (state.rendered of them are), a frame's worth in each
  // frame from the next; the table is marked rendered 'all' once every line of a view that is complete
  // (state.viewComplete: not still streaming from the check) is in. A new view (render) is drawn by the same
  // loop: it draws whatever state.view is when its frame comes.
  // a first guess, until this device is measured: a few lines, as the first frame also lays out the
  // section they appear in
  let msPerLine = FRAME_MS / MIN_LINES;
  let drawing = false;
  function draw() {
    if (drawing) return;
    drawing = true;
    const step = () => {
      const table = section.querySelector('#roll-table');
      const left = state.view.length - state.rendered;
      if (left > 0) {
        const n = Math.min(left, Math.max(MIN_LINES, Math.floor(FRAME_MS / msPerLine)));
        const t0 = performance.now();
        appendLines(section.querySelector('tbody'), state.view.slice(state.rendered, state.rendered + n));
        void table.offsetHeight; // laid out now, in this frame: what a line costs on this device
        msPerLine = Math.max(0.02, (performance.now() - t0) / n);
        state.rendered += n;
      }
      const drawn = state.rendered >= state.view.length;
      if (drawn && state.viewComplete) table.dataset.rendered = 'all';
      else if (state.rendered) table.dataset.rendered = String(state.rendered);
      if (drawn) drawing = false;
      else requestAnimationFrame(step);
    };
    // (in the frame, not in the task that asked: a message's handling and the lines' layout are two tasks)
    requestAnimationFrame(step);
  }

  // Puts the shown lines in the table, asked of the worker (filtered, sorted, a page of PAGE when more than
  // ALL_AT_ONCE pass the filter), drawn a frame at a time (draw).
  async function render({ keepPage = false } = {}) {
    const generation = ++state.generation;
    const table = section.querySelector('#roll-table');
    delete table.dataset.rendered;
    let v;
    try {
      v = await viewLines({ status: state.filter.status, name: state.filter.name, sort: state.sort,
        page: keepPage ? state.page : 0, pageSize: PAGE, allAtOnce: ALL_AT_ONCE });
    } catch (e) {
      if (generation === state.generation) failure(e);
      return;
    }
    if (generation !== state.generation) return; // a newer render (or check) asked since
    state.view = v.lines;
    state.viewComplete = true;
    state.page = v.page;
    state.shownCount = v.shown;
    section.querySelector('tbody').replaceChildren();
    state.rendered = 0;
    $('roll-shown').textContent = v.shown ? t('roll_shown', v.shown, v.all) : t('roll_none');
    pager(v.paged, Math.ceil(v.shown / PAGE));
    draw();
  }
  function pager(paged, pages) {
    $('roll-pager').hidden = !paged;
    if (!paged) return;
    const from = state.page * PAGE + 1, to = Math.min(state.shownCount, (state.page + 1) * PAGE);
    $('roll-page').textContent = t('roll_page', from, to, state.shownCount);
    $('roll-prev').disabled = state.page === 0;
    $('roll-next').disabled = state.page >= pages - 1;
  }
  function turn(by) {
    state.page += by;
    render({ keepPage: true });
    section.querySelector('#roll-table').scrollIntoView({ block: 'start' });
  }
  // Every line of the view in the table now (for print).
  function renderAll() {
    if (state.rendered >= state.view.length) return;
    appendLines(section.querySelector('tbody'), state.view.slice(state.rendered));
    state.rendered = state.view.length; // (a frame still queued finds nothing left to draw)
    if (state.viewComplete) section.querySelector('#roll-table').dataset.rendered = 'all';
  }

  function summary() {
    const c = state.counts;
    const parts = STATUS_ORDER.filter((s) => c[s] > 0 || s === 'met' || s === 'short' || s === 'error')
      .map((s) => el('span', { className: `roll-verdict st-${s}` }, t('roll_count', w('status', s), c[s])));
    // people under their own department's rules (卫生, 会计 …): counted apart, never among 达标/未达标
    if (c.apart) parts.push(el('span', { className: 'roll-verdict st-advisory roll-apart', id: 'roll-apart' }, t('roll_apart', c.apart), ' ', t('roll_apartNote')));
    $('roll-summary').replaceChildren(el('strong', {}, t('roll_total', c.total)), ' ', ...parts.flatMap((p) => [p, ' ']));
  }

  // The warnings about the notice applied (a city's notice applied region-wide, a newer year than the newest
  // notice …), each once above the table with how many people it concerns: never in a line's 提示.
  function notices() {
    const box = $('roll-notices');
    const groups = state.notices || [];
    box.hidden = groups.length === 0;
    if (!groups.length) { box.replaceChildren(); return; }
    const number = (n) => n.toLocaleString(languageTag(lang()));
    const whom = (n) => (n === state.all ? t('roll_noticeAll', number(n)) : n === 1 ? t('roll_noticeOne') : t('roll_noticeSome', number(n)));
    box.replaceChildren(el('p', {}, t('roll_notices')), el('ul', { className: 'roll-list' },
      ...groups.map((g) => el('li', { 'data-code': g.code }, el('strong', {}, whom(g.count)), g.message))));
  }

  return { renderHead, draw, render, pager, turn, renderAll, summary, notices };
}
