// Import and export of one person, for one calculator: the records as JSON (training-file.js), and the
// person with their records as CSV in the roll format (person-file.js), read back by the core's roll
// reader. CSV files of the old format (the records only, English ids: year,subject,activity,amount,…)
// are still read (training-file.js).
import { el } from '../../base/dom.js';
import { CSV_COLUMNS, ImportError, MAX_IMPORT_BYTES, decodeText, parseTrainingFile } from './training-file.js';
import { hasPersonColumn, personCsv, withPersonColumn } from './person-file.js';
import { draftFromProfile } from '../draft.js';

// The old export's header (records only): read by training-file.js, not as a roll.
function oldCsv(text) {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(/[,;\t]/).map((h) => h.trim().toLowerCase());
  return header.every((h) => CSV_COLUMNS.includes(h)) && ['year', 'subject', 'activity', 'amount'].every((c) => header.includes(c));
}

export function createIO(app, { replaceRows, replaceDraft, exportProfile }) {
  const { $, wrapper } = app;
  const t = (key, ...args) => app.t(key, ...args);

  function message(error, status) {
    $('io-error').textContent = error || '';
    $('io-status').textContent = status || '';
  }

  // a download without navigation or inline script: a Blob URL on a temporary <a download>
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el('a', { href: url, download: name, className: 'sr-only', tabindex: '-1', 'aria-hidden': 'true' });
    wrapper.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    message('', t('exported', name));
  }

  function exportJson() {
    const { training } = exportProfile();
    download('jxjy-training.json', `${JSON.stringify(training, null, 2)}\n`, 'application/json');
  }

  function exportCsv() {
    const name = app.draft().name.trim() || t('io_self');
    const { text, left } = personCsv(exportProfile(), name, app.lang());
    download('jxjy-training.csv', text, 'text/csv;charset=utf-8');
    if (left.length) message('', `${t('exported', 'jxjy-training.csv')} ${t('io_csvLeft')}`);
  }

  // A CSV in the roll format: read by the core's reader (in the roll's worker, loaded now) as one person.
  async function readPerson(text, fileName) {
    const named = hasPersonColumn(text);
    const lang = app.lang();
    const { readRoll } = await import('../../roll/roll-client.js');
    const roll = await readRoll(named ? text : withPersonColumn(text, app.draft().name.trim() || t('io_self'), lang), lang);
    const place = (e) => (!e.row ? '' : e.column ? t('roll_rowCol', e.row, e.column) : t('roll_row', e.row));
    // (the reader's words without their place: said once, here)
    const said = (list) => list.map((e) => [place(e), e.detail || e.message]
      .filter(Boolean).join(t('colon'))).join(t('clauseSep'));
    if (roll.errors.length) throw new ImportError('io_rollErrors', said(roll.errors));
    if (roll.people.length !== 1) throw new ImportError('io_manyPeople', roll.people.length);
    const [person] = roll.people;
    if (person.errors.length) throw new ImportError('io_rollErrors', said(person.errors));
    // a route the reader assumed (the file gives none: title review, issue 27) is not the file's: the one
    // entered on screen stays
    const assumed = (list) => (list || []).some((x) => x.code === 'route_assumed');
    if (assumed(roll.notes) || assumed(person.warnings)) delete person.profile.route;
    const { draft } = draftFromProfile(person.profile, lang);
    if (named) draft.name = person.name;
    // what the reader took as it did (a column not used, a header read by a part of its words), said
    // with the import, never silently (issue 27)
    const notes = (roll.notes || []).filter((n) => n.code !== 'route_assumed').map((n) => n.message);
    return { person, draft, fileName, notes };
  }

  async function importFile() {
    const input = $('import-file');
    const file = input.files && input.files[0];
    if (!file) return;
    let parsed, person = null;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('io_tooBig');
      const text = decodeText(await file.arrayBuffer());
      const json = /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) || /\.json$/i.test(file.name);
      if (json || oldCsv(text) || text.replace(/^\uFEFF/, '').trim() === '') parsed = parseTrainingFile(text, file.name);
      else person = await readPerson(text, file.name);
    } catch (e) {
      const why = e instanceof ImportError ? t(e.key, ...e.args) : t('io_read', (e && e.message) || String(e));
      message(t('importFailed', file.name, why), '');
      return;
    } finally {
      input.value = ''; // the same file can be chosen again
    }
    const rows = app.draft().training;
    if (person) {
      // the person's fields and records: over entries on screen, only after asking
      const current = app.draft();
      const filled = rows.length || ['region', 'year', 'route', 'level', 'name'].some((k) => String(current[k] || '').trim());
      if (filled && !window.confirm(t('confirmImportPerson', person.person.name))) {
        message('', t('importCancelled'));
        return;
      }
      // a field the file leaves empty keeps what was entered
      const next = { ...current, training: person.draft.training };
      for (const [k, v] of Object.entries(person.draft)) if (k !== 'training' && k !== 'lang' && k !== 'circ' && k !== 'grassroots' && v !== '' && v !== undefined) next[k] = v;
      replaceDraft(next);
      message('', [t('importedPerson', person.draft.training.length, file.name), ...person.notes].join(' '));
      return;
    }
    if (rows.length && !window.confirm(t('confirmImport', rows.length))) {
      message('', t('importCancelled'));
      return;
    }
    replaceRows(parsed.rows);
    const multi = parsed.multi.length ? ` ${t('importMulti', parsed.multi.join(t('listSep')))}` : '';
    message('', t('imported', parsed.rows.length, file.name) + multi);
  }

  $('export-json').addEventListener('click', exportJson);
  $('export-csv').addEventListener('click', exportCsv);
  $('import-btn').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', (event) => {
    event.stopPropagation(); // not a field of the profile
    importFile().catch((e) => message(`${(e && e.message) || e}`, ''));
  });

  return { clearMessages: () => message('', '') };
}
