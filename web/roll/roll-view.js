// The roll view: an HR clerk's spreadsheet of many people checked at once (issue 14). Imports a roll
// (CSV, or .xlsx through roll-xlsx.js, loaded only then), checks it in a worker (roll-client.js) with a
// progress bar, and shows one line per person (roll.js) to filter, sort, open in the calculator, export
// and print. Everything stays on this device. Loaded only when the page's "名册批量核查" is used.
//
//   mountRoll(section, { lang: () => 'zh' | 'en', controller }) -> { setLang(), check(text, name), destroy() }
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';
import { word } from '../base/words.js';
import { localDate } from '../calculator/draft.js';
import { decodeText } from '../calculator/training-file.js';
import { SORT_KEYS, STATUS_ORDER, templateCsv } from './roll.js';
import { checkRoll, exportCsv, personProfile, viewLines, warm, xlsxCsv } from './roll-client.js';
import { isLoadError, rollLoadFailed } from './roll-button.js';
import { groupProblems, regionNames, savedColumns, showProblems, showReading } from './roll-mapping.js';

const MAX_ROLL_BYTES = 16 * 1024 * 1024;
// (roll-xlsx.js's MAX_XLSX_XML_BYTES, said in MiB; that module is loaded only in the worker)
const MAX_XLSX_XML_MIB = 256;
// Lines put in the table at once; the rest follow a frame at a time, so the first ones show at once.
const FIRST_LINES = 60;
const LINES_PER_FRAME = 250;
// Up to ALL_AT_ONCE lines are all in the table; more are shown a page of PAGE at a time (a roll of
// 700,000 people never puts 700,000 rows in the page: memory and layout would be the tab's end).
const ALL_AT_ONCE = 2000;
const PAGE = 1000;

let cssLoaded = false;
function loadCss() {
  if (cssLoaded) return;
  cssLoaded = true;
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('./roll.css', import.meta.url).href }));
}

