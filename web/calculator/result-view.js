// Rendering of what the checker said: the next step (while the profile is incomplete), the verdict,
// what is still needed (with deadlines), the per-year table, reasons and warnings, each record's own
// explanation (in its card, where the person typed it), the region's ways to earn hours, and the
// printable one-page summary. Reads the calculator's "view" (see calculator.js); keeps no state.
import { el, setHidden, setText } from '../base/dom.js';
import { VOCABULARY, statusWord, unitWord, word } from '../base/words.js';
import { say } from '../base/texts.js';
import { hasCalendarDeadline, icsFileName, shortfallICS } from './ics.js';
import { renderForm } from './form-print.js';

export function fmt(n) {
  return typeof n === 'number' ? String(Math.round(n * 100) / 100) : '—';
}

/** A year's hours of one subject (or the total) in words: credited of required, or credited and none required. */
export function meterText(part, lang = 'zh') {
  return Number(part.required) > 0 ? say(lang, 'meterOf', fmt(part.credited), fmt(part.required)) : say(lang, 'meterNone', fmt(part.credited));
}

/**
 * One shortfall item in words: "2025年还差专业科目15学时，截止2025-12-31", or, when it can no longer be
 * earned (canComplete false, CONTRACT §4.2), "…，2022年的学时已无法补足". Its clause is cited beside it.
 */
export function shortfallText(s, lang = 'zh') {
  const hours = fmt(s.hours);
  const head = s.subject === 'total' ? say(lang, 'shortTotal', s.year, hours)
    : say(lang, 'shortItem', s.year, word('subject', s.subject, lang), hours);
  const parts = [head];
  if (s.canComplete === false) parts.push(say(lang, 'cannotComplete', s.year));
  else if (s.deadline) parts.push(say(lang, 'deadline', s.deadline));
  else if (s.deadline === null) parts.push(say(lang, 'noDeadline')); // CONTRACT §4.2: no notice gives one
  return parts.join(lang === 'en' ? '; ' : '，');
}

