// Saved people in IndexedDB (issue #26): one record per person, each with a revision, so that two tabs
// of the page never overwrite each other. The page's people panel (people-view.js) and the calculator
// use it; the pure model (sanitizing, set files) is people.js. idb (web/vendor/idb.js) wraps IndexedDB
// in promises.
//
// Database "jxjy", object store "people" (keyPath "id"): {id, rev, order, draft, saved}. `rev` counts
// the writes of that person; `order` is the place in the list. A tab remembers the revision its draft on
// screen is based on (`base`); a write that finds a newer revision never overwrites it: this tab's draft
// is added as a new person named "甲（另一窗口的修改）" and shown from then on (sync() says so). Every write
// is one transaction of the records it changes (an edit writes one record), awaited; a failed write
// (storage full) leaves the records and the list as they were and returns ok: false.
//
// Tabs tell each other of every write on the BroadcastChannel "jxjy.people" ({type: 'put'|'delete', id}
// or {type: 'reload'}); the receiving tab reads those records again and calls onChange.
//
// The people of before (one localStorage value, people.js PEOPLE_KEY) are moved in once (people-migrate.js):
// each keeps its id (so a migration cut short and run again adds nobody twice); the old value is removed
// only after every one of them has been read back from IndexedDB. Until then it stays, and the page says so.
//
// The parts: transact (one transaction), personFromRecord / readPeople (records read back as people, in
// time slices), putRevision (what a revision-checked write decides), importRecords (which imported drafts
// are new); openPeopleStore's state and queue (innerStore), its reading in and the other tabs (readIn,
// reloadOne, migrate), its writes (writeDraft, addRecord) and the public API (peopleWrites).
import { openDB } from '../../vendor/idb.js';
import { say } from '../../base/texts.js';
import { hasContent, sanitizeDraft } from '../draft.js';
import { MAX_PEOPLE, copyDraft, newId, personOf } from './people.js';
import { migrateLegacy } from './people-migrate.js';

export const DB_NAME = 'jxjy';
export const STORE = 'people';
export const CHANNEL = 'jxjy.people';

/** A draft's content as text, its language left out (a person opens in the language shown). */
export const draftKey = (draft) => JSON.stringify({ ...draft, lang: '' });

/** Is this error the storage being full? */
export const isQuotaError = (e) => !!e && (e.name === 'QuotaExceededError' || (e.inner && e.inner.name === 'QuotaExceededError'));

// Work in slices of a few milliseconds, so that reading a large or malformed set never freezes the tab.
const SLICE_MS = 8;
const now = () => (globalThis.performance ? performance.now() : Date.now());
const yieldTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One readwrite transaction of db's people: fn(objectStore) -> value; {ok, value} or {ok: false, error} (aborted). */
async function transact(db, fn) {
  let tx;
  try {
    tx = db.transaction(STORE, 'readwrite');
    tx.done.catch(() => {});
    const value = await fn(tx.store);
    await tx.done;
    return { ok: true, value };
  } catch (error) {
    try { tx?.abort(); } catch { /* done already */ }
    return { ok: false, error };
  }
}

/** A record to write: person id's copy of draft at place `order`, revision `rev`. */
const newRecord = (id, draft, order, rev = 1) => ({ id, rev, order, draft: copyDraft(draft), saved: Date.now() });

/** A record as a person of the set ({id, draft, rev, order, key}). */
const asPerson = (rec) => ({ id: rec.id, draft: rec.draft, rev: rec.rev, order: rec.order, key: draftKey(rec.draft) });

/** A stored record as a person of the set (type-checked like a draft), or null. */
function personFromRecord(rec, lang) {
  if (!rec || typeof rec !== 'object' || typeof rec.id !== 'string') return null;
  const { draft } = sanitizeDraft(rec.draft, lang);
  return asPerson({ id: rec.id, draft, rev: Number(rec.rev) || 1, order: Number(rec.order) || 0 });
}

/** Every stored record as a person (the unreadable left out), read in time slices; null when they could not be read. */
async function readPeople(db, lang) {
  let recs = [];
  try { recs = await db.getAll(STORE); } catch { return null; }
  const people = [];
  let t0 = now();
  for (const rec of recs) {
    const p = personFromRecord(rec, lang);
    if (p) people.push(p);
    if (now() - t0 > SLICE_MS) { await yieldTask(); t0 = now(); }
  }
  return people;
}

/** Are all these records in db now (read back)? */
async function allStored(db, records) {
  try {
    const keys = new Set(await db.getAllKeys(STORE));
    return records.every((rec) => keys.has(rec.id));
  } catch { return false; }
}

