// One training record's card on the form: its fields (year, subject, activity, amount and unit, the
// conference's level, note, filed: yes / no / unknown) with their labels and hints, and its own
// duplicate and delete buttons. A card is a copy of one built for a blank record (per language), its ids
// and values then set: a deep clone is several times faster than building the ~60 elements and ~25
// options anew (50 cards on the first page, 100 more on each "show more").
import { el } from '../../base/dom.js';
import { newRow } from '../draft.js';
import { fillSelect, vocabularyChoices } from './person-fields.js';

export function createRecordCards(app) {
  const t = (key, ...args) => app.t(key, ...args);
  const words = (kind) => vocabularyChoices(app, kind);
  let template = null;

  /** The card of `row` (uid: its uid on screen), the n-th of the list. */
  function cardOf(row, uid, n) {
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

  return { cardOf };
}
