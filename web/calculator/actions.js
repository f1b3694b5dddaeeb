// What a person does to the calculator as a whole: another draft in place of the one on screen (a saved
// person, a portal's profile), clear everything, switch the language, print, follow a link to a field.
import { setDocumentLang } from '../base/dom.js';
import { emptyDraft, forgetDraft } from './draft.js';

/**
 * app: the calculator; parts: {form, picker, results, io, evaluation, notices, keeping, people,
 * peopleView()}; where: {storage, storageKey, ownsDocument, setDraft(draft)}.
 */
export function createActions(app, parts, where) {
  const { $, t } = app;
  const { form, picker, results, io, evaluation, notices, keeping, people, peopleView } = parts;

  function renderAll() {
    form.render();
    picker.render();
    peopleView()?.render();
    notices.show();
  }
  function clearSearch() {
    io.clearMessages();
    $('f-search').value = '';
    $('f-search-results').replaceChildren();
    $('f-search-status').textContent = '';
  }
  /** Shows another draft (a saved person, a profile posted by a portal) in place of the one on screen. */
  function replaceDraft(next) {
    keeping.cancelSave();
    const shownLang = app.lang();
    where.setDraft(next);
    next.lang = shownLang;
    clearSearch();
    notices.replace(null);
    renderAll();
    evaluation.evaluateNow();
  }
  async function clearAll() {
    if (!window.confirm(t('confirmClear'))) return;
    if (people) {
      // a saved person keeps its entries; only the screen is cleared (not before they are kept)
      const kept = await people.keep(app.draft());
      if (!kept.ok) { keeping.afterWrite(kept); return; }
    }
    where.setDraft(emptyDraft(app.lang()));
    if (people) keeping.writeTab();
    else if (where.storage) forgetDraft(where.storage, where.storageKey);
    notices.replace([() => t('cleared')]);
    clearSearch();
    renderAll();
    evaluation.evaluateNow();
    $('f-search').focus();
  }
  function setLang(next) {
    const l = next === 'en' ? 'en' : 'zh';
    if (l === app.lang()) return;
    app.draft().lang = l;
    if (where.ownsDocument) {
      setDocumentLang(l, t('title'));
    }
    io.clearMessages();
    renderAll();
    evaluation.evaluateNow();
  }
  function onFocusLink(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-focus]') : null;
    if (!link) return;
    event.preventDefault();
    const control = $(link.dataset.focus);
    if (control) {
      control.scrollIntoView({ block: control.matches('h1, h2, h3') ? 'start' : 'center' });
      control.focus();
    }
  }
  function print() {
    results.renderPrint(evaluation.view());
    window.print();
  }

  $('clear-all').addEventListener('click', clearAll);
  $('lang-toggle').addEventListener('click', () => { setLang(app.lang() === 'en' ? 'zh' : 'en'); $('lang-toggle').focus(); });
  $('print-btn').addEventListener('click', print);
  for (const id of ['error-list', 'verdict-chip', 'skip-result', 'next-step']) $(id).addEventListener('click', onFocusLink);
  $('ways-block').addEventListener('toggle', () => { if ($('ways-block').open) results.renderWays(evaluation.view()); });
  $('rules-block').addEventListener('toggle', () => { if ($('rules-block').open) results.renderRules(); });
  const beforePrint = () => results.renderPrint(evaluation.view());
  window.addEventListener('beforeprint', beforePrint);

  return { replaceDraft, setLang, stop() { window.removeEventListener('beforeprint', beforePrint); } };
}
