// The calculator's state ("draft": what the person typed, as text) and everything that turns it into
// something else: the profile sent to the checker (with a map from JSON Pointer to the field that holds
// the value), the stored copy in localStorage (type-checked on the way back in), and the #p= share link
// (CONTRACT §4.4). No DOM here: the page, <jxjy-checker> and the tests use it alike.
import { VOCABULARY, circumstanceFields, idOf, ids, isListField } from '../base/words.js';

export const STORAGE_KEY = 'jxjy.calculator.draft.v2';
const OLD_STORAGE_KEY = 'jxjy.calculator.draft.v1';

/** Draft fields held as text, in the order a person fills them. */
export const TEXT_FIELDS = ['region', 'year', 'applicationDate', 'route', 'level', 'gender', 'age', 'birthDate',
  'education', 'sector', 'series', 'currentTitleSince', 'name'];
/** Fields whose text must be one of the vocabulary's ids (or empty). */
const ENUM_FIELDS = { route: 'route', level: 'level', gender: 'gender', education: 'education', sector: 'sector',
  series: 'series' };
const ROW_TEXT = ['year', 'subject', 'activity', 'amount', 'unit', 'level', 'filed', 'note', 'start', 'end'];
const ROW_ENUMS = { subject: ['public', 'professional'], activity: ids('activity'), unit: ids('unit'),
  level: ids('confLevel'), filed: ['yes', 'no'] };

/** A draft with nothing chosen: the page starts here and "全部清空" returns here. */
export function emptyDraft(lang = 'zh') {
  const d = { lang: lang === 'en' ? 'en' : 'zh', grassroots: false, circ: {}, training: [] };
  for (const k of TEXT_FIELDS) d[k] = '';
  return d;
}

/** An empty training record (filed: '' = not answered, 'yes', 'no'). */
export function newRow(year = '') {
  return { year: String(year || ''), subject: '', activity: '', amount: '', unit: 'hours', level: '', filed: '',
    note: '', start: '', end: '' };
}

/** Is anything of the person's own in the draft (beyond the language)? */
export function hasContent(draft) {
  return TEXT_FIELDS.some((k) => draft[k] !== '') || draft.grassroots || draft.training.length > 0
    || Object.values(draft.circ).some((c) => c.on);
}

// ---------------------------------------------------------------------------------------------
// Reading a stored draft: every field is type-checked; what is valid is kept, the rest dropped and named.

/**
 * A clean draft from anything (a stored draft, parsed JSON). Returns {draft, dropped}, where dropped
 * lists the paths of the values that were not kept (e.g. "training/0/note").
 */
export function sanitizeDraft(raw, lang) {
  const draft = emptyDraft(lang);
  const dropped = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) dropped.push('');
    return { draft, dropped };
  }
  if (raw.lang === 'en' || raw.lang === 'zh') draft.lang = lang || raw.lang;
  for (const k of TEXT_FIELDS) {
    if (!(k in raw) || raw[k] === '' || raw[k] === null) continue;
    const v = raw[k];
    const ok = typeof v === 'string' && v.length <= 2000
      && (!ENUM_FIELDS[k] || ids(ENUM_FIELDS[k]).includes(v));
    if (ok) draft[k] = v; else dropped.push(k);
  }
  if ('grassroots' in raw) {
    if (typeof raw.grassroots === 'boolean') draft.grassroots = raw.grassroots; else dropped.push('grassroots');
  }
  if ('circ' in raw) {
    const circ = raw.circ;
    if (circ && typeof circ === 'object' && !Array.isArray(circ)) {
      for (const [kind, state] of Object.entries(circ)) {
        const ok = ids('circumstance').includes(kind) && state && typeof state === 'object'
          && typeof state.on === 'boolean';
        if (ok) draft.circ[kind] = sanitizeCircumstance(kind, state, `circ/${kind}`, dropped);
        else dropped.push(`circ/${kind}`);
      }
    } else {
      dropped.push('circ');
    }
  }
  if ('training' in raw) {
    if (Array.isArray(raw.training)) {
      raw.training.slice(0, 2000).forEach((r, i) => {
        if (!r || typeof r !== 'object' || Array.isArray(r)) { dropped.push(`training/${i}`); return; }
        const row = newRow();
        for (const k of ROW_TEXT) {
          if (!(k in r) || r[k] === '' || r[k] === null || r[k] === undefined) continue;
          let v = r[k];
          if (k === 'filed' && typeof v === 'boolean') v = v ? 'yes' : 'no'; // drafts of the first page
          const ok = typeof v === 'string' && v.length <= 2000 && (!ROW_ENUMS[k] || ROW_ENUMS[k].includes(v));
          if (ok) row[k] = v; else dropped.push(`training/${i}/${k}`);
        }
        draft.training.push(row);
      });
    } else {
      dropped.push('training');
    }
  }
  return { draft, dropped };
}

