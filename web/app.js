// jxjy calculator. Everything runs locally: the profile is built from the form, evaluated by the wasm
// checker (./jxjy.js) on every change and the result is rendered below. No network requests besides
// loading the calculator's own files.
//
// The calculator is one function, mount(root, options), used by
//   - index.html (the page: <div id="jxjy-app" data-jxjy-page>, mounted by the code at the end of this
//     file; ?embed=1 also answers postMessage, see setupEmbed), and
//   - jxjy-checker.js (the <jxjy-checker region lang> custom element: mounted in its shadow root).
// All state lives inside one mount; element ids are looked up inside its root, so several calculators
// can live in one document as long as each has its own shadow root.
import { createWorkerChecker } from './worker-checker.js';
import { markup } from './markup.js';
import { ACTIVITIES, CIRC_EXTRA, CONF_LEVELS, TEXT, UNITS } from './texts.js';
import {
  CSV_COLUMNS, ImportError, MAX_IMPORT_BYTES, decodeText, parseCsv, parseTrainingFile, trainingCsv,
} from './training-file.js';

export { CSV_COLUMNS, parseCsv, parseTrainingFile, trainingCsv };

/** localStorage key of the page's draft. */
export const STORAGE_KEY = 'jxjy.calculator.draft.v1';
const DEFAULT_REGION = '150783';
const DEFAULT_YEAR = '2023';

// ---------------------------------------------------------------------------------------------
// The checker: one per document, shared by every mounted calculator.
let checkerPromise = null;
/** Resolves to the shared checker (./jxjy.js in a worker: evaluate returns a Promise); retried after a failure. */
export function loadChecker() {
  if (!checkerPromise) {
    checkerPromise = createWorkerChecker();
    checkerPromise.catch(() => { checkerPromise = null; });
  }
  return checkerPromise;
}

// ---------------------------------------------------------------------------------------------
// Draft (the form's state)
export function defaultDraft(lang = 'zh', region = DEFAULT_REGION) {
  return {
    lang, region, code: '', year: DEFAULT_YEAR, applicationDate: '', route: 'review', level: 'intermediate',
    gender: 'male', age: '40', birthDate: '', education: '', sector: 'public', currentTitleSince: '',
    grassroots: false, circ: {},
    training: [
      { ...newRow(DEFAULT_YEAR), subject: 'public', amount: '30' },
      { ...newRow(DEFAULT_YEAR), subject: 'professional', amount: '60' },
    ],
  };
}
function newRow(year) {
  return { year: String(year || ''), subject: 'public', activity: 'course', amount: '', unit: 'hours',
    level: '', filed: true, note: '' };
}
function readDraft(storageKey, base) {
  if (!storageKey) return base;
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
      for (const k of Object.keys(base)) if (k in saved && typeof saved[k] === typeof base[k]) base[k] = saved[k];
      if (!Array.isArray(base.training)) base.training = [];
      base.training = base.training.filter((r) => r && typeof r === 'object').map((r) => ({ ...newRow(''), ...r }));
      if (!base.circ || typeof base.circ !== 'object' || Array.isArray(base.circ)) base.circ = {};
      if (base.lang !== 'en') base.lang = 'zh';
    }
  } catch { /* unreadable draft or storage disabled: start afresh */ }
  return base;
}

