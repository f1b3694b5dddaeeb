// How the calculator names a notice and cites its clauses: "（扎人社发〔2023〕45号 三（三）1）", a notice's
// title as shown (the original Chinese, lang zh-CN, with a short English gloss), its short name.
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';

/** A citation in brackets after a sentence, or '' for none. */
export function cite(source, lang) {
  if (!source) return '';
  const parts = [source.number || source.title, source.clause].filter(Boolean);
  if (!parts.length) return '';
  return say(lang, 'parens', parts.join(' '));
}

/** A notice's title as shown: the original Chinese (lang zh-CN) and, in English, a short gloss. */
export function docTitle(rs, lang) {
  const s = rs && rs.sources && rs.sources[0];
  if (!s) return '';
  const span = el('span', { lang: 'zh-CN', text: `${s.title}${s.number && s.number !== s.title ? ' ' + s.number : ''}` });
  // the title's words with the notice's own title in place of {title} (a node: its language is zh-CN)
  const [before, after] = say(lang, 'noticeTitle', rs.year, '\0').split('\0');
  return el('span', {}, before || null, span, after || null, s.date ? say(lang, 'inParens', s.date) : '');
}

/** A notice's number (or title). */
export function docShort(rs) {
  const s = rs && rs.sources && rs.sources[0];
  return s ? `${s.number || s.title}` : '';
}