// One circumstance of a stored draft: {on, entries: [{field: text}]} (one entry per posting, CONTRACT §2
// circumstances[]). A draft of the first pages held one text, {on, value}: it is the kind's first field.
const MAX_CIRC_ENTRIES = 10;
function sanitizeCircumstance(kind, state, path, dropped) {
  const fields = circumstanceFields(kind);
  const out = { on: state.on, entries: [] };
  const text = (v) => typeof v === 'string' && v.length <= 200;
  if (Array.isArray(state.entries)) {
    state.entries.slice(0, MAX_CIRC_ENTRIES).forEach((e, i) => {
      if (!e || typeof e !== 'object' || Array.isArray(e)) { dropped.push(`${path}/entries/${i}`); return; }
      const entry = {};
      for (const [f, v] of Object.entries(e)) {
        if (fields.includes(f) && text(v)) entry[f] = v;
        else dropped.push(`${path}/entries/${i}/${f}`);
      }
      out.entries.push(entry);
    });
  } else if (state.entries !== undefined) {
    dropped.push(`${path}/entries`);
  } else if (state.value !== undefined) {
    if (text(state.value) && fields.length) { if (state.value) out.entries.push({ [fields[0]]: state.value }); }
    else dropped.push(`${path}/value`);
  }
  return out;
}

/** The entries of a circumstance as shown: at least one, each with every field of the kind (as text). */
export function circumstanceEntries(draft, kind) {
  const fields = circumstanceFields(kind);
  const state = draft.circ[kind];
  const entries = state && state.entries && state.entries.length ? state.entries : [{}];
  return entries.map((e) => Object.fromEntries(fields.map((f) => [f, e[f] || ''])));
}

// The sample profile the first page opened on (扎兰屯, 男, 40, two rows): a stored copy of it is not the
// person's own data, so it is not brought back.
function isOldSample(raw) {
  return raw && raw.region === '150783' && raw.gender === 'male' && raw.age === '40' && !raw.code
    && Array.isArray(raw.training) && raw.training.length === 2
    && raw.training.every((r) => r && r.year === '2023' && r.activity === 'course' && !r.note)
    && raw.training[0].amount === '30' && raw.training[1].amount === '60';
}

/** The stored draft ({draft, dropped}), or null when there is none (or storage is unavailable). */
export function loadDraft(storage, key = STORAGE_KEY, lang) {
  let text = null;
  let old = false;
  try {
    text = storage.getItem(key);
    if (text === null && key === STORAGE_KEY) { text = storage.getItem(OLD_STORAGE_KEY); old = text !== null; }
  } catch { return null; }
  if (text === null) return null;
  let raw;
  try { raw = JSON.parse(text); } catch { return { draft: emptyDraft(lang), dropped: [''] }; }
  if (old) {
    if (isOldSample(raw)) return null;
    if (raw && typeof raw === 'object' && raw.code) raw = { ...raw, region: raw.code }; // one region now
    if (raw && typeof raw === 'object') delete raw.code;
  }
  return sanitizeDraft(raw, lang);
}

export function saveDraft(storage, key, draft) {
  try {
    storage.setItem(key, JSON.stringify(draft)); // (a row's uid is not enumerable: it is not stored)
    return true;
  } catch { return false; /* storage full or disabled: the calculator still works */ }
}

// The page's draft is each tab's own (issue #26): {draft, person: {id, rev} | null} under TAB_KEY in
// sessionStorage (this tab, kept over a reload) and, the same pair, in localStorage (where a new tab
// starts: the last tab that wrote). `person` is the saved person the draft belongs to and the revision
// it is based on (people-db.js); the pair is one value, so a draft never meets another tab's person.
// A draft of before (STORAGE_KEY in localStorage, written by a page of the localStorage era: the page
// never writes it now) is the newest there is: the tab that finds it takes it over, and it is removed once
// that tab's pair is written.
export const TAB_KEY = 'jxjy.tab.v1';

