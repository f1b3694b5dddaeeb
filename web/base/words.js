// The contract's enum ids and their zh / en words: the project's one vocabulary
// (core/data/vocabulary.json, generated as web/vocabulary.js by scripts/build.sh). The page keeps no copy;
// this module only adds the look-ups the page needs. Unit "none" is for rule files only: not offered here.
import { VOCABULARY as ALL } from './vocabulary.js';

export const VOCABULARY = { ...ALL, unit: ALL.unit.filter((u) => u.id !== 'none') };

/** The ids of one kind, in order. */
export const ids = (kind) => VOCABULARY[kind].map((w) => w.id);

/** The language tag (BCP 47) of the page's language `lang` ('zh' | 'en'): for `lang` attributes and
 *  toLocaleString. The tag of the other language is languageTag(otherLang). */
export const languageTag = (lang) => (lang === 'en' ? 'en' : 'zh-CN');

/** The word for `id` of `kind` in `lang` ('zh' | 'en'); the id itself when the vocabulary lacks it. */
export function word(kind, id, lang = 'zh') {
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => w.id === id);
  return hit ? hit[lang === 'en' ? 'en' : 'zh'] : String(id ?? '');
}

/** A unit's word after an amount: in English the singular after exactly 1 ("1 subject"), else word(). */
export function unitWord(unit, amount, lang = 'zh') {
  const hit = lang === 'en' && Number(amount) === 1 && VOCABULARY.unit.find((w) => w.id === unit);
  return hit && hit.enOne ? hit.enOne : word('unit', unit, lang);
}

// The spellings a person may type for a word: its id, zh and en words, the parts of a compound zh word
// (学术会议/讲座/论坛 -> 学术会议, 讲座, 论坛; 课程学习（含网络课程） -> 课程学习; 省（自治区）级 -> 省级) and
// the vocabulary's "also" words (公需, 已备案, √: what the roll's reader accepts too).
function spellings(w) {
  const zh = w.zh.replace(/（[^）]*）$/, '');
  return [w.id, w.zh, w.en, zh, w.zh.replace(/（[^）]*）/g, ''), ...zh.split('/'), ...(w.also ?? [])].map((s) => s.toLowerCase());
}

/** The id of `kind` that `text` names (an id, a word or a part of one; case-insensitive), or null. */
export function idOf(kind, text) {
  const t = String(text ?? '').trim().toLowerCase();
  if (!t) return null;
  const hit = VOCABULARY[kind] && VOCABULARY[kind].find((w) => spellings(w).includes(t));
  return hit ? hit.id : null;
}

// ---- circumstances: the fields each kind carries (the vocabulary's `fields`, CONTRACT §2) ----------------
/** The fields of a circumstance kind, in the vocabulary's order ([] for a kind that carries none). */
export function circumstanceFields(kind) {
  const c = VOCABULARY.circumstance.find((w) => w.id === kind);
  return c ? c.fields || [] : [];
}
/** `years` is a list of years; every other field is one whole number. */
export const isListField = (field) => field === 'years';
// Fields a kind may leave out: the core reads them only when given (core/src/profile/read_profile.cpp;
// tests/node/page-words.test.mjs asks the core which fields it requires, so this cannot drift).
const OPTIONAL_FIELDS = { village_first_secretary: ['years'] };
export const isOptionalField = (kind, field) => (OPTIONAL_FIELDS[kind] || []).includes(field);
// Kinds of which a person may have several entries that each count: two postings are two (rules/README.md,
// adjustments). For the others a second entry adds nothing (years: one list; year / yearsInPost: the
// entry that asks most is used), so the page offers one.
export const SEVERAL_ENTRIES = new Set(['village_first_secretary']);

// ---- result statuses: the vocabulary's words ------------------------------------------------------------
/** The word of a result status (met, exempt, advisory, short, error); capitalised in English, as a title. */
export function statusWord(status, lang = 'zh') {
  const w = word('status', status, lang);
  return lang === 'en' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
}