// Small helpers that need no state
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
function options(select, items, value) {
  // a value from an imported file that is not one of the choices is shown as given (the checker names it)
  const v = value === undefined || value === null ? '' : String(value);
  const all = v !== '' && !items.some(([k]) => k === v) ? [...items, [v, v]] : items;
  select.replaceChildren(...all.map(([k, label]) => el('option', { value: k, text: label })));
  select.value = v;
}
function cite(source) {
  if (!source) return '';
  const parts = [source.number || source.title, source.clause].filter(Boolean);
  return parts.length ? `（${parts.join(' ')}）` : '';
}
function fmt(n) {
  return typeof n === 'number' ? String(Math.round(n * 100) / 100) : '—';
}
function num(text) {
  const s = String(text ?? '').trim();
  if (s === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : s; // a non-number goes through so the checker names it
}

export function mount(root, opts = {}) {
  const embedded = !!opts.embedded;
  const storageKey = opts.storageKey || null;
  const wrapper = el('div', { className: embedded ? 'jxjy embedded' : 'jxjy' });
  wrapper.innerHTML = markup(embedded && !opts.ownsDocument ? 2 : 1);
  root.append(wrapper);

  const $ = (id) => wrapper.querySelector(`#${id}`);
  const activeElement = () => wrapper.getRootNode().activeElement;

  let draft = readDraft(storageKey, defaultDraft());
  if (opts.lang === 'en' || opts.lang === 'zh') draft.lang = opts.lang;
  let pendingRegion = opts.region ? String(opts.region).trim() : '';
  let catalogue = [];
  let checker = null;
  let lastResult = null;
  let nextUid = 1;
  // training rows carry a uid so their element ids stay stable while rows are added or removed
  draft.training.forEach((r) => { r.uid = nextUid++; });

  const t = (key) => TEXT[draft.lang][key] ?? TEXT.zh[key] ?? key;
  const en = () => draft.lang === 'en';

  function saveDraft() {
    if (!storageKey) return;
    try {
      const copy = { ...draft, training: draft.training.map(({ uid, ...r }) => r) };
      localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch { /* storage full or disabled: the calculator still works */ }
  }

  // Region and rule set of the current input (for the circumstance list)
  function regionCode() {
    const code = draft.code.trim();
    return code !== '' ? code : draft.region;
  }
  function catalogueEntry(code) {
    if (!/^\d{6}$/.test(code)) return null;
    for (const c of [code, code.slice(0, 4) + '00', code.slice(0, 2) + '0000']) {
      const hit = catalogue.find((r) => r.region === c);
      if (hit) return hit;
    }
    return null;
  }
  function ruleSetFor(entry) {
    if (!entry || !entry.ruleSets || !entry.ruleSets.length) return null;
    const year = Number(draft.year);
    const sets = [...entry.ruleSets].sort((a, b) => a.year - b.year);
    const inForce = sets.filter((s) => s.year <= year);
    return inForce.length ? inForce[inForce.length - 1] : sets[0];
  }
  function shownCircumstances() {
    const rs = ruleSetFor(catalogueEntry(regionCode()));
    return rs ? rs.circumstances || [] : [];
  }
  function applyRegion(code) {
    if (!code) return;
    if (!catalogue.length) { pendingRegion = code; return; }
    if (catalogue.some((r) => r.region === code)) {
      draft.region = code;
      draft.code = '';
    } else {
      draft.code = code;
    }
  }

  // Form rendering
  function applyTexts() {
    const lang = en() ? 'en' : 'zh-CN';
    wrapper.lang = lang;
    if (opts.ownsDocument) {
      document.documentElement.lang = lang;
      document.title = t('title');
    }
    for (const node of wrapper.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    const toggle = $('lang-toggle');
    toggle.textContent = en() ? '中文' : 'English';
    toggle.lang = en() ? 'zh-CN' : 'en';
    $('import-file').setAttribute('aria-label', t('importInput'));
  }

  function regionLabel(r, lang = draft.lang) {
    const newest = [...(r.ruleSets || [])].sort((a, b) => b.year - a.year)[0];
    const number = newest && newest.sources && newest.sources[0] ? newest.sources[0].number || newest.sources[0].title : '';
    const name = lang === 'en' ? r.nameEn || r.name : r.name;
    return `${name} ${r.region}${number ? ' · ' + number : ''}`;
  }

  function renderRegionSelect() {
    const items = catalogue.map((r) => [r.region, regionLabel(r)]);
    if (!catalogue.some((r) => r.region === draft.region) && catalogue.length) draft.region = catalogue[0].region;
    options($('f-region'), items, draft.region);
    // suggestions of the search field: the same labels, plus the other language's name
    $('f-search-list').replaceChildren(...catalogue.map((r, i) =>
      el('option', { value: items[i][1], label: en() ? r.name : r.nameEn || '' })));
  }

  function renderStaticFields() {
    for (const [id, key] of Object.entries(STATIC)) $(id).value = draft[key];
    $('f-grassroots').checked = !!draft.grassroots;
    syncAge();
  }
  // With a birth date the checker computes the age itself: the age field is then not used.
  function syncAge() {
    const fromBirth = draft.birthDate.trim() !== '';
    $('f-age').disabled = fromBirth;
    $('f-age-hint').hidden = !fromBirth;
    if (fromBirth) $('f-age').setAttribute('aria-describedby', 'f-age-hint');
    else $('f-age').removeAttribute('aria-describedby');
  }

  function renderCircumstances() {
    const list = $('circ-list');
    const items = shownCircumstances();
    const active = activeElement();
    const focused = active && list.contains(active) ? active.id : null;
    list.replaceChildren();
    $('circ-empty').hidden = items.length > 0;
    for (const c of items) {
      const state = draft.circ[c.kind] || { on: false, value: '' };
      const id = `c-${c.kind}`;
      const box = el('input', { type: 'checkbox', id, 'data-circ': c.kind, 'data-role': 'on' });
      box.checked = !!state.on;
      const text = en() ? c.textEn || c.text : c.text;
      const label = el('label', { for: id }, el('span', { text }),
        el('small', { className: 'cite', text: cite(c.source) }));
      const item = el('div', { className: 'circ' }, el('div', { className: 'check' }, box, label));
      const extra = CIRC_EXTRA[c.kind];
      if (extra) {
        const xid = `c-${c.kind}-value`;
        const input = el('input', { type: 'text', id: xid, 'data-circ': c.kind, 'data-role': 'value',
          inputmode: extra[2] === 'list' ? 'text' : 'numeric' });
        input.value = state.value || '';
        input.disabled = !state.on;
        item.append(el('div', { className: 'field circ-extra' }, el('label', { for: xid, text: t(extra[1]) }), input));
      }
      list.append(item);
    }
    if (focused && $(focused)) $(focused).focus();
  }

  function rowCell(row, n, key, control, labelKey) {
    const id = `r${row.uid}-${key}`;
    control.id = id;
    control.dataset.row = row.uid;
    control.dataset.key = key;
    return el('td', { 'data-col': key },
      el('label', { for: id, className: 'sr-only', text: TEXT[draft.lang].rowField(n, t(labelKey)) }), control);
  }

  function renderRows(focusId) {
    const body = $('training-body');
    body.replaceChildren();
    draft.training.forEach((row, i) => {
      const n = i + 1;
      const year = el('input', { type: 'text', inputmode: 'numeric', maxlength: 4, className: 'num' });
      year.value = row.year;
      const subject = el('select');
      options(subject, [['public', t('subject_public')], ['professional', t('subject_professional')]], row.subject);
      const activity = el('select');
      options(activity, Object.entries(ACTIVITIES).map(([k, v]) => [k, en() ? v[1] : v[0]]), row.activity);
      const amount = el('input', { type: 'text', inputmode: 'decimal', className: 'num' });
      amount.value = row.amount;
      const unit = el('select');
      options(unit, UNITS.map((u) => [u, t('unit_' + u)]), row.unit);
      const level = el('select');
      options(level, CONF_LEVELS.map((l) => [l, t('lvl_' + (l || 'none'))]), row.level);
      const filed = el('input', { type: 'checkbox' });
      filed.checked = row.filed !== false; // an imported non-boolean shows checked; the checker names it
      const note = el('input', { type: 'text', className: 'note' });
      note.value = row.note;
      const dup = el('button', { type: 'button', 'data-action': 'dup', 'data-row': row.uid,
        'aria-label': TEXT[draft.lang].dupRow(n), text: t('dup') });
      const del = el('button', { type: 'button', className: 'danger', 'data-action': 'del', 'data-row': row.uid,
        'aria-label': TEXT[draft.lang].delRow(n), text: t('del') });
      body.append(el('tr', { id: `r${row.uid}` },
        el('th', { scope: 'row', text: String(n) }),
        rowCell(row, n, 'year', year, 't_year'),
        rowCell(row, n, 'subject', subject, 't_subject'),
        rowCell(row, n, 'activity', activity, 't_activity'),
        rowCell(row, n, 'amount', amount, 't_amount'),
        rowCell(row, n, 'unit', unit, 't_unit'),
        rowCell(row, n, 'level', level, 't_level'),
        rowCell(row, n, 'filed', filed, 't_filed'),
        rowCell(row, n, 'note', note, 't_note'),
        el('td', { className: 'actions' }, dup, del)));
    });
    $('training-empty').hidden = draft.training.length > 0;
    if (focusId && $(focusId)) $(focusId).focus();
  }

  function renderForm() {
    applyTexts();
    renderRegionSelect();
    renderStaticFields();
    renderCircumstances();
    renderRows();
  }

  // Profile from the draft, with a map from JSON Pointer to the control that holds the value
  function buildProfile() {
    const profile = {};
    const fields = {}; // JSON Pointer -> element id
    const put = (key, value, id) => {
      fields['/' + key] = id;
      if (value !== undefined && value !== '') profile[key] = value;
    };
    put('region', regionCode(), draft.code.trim() ? 'f-code' : 'f-region');
    put('year', num(draft.year), 'f-year');
    put('applicationDate', draft.applicationDate.trim(), 'f-appdate');
    put('route', draft.route, 'f-route');
    put('level', draft.level, 'f-level');
    put('gender', draft.gender, 'f-gender');
    // a birth date wins: the age field is disabled then and not sent
    put('birthDate', draft.birthDate.trim(), 'f-birth');
    put('age', draft.birthDate.trim() ? undefined : num(draft.age), draft.birthDate.trim() ? 'f-birth' : 'f-age');
    put('education', draft.education, 'f-education');
    put('sector', draft.sector, 'f-sector');
    put('grassroots', !!draft.grassroots, 'f-grassroots');
    put('currentTitleSince', num(draft.currentTitleSince), 'f-since');
    if (en()) profile.locale = 'en';

    const circumstances = [];
    for (const c of shownCircumstances()) {
      const state = draft.circ[c.kind];
      if (!state || !state.on) continue;
      const i = circumstances.length;
      const item = { kind: c.kind };
      fields[`/circumstances/${i}`] = `c-${c.kind}`;
      const extra = CIRC_EXTRA[c.kind];
      if (extra) {
        const [key, , type] = extra;
        fields[`/circumstances/${i}/${key}`] = `c-${c.kind}-value`;
        if (type === 'list') {
          item[key] = String(state.value || '').split(/[\s,，、;；]+/).filter(Boolean).map(num);
        } else {
          const v = num(state.value);
          if (v !== undefined) item[key] = v;
        }
      }
      circumstances.push(item);
    }
    if (circumstances.length) profile.circumstances = circumstances;

    profile.training = draft.training.map((row, i) => {
      const base = `/training/${i}`;
      const id = (k) => `r${row.uid}-${k}`;
      fields[base] = id('amount');
      for (const k of ['year', 'subject', 'activity', 'level', 'filed', 'note']) fields[`${base}/${k}`] = id(k);
      for (const u of UNITS) fields[`${base}/${u}`] = id('amount');
      const rec = { year: num(row.year), subject: row.subject, activity: row.activity };
      const amount = num(row.amount);
      // an unknown unit (from an imported file) sends no amount: the checker then asks for one at the amount
      if (amount !== undefined && UNITS.includes(row.unit)) rec[row.unit] = amount;
      if (row.level) rec.level = row.level;
      // true or false from the checkbox; an imported non-boolean as given, so the checker names it
      rec.filed = row.filed === undefined || row.filed === null || row.filed === '' ? true : row.filed;
      if (row.note && row.note.trim()) rec.note = row.note.trim();
      if (rec.year === undefined) delete rec.year;
      return rec;
    });
    return { profile, fields };
  }

  // Result rendering
  function setBanner(kind, title, detail) {
    const banner = $('banner');
    banner.className = `banner ${kind}`;
    $('banner-title').textContent = title;
    const lines = Array.isArray(detail) ? detail : detail ? [detail] : [];
    $('banner-detail').replaceChildren(...lines.map((line) => el('span', { className: 'line', text: line })));
    // narrow screens: the verdict stays in sight at the bottom while the form is edited
    const chip = $('verdict-chip');
    chip.className = `verdict-chip ${kind}`;
    chip.textContent = `${t('result')}${en() ? ': ' : '：'}${title} ↓`;
  }

  function clearFieldErrors() {
    for (const node of wrapper.querySelectorAll('.field-error')) node.remove();
    for (const node of wrapper.querySelectorAll('[aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      if (node.dataset.describedby !== undefined) {
        if (node.dataset.describedby) node.setAttribute('aria-describedby', node.dataset.describedby);
        else node.removeAttribute('aria-describedby');
        delete node.dataset.describedby;
      }
    }
  }

  function controlFor(path, fields) {
    let p = String(path || '');
    while (p) {
      if (fields[p]) return $(fields[p]);
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }
  function labelOf(control) {
    if (!control) return t('general');
    const label = wrapper.querySelector(`label[for="${control.id}"]`);
    return label ? (label.querySelector('span') || label).textContent.trim() : control.id;
  }

  function showErrors(errors, fields) {
    const list = $('error-list');
    list.replaceChildren();
    for (const e of errors) {
      const control = controlFor(e.path, fields);
      const message = e.message || e.code || 'error';
      if (control) {
        const errId = `${control.id}-err-${list.children.length}`;
        const holder = control.closest('td, .field, .circ') || control.parentElement;
        holder.append(el('span', { className: 'field-error', id: errId, text: message }));
        if (!control.hasAttribute('aria-invalid')) {
          control.dataset.describedby = control.getAttribute('aria-describedby') || '';
        }
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${errId}`.trim());
        const link = el('a', { href: `#${control.id}`, 'data-focus': control.id, text: labelOf(control) });
        list.append(el('li', {}, link, `${en() ? ': ' : '：'}${message}`));
      } else {
        list.append(el('li', { text: `${e.path ? e.path + ' ' : ''}${message}` }));
      }
    }
    $('errors').hidden = errors.length === 0;
  }

  function fillCited(listId, blockId, items) {
    const list = $(listId);
    list.replaceChildren(...(items || []).map((r) =>
      el('li', {}, el('span', { text: r.message || r.code }), el('small', { className: 'cite', text: cite(r.source) }))));
    $(blockId).hidden = !(items && items.length);
  }

  function meter(part, label) {
    if (!part || typeof part !== 'object') return el('td', { text: '—' });
    const credited = Number(part.credited) || 0;
    const required = Number(part.required) || 0;
    const td = el('td', { className: 'meter' },
      el('span', { className: 'nums', text: `${fmt(part.credited)} / ${fmt(part.required)}` }));
    if (required > 0) {
      td.append(el('progress', { max: required, value: Math.min(credited, required),
        'aria-label': `${label} ${fmt(part.credited)} / ${fmt(part.required)} ${t('hours')}` }));
    }
    if (required > 0 && credited >= required) td.classList.add('full');
    return td;
  }

  function subjectName(s) {
    if (s === 'public' || s === 'professional') return t('subject_' + s);
    if (s === 'total') return t('subj_total');
    return s;
  }

  function renderResult(result, fields) {
    clearFieldErrors();
    const details = $('details');
    if (!result || typeof result !== 'object') {
      setBanner('error', t('status_error'), t('internal'));
      details.hidden = true;
      return;
    }
    if (result.ok === false) {
      setBanner('error', t('status_error'), t('statusDetail_error'));
      showErrors(result.errors || [], fields);
      details.hidden = false;
      for (const id of ['years-block', 'shortfall-block', 'reasons-block', 'records-block']) $(id).hidden = true;
      fillCited('warnings-list', 'warnings-block', result.warnings);
      return;
    }
    showErrors([], fields);
    details.hidden = false;
    $('years-block').hidden = false;

    const status = ['met', 'exempt', 'advisory', 'short'].includes(result.status) ? result.status : 'short';
    const rs = result.ruleSet || {};
    const src = (rs.sources || []).map((s) => [s.number || s.title, s.date].filter(Boolean).join(' ')).join('；');
    const windowText = Array.isArray(result.window) && result.window.length
      ? (result.window.length > 1 ? `${result.window[0]}–${result.window[result.window.length - 1]}` : String(result.window[0]))
      : '—';
    const lines = [t('statusDetail_' + status)];
    if (rs.regionName || src) lines.push(`${t('basedOn')}${en() ? ': ' : '：'}${rs.regionName || ''} ${src}`.trim());
    if (status !== 'exempt' && result.requiredYears) lines.push(TEXT[draft.lang].requiredYears(result.requiredYears, windowText));
    setBanner(status, t('status_' + status), lines);

    $('years-body').replaceChildren(...(result.years || []).map((y) => el('tr', { className: y.met ? 'met' : y.waived ? 'waived' : 'notmet' },
      el('th', { scope: 'row', text: String(y.year) }),
      meter(y.public, t('public')),
      meter(y.professional, t('professional')),
      meter(y.total, t('total')),
      el('td', { text: y.waived ? t('yearWaived') : y.met ? t('yearMet') : t('yearShort') }))));

    const shortfall = Array.isArray(result.shortfall) ? result.shortfall : [];
    $('shortfall-list').replaceChildren(...shortfall.map((s) =>
      el('li', { text: TEXT[draft.lang].shortSentence(s.year, en() ? subjectName(s.subject).toLowerCase() : subjectName(s.subject), fmt(s.hours), s.subject) })));
    $('shortfall-block').hidden = shortfall.length === 0;

    fillCited('reasons-list', 'reasons-block', result.reasons);
    fillCited('warnings-list', 'warnings-block', result.warnings);

    const records = Array.isArray(result.records) ? result.records : [];
    $('records-body').replaceChildren(...records.map((r) => {
      const act = ACTIVITIES[r.activity];
      const notes = el('td', { className: 'why' });
      if (r.reason) notes.append(el('span', { text: r.reason.message || r.reason.code }), ' ');
      const source = r.reason && r.reason.source ? r.reason.source : r.source;
      notes.append(el('small', { className: 'cite', text: cite(source) }));
      return el('tr', { className: r.counted === false ? 'uncounted' : '' },
        el('th', { scope: 'row', text: String((Number(r.index) || 0) + 1) }),
        el('td', { text: String(r.year ?? '') }),
        el('td', { text: subjectName(r.subject) }),
        el('td', { text: act ? (en() ? act[1] : act[0]) : String(r.activity ?? '') }),
        el('td', { className: 'num', text: r.counted === false ? `0（${t('notCounted')}）` : fmt(r.credited) }),
        el('td', { text: r.basis || '' }),
        notes);
    }));
    $('records-block').hidden = records.length === 0;
  }

  let evaluations = 0;
  async function evaluateNow() {
    saveDraft();
    if (!checker) return;
    const { profile, fields } = buildProfile();
    const mine = ++evaluations;
    let result;
    try {
      result = await checker.evaluate(profile);
    } catch (e) {
      result = { ok: false, errors: [{ code: 'internal_error', path: '', message: `${t('internal')}: ${e && e.message}` }] };
    }
    if (mine !== evaluations) return; // a later change is being evaluated: show that one
    lastResult = result;
    renderResult(result, fields);
    if (typeof opts.onResult === 'function') {
      try { opts.onResult(result, profile); } catch { /* a listener's problem is not ours */ }
    }
  }

  // Events
  function onInput(event) {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (STATIC[target.id]) {
      draft[STATIC[target.id]] = target.value;
      if (target.id === 'f-region' || target.id === 'f-code') clearSearch();
      if (['f-region', 'f-code', 'f-year'].includes(target.id)) renderCircumstances();
      if (target.id === 'f-birth') syncAge();
    } else if (target.id === 'f-grassroots') {
      draft.grassroots = target.checked;
    } else if (target.dataset.circ) {
      const kind = target.dataset.circ;
      const state = draft.circ[kind] || (draft.circ[kind] = { on: false, value: '' });
      if (target.dataset.role === 'on') {
        state.on = target.checked;
        const extra = $(`c-${kind}-value`);
        if (extra) extra.disabled = !state.on;
      } else {
        state.value = target.value;
      }
    } else if (target.dataset.row) {
      const row = draft.training.find((r) => String(r.uid) === target.dataset.row);
      if (!row) return;
      const key = target.dataset.key;
      row[key] = target.type === 'checkbox' ? target.checked : target.value;
    } else {
      return;
    }
    evaluateNow();
  }

  function onClick(event) {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    const i = draft.training.findIndex((r) => String(r.uid) === button.dataset.row);
    if (i < 0) return;
    let focus;
    if (button.dataset.action === 'dup') {
      const copy = { ...draft.training[i], uid: nextUid++ };
      draft.training.splice(i + 1, 0, copy);
      focus = `r${copy.uid}-year`;
    } else if (button.dataset.action === 'del') {
      draft.training.splice(i, 1);
      const next = draft.training[i] || draft.training[i - 1];
      focus = next ? `r${next.uid}-year` : 'add-row';
    }
    renderRows(focus);
    evaluateNow();
  }

  // error links and the verdict chip: focus the target (a #fragment does not reach into a shadow root)
  function onErrorLink(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-focus]') : null;
    if (!link) return;
    event.preventDefault();
    const control = $(link.dataset.focus);
    if (control) {
      control.scrollIntoView({ block: control.matches('h1, h2, h3') ? 'start' : 'center' });
      control.focus();
    }
  }

  // Searchable region picker: name (Chinese or English), code or notice number -> the region select.
  function searchMatches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    // a suggestion picked from the list (its text is the select's label, in either language)
    const exact = catalogue.find((r) => ['zh', 'en'].some((l) => regionLabel(r, l).toLowerCase() === q));
    if (exact) return [exact];
    const words = q.split(/\s+/);
    return catalogue.filter((r) => {
      const sources = (r.ruleSets || []).flatMap((rs) => (rs.sources || []).flatMap((src) => [src.number, src.title]));
      const hay = [r.name, r.nameEn, r.region, ...sources].filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }

  function onSearch(commit) {
    const query = $('f-search').value.trim();
    const status = $('f-search-status');
    const L = TEXT[draft.lang];
    if (!query || !catalogue.length) {
      status.textContent = '';
      return;
    }
    const hits = searchMatches(query);
    let code = '';
    if (hits.length === 1 || (commit && hits.length)) {
      code = hits[0].region;
      status.textContent = L.searchPicked(regionLabel(hits[0]));
    } else if (!hits.length && /^\d{6}$/.test(query)) {
      code = query; // not in the catalogue: the code field (the checker falls back to an ancestor's notice)
      status.textContent = L.searchCode(query);
    } else {
      status.textContent = hits.length ? L.searchMany(hits.length) : L.searchNone;
      return;
    }
    const before = `${draft.region}/${draft.code}`;
    applyRegion(code);
    if (`${draft.region}/${draft.code}` !== before) {
      renderForm();
      evaluateNow();
    }
  }

  function clearSearch() {
    $('f-search').value = '';
    $('f-search-status').textContent = '';
  }

  // Import and export of the training records
  function ioMessage(error, status) {
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
    ioMessage('', TEXT[draft.lang].exported(name));
  }

  function exportJson() {
    const { training } = buildProfile().profile;
    download('jxjy-training.json', `${JSON.stringify(training, null, 2)}\n`, 'application/json');
  }

  function exportCsv() {
    const { training } = buildProfile().profile;
    download('jxjy-training.csv', trainingCsv(training, draft.training), 'text/csv;charset=utf-8');
  }

  async function importFile() {
    const input = $('import-file');
    const file = input.files && input.files[0];
    if (!file) return;
    const say = (key, ...args) => {
      const v = TEXT[draft.lang][key];
      return typeof v === 'function' ? v(...args) : v;
    };
    let parsed;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('io_tooBig');
      parsed = parseTrainingFile(decodeText(await file.arrayBuffer()), file.name);
    } catch (e) {
      const why = e instanceof ImportError ? say(e.key, ...e.args) : say('io_read', (e && e.message) || String(e));
      ioMessage(say('importFailed', file.name, why), '');
      return;
    } finally {
      input.value = ''; // the same file can be chosen again
    }
    if (draft.training.length && !window.confirm(say('confirmImport', draft.training.length))) {
      ioMessage('', say('importCancelled'));
      return;
    }
    draft.training = parsed.rows.map((r) => ({ ...r, uid: nextUid++ }));
    renderRows();
    evaluateNow();
    const multi = parsed.multi.length ? ` ${say('importMulti', parsed.multi.join(en() ? ', ' : '、'))}` : '';
    ioMessage('', say('imported', parsed.rows.length, file.name) + multi);
  }

  function addRow() {
    const last = draft.training[draft.training.length - 1];
    const row = { ...newRow(last ? last.year : (num(draft.year) || DEFAULT_YEAR)), uid: nextUid++ };
    if (last) row.subject = last.subject;
    draft.training.push(row);
    renderRows(`r${row.uid}-year`);
    evaluateNow();
  }

  function resetDraft(fresh) {
    draft = fresh;
    draft.training.forEach((r) => { r.uid = nextUid++; });
  }

  function clearAll() {
    if (!window.confirm(t('confirmClear'))) return;
    const lang = draft.lang;
    // "clear" means empty: no rows, no personal data (the defaults are for a first visit only)
    resetDraft({ ...defaultDraft(lang, draft.region), gender: '', age: '', training: [] });
    if (storageKey) {
      try { localStorage.removeItem(storageKey); } catch { /* ignore */ }
    }
    clearSearch();
    ioMessage('', '');
    renderForm();
    evaluateNow();
    $('f-region').focus();
  }

  function setLang(lang) {
    const next = lang === 'en' ? 'en' : 'zh';
    if (next === draft.lang) return;
    draft.lang = next;
    clearSearch();
    ioMessage('', '');
    renderForm();
    evaluateNow();
  }

  function toggleLang() {
    setLang(en() ? 'zh' : 'en');
    $('lang-toggle').focus();
  }

  const form = $('form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', onClick);
  $('error-list').addEventListener('click', onErrorLink);
  $('verdict-chip').addEventListener('click', onErrorLink);
  $('add-row').addEventListener('click', addRow);
  $('export-json').addEventListener('click', exportJson);
  $('export-csv').addEventListener('click', exportCsv);
  $('import-btn').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', (event) => {
    event.stopPropagation(); // not a field of the profile
    importFile().catch((e) => ioMessage(`${(e && e.message) || e}`, ''));
  });
  const search = $('f-search');
  search.addEventListener('input', (event) => {
    event.stopPropagation();
    onSearch(false);
  });
  search.addEventListener('change', (event) => event.stopPropagation());
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onSearch(true);
    }
  });
  $('clear-all').addEventListener('click', clearAll);
  $('lang-toggle').addEventListener('click', toggleLang);

  // Start fetching and compiling the wasm first: it runs off the main thread while the form renders.
  const loading = loadChecker();
  applyTexts();
  renderStaticFields();
  renderRows();
  setBanner('pending', t('loading'), '');

  const ready = loading.then((c) => {
    checker = c;
    catalogue = c.regions();
    if (pendingRegion) applyRegion(pendingRegion);
    pendingRegion = '';
    renderForm();
    return evaluateNow().then(() => c);
  }, (e) => {
    setBanner('error', t('loadFailed'), `${t('loadFailedDetail')} (${(e && e.message) || e})`);
    throw e;
  });
  ready.catch(() => {}); // shown in the banner

  return {
    ready,
    setLang,
    setRegion(code) {
      applyRegion(String(code || '').trim());
      if (catalogue.length) {
        renderForm();
        evaluateNow();
      }
    },
    profile: () => buildProfile().profile,
    result: () => lastResult,
    destroy() { wrapper.remove(); },
  };
}

