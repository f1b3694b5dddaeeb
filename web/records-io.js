// Import and export of the training records (JSON or CSV, see training-file.js), for one calculator.
import { el } from './form.js';
import { ImportError, MAX_IMPORT_BYTES, decodeText, parseTrainingFile, trainingCsv } from './training-file.js';

export function createIO(app, { replaceRows, exportProfile }) {
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
    const { training } = exportProfile();
    download('jxjy-training.csv', trainingCsv(training), 'text/csv;charset=utf-8');
  }

  async function importFile() {
    const input = $('import-file');
    const file = input.files && input.files[0];
    if (!file) return;
    let parsed;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('io_tooBig');
      parsed = parseTrainingFile(decodeText(await file.arrayBuffer()), file.name);
    } catch (e) {
      const why = e instanceof ImportError ? t(e.key, ...e.args) : t('io_read', (e && e.message) || String(e));
      message(t('importFailed', file.name, why), '');
      return;
    } finally {
      input.value = ''; // the same file can be chosen again
    }
    const rows = app.draft().training;
    if (rows.length && !window.confirm(t('confirmImport', rows.length))) {
      message('', t('importCancelled'));
      return;
    }
    replaceRows(parsed.rows);
    const multi = parsed.multi.length ? ` ${t('importMulti', parsed.multi.join(app.lang() === 'en' ? ', ' : '、'))}` : '';
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
