// The result panel: the next step (while the profile is incomplete, a link to its field), the verdict's
// banner (its status, the notice it rests on, the years it needs; a verdict resting on records of unknown
// filing never bare, CONTRACT §5.1), the errors, what is still needed, the years table, the reasons and
// warnings. Each list or table is redrawn only when what it shows changed.
import { el, setHidden, setText } from '../../base/dom.js';
import { statusWord } from '../../base/words.js';

/** parts: result-parts.js; renderForms(view): the notice's forms (forms-view.js). */
export function createVerdictView(app, parts, renderForms) {
  const { $ } = app;
  const { t, colon, cite, shortfallItem, yearsRows } = parts;
  const status = (id) => statusWord(id, app.lang()); // the vocabulary's words

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
    const src = (rs.sources || []).map((s) => [s.number || s.title, s.date].filter(Boolean).join(' ')).join(t('clauseSep'));
    const win = Array.isArray(result.window) && result.window.length
      ? (result.window.length > 1 ? `${result.window[0]}–${result.window[result.window.length - 1]}` : String(result.window[0])) : '—';
    const lines = [t('statusDetail_' + verdict)];
    if (rs.regionName || src) lines.push([`${t('basedOn')}${colon()}${rs.regionName || ''} `, el('span', { lang: 'zh-CN', text: src })]);
    if (rs.scope) lines.push(rs.scope); // whose notice it is (新疆: a city's notice applied region-wide)
    if (verdict !== 'exempt' && result.requiredYears) lines.push(t('requiredYears', result.requiredYears, win));
    if (view.leftOut.length) lines.push(t('leftOut', view.leftOut.map((n) => n + 1).join(t('listSep'))));
    // CONTRACT §5.1: a verdict that rests on records of unknown filing is never shown bare
    const unknown = (result.warnings || []).find((w) => w.code === 'filing_unknown');
    let title = status(verdict);
    if (result.conditional) title = t('statusConditional', title);
    if (unknown) {
      const which = (unknown.records || []).map((n) => n + 1).join(t('listSep'));
      lines.splice(1, 0, [t('filingCondition', which, status(unknown.statusIfUnfiled)), ' ', cite(unknown.source)]);
    }
    setBanner(result.conditional ? 'conditional' : verdict, title, lines);

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

  return { render, setBanner };
}