// ids of the simple fields and the draft keys they hold
const STATIC = {
  'f-region': 'region', 'f-code': 'code', 'f-year': 'year', 'f-appdate': 'applicationDate', 'f-route': 'route',
  'f-level': 'level', 'f-gender': 'gender', 'f-age': 'age', 'f-birth': 'birthDate', 'f-education': 'education',
  'f-sector': 'sector', 'f-since': 'currentTitleSince',
};

// ---------------------------------------------------------------------------------------------
// index.html?embed=1: answer postMessage({type: "jxjy:evaluate", id, profile}) with
// {type: "jxjy:result", id, result}; and say {type: "jxjy:ready"} to the parent once the checker is loaded.
function setupEmbed() {
  window.addEventListener('message', async (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'jxjy:evaluate' || !event.source) return;
    let result;
    try {
      const c = await loadChecker();
      result = await c.evaluate(data.profile);
    } catch (e) {
      result = { ok: false, errors: [{ code: 'internal_error', path: '', message: String((e && e.message) || e) }] };
    }
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    event.source.postMessage({ type: 'jxjy:result', id: data.id, result }, origin);
  });
  if (window.parent !== window) {
    loadChecker().then((c) => window.parent.postMessage({ type: 'jxjy:ready', version: c.version }, '*'), () => {});
  }
}

