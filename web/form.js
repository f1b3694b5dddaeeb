// The form of one calculator: renders the draft into the markup's fields (option lists from the
// vocabulary, words from texts.js), turns what a person types into draft changes, and marks fields with
// what they lack or what the checker said about them. It keeps no state of its own beyond the DOM: the
// draft belongs to the calculator (calculator.js), which calls render*() and is told of every change.
import { SEVERAL_ENTRIES, VOCABULARY, circumstanceFields, isListField, isOptionalField, word } from './words.js';
import { circumstanceEntries, newRow, parseInteger } from './draft.js';

// Cards rendered at once; the rest on request, a page at a time ("show the other N"): a 1,000-row draft
// must reach its first verdict fast, and a person reads a few dozen records at a time anyway.
const FIRST_ROWS = 50;
const PAGE_ROWS = 100;

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Resolves with `value` in a later task: long work split so that each task stays short (a task over
 *  50 ms on a slow phone is Lighthouse's total blocking time). */
export const nextTask = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 0));

// Every render below writes only what differs from what is on screen: the production page starts from
// the static first screen (first-screen.js) and the browser then has nothing to lay out again.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

/** Fills a <select> with [value, label] pairs after a "choose" entry; a value not among them is dropped. */
export function fillSelect(select, items, value, placeholder) {
  const all = placeholder !== null ? [['', placeholder], ...items] : items;
  const opts = select.options;
  const same = opts.length === all.length && all.every(([k, label], i) => opts[i].value === k && opts[i].textContent === label);
  if (!same) select.replaceChildren(...all.map(([k, label]) => el('option', { value: k, text: label })));
  const v = value ?? '';
  if (select.value !== v) select.value = v;
}

