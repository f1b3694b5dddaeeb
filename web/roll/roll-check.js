// A roll read and checked: the file's text (CSV in UTF-8 or GB18030, or the first sheet of an .xlsx, read
// in the worker), then the check in the worker with a progress bar, the reader's notes and the file's
// problems said above the table, and the first lines put in the table as their batch arrives.
import { localDate } from '../base/local.js';
import { checkRoll } from './roll-client.js';
import { groupProblems, regionNames, savedColumns, showProblems, showReading } from './roll-mapping.js';
import { ALL_AT_ONCE, PAGE } from './roll.js';

const MAX_ROLL_BYTES = 16 * 1024 * 1024;
// (roll-xlsx.js's MAX_XLSX_XML_BYTES, said in MiB; that module is loaded only in the worker)
const MAX_XLSX_XML_MIB = 256;

/**
 * state: the roll view's; words: {t, lang}; table: roll-table.js; message(text), failure(e): said in the
 * view's status.
 */
export function createRollCheck(section, state, { t, lang }, { table, message, failure }) {
  const $ = (id) => section.querySelector(`#${id}`);
  const { draw, render, pager, summary, notices } = table;

  // Why a file could not be read (its bytes are read in the worker: roll-run.js rollSource), in words; null
  // for any other failure.
  function unreadable(e) {
    const code = e && e.code;
    if (code === 'file_unreadable') return t('roll_fileGone');
    if (code === 'encoding') return t('roll_encoding');
    if (code === 'xlsx_too_large') return t('roll_xlsxTooLarge', MAX_XLSX_XML_MIB);
    if (code === 'xlsx_unreadable') return t('roll_xlsxFailed', (e && e.message) || String(e));
    return null;
  }

  // source: the roll's text, or {file, xlsx}: the chosen file (read and decoded in the worker, so the
  // page's thread never holds its bytes nor a 16 MiB text)
  async function check(source, name) {
    state.busy = true;
    // the clerk's mapping kept in this browser and China's region list's names (roll-mapping.js)
    state.columns = savedColumns();
    state.regions = await regionNames();
    state.file = name;
    state.source = source;
    state.all = 0;
    state.counts = null;
    state.notices = [];
    state.view = [];
    state.viewComplete = false;
    state.checkDate = localDate();
    $('roll-checked-on').textContent = t('roll_checkedOn', state.checkDate);
    $('roll-file-errors').hidden = true;
    $('roll-notices').hidden = true;
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
      done = await checkRoll(source, {
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
          showReading($('roll-reading'), read, { lang: lang(), onApply: () => { check(state.source, state.file).catch(failure); } });
          message(t('roll_progress', 0, total));
        },
        // the first page's lines only (the rest stay in the worker), drawn as their batch arrives
        onLines(lines, count) {
          if (streaming && lines.length) {
            for (const l of lines) state.view.push(l);
            $('roll-results').hidden = false;
            draw();
          }
          bar.value = count;
          message(t('roll_progress', count, state.total));
        },
      });
    } catch (e) {
      const why = unreadable(e);
      if (why) {
        // nothing of this file was checked: no table, no counts of another
        message(t('roll_readFailed', name, why));
        $('roll-results').hidden = true;
        state.all = 0;
      } else {
        failure(e);
      }
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
    state.notices = done.notices || [];
    // never "checked" when nobody could be: the people whose rows have errors are said apart
    const all = state.all, unread = state.counts.error || 0;
    message(!all ? t('roll_notChecked', name) : unread === all ? t('roll_noneChecked', unread, name)
      : unread ? t('roll_someChecked', all - unread, unread, name) : t('roll_done', all, name));
    showProblems($('roll-file-errors'), done.problems, lang());
    $('roll-results').hidden = all === 0;
    $('roll-export').disabled = all === 0;
    $('roll-print').disabled = all === 0;
    summary();
    notices();
    if (streaming && (state.view.length === all || (all > ALL_AT_ONCE && state.view.length === PAGE))) {
      // the lines that came with the check are what render() would show: every line (a roll of at most
      // 1,000), or the first page of a paged roll in its own order (not drawn again)
      state.shownCount = all;
      state.page = 0;
      $('roll-shown').textContent = all ? t('roll_shown', all, all) : t('roll_none');
      pager(all > ALL_AT_ONCE, Math.ceil(all / PAGE));
      state.viewComplete = true;
      draw(); // (marks the table rendered once the last of them is in)
    } else {
      await render();
    }
  }

  async function importFile() {
    const input = $('roll-file');
    const file = input.files && input.files[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_ROLL_BYTES) {
      message(t('roll_readFailed', file.name, t('roll_tooBig')));
      return;
    }
    // (the file itself, a handle: its bytes are read in the worker, and read again for a new mapping or an
    // export, so the page never holds them)
    await check({ file, xlsx: /\.xlsx$/i.test(file.name) }, file.name);
  }

  return { check, importFile, unreadable };
}