// Offline: the service worker caches the app shell (sw.js). Only over http(s): not from file://.
function registerServiceWorker() {
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const known = !!navigator.serviceWorker.controller;
  // a returning visit asks whether a new build is out, once the page has loaded (sw.js: the new build
  // installs whole, beside the old one)
  const update = (r) => {
    const check = () => setTimeout(() => r.update().catch(() => {}), 0);
    if (document.readyState === 'complete') check(); else window.addEventListener('load', check, { once: true });
  };
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).then((r) => known && update(r)).catch(() => {
    /* no service worker (private mode, blocked): the page still works online */
  });
}

// The page: index.html has <div id="jxjy-app" data-jxjy-page>.
function startPage(host) {
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  if (embed) {
    document.body.classList.add('embed');
    setupEmbed();
  }
  host.replaceChildren();
  const { ready } = mount(host, {
    embedded: embed,
    ownsDocument: true,
    storageKey: embed ? null : STORAGE_KEY,
    region: params.get('region') || undefined,
    lang: params.get('lang') || undefined,
  });
  // After the first verdict: the worker's install downloads the whole shell again, which should not
  // compete with the first visit's own loading.
  ready.then(registerServiceWorker, registerServiceWorker);
}

const pageHost = typeof document !== 'undefined' ? document.querySelector('#jxjy-app[data-jxjy-page]') : null;
if (pageHost) startPage(pageHost);
