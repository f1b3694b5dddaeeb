// The roll view: an HR clerk's spreadsheet of many people checked at once (issue 14). Imports a roll
// (CSV, or .xlsx through roll-xlsx.js, loaded only then), checks it in a worker (roll-client.js) with a
// progress bar, and shows one line per person (roll.js) to filter, sort, open in the calculator, export
// and print. Everything stays on this device. Loaded only when the page's "名册批量核查" is used.
//
//   mountRoll(section, { lang: () => 'zh' | 'en', controller }) -> { setLang(), check(text, name), destroy() }
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';
import { word } from '../base/words.js';
import { localDate } from '../base/local.js';
import { SORT_KEYS, STATUS_ORDER, templateCsv } from './roll.js';
import { exportCsv, personProfile, warm } from './roll-client.js';
import { isLoadError, rollLoadFailed } from './roll-load-failure.js';
import { createRollTable } from './roll-table.js';
import { createRollCheck } from './roll-check.js';

let cssLoaded = false;
function loadCss() {
  if (cssLoaded) return;
  cssLoaded = true;
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('./roll.css', import.meta.url).href }));
}

// The section's skeleton; its words are put in by setWords (data-roll-t: a message of texts.js).
const MARKUP = `
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
  <div id="roll-notices" class="roll-notices" hidden></div>
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

// The view is three parts over one state: the table (roll-table.js), reading and checking a roll
// (roll-check.js), and here the section's skeleton, its words and what the clerk's buttons do.
export function mountRoll(section, { lang, controller }) {
  loadCss();
  const t = (key, ...args) => say(lang(), key, ...args);
  const w = (kind, id) => word(kind, id, lang());
  section.classList.add('roll', 'card');
  section.setAttribute('aria-labelledby', 'roll-heading');
  section.innerHTML = MARKUP;
  const $ = (id) => section.querySelector(`#${id}`);
  const state = {
    file: '', text: '', checkDate: localDate(), lines: [], total: 0, busy: false, generation: 0,
    // the roll's lines stay in the worker (roll-run.js): here only its counts and the lines on screen (view)
    filter: { status: '', name: '' }, sort: 'row', rendered: 0, all: 0, counts: null, shownCount: 0, page: 0, view: [], viewComplete: false,
    columns: {}, regions: '', fileErrors: [], // (the reader's options of this roll, its file errors: roll-mapping.js)
    notices: [], // the warnings about the notice applied, each once: [{code, message, count}] (roll.js noticeGroups)
  };

  function message(status) { $('roll-status').textContent = status || ''; }
  // A failure; when its cause is code that could not be loaded (a deploy replaced the build under the
  // page), the reload button is offered with it.
  function failure(e) {
    message(t('roll_failed', (e && e.message) || String(e)));
    if (isLoadError(e)) $('roll-status').append(' ', rollLoadFailed(lang(), 'span'));
  }
  const table = createRollTable(section, state, { t, w, lang }, failure);
  const { check, importFile, unreadable } = createRollCheck(section, state, { t, lang }, { table, message, failure });

  // ---- words ------------------------------------------------------------------------------------
  function setWords() {
    for (const n of section.querySelectorAll('[data-roll-t]')) n.textContent = t(n.dataset.rollT);
    $('roll-pager').setAttribute('aria-label', t('roll_pages'));
    table.renderHead();
    const statusSel = $('roll-filter-status');
    statusSel.replaceChildren(el('option', { value: '' }, t('roll_filterAll')),
      ...STATUS_ORDER.map((s) => el('option', { value: s }, w('status', s))));
    statusSel.value = state.filter.status;
    const sortSel = $('roll-sort');
    sortSel.replaceChildren(...SORT_KEYS.map((k) => el('option', { value: k }, t(`roll_sort_${k}`))));
    sortSel.value = state.sort;
    $('roll-checked-on').textContent = t('roll_checkedOn', state.checkDate);
    if (state.all && !state.busy) {
      table.summary();
      table.notices();
      table.render({ keepPage: true });
    }
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
    const name = t('roll_templateFile');
    download(name, templateCsv(lang()));
    message(t('roll_exported', name));
  });
  $('roll-export').addEventListener('click', async () => {
    const name = `jxjy-roll-results-${state.checkDate}.csv`;
    try {
      download(name, await exportCsv(state.source, { lang: lang(), checkDate: state.checkDate, columns: state.columns, regions: state.regions }));
      message(t('roll_exported', name));
    } catch (e) {
      // (the file is read again for the export: it may be gone since, said as an import's failure is)
      const why = unreadable(e);
      if (why) message(t('roll_readFailed', state.file, why));
      else failure(e);
    }
  });
  $('roll-print').addEventListener('click', () => {
    document.body.classList.add('printing-roll');
    table.renderAll();
    window.print();
  });
  const beforePrint = () => { if (!section.hidden) table.renderAll(); };
  const afterPrint = () => document.body.classList.remove('printing-roll');
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  $('roll-filter-status').addEventListener('change', (e) => { state.filter.status = e.target.value; table.render(); });
  $('roll-filter-name').addEventListener('input', (e) => { state.filter.name = e.target.value; table.render(); });
  $('roll-sort').addEventListener('change', (e) => { state.sort = e.target.value; table.render(); });
  $('roll-prev').addEventListener('click', () => table.turn(-1));
  $('roll-next').addEventListener('click', () => table.turn(1));
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