export function createResultView(app) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const colon = () => (app.lang() === 'en' ? ': ' : '：');
  const subjectName = (s) => app.word('subject', s);
  const status = (id) => statusWord(id, app.lang()); // the vocabulary's words
  const yearWord = (id) => app.word('status', id);
  // A clause cited: the notice's own title and numbering (二（二）), so inside lang="zh-CN" in English too.
  // (a record's explanation holds {cite} marks, made nodes only when shown: it is worked out for every record
  // on every keystroke)
  const citeMark = (source) => { const c = app.cite(source); return c ? { cite: c } : ''; };
  const nodesOf = (parts) => parts.map((p) => (typeof p === 'string' ? p : el('small', { className: 'cite', lang: 'zh-CN', text: p.cite })));
  const textOf = (parts) => parts.map((p) => (typeof p === 'string' ? p : p.cite)).join('');
  const cite = (source) => nodesOf([citeMark(source)].filter(Boolean))[0] || '';

  // A list or table redrawn only when what it shows changed (`key`: its data and the page's language): at
  // 1,000 records a keystroke otherwise re-laid out and repainted the whole result panel.
  const changed = (node, key) => {
    if (node.dataset.key === key) return false;
    node.dataset.key = key;
    return true;
  };

  function setBanner(kind, title, lines = []) {
    const banner = $('banner');
    if (banner.className !== `banner ${kind}`) banner.className = `banner ${kind}`;
    if (banner.dataset.kind !== kind) banner.dataset.kind = kind;
    setText($('banner-title'), title);
    const detail = $('banner-detail');
    const spans = lines.filter(Boolean).map((line) => el('span', { className: 'line' }, ...[].concat(line)));
    const key = spans.map((s) => s.innerHTML).join('\n');
    if ((spans.length || detail.firstChild) && changed(detail, key)) detail.replaceChildren(...spans);
    const chip = $('verdict-chip');
    if (chip.className !== `verdict-chip ${kind}`) chip.className = `verdict-chip ${kind}`;
    setText(chip, `${t('result')}${colon()}${title} ↓`);
  }

  function fillCited(listId, blockId, items) {
    const list = $(listId);
    if (changed(list, `${app.lang()}|${JSON.stringify(items || [])}`)) {
      list.replaceChildren(...(items || []).map((r) =>
        el('li', {}, el('span', { text: r.message || r.code }), ' ', cite(r.source))));
    }
    $(blockId).hidden = !(items && items.length);
  }

  function meter(part, label) {
    if (!part || typeof part !== 'object') return el('td', { text: '—' });
    const credited = Number(part.credited) || 0;
    const required = Number(part.required) || 0;
    // "40/60 学时", "40 of 60 hours"; with nothing required "30 学时（不作要求）", not "30/0"
    const words = meterText(part, app.lang());
    const td = el('td', { className: 'meter' }, el('span', { className: 'nums', text: words }));
    if (required > 0) td.append(el('progress', { max: required, value: Math.min(credited, required), 'aria-label': `${label}${colon()}${words}` }));
    if (required > 0 && credited >= required) td.classList.add('full');
    return td;
  }

  // "加入日历" (CONTRACT §5.3): the item's deadline as an .ics file, downloaded from a Blob URL (no navigation).
  function calendarButton(s, ruleSet) {
    const button = el('button', { type: 'button', className: 'calendar no-print', title: t('addToCalendarHint', s.deadline),
      'data-deadline': s.deadline, text: t('addToCalendar') });
    button.addEventListener('click', () => {
      const text = shortfallICS(s, { lang: app.lang(), now: new Date(), ruleSet });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const link = el('a', { href: url, download: icsFileName(s), className: 'sr-only', tabindex: '-1', 'aria-hidden': 'true' });
      button.after(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    });
    return button;
  }

  // ruleSet: the result's, when the item is shown on the page (with "加入日历"); left out in print.
  function shortfallItem(s, ruleSet) {
    return el('li', { className: s.canComplete === false ? 'lost' : '' }, el('span', { text: shortfallText(s, app.lang()) }), ' ',
      cite(s.source), ruleSet && hasCalendarDeadline(s) ? ' ' : null, ruleSet && hasCalendarDeadline(s) ? calendarButton(s, ruleSet) : null);
  }

  function yearsRows(result) {
    return (result.years || []).map((y) => el('tr', { className: y.required === false ? 'optional' : y.met ? 'met' : y.waived ? 'waived' : 'notmet' },
      el('th', { scope: 'row', text: String(y.year) }),
      meter(y.public, t('public')), meter(y.professional, t('professional')), meter(y.total, t('total')),
      el('td', { text: y.waived ? t('yearWaived') : y.met ? yearWord('met') : y.required === false ? t('yearNotNeeded') : yearWord('short') })));
  }

  /** Renders the whole view: {stage, next, result, errors, leftOut, refused, profile}. */
  function render(view) {
    const next = $('next-step');
    setHidden(next, !view.next);
    // the next step as a link to its field when it has one (written only when it differs: the static
    // first screen of dist/ is adopted as it is)
    const to = view.nextId && $(view.nextId) ? view.nextId : null;
    const nextText = $('next-step-text');
    const link = nextText.firstElementChild;
    if (to) {
      if (!(link && link.dataset.focus === to && link.textContent === view.next)) {
        nextText.replaceChildren(el('a', { href: `#${to}`, 'data-focus': to, text: view.next }));
      }
    } else if (link) {
      nextText.replaceChildren(view.next || '');
    } else {
      setText(nextText, view.next || '');
    }
    setHidden($('errors'), true);
    if ($('error-list').firstChild) $('error-list').replaceChildren();
    if ($('banner').dataset.stage !== view.stage) $('banner').dataset.stage = view.stage;
    const details = $('details');
    if (view.stage === 'loading') { setBanner('pending', t('loading')); setHidden(details, true); return; }
    if (view.stage === 'failed') { setBanner('error', t('loadFailed'), [t('loadFailedDetail')]); details.hidden = true; return; }
    if (view.stage !== 'verdict' && view.stage !== 'error') {
      // the next step is said once, in its own box above (and at its field): the banner only says so
      setBanner('pending', t('status_pending'));
      setHidden(details, true);
      return;
    }
    const result = view.result;
    if (view.stage === 'error') {
      setBanner('error', status('error'), [t('statusDetail_error')]);
      const list = $('error-list');
      for (const e of view.errors) {
        const text = e.message || e.code;
        if (e.control) {
          list.append(el('li', {}, el('a', { href: `#${e.control}`, 'data-focus': e.control, text: e.label }), `${colon()}${text}`));
        } else {
          list.append(el('li', { text }));
        }
      }
      $('errors').hidden = view.errors.length === 0;
      setHidden(details, true);
      return;
    }
    details.hidden = false;
    const verdict = ['met', 'exempt', 'advisory', 'short'].includes(result.status) ? result.status : 'short';
    const rs = result.ruleSet || {};
    const src = (rs.sources || []).map((s) => [s.number || s.title, s.date].filter(Boolean).join(' ')).join('；');
    const win = Array.isArray(result.window) && result.window.length
      ? (result.window.length > 1 ? `${result.window[0]}–${result.window[result.window.length - 1]}` : String(result.window[0])) : '—';
    const lines = [t('statusDetail_' + verdict)];
    if (rs.regionName || src) lines.push([`${t('basedOn')}${colon()}${rs.regionName || ''} `, el('span', { lang: 'zh-CN', text: src })]);
    if (rs.scope) lines.push(rs.scope); // whose notice it is (新疆: a city's notice applied region-wide)
    if (verdict !== 'exempt' && result.requiredYears) lines.push(t('requiredYears', result.requiredYears, win));
    if (view.leftOut.length) lines.push(t('leftOut', view.leftOut.map((n) => n + 1).join(app.lang() === 'en' ? ', ' : '、')));
    // CONTRACT §5.1: a verdict that rests on records of unknown filing is never shown bare
    const unknown = (result.warnings || []).find((w) => w.code === 'filing_unknown');
    let title = status(verdict);
    if (unknown) {
      const which = (unknown.records || []).map((n) => n + 1).join(app.lang() === 'en' ? ', ' : '、');
      title = t('statusConditional', title);
      lines.splice(1, 0, [t('filingCondition', which, status(unknown.statusIfUnfiled)), ' ', cite(unknown.source)]);
    }
    setBanner(unknown ? 'conditional' : verdict, title, lines);

    const shortfall = Array.isArray(result.shortfall) ? result.shortfall : [];
    if (changed($('todo-list'), `${app.lang()}|${JSON.stringify(shortfall)}`))
      $('todo-list').replaceChildren(...shortfall.map((s) => shortfallItem(s, result.ruleSet || {})));
    $('todo-block').hidden = shortfall.length === 0;
    if (changed($('years-body'), `${app.lang()}|${JSON.stringify(result.years || [])}`)) $('years-body').replaceChildren(...yearsRows(result));
    $('years-block').hidden = !(result.years && result.years.length);
    fillCited('reasons-list', 'reasons-block', result.reasons);
    fillCited('warnings-list', 'warnings-block', result.warnings);
    renderForms(view);
  }

  // ---- "打印表格": the notice's own forms this person needs (checker.forms, CONTRACT §5.2) --------------
  let formsKey = '';
  function renderForms(view) {
    const block = $('forms-block');
    if (view.stage !== 'verdict' || !view.built) {
      formsKey = '';
      setHidden(block, true);
      return;
    }
    const profile = view.built.profile;
    const key = `${app.lang()}|${JSON.stringify(profile)}`;
    if (key === formsKey) return;
    formsKey = key;
    app.forms(profile).then((answer) => {
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
      el('strong', { lang: 'zh-CN', text: `${f.attachment} ${f.title}` }), ' ', el('span', { className: 'form-for', text: `（${formFor(f)}）` }),
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

  // ---- each record's explanation, in its card -------------------------------------------------------
  /**
   * The explanation of one draft row: {kind, text, parts} (kind: counted | reduced | refused | pending | none;
   * parts: its texts and cited clauses, as nodes to show).
   */
  function explain(view, r) {
    const lang = app.lang();
    const pending = view.pendingRows.get(r);
    if (pending) {
      const what = pending.problems.map((p) => t(p.need)).join(lang === 'en' ? ', ' : '，');
      const text = pending.blank ? '' : t('rowPending', what);
      return { kind: pending.blank ? 'none' : 'pending', text, parts: [text] };
    }
    const refused = view.refusedRows.get(r);
    if (refused) {
      const text = `${t('rowRefused')} ${refused.map((e) => e.message || e.code).join(' ')}`;
      return { kind: 'refused', text, parts: [text] };
    }
    const rec = view.recordOf.get(r);
    if (!rec) return { kind: 'none', text: '', parts: [] };
    const parts = [];
    const sep = lang === 'en' ? '. ' : '。';
    if (rec.counted === false) {
      parts.push(`${t('rowNotCounted')}${colon()}`);
      if (rec.reason) parts.push(rec.reason.message || rec.reason.code, ' ', citeMark(rec.reason.source));
      else parts.push(rec.basis || '', ' ', citeMark(rec.source));
    } else {
      parts.push(`${t('rowCredited', fmt(rec.credited))}${colon()}`, rec.basis || '', ' ', citeMark(rec.source));
      if (Array.isArray(rec.years) && rec.years.length > 1) {
        parts.push(sep, t('rowYears', rec.years.map((y) => `${y.year} ${fmt(y.credited)}`).join(lang === 'en' ? ', ' : '、')));
      }
      if (rec.reason) parts.push(sep, rec.reason.message || rec.reason.code, ' ', citeMark(rec.reason.source));
    }
    const kept = parts.filter((p) => p !== '');
    return { kind: rec.counted === false ? 'refused' : rec.reason ? 'reduced' : 'counted', text: textOf(kept), parts: kept };
  }

  /** Updates the explanation line of every rendered card (only those whose text changed). */
  function renderExplanations(view, rows) {
    rows.forEach((row, r) => {
      const node = app.form.card(app.form.uidOf(row))?.lastElementChild; // the card's explanation line
      if (!node) return;
      const { kind, text, parts } = explain(view, r);
      const key = `${kind}|${text}`;
      if (node.dataset.key === key) return;
      node.dataset.key = key;
      node.className = `explain ${kind}`;
      node.replaceChildren(...nodesOf(parts));
    });
  }

  // ---- the region's ways to earn hours, from the checker itself -----------------------------------------
  // Each activity (and each conference level) is put to the checker as one record of 1 unit, in the
  // application year; the record's basis and reason are what the rule set says about it.
  // The probes are answered by the checker (in its worker); a list for a view that is no longer shown
  // when they are all in is dropped.
  let waysCalls = 0;
  async function renderWays(view) {
    const list = $('ways-list');
    if (!view.probe) {
      waysCalls++;
      list.removeAttribute('aria-busy');
      list.replaceChildren(el('li', { className: 'hint', text: t('waysNone') }));
      return;
    }
    const asks = VOCABULARY.activity.map((act) => {
      const levels = act.id === 'conference' ? VOCABULARY.confLevel.map((l) => l.id) : [undefined];
      return { act, answers: levels.map((level) => ['hours', 'days', 'months', 'subjects'].map((unit) => view.probe({ activity: act.id, unit, level }).catch(() => null))) };
    });
    list.setAttribute('aria-busy', 'true'); // until the checker's answers (of the latest call) are all in
    const call = ++waysCalls;
    let answered;
    try {
      answered = await Promise.all(asks.map(async ({ act, answers }) => ({ act, recs: await Promise.all(answers.map((a) => Promise.all(a))) })));
    } catch (e) {
      if (call === waysCalls) list.removeAttribute('aria-busy');
      throw e;
    }
    if (call !== waysCalls) return; // a newer call draws the list (and ends the busy state) when its answers are in
    if (app.view() !== view) { list.removeAttribute('aria-busy'); return; } // shown again (reopened): drawn afresh
    const items = [];
    for (const { act, recs } of answered) {
      const lines = [];
      for (const perUnit of recs) {
        for (const rec of perUnit) {
          if (!rec) continue;
          if (rec.counted === false && rec.reason && /excluded|not_counted|activity/.test(rec.reason.code)) {
            lines.push([`${t('waysNotCounted')}${colon()}${rec.reason.message} `, citeMark(rec.reason.source)]);
            break;
          }
          if (rec.counted !== false && rec.basis) lines.push([`${rec.basis} `, citeMark(rec.source)]);
        }
      }
      const unique = lines.filter((line, i) => lines.findIndex((l) => textOf(l) === textOf(line)) === i);
      if (unique.length) {
        items.push(el('li', {}, el('strong', { text: app.lang() === 'en' ? act.en : act.zh }), colon(),
          ...unique.flatMap((line, i) => (i ? [el('br'), ...nodesOf(line)] : nodesOf(line)))));
      }
    }
    list.replaceChildren(...items);
    list.removeAttribute('aria-busy'); // only now is the list the answer for the view shown
  }

  // ---- the rule set in words (checker.explain: Markdown of headings, nested lists and paragraphs) ------------
  async function renderRules() {
    const box = $('rules-text');
    const rs = app.ruleSet();
    const lang = app.lang();
    const md = rs ? await app.explain(rs.id) : null;
    if (app.ruleSet() !== rs || app.lang() !== lang) return; // a newer call draws it
    if (!md) { box.replaceChildren(el('p', { className: 'hint', text: t('rulesNone') })); return; }
    box.replaceChildren(...markdownNodes(md));
  }

  // ---- the printable summary ------------------------------------------------------------------------
  // The circumstances the verdict took into account (as sent): "驻村第一书记/工作队员 — 驻村满几年（实年） 1，
  // 相应年度 2021；…", in the vocabulary's words.
  function circumstancesText(view) {
    const list = (view.built && view.built.profile.circumstances) || [];
    const en = app.lang() === 'en';
    return list.map((c) => {
      const values = Object.entries(c).filter(([k]) => k !== 'kind')
        .map(([k, v]) => `${app.word('circumstanceField', k)} ${[].concat(v).join(en ? ', ' : '、')}`);
      return [app.word('circumstance', c.kind), values.join(en ? ', ' : '，')].filter(Boolean).join(' — ');
    }).join(en ? '; ' : '；');
  }


  function renderPrint(view) {
    const box = $('print-summary');
    const d = app.draft();
    const result = view.result;
    const dl = (pairs) => el('dl', { className: 'print-facts' }, ...pairs.filter(([, v]) => v)
      .flatMap(([k, v]) => [el('dt', { text: t(k) }), el('dd', {}, v)]));
    const rs = result && result.ruleSet;
    const sources = rs ? (rs.sources || []).map((s) => el('span', { lang: 'zh-CN', className: 'src',
      text: `${s.title || ''}${s.number && s.number !== s.title ? ' ' + s.number : ''}${s.date ? ' (' + s.date + ')' : ''}` })) : [];
    const application = [d.year && `${d.year}`, d.route && app.word('route', d.route), d.level && app.word('level', d.level)].filter(Boolean).join(' · ');
    const nodes = [
      el('h2', { text: t('printTitle') }),
      dl([
        ['printName', d.name.trim()],
        ['printDate', view.checkDate],
        ['printRegion', `${app.regionName(d.region) || ''} ${d.region}`.trim()],
        ['printApplication', application],
        ['printRuleSet', sources.length ? el('span', {}, ...sources) : ''],
        ['printCircumstances', circumstancesText(view)],
        ['printVerdict', view.stage === 'verdict' ? `${status(result.status)} — ${t('statusDetail_' + result.status)}`
          : view.stage === 'error' ? status('error') : t('status_pending')],
      ]),
    ];
    if (view.stage === 'verdict') {
      if (view.leftOut.length) nodes.push(el('p', { text: t('leftOut', view.leftOut.map((n) => n + 1).join('、')) }));
      const shortfall = result.shortfall || [];
      if (shortfall.length) nodes.push(el('h3', { text: t('todo') }), el('ul', {}, ...shortfall.map((s) => shortfallItem(s))));
      nodes.push(el('h3', { text: t('years') }), el('table', { className: 'years' },
        el('thead', {}, el('tr', {}, ...['yearCol', 'public', 'professional', 'total', 'yearStatus'].map((k) => el('th', { text: t(k) })))),
        el('tbody', {}, ...yearsRows(result))));
    }
    const rows = d.training;
    if (rows.length) {
      nodes.push(el('h3', { text: t('printRecords') }), el('table', { className: 'print-records' },
        el('thead', {}, el('tr', {}, ...['#', 'r_year', 'r_subject', 'r_activity', 'r_amount', 'printCredited', 'printBasis']
          .map((k) => el('th', { text: k === '#' ? '#' : t(k) })))),
        el('tbody', {}, ...rows.map((row, r) => {
          const rec = view.recordOf.get(r);
          const ex = explain(view, r);
          return el('tr', {},
            el('td', { text: String(r + 1) }), el('td', { text: row.year }),
            el('td', { text: row.subject ? subjectName(row.subject) : '' }),
            el('td', { text: row.activity ? app.word('activity', row.activity) : '' }),
            el('td', { text: `${row.amount}${/^[\d.\s]+$/.test(row.amount) ? (app.lang() === 'en' ? ' ' : '') + unitWord(row.unit, row.amount, app.lang()) : ''}${row.level && row.activity === 'conference' ? ' · ' + app.word('confLevel', row.level) : ''}` }),
            el('td', { className: 'num', text: rec ? fmt(rec.counted === false ? 0 : rec.credited) : '—' }),
            el('td', {}, ...nodesOf(ex.parts), row.note.trim() ? el('div', { className: 'note', text: `${t('printNote')}${colon()}${row.note.trim()}` }) : null));
        }))));
    }
    nodes.push(el('p', { className: 'footnote', text: t('footnote') }));
    box.replaceChildren(...nodes);
  }

  return { render, renderExplanations, renderWays, renderRules, renderPrint, explain, setBanner };
}

/**
 * DOM nodes of the Markdown that checker.explain() writes: "#"/"##" headings, "- " list items (nested by
 * two spaces), paragraphs; every text goes in as text (no HTML is ever parsed).
 */
export function markdownNodes(md) {
  const out = [];
  const stack = []; // open <ul>s, one per depth
  let para = null;
  const inline = (text) => text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
  for (const line of md.split('\n')) {
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    const li = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (!line.trim()) { para = null; stack.length = 0; continue; }
    if (h) {
      stack.length = 0; para = null;
      out.push(el(`h${Math.min(h[1].length + 2, 6)}`, { text: inline(h[2]) }));
    } else if (li) {
      para = null;
      const depth = Math.floor(li[1].length / 2);
      while (stack.length > depth + 1) stack.pop();
      while (stack.length < depth + 1) {
        const ul = el('ul');
        if (stack.length) (stack[stack.length - 1].lastElementChild || stack[stack.length - 1]).append(ul);
        else out.push(ul);
        stack.push(ul);
      }
      stack[depth].append(el('li', { text: inline(li[2]) }));
    } else if (para) {
      para.append(' ' + inline(line.trim()));
    } else {
      stack.length = 0;
      para = el('p', { text: inline(line.trim()) });
      out.push(para);
    }
  }
  return out;
}
