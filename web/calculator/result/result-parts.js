// The pieces a result is drawn with, on the page and in print: a cited clause (the notice's own title
// and numbering, lang="zh-CN" in English too), a year's meter, the rows of the years table, a shortfall
// item with its "加入日历" button.
import { el } from '../../base/dom.js';
import { hasCalendarDeadline, icsFileName, shortfallICS } from './ics.js';
import { meterText, shortfallText } from './result-words.js';

export function createResultParts(app) {
  const t = (key, ...args) => app.t(key, ...args);
  const colon = () => t('colon');
  const yearWord = (id) => app.word('status', id);
  // (a record's explanation holds {cite} marks, made nodes only when shown: it is worked out for every
  // record on every keystroke)
  const citeMark = (source) => { const c = app.cite(source); return c ? { cite: c } : ''; };
  const nodesOf = (parts) => parts.map((p) => (typeof p === 'string' ? p : el('small', { className: 'cite', lang: 'zh-CN', text: p.cite })));
  const textOf = (parts) => parts.map((p) => (typeof p === 'string' ? p : p.cite)).join('');
  const cite = (source) => nodesOf([citeMark(source)].filter(Boolean))[0] || '';

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

  return { t, colon, citeMark, nodesOf, textOf, cite, meter, shortfallItem, yearsRows };
}