/** This tab's stored pair: {draft, dropped, person, legacy} or null (legacy: read from STORAGE_KEY). */
export function loadTab(session, local, lang) {
  for (const storage of [null, session, local]) {
    if (storage === null) {
      const old = local ? loadDraft(local, STORAGE_KEY, lang) : null;
      if (old) return { ...old, person: null, legacy: true };
      continue;
    }
    let text = null;
    try { text = storage ? storage.getItem(TAB_KEY) : null; } catch { text = null; }
    if (text === null) continue;
    let raw = null;
    try { raw = JSON.parse(text); } catch { raw = null; }
    if (!raw || typeof raw !== 'object' || !raw.draft) return { draft: emptyDraft(lang), dropped: [''], person: null, legacy: false };
    const { draft, dropped } = sanitizeDraft(raw.draft, lang);
    const p = raw.person;
    const person = p && typeof p === 'object' && typeof p.id === 'string' && Number.isInteger(p.rev) ? { id: p.id, rev: p.rev } : null;
    return { draft, dropped, person, legacy: false };
  }
  return null;
}

/** Writes this tab's pair (sessionStorage, then localStorage); false when either write failed. */
export function saveTab(session, local, draft, person, legacy = false) {
  const text = JSON.stringify({ draft, person: person ? { id: person.id, rev: person.rev } : null });
  let ok = true;
  for (const storage of [session, local]) {
    if (!storage) continue;
    try { storage.setItem(TAB_KEY, text); } catch { ok = false; }
  }
  if (ok && legacy && local) forgetDraft(local, STORAGE_KEY);
  return ok;
}

export function forgetDraft(storage, key) {
  try { storage.removeItem(key); } catch { /* ignore */ }
}

// ---------------------------------------------------------------------------------------------
// Text a person types -> values

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B\u3000]/g;
/** Full-width digits, point, signs and spaces as ASCII (２０２５ -> 2025). */
export function halfWidth(text) {
  return String(text ?? '').replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xFEE0)));
}

/** Whether text is the start of a year in [lo, hi] still being typed ("2", "20", "202"): incomplete, not wrong. */
export function isYearPrefix(text, lo = 1990, hi = 2100) {
  const s = halfWidth(text).trim();
  if (!/^\d{1,3}$/.test(s)) return false;
  for (let y = lo; y <= hi; y++) if (String(y).startsWith(s)) return true;
  return false;
}
/** Whether text is the start of a YYYY-MM-DD date still being typed ("2025", "2025-0", "2025-03-1"). */
export const isDatePrefix = (text) => /^(\d{1,4}|\d{4}-|\d{4}-\d{1,2}|\d{4}-\d{2}-\d?)$/.test(halfWidth(text).trim());

/** A whole number from text ("２０２５", " 2025 ", "2025年"), or null. */
export function parseInteger(text) {
  const key = String(text ?? '');
  if (intMemo.has(key)) return intMemo.get(key);
  const s = halfWidth(key).trim().replace(/[年岁周]$/, '').trim();
  const n = /^\d{1,6}$/.test(s) ? Number(s) : null;
  if (intMemo.size > 5000) intMemo.clear();
  intMemo.set(key, n);
  return n;
}
// The same few texts come back on every keystroke (a 1,000-record draft has 1,000 years): parsed once.
const intMemo = new Map();
const amountMemo = new Map();

// The unit words typed after a number: each unit's zh, en, id and `also` words of the vocabulary, the
// list the roll reader (core/src/roll/roll.cpp) accepts too; the longest first (a word before its own ending).
const UNIT_WORDS = VOCABULARY.unit.map((u) => [u.id,
  [...new Set([u.zh, u.en, u.id, ...(u.also ?? [])].map((w) => w.toLowerCase()))].sort((a, b) => b.length - a.length)]);
/**
 * An amount from text: {value, unit} where unit is the unit word typed after the number ("30学时",
 * "3 天") or null; value null when the text is not a non-negative number.
 */
export function parseAmount(text) {
  const key = String(text ?? '');
  let hit = amountMemo.get(key);
  if (!hit) {
    if (amountMemo.size > 5000) amountMemo.clear();
    hit = readAmount(key);
    amountMemo.set(key, hit);
  }
  return { ...hit };
}
function readAmount(text) {
  let s = halfWidth(text).trim().replace(/，/g, ',');
  let unit = null;
  for (const [id, words] of UNIT_WORDS) {
    const w = words.find((x) => s.toLowerCase().endsWith(x) && /[\d.\s]$/.test(s.slice(0, s.length - x.length)));
    if (w) { unit = id; s = s.slice(0, s.length - w.length).trim(); break; }
  }
  const value = /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
  return { value, unit };
}

// A range typed between two years: 2020-2022, 2020～2022, 2020至2022.
const RANGE = /^(\d{4})年?(?:-|–|—|~|～|至|到)(\d{4})年?$/;
/**
 * The years of a list a person types ("2021, 2022", "2021、2022年", "2020-2022": every year of a range),
 * as texts; a piece that is not a year is kept as it is, so that the checker names it at its field.
 */