export function mountRoll(section, { lang, controller }) {
  loadCss();
  const t = (key, ...args) => say(lang(), key, ...args);
  const w = (kind, id) => word(kind, id, lang());
  section.classList.add('roll', 'card');
  section.setAttribute('aria-labelledby', 'roll-heading');
  section.innerHTML = `
<h2 id="roll-heading" data-roll-t="roll_heading"></h2>
<p class="hint" data-roll-t="roll_lede"></p>
<div class="roll-actions">
  <button type="button" id="roll-choose" class="primary" data-roll-t="roll_choose"></button>
  <input type="file" id="roll-file" class="sr-only" tabindex="-1" aria-hidden="true"
    accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
  <button type="button" id="roll-template" data-roll-t="roll_template"></button>
  <button type="button" id="roll-export" data-roll-t="roll_export" disabled></button>
  <button type="button" id="roll-print" data-roll-t="roll_print" disabled></button>
</div>
<p class="hint" data-roll-t="roll_formatHint"></p>
<progress id="roll-progress" max="1" value="0" hidden></progress>
<p id="roll-status" class="roll-status" role="status"></p>
<div id="roll-reading" class="roll-reading" hidden></div>
<div id="roll-file-errors" class="roll-errors" hidden></div>
<div id="roll-results" hidden>
  <p class="roll-print-title"><strong data-roll-t="roll_printTitle"></strong> <span id="roll-checked-on"></span></p>
  <p id="roll-summary" class="roll-summary"></p>
  <div class="roll-filters">
    <div class="field"><label for="roll-filter-status" data-roll-t="roll_filterStatus"></label><select id="roll-filter-status"></select></div>
    <div class="field"><label for="roll-filter-name" data-roll-t="roll_filterName"></label><input id="roll-filter-name" type="search" autocomplete="off" spellcheck="false"></div>
    <div class="field"><label for="roll-sort" data-roll-t="roll_sort"></label><select id="roll-sort"></select></div>
  </div>
  <p id="roll-shown" class="hint" aria-live="polite"></p>
  <table id="roll-table" class="roll-table">
    <thead><tr></tr></thead>
    <tbody></tbody>
  </table>
  <nav id="roll-pager" class="roll-pager" hidden>
    <button type="button" id="roll-prev" data-roll-t="roll_prev"></button>
    <span id="roll-page"></span>
    <button type="button" id="roll-next" data-roll-t="roll_next"></button>
  </nav>
</div>`;
  const $ = (id) => section.querySelector(`#${id}`);
  const state = {
    file: '', text: '', checkDate: localDate(), lines: [], total: 0, busy: false, generation: 0,
    // the roll's lines stay in the worker (roll-run.js): here only its counts and the lines on screen (view)
    filter: { status: '', name: '' }, sort: 'row', rendered: 0, all: 0, counts: null, shownCount: 0, page: 0, view: [],
    columns: {}, regions: '', fileErrors: [], // (the reader's options of this roll, its file errors: roll-mapping.js)
  };

  function message(status) { $('roll-status').textContent = status || ''; }
  // A failure; when its cause is code that could not be loaded (a deploy replaced the build under the
  // page), the reload button is offered with it.
  function failure(e) {
    message(t('roll_failed', (e && e.message) || String(e)));
    if (isLoadError(e)) $('roll-status').append(' ', rollLoadFailed(lang(), 'span'));
  }

  // ---- words ------------------------------------------------------------------------------------
  const COLUMNS = ['person', 'rows', 'status', 'shortfall', 'deadline', 'canComplete', 'warnings', 'errors'];
  function setWords() {
    for (const n of section.querySelectorAll('[data-roll-t]')) n.textContent = t(n.dataset.rollT);
    $('roll-pager').setAttribute('aria-label', t('roll_pages'));
    const head = section.querySelector('thead tr');
    head.replaceChildren(...COLUMNS.map((c) => el('th', { scope: 'col' }, w('rollResultColumn', c))),
      el('th', { scope: 'col' }, t('roll_action')));
    const statusSel = $('roll-filter-status');
    statusSel.replaceChildren(el('option', { value: '' }, t('roll_filterAll')),
      ...STATUS_ORDER.map((s) => el('option', { value: s }, w('status', s))));
    statusSel.value = state.filter.status;
    const sortSel = $('roll-sort');
    sortSel.replaceChildren(...SORT_KEYS.map((k) => el('option', { value: k }, t(`roll_sort_${k}`))));
    sortSel.value = state.sort;
    $('roll-checked-on').textContent = t('roll_checkedOn', state.checkDate);
    if (state.all && !state.busy) {
      summary();
      render({ keepPage: true });
    }
  }

  // ---- the table ----------------------------------------------------------------------------------
  const place = (e) => (e.row ? t('roll_rowCol', e.row, e.column) : t('roll_wholeFile'));
  const said = (e) => `${place(e)}${lang() === 'en' ? ': ' : '：'}${e.detail || e.message}`; // (a reader's words without their place)

  // One line of the table, built as markup in one go (10,000s of createElement calls cost more than the
  // check itself); every text is escaped. Lists are lines of one cell (white-space: pre-line).
  const esc = (v) => String(v).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  let labels = null; // the cells' data-label words, per language
  function rowHtml(line) {
    const paren = (x) => (lang() === 'en' ? ` (${x})` : `（${x}）`);
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

  // Puts the shown lines in the table, asked of the worker (filtered, sorted, a page of PAGE when more than
  // ALL_AT_ONCE pass the filter): the first at once, the rest a frame at a time (a newer render or a print
  // takes over).
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
    if (generation !== state.generation) return;
    state.view = v.lines;
    state.page = v.page;
    state.shownCount = v.shown;
    const body = section.querySelector('tbody');
    body.replaceChildren();
    state.rendered = 0;
    $('roll-shown').textContent = v.shown ? t('roll_shown', v.shown, v.all) : t('roll_none');
    pager(v.paged, Math.ceil(v.shown / PAGE));
    const more = (n) => {
      if (generation !== state.generation) return;
      const end = Math.min(state.view.length, state.rendered + n);
      appendLines(body, state.view.slice(state.rendered, end));
      state.rendered = end;
      table.dataset.rendered = end === state.view.length ? 'all' : String(end);
      if (end < state.view.length) requestAnimationFrame(() => more(LINES_PER_FRAME));
    };
    more(FIRST_LINES);
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
  function renderAll() {
    const body = section.querySelector('tbody');
    if (state.rendered >= state.view.length) return;
    appendLines(body, state.view.slice(state.rendered));
    state.rendered = state.view.length;
    ++state.generation; // the frames still queued have nothing left to do
    section.querySelector('#roll-table').dataset.rendered = 'all';
  }

  function summary() {
    const c = state.counts;
    const parts = STATUS_ORDER.filter((s) => c[s] > 0 || s === 'met' || s === 'short' || s === 'error')
      .map((s) => el('span', { className: `roll-verdict st-${s}` }, t('roll_count', w('status', s), c[s])));
    // people under their own department's rules (卫生, 会计 …): counted apart, never among 达标/未达标
    if (c.apart) parts.push(el('span', { className: 'roll-verdict st-advisory roll-apart', id: 'roll-apart' }, t('roll_apart', c.apart), ' ', t('roll_apartNote')));
    $('roll-summary').replaceChildren(el('strong', {}, t('roll_total', c.total)), ' ', ...parts.flatMap((p) => [p, ' ']));
  }

  // ---- import and check --------------------------------------------------------------------------
  async function textOf(file) {
    if (file.size > MAX_ROLL_BYTES) throw new Error(t('roll_tooBig'));
    if (/\.xlsx$/i.test(file.name)) {
      try {
        return await xlsxCsv(await file.arrayBuffer());
      } catch (e) {
        // (a load error of the worker's module is said with the reload it needs, by failure())
        if (isLoadError(e)) throw e;
        throw new Error(e && e.code === 'xlsx_too_large' ? t('roll_xlsxTooLarge', MAX_XLSX_XML_MIB) : t('roll_xlsxFailed', (e && e.message) || String(e)));
      }
    }
    try {
      return decodeText(await file.arrayBuffer());
    } catch {
      throw new Error(t('roll_encoding'));
    }
  }

  async function check(text, name) {
    state.busy = true;
    // the clerk's mapping kept in this browser and the region catalogue's names (roll-mapping.js)
    state.columns = savedColumns();
    state.regions = await regionNames();
    state.file = name;
    state.text = text;
    state.all = 0;
    state.counts = null;
    state.view = [];
    state.checkDate = localDate();
    $('roll-checked-on').textContent = t('roll_checkedOn', state.checkDate);
    $('roll-file-errors').hidden = true;
    $('roll-export').disabled = true;
    $('roll-print').disabled = true;
    section.setAttribute('aria-busy', 'true');
    const bar = $('roll-progress');
    bar.hidden = false;
    bar.value = 0;
    message(t('roll_reading', name));
    // In the roll's own order and unfiltered, lines go into the table as their batch arrives.
    const streaming = state.sort === 'row' && !state.filter.status && !state.filter.name.trim();
    const body = section.querySelector('tbody');
    const table = section.querySelector('#roll-table');
    ++state.generation;
    body.replaceChildren();
    state.rendered = 0;
    delete table.dataset.rendered;
    let done;
    try {
      done = await checkRoll(text, {
        lang: lang(), checkDate: state.checkDate, columns: state.columns, regions: state.regions,
        onRead(read) {
          const { total, errors } = read;
          // (again after a worker that stopped: the check starts over on this thread)
          state.view = [];
          body.replaceChildren();
          state.rendered = 0;
          state.total = total;
          bar.max = Math.max(total, 1);
          state.fileErrors = errors;
          showProblems($('roll-file-errors'), groupProblems(errors, []), lang());
          showReading($('roll-reading'), read, { lang: lang(), onApply: () => { check(state.text, state.file).catch(failure); } });
          message(t('roll_progress', 0, total));
        },
        // the first page's lines only (the rest stay in the worker), into the table as their batch arrives
        // (the table's layout is most of the cost and is paid per batch: fewer, larger appends cost less)
        onLines(lines, count) {
          if (streaming && lines.length) {
            for (const l of lines) state.view.push(l);
            appendLines(body, lines);
            state.rendered = state.view.length;
            table.dataset.rendered = String(state.rendered);
            $('roll-results').hidden = false;
          }
          bar.value = count;
          message(t('roll_progress', count, state.total));
        },
      });
    } catch (e) {
      failure(e);
      state.busy = false;
      section.removeAttribute('aria-busy');
      bar.hidden = true;
      return;
    }
    state.busy = false;
    bar.hidden = true;
    section.removeAttribute('aria-busy');
    state.all = done.lines;
    state.counts = done.counts;
    // never "checked" when nobody could be: the people whose rows have errors are said apart
    const all = state.all, unread = state.counts.error || 0;
    message(!all ? t('roll_notChecked', name) : unread === all ? t('roll_noneChecked', unread, name)
      : unread ? t('roll_someChecked', all - unread, unread, name) : t('roll_done', all, name));
    showProblems($('roll-file-errors'), done.problems, lang());
    $('roll-results').hidden = all === 0;
    $('roll-export').disabled = all === 0;
    $('roll-print').disabled = all === 0;
    summary();
    if (streaming && (state.view.length === all || (all > ALL_AT_ONCE && state.view.length === PAGE))) {
      // the lines that came with the check are what render() would show: every line (a roll of at most
      // 1,000), or the first page of a paged roll in its own order (not drawn again)
      state.shownCount = all;
      state.page = 0;
      $('roll-shown').textContent = all ? t('roll_shown', all, all) : t('roll_none');
      pager(all > ALL_AT_ONCE, Math.ceil(all / PAGE));
      table.dataset.rendered = 'all';
    } else {
      await render();
    }
  }

  async function importFile() {
    const input = $('roll-file');
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    let text;
    try {
      text = await textOf(file);
    } catch (e) {
      message(t('roll_readFailed', file.name, (e && e.message) || String(e)));
      return;
    }
    await check(text, file.name);
  }

  // ---- actions -------------------------------------------------------------------------------------
  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: name, className: 'sr-only', tabindex: '-1', 'aria-hidden': 'true' });
    section.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  function openPerson(index) {
    const line = state.view.find((l) => l.index === index); // (a line on screen)
    if (!line || !controller) return;
    if (controller.unsaved() && !window.confirm(t('roll_confirmOpen', line.name))) {
      message(t('roll_notOpened'));
      return;
    }
    // (the calculator keeps what it shows before it opens the person: when storage refuses, it says so
    // and shows nothing else)
    personProfile(index).then((profile) => (profile ? controller.openProfile(profile, { name: line.name }) : false)).then((opened) => {
      if (!opened) return;
      message(t('roll_opened', line.name));
      const calculator = section.parentElement && section.parentElement.querySelector('.layout');
      if (calculator) calculator.scrollIntoView({ block: 'start' });
    }).catch((e) => failure(e));
  }

  $('roll-choose').addEventListener('click', () => $('roll-file').click());
  $('roll-file').addEventListener('change', (event) => {
    event.stopPropagation(); // not a field of the calculator's form
    importFile().catch((e) => failure(e));
  });
  $('roll-template').addEventListener('click', () => {
    const name = lang() === 'en' ? 'jxjy-roll-template.csv' : 'jxjy-名册模板.csv';
    download(name, templateCsv(lang()));
    message(t('roll_exported', name));
  });
  $('roll-export').addEventListener('click', async () => {
    const name = `jxjy-roll-results-${state.checkDate}.csv`;
    try {
      download(name, await exportCsv(state.text, { lang: lang(), checkDate: state.checkDate, columns: state.columns, regions: state.regions }));
      message(t('roll_exported', name));
    } catch (e) {
      failure(e);
    }
  });
  $('roll-print').addEventListener('click', () => {
    document.body.classList.add('printing-roll');
    renderAll();
    window.print();
  });
  const beforePrint = () => { if (!section.hidden) renderAll(); };
  const afterPrint = () => document.body.classList.remove('printing-roll');
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  $('roll-filter-status').addEventListener('change', (e) => { state.filter.status = e.target.value; render(); });
  $('roll-filter-name').addEventListener('input', (e) => { state.filter.name = e.target.value; render(); });
  $('roll-sort').addEventListener('change', (e) => { state.sort = e.target.value; render(); });
  $('roll-prev').addEventListener('click', () => turn(-1));
  $('roll-next').addEventListener('click', () => turn(1));
  section.querySelector('tbody').addEventListener('click', (e) => {
    const b = e.target.closest('button.roll-open');
    if (b) openPerson(Number(b.dataset.index));
  });
  // the fields of the roll are not the calculator's: keep their events from its form's listeners
  for (const type of ['input', 'change']) section.addEventListener(type, (e) => e.stopPropagation());

  setWords();
  // the worker compiles and warms up its checker while the person picks a file
  warm().then(() => { section.dataset.warm = 'done'; });
  return {
    setLang: setWords,
    /** Tests and the bench: checks CSV text as if it were imported from a file of that name. */
    check,
    destroy() {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      section.remove();
    },
  };
}
