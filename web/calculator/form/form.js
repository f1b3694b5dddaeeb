// The form of one calculator: renders the draft into the markup's fields (option lists from the
// vocabulary, words from texts.js), turns what a person types into draft changes, and marks fields with
// what they lack or what the checker said about them. It keeps no state of its own beyond the DOM: the
// draft belongs to the calculator (calculator.js), which calls render*() and is told of every change.
import { createPersonFields } from './person-fields.js';
import { createCircumstanceFields } from './circumstance-fields.js';
import { createRecordList, FIRST_ROWS } from './record-list.js';
import { createFieldMarks } from './field-marks.js';

// The form is four parts over one <form>: the person's fields (person-fields.js), the circumstances
// (circumstance-fields.js), the training records (record-list.js, one card each: record-card.js) and the
// marks at the fields (field-marks.js). What a person types goes to the part that holds that field.
export function createForm(app) {
  const person = createPersonFields(app);
  const circumstances = createCircumstanceFields(app);
  const records = createRecordList(app);
  const marks = createFieldMarks(app);

  function onInput(event) {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest('.search-field, .picker')) return;
    if (target.dataset.row) records.onInput(target);
    else if (target.dataset.circ) circumstances.onInput(target, event);
    else person.onInput(target);
  }
  function onClick(event) {
    const circButton = event.target instanceof Element ? event.target.closest('button[data-circ-action]') : null;
    if (circButton) { circumstances.onButton(circButton); return; }
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (button) records.onButton(button);
  }

  const form = app.$('form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', onClick);

  const { renderTexts, renderFields, syncAge } = person;
  const { renderCircumstances } = circumstances;
  const { renderRows, renderMore, uidOf, card, focusControl } = records;
  return {
    renderTexts, renderFields, renderCircumstances, renderRows, renderMore, syncAge, uidOf, card, focusControl,
    ...marks,
    /** The rest of the first page of cards, after a first render of fewer (calculator.js mount). */
    renderFirstPage: () => renderMore(false, FIRST_ROWS),
    render() { renderTexts(); renderFields(); renderCircumstances(); renderRows(); },
  };
}