/**
 * Inside a transaction (object store s): writes draft `mine` (its key `key`) into person p, whose revision
 * the writer read was `base`. A newer revision is never overwritten. Decides: {put: record} (the next
 * revision, or a person of before not migrated yet written now), {same: record} (a newer revision holds
 * this draft already), {conflict: record, copy} (a newer revision: the draft added beside it as copyOf()),
 * {deleted: true} (another tab deleted p).
 */
async function putRevision(s, { p, base, key, mine, lang, copyOf }) {
  const rec = await s.get(p.id);
  if (!rec && p.pending) {
    const next = newRecord(p.id, mine, p.order, base);
    await s.add(next);
    return { put: next };
  }
  if (!rec) return { deleted: true };
  if (rec.rev !== base) {
    if (draftKey(personFromRecord(rec, lang)?.draft || {}) === key) return { same: rec };
    const copy = copyOf();
    await s.add(copy);
    return { conflict: rec, copy };
  }
  const next = { ...rec, rev: rec.rev + 1, draft: mine, saved: Date.now() };
  await s.put(next);
  return { put: next };
}

/**
 * Of drafts to import into set: the records of the new ones (none twice, none equal to one kept, the set at
 * most MAX_PEOPLE), placed from `order` on; `same` (equal to one kept) and `skipped` (past the cap: said,
 * never dropped silently) count the others.
 */
function importRecords(set, drafts, order) {
  const known = new Set(set.people.map((p) => p.key));
  const records = [];
  let same = 0;
  let skipped = 0;
  for (const d of drafts) {
    const key = draftKey(d);
    if (known.has(key)) { same += 1; continue; }
    if (set.people.length + records.length >= MAX_PEOPLE) { skipped += 1; continue; }
    known.add(key);
    records.push(newRecord(newId(), d, order++));
  }
  return { records, same, skipped };
}

/**
 * The people of the page, in IndexedDB. options: lang, legacy (the localStorage holding PEOPLE_KEY, or
 * null), dbName, conflictName(label) (the name of the copy a conflicting write keeps), label(id) (a
 * person's label in that name), onChange({id, deleted, all}) (another tab wrote), onReady(store), base
 * ({id, rev} of the draft on screen: this tab's person).
 *
 * Returns {set, ready, dropped, saved, error, migration, legacyCurrent, base, add, sync, keepOther, keep,
 * remove, importDrafts, open, current, settled, close}. `set` is {current, people: [{id, draft, rev,
 * order}]} in list order (people.js's functions take it); `ready` resolves once the records are read (and
 * the old ones migrated).
 */
export function openPeopleStore(options = {}) {
  const inner = innerStore(options);
  inner.store.ready = readIn(inner);
  inner.queue = inner.store.ready.then(() => {}, () => {});
  Object.assign(inner.store, peopleWrites(inner));
  return inner.store;
}

/** The store's state (the store object, its database and channel once open) and what every part uses. */
function innerStore(options) {
  const { lang, legacy = null, dbName = DB_NAME, conflictName = (n) => say(lang, 'peopleConflictName', n), onChange = () => {} } = options;
  const set = { current: null, people: [] };
  const store = {
    set,
    dropped: [],
    saved: true, // false after a write failed; `error` is that failure
    error: null,
    migration: null, // 'done' | 'failed' | null (nothing to migrate)
    legacyCurrent: null, // the old set's person shown, once migrated
    base: options.base && typeof options.base.id === 'string' ? { id: options.base.id, rev: Number(options.base.rev) || 0 } : null,
  };
  if (store.base) set.current = store.base.id;
  const inner = {
    options, lang, legacy, dbName, conflictName, onChange, set, store,
    db: null,
    channel: null,
    persistAsked: false,
    queue: Promise.resolve(),
    /** Every write in order, one at a time (a tab's saves never race each other). */
    serial(fn) {
      const p = inner.queue.then(fn);
      inner.queue = p.catch(() => {});
      return p;
    },
    post(msg) { try { inner.channel?.postMessage(msg); } catch { /* closed */ } },
    sorted: () => set.people.sort((a, b) => a.order - b.order),
    nextOrder: () => set.people.reduce((m, p) => Math.max(m, p.order), 0) + 1,
    askPersist() {
      if (inner.persistAsked) return;
      inner.persistAsked = true;
      try { globalThis.navigator?.storage?.persist?.()?.catch?.(() => {}); } catch { /* not offered */ }
    },
    /** One transaction (transact); the outcome kept as store.saved and store.error (storage full, say). */
    async write(fn) {
      if (!inner.db) {
        store.saved = false;
        store.error = store.error || new Error('IndexedDB is not available');
        return { ok: false, error: store.error };
      }
      const r = await transact(inner.db, fn);
      store.saved = r.ok;
      store.error = r.ok ? null : r.error;
      return r;
    },
  };
  return inner;
}