export function createForm(app) {
  const { $, wrapper } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const words = (kind) => VOCABULARY[kind].map((w) => [w.id, app.lang() === 'en' ? w.en : w.zh]);
  let marked = [];
  const cards = new Map(); // uid -> the rendered card (most of a long draft is not rendered)
  let rowsShown = 0;
  let nextUid = 1;

  const uidOf = (row) => {
    if (!row.uid) Object.defineProperty(row, 'uid', { value: nextUid++, enumerable: false });
    return row.uid;
  };

  // ---- static texts and option lists --------------------------------------------------------
  function renderTexts() {
    const lang = app.lang() === 'en' ? 'en' : 'zh-CN';
    if (wrapper.lang !== lang) wrapper.lang = lang;
    for (const node of wrapper.querySelectorAll('[data-t]')) setText(node, t(node.dataset.t));
    for (const node of wrapper.querySelectorAll('[data-step]')) setText(node, t('step', node.dataset.step));
    for (const node of wrapper.querySelectorAll('.colon')) setText(node, app.lang() === 'en' ? ': ' : '：');
    const toggle = $('lang-toggle');
    setText(toggle, t('langToggle'));
    const other = app.lang() === 'en' ? 'zh-CN' : 'en';
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

  // ---- circumstances of the chosen rule set --------------------------------------------------
  // One checkbox per kind the rule set knows; once ticked, its fields (the vocabulary's `fields`, labelled
  // with the vocabulary's words), one group per entry. A kind whose entries each count (two postings)
  // can have several: "add another" / "remove this one".
  const circId = (kind, e, f) => `c-${kind}-${e}-${f}`;
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
      hints.length ? el('small', { className: 'hint', id: hintId, text: hints.join(app.lang() === 'en' ? '; ' : '；') }) : null);
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

  // ---- training records: one card each ----------------------------------------------------------
  // A card is a copy of one built for a blank record (per language), its ids and values then set: a
  // deep clone is several times faster than building the ~60 elements and ~25 options anew (50 cards
  // on the first page, 100 more on each "show more").
  let template = null;
  function rowCard(row, n) {
    const uid = uidOf(row);
    if (!template || template.lang !== app.lang()) template = { lang: app.lang(), node: buildCard(newRow(), 0, 0) };
    const li = template.node.cloneNode(true);
    const to = `r${uid}-`;
    li.id = `r${uid}`;
    li.dataset.uid = uid;
    for (const node of li.querySelectorAll('[id], [for], [name], [data-row], [aria-describedby]')) {
      if (node.id.startsWith('r0-')) node.id = to + node.id.slice(3);
      const f = node.getAttribute('for');
      if (f && f.startsWith('r0-')) node.setAttribute('for', to + f.slice(3));
      if (node.name && node.name.startsWith('r0-')) node.name = to + node.name.slice(3);
      if (node.dataset.row !== undefined) node.dataset.row = uid;
      const d = node.getAttribute('aria-describedby');
      if (d && d.startsWith('r0-')) node.setAttribute('aria-describedby', to + d.slice(3));
    }
    const control = (key) => li.querySelector(`[data-col="${key}"] [data-key="${key}"]`);
    for (const key of ['year', 'amount', 'note']) control(key).value = row[key];
    for (const key of ['subject', 'activity', 'level']) control(key).value = row[key];
    control('unit').value = row.unit || 'hours';
    for (const radio of li.querySelectorAll('input[data-key="filed"]')) radio.checked = (row.filed || '') === radio.value;
    li.querySelector('[data-col="level"]').hidden = row.activity !== 'conference';
    li.querySelector('.rec-no').textContent = t('record', n);
    li.querySelector('[data-action="dup"]').setAttribute('aria-label', t('dupRow', n));
    li.querySelector('[data-action="del"]').setAttribute('aria-label', t('delRow', n));
    cards.set(uid, li);
    return li;
  }

  function buildCard(row, n, uid) {
    const id = (k) => `r${uid}-${k}`;
    const field = (key, control, { wide = false, hint = null } = {}) => {
      control.id = id(key);
      control.dataset.row = uid;
      control.dataset.key = key;
      const box = el('div', { className: `field${wide ? ' wide' : ''}`, 'data-col': key },
        el('label', { for: control.id, text: t('r_' + key) }), control);
      if (hint) {
        box.append(el('small', { className: 'hint', id: `${control.id}-hint`, text: hint }));
        control.setAttribute('aria-describedby', `${control.id}-hint`);
      }
      return box;
    };
    const text = (key, value, attrs = {}) => {
      const input = el('input', { type: 'text', ...attrs });
      input.value = value;
      return input;
    };
    const select = (items, value) => {
      const s = el('select');
      fillSelect(s, items, value, t('unset'));
      return s;
    };
    const unit = el('select');
    fillSelect(unit, words('unit'), row.unit || 'hours', null);
    const level = select(words('confLevel'), row.level);
    const levelBox = field('level', level);
    levelBox.hidden = row.activity !== 'conference'; // 会议级别: a conference's only (kept, not sent, otherwise)

    const filedName = id('filed');
    const filed = el('fieldset', { className: 'field wide filed', 'data-col': 'filed', id: filedName },
      el('legend', { text: t('r_filed') }),
      el('div', { className: 'choices' }, ...[['yes', 'filedYes'], ['no', 'filedNo'], ['', 'filedUnknown']].map(([v, k]) => {
        const input = el('input', { type: 'radio', name: filedName, value: v, id: `${filedName}-${v || 'unknown'}`,
          'data-row': uid, 'data-key': 'filed' });
        input.checked = (row.filed || '') === v;
        return el('label', { className: 'choice', for: input.id }, input, el('span', { text: t(k) }));
      })),
      el('small', { className: 'hint', text: t('filedHint') }));

    const amountBox = field('amount', text('amount', row.amount, { inputmode: 'decimal', className: 'num' }), { hint: t('amountHint') });
    const unitBox = field('unit', unit);
    const li = el('li', { className: 'rec', id: `r${uid}`, 'data-uid': uid },
      el('div', { className: 'rec-head' },
        el('h3', { className: 'rec-no', text: t('record', n) }),
        el('span', { className: 'rec-actions' },
          el('button', { type: 'button', 'data-action': 'dup', 'data-row': uid, 'aria-label': t('dupRow', n), text: t('dup') }),
          el('button', { type: 'button', className: 'danger', 'data-action': 'del', 'data-row': uid, 'aria-label': t('delRow', n), text: t('del') }))),
      el('div', { className: 'rec-grid' },
        field('year', text('year', row.year, { inputmode: 'numeric', maxlength: 5, className: 'num' })),
        field('subject', select([['public', app.word('subject', 'public')], ['professional', app.word('subject', 'professional')]], row.subject)),
        field('activity', select(words('activity'), row.activity)),
        amountBox, unitBox, levelBox,
        field('note', text('note', row.note, { maxlength: 1000 }), { wide: true }),
        filed),
      el('p', { className: 'explain', id: id('explain') }));
    return li;
  }

  /** Renders the cards anew: the first FIRST_ROWS (or as many as were shown), or only `limit` of them. */
  function renderRows(focusId, limit = FIRST_ROWS) {
    const rows = app.draft().training;
    const list = $('records-list');
    const target = Math.max(Math.min(limit, FIRST_ROWS), Math.min(rows.length, rowsShown));
    cards.clear();
    if (rows.length || list.firstChild) list.replaceChildren(...rows.slice(0, target).map((r, i) => rowCard(r, i + 1)));
    rowsShown = Math.min(rows.length, target);
    setHidden($('records-empty'), rows.length > 0);
    setHidden($('sort-rows'), rows.length < 2);
    updateShowMore();
    if (focusId) focusControl(focusId);
  }
  // The next page of cards (or all of them, or up to the first FIRST_ROWS: `upTo`).
  function renderMore(all = false, upTo = null) {
    const rows = app.draft().training;
    const list = $('records-list');
    const end = all ? rows.length : Math.min(rows.length, upTo === null ? rowsShown + PAGE_ROWS : Math.max(rowsShown, upTo));
    if (end <= rowsShown) return;
    const frag = document.createDocumentFragment();
    for (let i = rowsShown; i < end; i++) frag.append(rowCard(rows[i], i + 1));
    list.append(frag);
    rowsShown = end;
    app.rowsRendered();
    updateShowMore();
  }
  function updateShowMore() {
    const rest = app.draft().training.length - rowsShown;
    setHidden($('show-more'), rest <= 0);
    if (rest > 0) setText($('show-more'), t('showMore', rest));
  }

  /** The card of a row's uid, if rendered. */
  const card = (uid) => cards.get(uid) || null;

  function focusControl(id) {
    let node = $(id);
    if (!node && /^r\d+-/.test(id)) { renderMore(true); node = $(id); }
    if (node) node.focus();
  }

  // ---- marks: what a field lacks (need) or what the checker refused (error) ---------------------
  function clearMarks() {
    for (const { control, msg, describedby } of marked) {
      msg.remove();
      control.removeAttribute('aria-invalid');
      if (describedby) control.setAttribute('aria-describedby', describedby);
      else control.removeAttribute('aria-describedby');
    }
    marked = [];
  }
  /** Drops the marks of the static first screen (first-screen.js): the calculator puts its own. */
  function clearStaticMarks() {
    for (const msg of wrapper.querySelectorAll('.field-msg')) {
      const control = wrapper.querySelector(`[aria-describedby~="${CSS.escape(msg.id)}"]`);
      if (control) {
        const rest = control.getAttribute('aria-describedby').split(/\s+/).filter((x) => x && x !== msg.id).join(' ');
        if (rest) control.setAttribute('aria-describedby', rest); else control.removeAttribute('aria-describedby');
      }
      msg.remove();
    }
  }
  /** Puts `text` at the control `id` (a need in amber, an error in red). Returns the control or null. */
  function mark(id, text, kind) {
    const control = $(id);
    if (!control) return null;
    const msgId = `${id}-msg-${marked.length}`;
    const msg = el('span', { className: `field-msg ${kind}`, id: msgId, text });
    const holder = control.closest('.field, .circ, .choices-field') || control.parentElement;
    holder.append(msg);
    const describedby = control.getAttribute('aria-describedby') || '';
    if (kind === 'error') control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', `${describedby} ${msgId}`.trim());
    marked.push({ control, msg, describedby, id, text, kind });
    return control;
  }
  /** True when exactly these marks ([id, text, kind]) are on screen already, in this order. */
  function hasMarks(list) {
    return marked.length === list.length && list.every(([id, text, kind], i) => {
      const m = marked[i];
      return m.id === id && m.text === text && m.kind === kind && m.control.isConnected && $(id) === m.control;
    });
  }

  // ---- events -----------------------------------------------------------------------------------
  function onInput(event) {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest('.search-field, .picker')) return;
    const d = app.draft();
    if (target.dataset.row) {
      const row = d.training.find((r) => String(uidOf(r)) === target.dataset.row);
      if (!row) return;
      const key = target.dataset.key;
      if (target.type === 'radio' && !target.checked) return;
      if (row[key] === target.value) return; // (the change event after the input events: nothing new)
      row[key] = target.value;
      if (key === 'activity') {
        const box = card(uidOf(row))?.querySelector('[data-col="level"]');
        if (box) box.hidden = row.activity !== 'conference';
      }
      app.changed({ row });
      return;
    }
    if (target.dataset.circ) {
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
      return;
    }
    const key = target.dataset.key;
    if (!key || !(key in d)) return;
    if (target.type === 'radio' && !target.checked) return;
    const value = target.type === 'checkbox' ? target.checked : target.value;
    if (d[key] === value) return; // nothing new
    d[key] = value;
    if (key === 'birthDate') syncAge();
    app.changed({ key });
  }

  function onClick(event) {
    const circButton = event.target instanceof Element ? event.target.closest('button[data-circ-action]') : null;
    if (circButton) { onCircButton(circButton); return; }
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    const rows = app.draft().training;
    const i = rows.findIndex((r) => String(uidOf(r)) === button.dataset.row);
    if (i < 0) return;
    let focus;
    if (button.dataset.action === 'dup') {
      const copy = { ...rows[i] };
      rows.splice(i + 1, 0, copy);
      focus = `r${uidOf(copy)}-year`;
    } else {
      rows.splice(i, 1);
      const next = rows[i] || rows[i - 1];
      focus = next ? `r${uidOf(next)}-year` : 'add-row';
    }
    rowsShown = Math.max(rowsShown, Math.min(rows.length, i + 2));
    renderRows(focus);
    app.changed({ rows: true });
  }

  // "add another posting" / "remove this one"; the focus goes to the entry that takes its place
  function onCircButton(button) {
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

  function addRow() {
    const rows = app.draft().training;
    const last = rows[rows.length - 1];
    const row = newRow(last ? last.year : app.draft().year);
    if (last) row.subject = last.subject;
    rows.push(row);
    rowsShown = rows.length;
    renderRows(`r${uidOf(row)}-year`);
    app.changed({ rows: true });
  }

  // Sorted by year, oldest first; records of one year keep their order (a stable sort).
  function sortRows() {
    const rows = app.draft().training;
    const year = (r) => parseInteger(r.year) || 9999; // (２０２２ and 2022年 too; no year: last)
    rows.sort((a, b) => year(a) - year(b));
    renderRows();
    app.changed({ rows: true });
    $('io-status').textContent = t('sorted'); // said below the buttons: nothing above them moves
  }

  const form = $('form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', onClick);
  $('add-row').addEventListener('click', addRow);
  $('sort-rows').addEventListener('click', sortRows);
  $('show-more').addEventListener('click', () => renderMore(false));

  return {
    renderTexts, renderFields, renderCircumstances, renderRows, renderMore, syncAge, clearMarks, clearStaticMarks, mark, hasMarks,
    uidOf, card, focusControl,
    /** The rest of the first page of cards, after a first render of fewer (calculator.js mount). */
    renderFirstPage: () => renderMore(false, FIRST_ROWS),
    render() { renderTexts(); renderFields(); renderCircumstances(); renderRows(); },
  };
}
