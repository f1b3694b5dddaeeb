// The contract's enum ids and their zh / en words: the project's one vocabulary
// (core/data/vocabulary.json, generated as web/vocabulary.js by scripts/build.sh). The page keeps no copy;
// this module only adds the look-ups the page needs. Unit "none" is for rule files only: not offered here.
import { VOCABULARY as ALL } from './vocabulary.js';

export const VOCABULARY = { ...ALL, unit: ALL.unit.filter((u) => u.id !== 'none') };

/** The ids of one kind, in order. */
export const ids = (kind) => VOCABULARY[kind].map((w) => w.id);

/** The word for `id` of `kind` in `lang` ('zh' | 'en'); the id itself when the vocabulary lacks it. */
export function word(kind, id, lang = 'zh') {
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => w.id === id);
  return hit ? hit[lang === 'en' ? 'en' : 'zh'] : String(id ?? '');
}

// The spellings a person may type for a word: its id, zh and en words, and the parts of a compound zh word
// (学术会议/讲座/论坛 -> 学术会议, 讲座, 论坛; 课程学习（含网络课程） -> 课程学习; 省（自治区）级 -> 省级).
function spellings(w) {
  const zh = w.zh.replace(/（[^）]*）$/, '');
  return [w.id, w.zh, w.en, zh, w.zh.replace(/（[^）]*）/g, ''), ...zh.split('/')].map((s) => s.toLowerCase());
}

/** The id of `kind` that `text` names (an id, a word or a part of one; case-insensitive), or null. */
export function idOf(kind, text) {
  const t = String(text ?? '').trim().toLowerCase();
  if (!t) return null;
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => spellings(w).includes(t));
  return hit ? hit.id : null;
}

// The one extra value each circumstance kind takes: [profile key, text key of its label, kind of value].
export const CIRC_EXTRA = {
  epidemic_frontline: ['years', 'circ_years', 'list'],
  transferred_from_government: ['year', 'circ_year', 'int'],
  exceptional: ['yearsInPost', 'circ_yearsInPost', 'int'],
  village_first_secretary: ['fullYears', 'circ_fullYears', 'int'],
};
