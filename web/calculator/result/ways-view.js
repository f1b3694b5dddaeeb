// The region's ways to earn hours, from the checker itself: each activity (and each conference level) is
// put to the checker as one record of 1 unit, in the application year; the record's basis and reason are
// what the rule set says about it. The probes are answered by the checker (in its worker); a list for a
// view that is no longer shown when they are all in is dropped.
import { el } from '../../base/dom.js';
import { VOCABULARY } from '../../base/words.js';

/** parts: result-parts.js. */
export function createWaysView(app, parts) {
  const { $ } = app;
  const { t, colon, citeMark, nodesOf, textOf } = parts;
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

  return { renderWays };
}