export function yearList(text) {
  const out = [];
  const s = halfWidth(text).trim().replace(/\s*(-|–|—|~|～|至|到)\s*/g, '$1');
  for (const piece of s.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = RANGE.exec(piece);
    const [from, to] = m ? [Number(m[1]), Number(m[2])] : [0, -1];
    if (m && to >= from && to - from < 50) for (let y = from; y <= to; y++) out.push(String(y));
    else out.push(piece);
  }
  return out;
}


// ---------------------------------------------------------------------------------------------
// Draft -> profile

/** What a record still lacks before it can be sent: [{key, need}] (need: a text key), [] when complete. */
export function rowProblems(row) {
  const out = [];
  const dated = row.start && row.end;
  if (!dated) {
    const y = parseInteger(row.year);
    if (row.year.trim() === '') out.push({ key: 'year', need: 'need_year' });
    else if (y === null || y < 1990 || y > 2100) out.push({ key: 'year', need: isYearPrefix(row.year) ? 'need_year' : 'bad_year' });
  }
  if (!row.subject) out.push({ key: 'subject', need: 'need_subject' });
  if (!row.activity) out.push({ key: 'activity', need: 'need_activity' });
  if (row.amount.trim() === '') out.push({ key: 'amount', need: 'need_amount' });
  else if (parseAmount(row.amount).value === null) out.push({ key: 'amount', need: 'bad_amount' });
  return out;
}

/** A record nothing has been typed into yet (year and subject may be prefilled from the one before). */
export function isBlankRow(row) {
  return !row.activity && !row.amount.trim() && !row.note.trim() && !row.level;
}

/**
 * The profile for the checker from a draft.
 *   options.circumstances: the kinds the chosen rule set knows (others are not sent)
 *   options.checkDate:     YYYY-MM-DD (the page passes today)
 *   options.skip:          Set of draft row indexes to leave out (records the checker refused)
 * Returns {profile, fields, rowOf, leftOut}:
 *   fields  JSON Pointer -> {row?: draft row index, key} naming the field that holds the value
 *   rowOf   profile record index -> draft row index
 *   leftOut [{row, problems}] draft rows not sent because they are not filled in yet
 */
export function buildProfile(draft, options = {}) {
  const profile = {};
  const fields = {};
  const put = (key, value, field = key) => {
    fields['/' + key] = { key: field };
    if (value !== undefined && value !== null && value !== '') profile[key] = value;
  };
  const int = (text) => {
    const s = halfWidth(text).trim();
    if (s === '') return undefined;
    const n = parseInteger(s);
    return n === null ? s : n; // not a number: sent as text so the checker names it at its field
  };
  put('region', draft.region.trim());
  put('year', int(draft.year));
  put('applicationDate', halfWidth(draft.applicationDate).trim());
  put('route', draft.route);
  put('level', draft.level);
  put('gender', draft.gender);
  const birth = halfWidth(draft.birthDate).trim();
  put('birthDate', birth);
  if (birth) fields['/age'] = { key: 'birthDate' }; else put('age', int(draft.age));
  put('education', draft.education);
  put('sector', draft.sector);
  put('series', draft.series);
  if (draft.grassroots) put('grassroots', true);
  put('currentTitleSince', int(draft.currentTitleSince));
  if (draft.lang === 'en') profile.locale = 'en';
  if (options.checkDate) profile.checkDate = options.checkDate;

  // every entry of a circumstance the chosen rule set knows (two postings are two); a field left empty is
  // not sent, so that the checker names what it needs at that very field
  const kinds = [...new Set(options.circumstances || Object.keys(draft.circ))];
  const circumstances = [];
  for (const kind of kinds) {
    const state = draft.circ[kind];
    if (!state || !state.on) continue;
    const names = circumstanceFields(kind);
    circumstanceEntries(draft, kind).forEach((entry, e) => {
      const i = circumstances.length;
      const item = { kind };
      fields[`/circumstances/${i}`] = { key: `circ:${kind}` };
      for (const f of names) {
        fields[`/circumstances/${i}/${f}`] = { key: `circ:${kind}:${e}:${f}` };
        const text = halfWidth(entry[f]).trim();
        if (text) item[f] = isListField(f) ? yearList(text).map(int) : int(text);
      }
      circumstances.push(item);
    });
  }
  if (circumstances.length) profile.circumstances = circumstances;

  const training = [];
  const rowOf = [];
  const leftOut = [];
  const skip = options.skip || new Set();
  draft.training.forEach((row, r) => {
    if (skip.has(r)) return;
    const problems = rowProblems(row);
    if (problems.length) { leftOut.push({ row: r, problems, blank: isBlankRow(row) }); return; }
    const amount = parseAmount(row.amount);
    const rec = {};
    const y = parseInteger(row.year);
    if (y !== null) rec.year = y;
    if (row.start && row.end) { rec.start = row.start; rec.end = row.end; }
    rec.subject = row.subject;
    rec.activity = row.activity;
    rec[amount.unit || row.unit || 'hours'] = amount.value;
    if (row.level && row.activity === 'conference') rec.level = row.level; // (hidden on other records: not sent)
    rec.filed = row.filed ? row.filed === 'yes' : null; // 不清楚: unknown (CONTRACT §5.1)
    if (row.note.trim()) rec.note = row.note.trim();
    training.push(rec);
    rowOf.push(r);
  });
  profile.training = training;
  return { profile, fields, rowOf, leftOut };
}