/** Reads the people in (after they were written, or another tab wrote them all); those of before not migrated stay. */
async function loadAll(inner) {
  const people = await readPeople(inner.db, inner.lang);
  if (!people) return;
  const { set, store } = inner;
  const unsaved = store.migration === 'failed' ? set.people.filter((p) => !people.some((q) => q.id === p.id)) : [];
  set.people = [...people, ...unsaved];
  inner.sorted();
}

/** Reads person id again (another tab wrote or deleted it) and says so (onChange). */
async function reloadOne(inner, id) {
  const { set } = inner;
  let rec;
  try { rec = await inner.db.get(STORE, id); } catch { return; }
  const i = set.people.findIndex((p) => p.id === id);
  const p = personFromRecord(rec, inner.lang);
  if (!p) { if (i >= 0) set.people.splice(i, 1); } else if (i >= 0) set.people[i] = p; else set.people.push(p);
  inner.sorted();
  inner.onChange({ id, deleted: !p });
}

/** The old localStorage set moved in (people-migrate.js); when that failed, its people are shown from memory. */
async function migrate(inner) {
  const { set, store } = inner;
  const m = await migrateLegacy(inner.legacy, inner.lang, async (people) => {
    const first = inner.nextOrder();
    const records = people.map((p, i) => newRecord(p.id, p.draft, first + i));
    const r = await inner.write(async (s) => {
      for (const rec of records) if ((await s.getKey(rec.id)) === undefined) await s.add(rec);
    });
    return { records, confirmed: r.ok && await allStored(inner.db, records) };
  });
  if (!m) return;
  store.dropped.push(...m.dropped);
  if (m.current) store.legacyCurrent = m.current;
  store.migration = m.migration;
  if (m.migration === 'done') {
    if (m.records.length) inner.askPersist();
  } else {
    // nothing lost: the old people are shown from memory, their value stays where it was
    for (const rec of m.records) if (!personOf(set, rec.id)) set.people.push({ ...asPerson(rec), pending: true });
  }
}

/** Opens the database, reads the people (and moves the old ones in), then listens to the other tabs. */
async function readIn(inner) {
  const { set, store } = inner;
  try {
    inner.db = await openDB(inner.dbName, 1, { upgrade(d) { d.createObjectStore(STORE, { keyPath: 'id' }); } });
  } catch (e) {
    inner.db = null;
    store.error = e;
  }
  if (inner.db) await loadAll(inner); // (first: the old people go after those kept already)
  await migrate(inner);
  if (inner.db && store.migration) await loadAll(inner);
  if (set.current !== null && !personOf(set, set.current)) set.current = null;
  if (typeof BroadcastChannel === 'function') {
    inner.channel = new BroadcastChannel(CHANNEL);
    inner.channel.onmessage = (e) => {
      const m = e.data || {};
      if (!inner.db) return;
      if ((m.type === 'put' || m.type === 'delete') && typeof m.id === 'string') inner.serial(() => reloadOne(inner, m.id));
      else if (m.type === 'reload') inner.serial(async () => { await loadAll(inner); inner.onChange({ all: true }); });
    };
  }
  if (inner.options.onReady) inner.options.onReady(store);
  return store;
}

/** Writes record rec as a new person (inside serial()): {ok} or {ok: false, error}. */
async function addRecord(inner, rec) {
  const { set } = inner;
  const r = await inner.write((s) => s.add(rec));
  if (!r.ok) return r;
  set.people.push(asPerson(rec));
  inner.post({ type: 'put', id: rec.id });
  inner.askPersist();
  return r;
}

// Writes draft (its key and a copy) into person p, whose revision the writer read was `base`: a newer
// revision is never overwritten (the draft is added beside it as a copy). Inside serial().
async function writeDraft(inner, p, base, key, mine) {
  const { set, options } = inner;
  if (p.key === key && p.rev === base) return { ok: true, rev: base };
  const label = (options.label && options.label(p.id)) || p.draft.name.trim();
  const copyOf = () => newRecord(newId(), { ...mine, name: inner.conflictName(label).slice(0, 60) }, inner.nextOrder());
  const r = await inner.write((s) => putRevision(s, { p, base, key, mine, lang: inner.lang, copyOf }));
  if (!r.ok) return { ok: false, error: r.error };
  const v = r.value;
  if (v.deleted) {
    set.people = set.people.filter((q) => q.id !== p.id);
    return { ok: true, deleted: true };
  }
  if (v.same) return { ok: true, rev: v.same.rev };
  if (v.put) {
    Object.assign(p, asPerson(v.put));
    inner.post({ type: 'put', id: p.id });
    return { ok: true, rev: v.put.rev };
  }
  Object.assign(p, personFromRecord(v.conflict, inner.lang));
  set.people.push(asPerson(v.copy));
  inner.post({ type: 'put', id: v.copy.id });
  return { ok: true, conflict: { of: p.id, copy: v.copy.id, name: v.copy.draft.name } };
}

