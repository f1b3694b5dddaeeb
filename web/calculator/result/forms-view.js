// "打印表格": the notice's own forms this person needs (checker.forms, CONTRACT §5.2), listed under the
// result, each printed alone on A4 as the notice lays it out (form-print.js).
import { el, setHidden } from '../../base/dom.js';
import { renderForm } from './form-print.js';

/** parts: result-parts.js. */
export function createFormsView(app, parts) {
  const { $ } = app;
  const { t, cite } = parts;
  let formsKey = '';
  function renderForms(view) {
    const block = $('forms-block');
    if (view.stage !== 'verdict' || !view.built) {
      formsKey = '';
      setHidden(block, true);
      return;
    }
    const key = `${app.lang()}|${view.built.text}`; // (the profile's JSON text, made once: draft-view.js)
    if (key === formsKey) return;
    formsKey = key;
    app.forms(view.built.text).then((answer) => {
      if (formsKey !== key) return; // an older profile's answer
      const forms = answer && answer.ok ? answer.forms : [];
      $('forms-list').replaceChildren(...forms.map(formItem));
      setHidden(block, forms.length === 0);
    });
  }

  function formFor(f) {
    if (f.for.record !== undefined) return t('formForRecord', f.for.record + 1);
    if (f.for.year !== undefined) return t('formForYear', f.for.year);
    if (f.for.circumstance) return t('formForCircumstance', app.word('circumstance', f.for.circumstance));
    return '';
  }

  function formItem(f) {
    const button = el('button', { type: 'button', className: 'form-print no-print', 'data-form': f.id, text: t('formPrint') });
    button.addEventListener('click', () => printForm(f));
    return el('li', { className: 'form-item' },
      el('strong', { lang: 'zh-CN', text: `${f.attachment} ${f.title}` }), ' ', el('span', { className: 'form-for', text: t('parens', formFor(f)) }),
      el('p', { className: 'form-purpose', text: f.purpose }),
      cite(f.source), ' ', button);
  }

  // Prints one form alone: it is drawn into #print-form, and while the wrapper has printing-form only it prints.
  function printForm(f) {
    const box = $('print-form');
    box.replaceChildren(renderForm(f, { lang: app.lang(), name: (app.draft().name || '').trim() }));
    const wrapper = box.parentElement;
    wrapper.classList.add('printing-form');
    const done = () => { wrapper.classList.remove('printing-form'); window.removeEventListener('afterprint', done); };
    window.addEventListener('afterprint', done);
    window.print();
  }

  return { renderForms };
}