const RECORD_KEYS = new Set(['year', 'subject', 'activity', 'level', 'filed', 'note', 'start', 'end']);
/**
 * The draft field that holds the value at a JSON Pointer of a profile built by buildProfile (the nearest
 * one up the pointer): {key} or {row, key}; null for the profile as a whole.
 */
export function fieldOf(built, path) {
  const m = /^\/training\/(\d+)(?:\/([^/]+))?/.exec(String(path || ''));
  if (m) {
    const row = built.rowOf[Number(m[1])];
    if (row === undefined) return null;
    return { row, key: m[2] && RECORD_KEYS.has(m[2]) ? m[2] : 'amount' };
  }
  let p = String(path || '');
  while (p) {
    if (built.fields[p]) return built.fields[p];
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Profile -> draft (a #p= link, an imported whole profile)

const str = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A draft row from a contract training record. multi = it gave more than one amount. */
export function rowFromRecord(rec) {
  const units = ids('unit').filter((u) => rec[u] !== undefined && rec[u] !== null);
  const unit = units[0] || 'hours';
  const row = newRow(str(rec.year));
  row.subject = ['public', 'professional'].includes(rec.subject) ? rec.subject : '';
  row.activity = idOf('activity', str(rec.activity)) || '';
  row.amount = str(rec[unit]);
  row.unit = unit;
  row.level = idOf('confLevel', str(rec.level)) || '';
  row.filed = rec.filed === false ? 'no' : rec.filed === null ? '' : 'yes'; // absent: filed (CONTRACT §2); null: not known
  row.note = str(rec.note);
  if (typeof rec.start === 'string' && typeof rec.end === 'string') { row.start = rec.start; row.end = rec.end; }
  return { row, multi: units.length > 1 };
}

/** A draft from a contract profile (values the draft cannot hold are dropped and named in `dropped`). */
export function draftFromProfile(profile, lang) {
  const raw = { circ: {}, training: [] };
  const dropped = [];
  if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return { draft: emptyDraft(lang), dropped: [''] };
  for (const k of TEXT_FIELDS) if (k !== 'name' && profile[k] !== undefined) raw[k] = str(profile[k]);
  if (profile.grassroots !== undefined) raw.grassroots = profile.grassroots;
  if (Array.isArray(profile.circumstances)) {
    for (const c of profile.circumstances) {
      if (!c || typeof c !== 'object' || typeof c.kind !== 'string') continue;
      const state = raw.circ[c.kind] || (raw.circ[c.kind] = { on: true, entries: [] });
      const entry = {};
      for (const f of circumstanceFields(c.kind)) {
        if (c[f] !== undefined && c[f] !== null) entry[f] = Array.isArray(c[f]) ? c[f].map(str).join(', ') : str(c[f]);
      }
      state.entries.push(entry);
    }
  }
  if (Array.isArray(profile.training)) {
    raw.training = profile.training.map((rec) => (rec && typeof rec === 'object' ? rowFromRecord(rec).row : rec));
  }
  const out = sanitizeDraft(raw, lang || (profile.locale === 'en' ? 'en' : 'zh'));
  return { draft: out.draft, dropped: [...dropped, ...out.dropped] };
}

// ---------------------------------------------------------------------------------------------
// #p= links: the profile JSON, UTF-8, base64url without padding (CONTRACT §4.4).

export function encodeShare(profile) {
  const bytes = new TextEncoder().encode(JSON.stringify(profile));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The profile of a #p= fragment's DATA, or null when it is not one. */
export function decodeShare(data) {
  try {
    const b64 = String(data).replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '==='.slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const profile = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return profile && typeof profile === 'object' && !Array.isArray(profile) ? profile : null;
  } catch {
    return null;
  }
}
