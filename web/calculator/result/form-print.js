// A notice's own form (checker.forms, CONTRACT §5.2) laid out for print on A4 as the notice lays it out: its
// attachment name, its title, one bordered table whose lines hold the fields the form prints side by side
// (`sameLine`), the entries jxjy knows filled in, blanks for signatures, stamps and what jxjy cannot know,
// the form's own printed words in their cells, a table of activities where the form has one, and its note.
// Labels stay the form's own (Chinese); in English each has its gloss beside it.
import { el } from '../../base/dom.js';

const COLUMNS = 24; // the table's grid: a line of k fields shares 24 columns

// The fields in lines: a field with sameLine joins the line before it.
export function formLines(form) {
  const lines = [];
  for (const f of form.fields) {
    if (f.sameLine && lines.length) lines[lines.length - 1].push(f);
    else lines.push([f]);
  }
  return lines;
}

// Column spans of a line of k fields: [label, value] per field, summing to COLUMNS (labels a sixth of the
// width, an eighth when four fields share a line).
export function spans(k) {
  const per = Math.floor(COLUMNS / k);
  const label = k >= 4 ? 3 : 4;
  const out = [];
  for (let i = 0; i < k; i++) out.push([label, per - label + (i === k - 1 ? COLUMNS - per * k : 0)]);
  return out;
}

/**
 * The form as nodes. options: lang ('zh' | 'en'), name (the person's name for 姓名, the page's; the
 * core never knows it).
 */
export function renderForm(form, { lang = 'zh', name = '' } = {}) {
  const en = lang === 'en';
  const cellOf = (f) => {
    const value = f.label === '姓名' && f.value === null && name ? name : f.value;
    const td = el('td', { className: `pf-value${f.printed ? ' pf-sign' : ''}`, lang: 'zh-CN' });
    if (form.rows && form.rows.field === f.label && form.rows.values.length) {
      td.append(el('table', { className: 'pf-rows' },
        el('thead', {}, el('tr', {}, ...form.rows.columns.map((c, i) => el('th', {}, c,
          en ? el('span', { className: 'gloss', lang: 'en', text: form.rows.columnsEn[i] }) : null)))),
        el('tbody', {}, ...form.rows.values.map((r) => el('tr', {}, ...r.map((v) => el('td', { text: v })))))));
    } else if (value !== null && value !== undefined) {
      td.append(el('div', { className: 'pf-entry', text: value }));
    }
    if (f.printed) td.append(el('div', { className: 'pf-printed', text: f.printed }));
    return td;
  };
  const rows = formLines(form).map((line) => {
    const sp = spans(line.length);
    return el('tr', {}, ...line.flatMap((f, i) => {
      const th = el('th', { scope: 'row', colspan: sp[i][0], lang: 'zh-CN' }, f.label,
        en && f.labelEn ? el('span', { className: 'gloss', lang: 'en', text: f.labelEn }) : null);
      const td = cellOf(f);
      td.setAttribute('colspan', String(sp[i][1]));
      return [th, td];
    }));
  });
  return el('article', { className: 'pf', 'data-form': form.id },
    el('p', { className: 'pf-attachment', lang: 'zh-CN', text: form.attachment }),
    el('h1', { className: 'pf-title', lang: 'zh-CN', text: form.title }),
    el('table', { className: 'pf-table' },
      el('colgroup', {}, ...Array.from({ length: COLUMNS }, () => el('col', {}))),
      el('tbody', {}, ...rows)),
    form.note ? el('p', { className: 'pf-note', lang: 'zh-CN', text: form.note }) : null);
}