/** The store's public API: who is shown, and every write (each awaited, in order; nothing replaced before it is confirmed). */
function peopleWrites(inner) {
  const { set, store } = inner;
  const api = {
    current: () => personOf(set, set.current),
    /** Shows person id (or none): the draft on screen is now that person's, at its revision. */
    open(id) {
      const p = id ? personOf(set, id) : null;
      set.current = p ? p.id : null;
      store.base = p ? { id: p.id, rev: p.rev } : null;
      return p;
    },
    /** Adds a person holding a copy of draft; resolves to its id, or null when it could not be written. */
    add(draft) {
      return inner.serial(async () => {
        const rec = newRecord(newId(), draft, inner.nextOrder());
        return (await addRecord(inner, rec)).ok ? rec.id : null;
      });
    },
    /**
     * Writes the draft on screen into the current person (nothing when it holds that already). Resolves
     * to {ok} and, when the person had a newer revision, {conflict: {of, copy, name}} (the copy now
     * current), or {deleted: true} when another tab deleted it (the draft stays on screen, unsaved).
     */
    sync(draft) {
      const key = draftKey(draft);
      const mine = copyDraft(draft);
      return inner.serial(async () => {
        const p = personOf(set, set.current);
        if (!p || !store.base || store.base.id !== p.id) return { ok: true };
        const r = await writeDraft(inner, p, store.base.rev, key, mine);
        if (!r.ok) return r;
        if (r.deleted) { store.open(null); return r; }
        if (r.conflict) { set.current = r.conflict.copy; store.base = { id: r.conflict.copy, rev: 1 }; } else store.base = { id: p.id, rev: r.rev };
        return r;
      });
    },
    /**
     * Keeps a draft that is not on screen any more (the draft of before, under a #p= link): into its
     * person at revision `person.rev` (a newer one: kept beside it), else as a new person. Who is current
     * does not change. Resolves to {ok, id, conflict?}.
     */
    keepOther(draft, person) {
      const key = draftKey(draft);
      const mine = copyDraft(draft);
      return inner.serial(async () => {
        const p = person ? personOf(set, person.id) : null;
        if (p) {
          const r = await writeDraft(inner, p, person.rev, key, mine);
          if (!r.ok) return r;
          if (!r.deleted) return { ok: true, id: r.conflict ? r.conflict.copy : p.id, conflict: r.conflict };
        }
        if (!hasContent(draft)) return { ok: true, id: null };
        const rec = newRecord(newId(), mine, inner.nextOrder());
        const r = await addRecord(inner, rec);
        return r.ok ? { ok: true, id: rec.id } : { ok: false, error: r.error };
      });
    },
    /**
     * Keeps the draft on screen before it is replaced: the current person gets it (sync), else a draft of
     * one's own becomes a new person; then nobody is current. Resolves to {ok, id (who holds it, or null),
     * conflict?}; on failure (ok: false) nothing changed and the draft must stay on screen.
     */
    async keep(draft) {
      let id = null;
      let conflict = null;
      if (set.current !== null) {
        const r = await store.sync(draft);
        if (!r.ok) return r;
        conflict = r.conflict || null;
        id = set.current; // (the copy, after a conflict)
      }
      if (id === null && hasContent(draft)) {
        id = await store.add(draft);
        if (id === null) return { ok: false, error: store.error };
      }
      store.open(null);
      return { ok: true, id, conflict };
    },
    /** Deletes a person; resolves to false when it could not be written. */
    remove(id) {
      return inner.serial(async () => {
        const r = await inner.write((s) => s.delete(id));
        if (!r.ok) return false;
        set.people = set.people.filter((p) => p.id !== id);
        if (set.current === id) store.open(null);
        inner.post({ type: 'delete', id });
        return true;
      });
    },
    /** Adds imported drafts (none twice, none equal to one kept) in one transaction: {ok, added, same, skipped}. */
    importDrafts(drafts) {
      return inner.serial(async () => {
        const { records, same, skipped } = importRecords(set, drafts, inner.nextOrder());
        const r = await inner.write(async (s) => { for (const rec of records) await s.add(rec); });
        if (!r.ok) return { ok: false, error: r.error, added: 0, same, skipped };
        for (const rec of records) set.people.push(asPerson(rec));
        if (records.length) { inner.post({ type: 'reload' }); inner.askPersist(); }
        return { ok: true, added: records.length, same, skipped };
      });
    },
    /** Waits for the writes started so far. */
    settled: () => inner.serial(() => {}),
    close() { try { inner.channel?.close(); } catch { /* closed */ } try { inner.db?.close(); } catch { /* closed */ } },
  };
  return api;
}
