// The special circumstances of the chosen rule set on the form: one checkbox per kind the rule set knows;
// once ticked, its fields (the vocabulary's `fields`, labelled with the vocabulary's words), one group per
// entry. A kind whose entries each count (two postings) can have several: "add another" / "remove this one".
import { SEVERAL_ENTRIES, circumstanceFields, isListField, isOptionalField, word } from '../../base/words.js';
import { el, setHidden, setText } from '../../base/dom.js';
import { circumstanceEntries } from '../draft.js';

const circId = (kind, e, f) => `c-${kind}-${e}-${f}`;

export function createCircumstanceFields(app) {
  const { $, wrapper } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const entryText = (key, kind, ...args) => { // a kind's own wording (…_village_first_secretary), else the general one
    const own = `${key}_${kind}`;
    const text = t(own, ...args);
    return text === own ? t(key, ...args) : text;
  };

  function circField(kind, e, f, value) {
    const list = isListField(f);
    const id = circId(kind, e, f);
    const hintId = `${id}-hint`;
    const hints = list ? [t('circListHint')] : [];
    const w = word('circumstanceField', f, app.lang());
    const label = (app.lang() === 'en' ? w.charAt(0).toUpperCase() + w.slice(1) : w) + (isOptionalField(kind, f) ? t('circOptional') : '');
    const input = el('input', { type: 'text', id, 'data-circ': kind, 'data-entry': e, 'data-field': f,
      inputmode: list ? 'text' : 'numeric', maxlength: list ? 200 : 5, className: list ? '' : 'num',
      'aria-describedby': hints.length ? hintId : null });
    input.value = value;
    return el('div', { className: 'field', 'data-field': f },
      el('label', { for: id, text: label }), input,
      hints.length ? el('small', { className: 'hint', id: hintId, text: hints.join(t('clauseSep')) }) : null);
  }

  function circEntries(kind) {
    const fields = circumstanceFields(kind);
    if (!fields.length) return null;
    const entries = circumstanceEntries(app.draft(), kind);
    const several = SEVERAL_ENTRIES.has(kind);
    const box = el('div', { className: 'circ-entries', id: `c-${kind}-entries` });
    entries.forEach((entry, e) => {
      const group = el('div', { className: 'circ-entry', role: 'group' },
        ...fields.map((f) => circField(kind, e, f, entry[f])));
      if (entries.length > 1) {
        const head = el('div', { className: 'circ-entry-head' },
          el('strong', { id: `c-${kind}-${e}-head`, text: entryText('circEntry', kind, e + 1) }),
          el('button', { type: 'button', className: 'danger', 'data-circ-action': 'remove', 'data-circ': kind,
            'data-entry': e, 'aria-label': entryText('circRemoveLabel', kind, e + 1), text: t('circRemove') }));
        group.prepend(head);
        group.setAttribute('aria-labelledby', `c-${kind}-${e}-head`);
      } else {
        group.setAttribute('aria-label', app.word('circumstance', kind));
      }
      box.append(group);
    });
    if (several && entries.length < 10) {
      box.append(el('button', { type: 'button', className: 'link circ-add', 'data-circ-action': 'add', 'data-circ': kind,
        text: entryText('circAdd', kind) }));
    }
    return box;
  }

  function renderCircumstances(focusId) {
    const list = $('circ-list');
    const items = [];
    for (const c of app.circumstances()) if (!items.some((x) => x.kind === c.kind)) items.push(c); // one box a kind
    const d = app.draft();
    const active = wrapper.getRootNode().activeElement;
    const focused = focusId || (active && list.contains(active) ? active.id : null);
    if (list.firstChild || items.length) list.replaceChildren();
    setText($('circ-empty'), app.ruleSet() ? (items.length ? '' : t('circNone')) : t('circNoRegion'));
    setHidden($('circ-empty'), items.length > 0);
    for (const c of items) {
      const on = !!(d.circ[c.kind] && d.circ[c.kind].on);
      const id = `c-${c.kind}`;
      const box = el('input', { type: 'checkbox', id, 'data-circ': c.kind, 'data-role': 'on',
        'aria-controls': on && circumstanceFields(c.kind).length ? `c-${c.kind}-entries` : null });
      box.checked = on;
      const text = app.lang() === 'en' ? c.textEn || c.text : c.text;
      const label = el('label', { for: id }, el('span', { text }), el('small', { className: 'cite', lang: 'zh-CN', text: app.cite(c.source) }));
      const item = el('div', { className: 'circ', 'data-kind': c.kind }, el('div', { className: 'check' }, box, label));
      const entries = on ? circEntries(c.kind) : null;
      if (entries) item.append(entries);
      list.append(item);
    }
    if (focused && $(focused)) $(focused).focus();
  }

  /** A circumstance's box ticked or its field typed (data-circ): the draft takes it. */
  function onInput(target, event) {
    const d = app.draft();
    const kind = target.dataset.circ;
    const state = d.circ[kind] || (d.circ[kind] = { on: false, entries: [] });
    if (target.dataset.role === 'on') {
      if (event.type === 'input' && target.type === 'checkbox') return; // (its change event follows)
      state.on = target.checked;
      renderCircumstances(target.id); // its fields appear (or go) under it
    } else if (target.dataset.field) {
      const entries = circumstanceEntries(d, kind);
      const entry = entries[Number(target.dataset.entry)];
      if (!entry || entry[target.dataset.field] === target.value) return; // nothing new
      entry[target.dataset.field] = target.value;
      state.entries = entries;
    }
    app.changed({});
  }

  // "add another posting" / "remove this one"; the focus goes to the entry that takes its place
  function onButton(button) {
    const kind = button.dataset.circ;
    const d = app.draft();
    const state = d.circ[kind] || (d.circ[kind] = { on: true, entries: [] });
    const entries = circumstanceEntries(d, kind);
    const first = circumstanceFields(kind)[0];
    let focus;
    if (button.dataset.circAction === 'add') {
      entries.push({});
      focus = circId(kind, entries.length - 1, first);
    } else {
      const e = Number(button.dataset.entry);
      entries.splice(e, 1);
      focus = circId(kind, Math.min(e, entries.length - 1), first);
    }
    state.entries = entries;
    renderCircumstances(focus);
    app.changed({});
  }

  return { renderCircumstances, onInput, onButton };
}
