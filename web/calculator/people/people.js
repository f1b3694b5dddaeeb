// Saved people: several named drafts kept in this browser only (localStorage), for a clerk who checks
// colleagues one after another. The model and its storage; no DOM (the panel is people-view.js).
//
// Stored under PEOPLE_KEY: {version: 1, current: ID | null, people: [{id, draft}]}. A person's name is
// its draft's `name` (the form's 姓名 field): one source. `current` is the person the calculator's
// draft belongs to (the calculator writes its draft back into that entry as it saves); null when the
// draft on screen is not kept as a person. Everything read back is type-checked like a draft (draft.js):
// what is valid is kept, the rest is dropped and named.
//
// A set file (export / import) is {type: "jxjy-people", version: 1, exported: "YYYY-MM-DD",
// people: [{name, draft, profile}]}: `draft` is what the page needs to bring a person back exactly
// (half-filled records included); `profile` (CONTRACT §2) is for other tools. Import reads `draft`, or
// `profile` when a person has no draft.
import { buildProfile, draftFromProfile, hasContent, sanitizeDraft } from '../draft.js';

export const PEOPLE_KEY = 'jxjy.people.v1';
export const SET_TYPE = 'jxjy-people';
export const MAX_PEOPLE = 500;
const ID = /^[A-Za-z0-9_-]{1,40}$/;

export function emptySet() {
  return { version: 1, current: null, people: [] };
}

