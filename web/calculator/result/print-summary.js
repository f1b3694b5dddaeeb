// The printable one-page summary: who, where, which notice, the circumstances taken into account, the
// verdict, what is still needed, the years and every record with what it credited and why.
import { el } from '../../base/dom.js';
import { statusWord, unitWord } from '../../base/words.js';
import { fmt } from './result-words.js';

/** parts: result-parts.js; explain(view, row): record-explanations.js. */
export function createPrintSummary(app, parts, explain) {
  const { $ } = app;
  const { t, colon, nodesOf, shortfallItem, yearsRows } = parts;
  const status = (id) => statusWord(id, app.lang());
  const subjectName = (s) => app.word('subject', s);

  // The circumstances the verdict took into account (as sent): "驻村第一书记/工作队员 — 驻村满几年（实年） 1，
  // 相应年度 2021；…", in the vocabulary's words.
  function circumstancesText(view) {
    const list = (view.built && view.built.profile.circumstances) || [];
    return list.map((c) => {
      const values = Object.entries(c).filter(([k]) => k !== 'kind')
        .map(([k, v]) => `${app.word('circumstanceField', k)} ${[].concat(v).join(t('listSep'))}`);
      return [app.word('circumstance', c.kind), values.join(t('comma'))].filter(Boolean).join(' — ');
    }).join(t('clauseSep'));
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
      if (view.leftOut.length) nodes.push(el('p', { text: t('leftOut', view.leftOut.map((n) => n + 1).join(t('listSep'))) }));
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

  return { renderPrint };
}
