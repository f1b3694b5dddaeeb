// The person's fields of the form (year, route, level, gender, age or birth date, education, sector,
// series, grassroots, region code, name) and the form's static words: the draft's values and the
// vocabulary's option lists put on screen, writing only what differs from what is there.
import { languageTag, VOCABULARY } from '../../base/words.js';
import { el, setHidden, setText } from '../../base/dom.js';

/** [id, word] of a vocabulary list, in the language on screen. */
export const vocabularyChoices = (app, kind) => VOCABULARY[kind].map((w) => [w.id, app.lang() === 'en' ? w.en : w.zh]);

/** Fills a <select> with [value, label] pairs after a "choose" entry; a value not among them is dropped. */
export function fillSelect(select, items, value, placeholder) {
  const all = placeholder !== null ? [['', placeholder], ...items] : items;
  const opts = select.options;
  const same = opts.length === all.length && all.every(([k, label], i) => opts[i].value === k && opts[i].textContent === label);
  if (!same) select.replaceChildren(...all.map(([k, label]) => el('option', { value: k, text: label })));
  const v = value ?? '';
  if (select.value !== v) select.value = v;
}

export function createPersonFields(app) {
  const { $, wrapper } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const words = (kind) => vocabularyChoices(app, kind);

  function renderTexts() {
    const lang = languageTag(app.lang());
    if (wrapper.lang !== lang) wrapper.lang = lang;
    for (const node of wrapper.querySelectorAll('[data-t]')) setText(node, t(node.dataset.t));
    for (const node of wrapper.querySelectorAll('[data-step]')) setText(node, t('step', node.dataset.step));
    for (const node of wrapper.querySelectorAll('.colon')) setText(node, t('colon'));
    const toggle = $('lang-toggle');
    setText(toggle, t('langToggle'));
    const other = languageTag(app.lang() === 'en' ? 'zh' : 'en');
    if (toggle.lang !== other) toggle.lang = other;
    if ($('import-file').getAttribute('aria-label') !== t('importInput')) $('import-file').setAttribute('aria-label', t('importInput'));
  }

  function renderChoices(name, kind, value) {
    const group = $(`f-${name}`);
    const items = words(kind);
    const shown = group.children;
    const same = shown.length === items.length && items.every(([id, label], i) => {
      const input = shown[i].firstElementChild;
      return input && input.id === `f-${name}-${id}` && shown[i].lastElementChild.textContent === label;
    });
    if (same) {
      for (const [i, [id]] of items.entries()) {
        const input = shown[i].firstElementChild;
        if (input.checked !== (value === id)) input.checked = value === id;
      }
      return;
    }
    group.replaceChildren(...words(kind).map(([id, label]) => {
      const input = el('input', { type: 'radio', name: `jxjy-${name}`, value: id, id: `f-${name}-${id}`, 'data-key': name });
      input.checked = value === id;
      return el('label', { className: 'choice', for: input.id }, input, el('span', { text: label }));
    }));
  }

  function renderFields() {
    const d = app.draft();
    for (const key of ['year', 'applicationDate', 'age', 'birthDate', 'currentTitleSince', 'name']) {
      const input = $(`f-${key}`);
      if (input.dataset.key !== key) input.dataset.key = key;
      if (input.value !== d[key]) input.value = d[key];
    }
    renderChoices('route', 'route', d.route);
    renderChoices('level', 'level', d.level);
    renderChoices('gender', 'gender', d.gender);
    fillSelect($('f-education'), words('education'), d.education, t('unset'));
    fillSelect($('f-sector'), words('sector'), d.sector, t('unset'));
    fillSelect($('f-series'), words('series'), d.series, t('unset'));
    for (const key of ['education', 'sector', 'series']) if ($(`f-${key}`).dataset.key !== key) $(`f-${key}`).dataset.key = key;
    if ($('f-grassroots').checked !== d.grassroots) $('f-grassroots').checked = d.grassroots;
    if ($('f-grassroots').dataset.key !== 'grassroots') $('f-grassroots').dataset.key = 'grassroots';
    if ($('f-region').value !== d.region) $('f-region').value = d.region;
    syncAge();
  }

  // With a birth date the checker computes the age itself: the age field is then not used.
  function syncAge() {
    const fromBirth = app.draft().birthDate.trim() !== '';
    if ($('f-age').disabled !== fromBirth) $('f-age').disabled = fromBirth;
    setHidden($('f-age-hint'), !fromBirth);
    if (fromBirth) $('f-age').setAttribute('aria-describedby', 'f-age-hint');
    else if ($('f-age').hasAttribute('aria-describedby')) $('f-age').removeAttribute('aria-describedby');
  }

  /** A person's field typed (data-key): the draft takes it; false when it is none of theirs or nothing new. */
  function onInput(target) {
    const d = app.draft();
    const key = target.dataset.key;
    if (!key || !(key in d)) return false;
    if (target.type === 'radio' && !target.checked) return false;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    if (d[key] === value) return false; // nothing new
    d[key] = value;
    if (key === 'birthDate') syncAge();
    app.changed({ key });
    return true;
  }

  return { renderTexts, renderFields, syncAge, onInput };
}