let counter = 0;
export function newId() {
  counter += 1;
  return `p${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * One person of a stored set ({id, draft}) type-checked, or null when it is not one; `i` its index (for
 * the paths pushed to `dropped`), `seen` the ids taken so far (a repeated or bad id gets a new one).
 */
export function sanitizePerson(p, i, seen, dropped, lang) {
  if (!p || typeof p !== 'object' || Array.isArray(p) || !p.draft || typeof p.draft !== 'object' || Array.isArray(p.draft)) {
    dropped.push(`people/${i}`);
    return null;
  }
  const { draft, dropped: d } = sanitizeDraft(p.draft, lang);
  for (const path of d) dropped.push(`people/${i}/draft${path ? '/' + path : ''}`);
  let id = p.id;
  if (typeof id !== 'string' || !ID.test(id) || seen.has(id)) {
    if (id !== undefined) dropped.push(`people/${i}/id`);
    id = newId();
  }
  seen.add(id);
  return { id, draft };
}

/**
 * The people of the old localStorage value (PEOPLE_KEY's text), type-checked: {people: [{id, draft}],
 * current (id or null), dropped: paths (the first `maxDropped`, then '…')}. Pure: people-db.js runs it
 * in a worker (people-worker.js), so that parsing a large or malformed set never blocks the page.
 */
export function readLegacySet(text, lang, maxDropped = 50) {
  const dropped = [];
  let cut = false;
  const note = (paths) => {
    if (dropped.length + paths.length > maxDropped) cut = true;
    dropped.push(...paths.slice(0, Math.max(0, maxDropped - dropped.length)));
  };
  let raw;
  try { raw = JSON.parse(text); } catch { return { people: [], current: null, dropped: [''] }; }
  const people = [];
  let current = null;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    if (Array.isArray(raw.people)) {
      const seen = new Set();
      raw.people.slice(0, MAX_PEOPLE).forEach((p, i) => {
        const d = [];
        const person = sanitizePerson(p, i, seen, d, lang);
        if (person) people.push(person);
        if (d.length) note(d);
      });
      if (raw.people.length > MAX_PEOPLE) note([`people/${MAX_PEOPLE}-`]);
    } else if ('people' in raw) {
      note(['people']);
    }
    if (raw.current !== null && raw.current !== undefined) {
      if (typeof raw.current === 'string' && people.some((p) => p.id === raw.current)) current = raw.current;
      else note(['current']);
    }
  } else if (raw !== null) {
    note(['']);
  }
  if (cut) dropped.push('…');
  return { people, current, dropped };
}

/** A clean set from anything (parsed storage). Returns {set, dropped} (dropped: paths not kept). */
export function sanitizeSet(raw, lang) {
  const set = emptySet();
  const dropped = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) dropped.push('');
    return { set, dropped };
  }
  if (!Array.isArray(raw.people)) {
    if ('people' in raw) dropped.push('people');
  } else {
    const seen = new Set();
    raw.people.slice(0, MAX_PEOPLE).forEach((p, i) => {
      const person = sanitizePerson(p, i, seen, dropped, lang);
      if (person) set.people.push(person);
    });
    if (raw.people.length > MAX_PEOPLE) dropped.push(`people/${MAX_PEOPLE}-`);
  }
  if (raw.current !== null && raw.current !== undefined) {
    if (typeof raw.current === 'string' && set.people.some((p) => p.id === raw.current)) set.current = raw.current;
    else dropped.push('current');
  }
  return { set, dropped };
}

/** The stored set ({set, dropped}); an empty set when there is none or storage is unavailable. */
export function loadPeople(storage, key = PEOPLE_KEY, lang) {
  let text = null;
  try { text = storage.getItem(key); } catch { return { set: emptySet(), dropped: [] }; }
  if (text === null) return { set: emptySet(), dropped: [] };
  let raw;
  try { raw = JSON.parse(text); } catch { return { set: emptySet(), dropped: [''] }; }
  return sanitizeSet(raw, lang);
}

function readText(storage, key) {
  try { return storage.getItem(key); } catch { return null; }
}

export function savePeople(storage, key, set) {
  try {
    storage.setItem(key, JSON.stringify(set));
    return true;
  } catch { return false; }
}

export const personOf = (set, id) => set.people.find((p) => p.id === id) || null;

/** A copy of a draft that shares nothing with it (rows lose their non-enumerable uid). */
export function copyDraft(draft) {
  return JSON.parse(JSON.stringify(draft));
}

/** Adds a person holding a copy of draft; returns its id. */
export function addPerson(set, draft) {
  const id = newId();
  set.people.push({ id, draft: copyDraft(draft) });
  return id;
}

export function removePerson(set, id) {
  set.people = set.people.filter((p) => p.id !== id);
  if (set.current === id) set.current = null;
}

/** The label of a person in the list: the name, or "unnamed N" from the caller's words. */
export function labelOf(set, id, unnamed) {
  const i = set.people.findIndex((p) => p.id === id);
  if (i < 0) return '';
  const name = set.people[i].draft.name.trim();
  return name || unnamed(i + 1);
}

/** Is the draft on screen something of the person's own that no saved person holds? */
export function isUnsaved(set, draft) {
  return set.current === null && hasContent(draft);
}

/** The set as a file's JSON object (see the head of this file). */
export function exportSet(set, today) {
  return {
    type: SET_TYPE,
    version: 1,
    exported: today,
    people: set.people.map((p) => ({ name: p.draft.name, draft: copyDraft(p.draft), profile: buildProfile(p.draft).profile })),
  };
}

/** Thrown for a file that is not a set of people; `key` is a text key of texts.js. */
export class PeopleFileError extends Error {
  constructor(key, ...args) { super(key); this.key = key; this.args = args; }
}

/**
 * The people of a set file's text: {people: [draft], dropped: [paths]}. Throws PeopleFileError when
 * the text is not a set (not JSON, wrong type, no list of people).
 */
export function parseSetFile(text, lang) {
  let raw;
  try { raw = JSON.parse(String(text).replace(/^\uFEFF/, '')); } catch (e) { throw new PeopleFileError('pp_json', e.message); }
  if (!raw || typeof raw !== 'object' || raw.type !== SET_TYPE || !Array.isArray(raw.people)) throw new PeopleFileError('pp_shape');
  if (raw.people.length > MAX_PEOPLE) throw new PeopleFileError('pp_tooMany', MAX_PEOPLE);
  const people = [];
  const dropped = [];
  raw.people.forEach((p, i) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) { dropped.push(`people/${i}`); return; }
    let out;
    if (p.draft && typeof p.draft === 'object' && !Array.isArray(p.draft)) {
      out = sanitizeDraft(p.draft, lang);
      out.dropped = out.dropped.map((x) => `people/${i}/draft${x ? '/' + x : ''}`);
    } else if (p.profile && typeof p.profile === 'object' && !Array.isArray(p.profile)) {
      out = draftFromProfile(p.profile, lang);
      out.dropped = out.dropped.map((x) => `people/${i}/profile${x ? '/' + x : ''}`);
    } else {
      dropped.push(`people/${i}`);
      return;
    }
    if (typeof p.name === 'string' && p.name.trim() && !out.draft.name) out.draft.name = p.name.slice(0, 60);
    people.push(out.draft);
    dropped.push(...out.dropped);
  });
  return { people, dropped };
}

/**
 * Adds imported drafts to the set; a draft equal to one already kept is not added twice.
 * Returns {added, same, skipped} counts: skipped are the new people not added because the set already
 * holds MAX_PEOPLE (they are said, never dropped silently). The draft on screen is not touched.
 */
export function importPeople(set, drafts) {
  const known = new Set(set.people.map((p) => JSON.stringify(p.draft)));
  let added = 0;
  let same = 0;
  let skipped = 0;
  for (const d of drafts) {
    const key = JSON.stringify(d);
    if (known.has(key)) { same += 1; continue; }
    if (set.people.length >= MAX_PEOPLE) { skipped += 1; continue; }
    known.add(key);
    addPerson(set, d);
    added += 1;
  }
  return { added, same, skipped };
}

/** Each person's draft as JSON by id: what a tab last read or wrote, the base of mergePeople. */
export const snapshotOf = (set) => new Map(set.people.map((p) => [p.id, JSON.stringify(p.draft)]));

/**
 * The people of two tabs' sets merged (a three-way merge, so two tabs open at once never overwrite each
 * other's list): `base` is what this tab last read or wrote (snapshotOf), `ours` this tab's set now,
 * `theirs` what storage holds now. A person added on either side is kept; one deleted on one side and
 * not changed on the other is deleted; one changed on both sides takes this tab's draft; one changed
 * here and deleted there is kept (nothing typed is lost). Order: theirs, then this tab's new people.
 */
export function mergePeople(base, ours, theirs) {
  const mine = new Map(ours.people.map((p) => [p.id, p]));
  const changedHere = (p) => base.get(p.id) !== JSON.stringify(p.draft);
  const out = [];
  for (const p of theirs.people) {
    const o = mine.get(p.id);
    mine.delete(p.id);
    if (o) out.push(changedHere(o) ? o : p);
    else if (!base.has(p.id)) out.push(p); // added in the other tab (one this tab deleted was in base)
  }
  for (const o of mine.values()) if (!base.has(o.id) || changedHere(o)) out.push(o);
  return out;
}

/**
 * The saved people of one calculator, bound to storage: {set, dropped, save(), refresh(), sync(draft),
 * keep(draft)}. sync() writes the draft on screen back into the current person; keep() makes sure
 * nothing on screen is lost before something else replaces it (an unsaved draft becomes a new person)
 * and detaches it. save() first merges what another tab wrote since (mergePeople); refresh() takes
 * another tab's write (the page calls it on the `storage` event) and returns true when the list changed.
 * `current` stays this tab's own: another tab showing someone else does not change who is shown here.
 */
export function openPeople(storage, key = PEOPLE_KEY, lang) {
  const { set, dropped } = loadPeople(storage, key, lang);
  let base = snapshotOf(set);
  let lastText = readText(storage, key); // what storage held when this tab last read or wrote it
  // Another tab's write since then, merged into this tab's set; false when storage holds what we last saw.
  const merge = () => {
    const text = readText(storage, key);
    if (text === lastText) return false;
    const theirs = text === null ? emptySet() : loadPeople(storage, key, lang).set;
    set.people = mergePeople(base, set, theirs);
    if (set.current !== null && !personOf(set, set.current)) set.current = null; // deleted there: the draft on screen stays, unsaved
    base = snapshotOf(theirs);
    lastText = text;
    return true;
  };
  const store = {
    set,
    dropped,
    key,
    saved: true, // false after a write failed (storage full or disabled): the panel says so
    save() {
      merge();
      store.saved = savePeople(storage, key, set);
      if (store.saved) {
        base = snapshotOf(set);
        lastText = readText(storage, key);
      }
      return store.saved;
    },
    refresh: () => merge(),
    current: () => personOf(set, set.current),
    sync(draft) {
      const p = personOf(set, set.current);
      if (!p) return;
      p.draft = copyDraft(draft);
      store.save();
    },
    /** Keeps the draft on screen before it is replaced: returns the id of the person holding it, or null. */
    keep(draft) {
      let id = null;
      if (set.current) { store.sync(draft); id = set.current; } else if (hasContent(draft)) id = addPerson(set, draft);
      set.current = null;
      store.save();
      return id;
    },
  };
  return store;
}
