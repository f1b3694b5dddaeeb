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
// The people of before (one localStorage value, people.js PEOPLE_KEY) are moved in once: each keeps its id
// (so a migration cut short and run again adds nobody twice); the old value is removed only after every
// one of them has been read back from IndexedDB. Until then it stays, and the page says so.
import { openDB } from '../../vendor/idb.js';
import { say } from '../../base/texts.js';
import { hasContent, sanitizeDraft } from '../draft.js';
import { MAX_PEOPLE, PEOPLE_KEY, copyDraft, newId, personOf, readLegacySet } from './people.js';

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

/**
 * The people of the page, in IndexedDB. options: lang, legacy (the localStorage holding PEOPLE_KEY, or
 * null), dbName, conflictName(label) (the name of the copy a conflicting write keeps), onChange({id,
 * deleted, all}) (another tab wrote), base ({id, rev} of the draft on screen: this tab's person).
 *
 * Returns {set, ready, dropped, saved, migration, base, add, sync, keep, remove, importDrafts, open,
 * current, close}. `set` is {current, people: [{id, draft, rev, order}]} in list order (people.js's
 * functions take it); `ready` resolves once the records are read (and the old ones migrated).
 */
export function openPeopleStore(options = {}) {
  const { lang, legacy = null, dbName = DB_NAME, conflictName = (n) => say(lang, 'peopleConflictName', n), onChange = () => {} } = options;
  const set = { current: null, people: [] };
  let db = null;
  let channel = null;
  let persistAsked = false;
  let queue = Promise.resolve();
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

  // every write in order, one at a time (a tab's saves never race each other)
  const serial = (fn) => {
    const p = queue.then(fn);
    queue = p.catch(() => {});
    return p;
  };
  const post = (msg) => { try { channel?.postMessage(msg); } catch { /* closed */ } };
  const sorted = () => set.people.sort((a, b) => a.order - b.order);
  const nextOrder = () => set.people.reduce((m, p) => Math.max(m, p.order), 0) + 1;
  const keep = (rec) => ({ id: rec.id, draft: rec.draft, rev: rec.rev, order: rec.order, key: draftKey(rec.draft) });
  const record = (id, draft, order, rev = 1) => ({ id, rev, order, draft: copyDraft(draft), saved: Date.now() });
  const askPersist = () => {
    if (persistAsked) return;
    persistAsked = true;
    try { globalThis.navigator?.storage?.persist?.()?.catch?.(() => {}); } catch { /* not offered */ }
  };

  /** One readwrite transaction: fn(objectStore) -> value; {ok, value} or {ok: false, error}. */
  async function write(fn) {
    if (!db) {
      store.saved = false;
      store.error = store.error || new Error('IndexedDB is not available');
      return { ok: false, error: store.error };
    }
    let tx;
    try {
      tx = db.transaction(STORE, 'readwrite');
      tx.done.catch(() => {});
      const value = await fn(tx.store);
      await tx.done;
      store.saved = true;
      store.error = null;
      return { ok: true, value };
    } catch (error) {
      try { tx?.abort(); } catch { /* done already */ }
      store.saved = false;
      store.error = error;
      return { ok: false, error };
    }
  }

  /** A stored record as a person of the set (type-checked like a draft), or null. */
  function fromRecord(rec) {
    if (!rec || typeof rec !== 'object' || typeof rec.id !== 'string') return null;
    const { draft } = sanitizeDraft(rec.draft, lang);
    return keep({ id: rec.id, draft, rev: Number(rec.rev) || 1, order: Number(rec.order) || 0 });
  }

  // the old localStorage set, type-checked in a worker (people-worker.js; here when there is none); its
  // people keep their ids
  async function migrate() {
    let text = null;
    try { text = legacy ? legacy.getItem(PEOPLE_KEY) : null; } catch { return; }
    if (text === null) return;
    const read = await readOffThread(text);
    store.dropped.push(...read.dropped);
    const people = read.people;
    if (read.current) store.legacyCurrent = read.current;
    const first = nextOrder();
    const records = people.map((p, i) => record(p.id, p.draft, first + i));
    const r = await write(async (s) => {
      for (const rec of records) if ((await s.getKey(rec.id)) === undefined) await s.add(rec);
    });
    let confirmed = false;
    if (r.ok) {
      try {
        const keys = new Set(await db.getAllKeys(STORE));
        confirmed = records.every((rec) => keys.has(rec.id));
      } catch { confirmed = false; }
    }
    if (confirmed) {
      store.migration = 'done';
      try { legacy.removeItem(PEOPLE_KEY); } catch { /* stays: migrated again, nobody twice */ }
      if (records.length) askPersist();
    } else {
      // nothing lost: the old people are shown from memory, their value stays where it was
      store.migration = 'failed';
      for (const rec of records) if (!personOf(set, rec.id)) set.people.push({ ...keep(rec), pending: true });
    }
  }

  function readOffThread(text) {
    const here = () => readLegacySet(text, lang);
    if (typeof Worker !== 'function') return Promise.resolve(here());
    return new Promise((resolve) => {
      let worker;
      try {
        worker = new Worker(new URL('./people-worker.js', import.meta.url), { type: 'module', name: 'jxjy-people' });
      } catch { resolve(here()); return; }
      const done = (out) => { worker.terminate(); resolve(out && Array.isArray(out.people) ? out : here()); };
      worker.onmessage = (e) => done(e.data);
      worker.onerror = (e) => { e.preventDefault?.(); done(null); };
      worker.postMessage({ text, lang });
    });
  }

  async function loadAll() {
    let recs = [];
    try { recs = await db.getAll(STORE); } catch { return; }
    const people = [];
    let t0 = now();
    for (const rec of recs) {
      const p = fromRecord(rec);
      if (p) people.push(p);
      if (now() - t0 > SLICE_MS) { await yieldTask(); t0 = now(); }
    }
    const unsaved = store.migration === 'failed' ? set.people.filter((p) => !people.some((q) => q.id === p.id)) : [];
    set.people = [...people, ...unsaved];
    sorted();
  }

  async function reloadOne(id) {
    let rec;
    try { rec = await db.get(STORE, id); } catch { return; }
    const i = set.people.findIndex((p) => p.id === id);
    const p = fromRecord(rec);
    if (!p) { if (i >= 0) set.people.splice(i, 1); } else if (i >= 0) set.people[i] = p; else set.people.push(p);
    sorted();
    onChange({ id, deleted: !p });
  }

  store.ready = (async () => {
    try {
      db = await openDB(dbName, 1, { upgrade(d) { d.createObjectStore(STORE, { keyPath: 'id' }); } });
    } catch (e) {
      db = null;
      store.error = e;
    }
    if (db) await loadAll(); // (first: the old people go after those kept already)
    await migrate();
    if (db && store.migration) await loadAll();
    if (set.current !== null && !personOf(set, set.current)) set.current = null;
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (e) => {
        const m = e.data || {};
        if (!db) return;
        if ((m.type === 'put' || m.type === 'delete') && typeof m.id === 'string') serial(() => reloadOne(m.id));
        else if (m.type === 'reload') serial(async () => { await loadAll(); onChange({ all: true }); });
      };
    }
    if (options.onReady) options.onReady(store);
    return store;
  })();
  queue = store.ready.then(() => {}, () => {});

  // Writes draft (its key and a copy) into person p, whose revision the writer read was `base`: a newer
  // revision is never overwritten (the draft is added beside it as a copy). Inside serial().
  async function writeDraft(p, base, key, mine) {
    if (p.key === key && p.rev === base) return { ok: true, rev: base };
    const label = (options.label && options.label(p.id)) || p.draft.name.trim();
    let copy = null;
    const r = await write(async (s) => {
      const rec = await s.get(p.id);
      if (!rec && p.pending) { // a person of before not migrated yet: written now
        const next = record(p.id, mine, p.order, base);
        await s.add(next);
        return { put: next };
      }
      if (!rec) return { deleted: true };
      if (rec.rev !== base) {
        if (draftKey(fromRecord(rec)?.draft || {}) === key) return { same: rec };
        copy = record(newId(), { ...mine, name: conflictName(label).slice(0, 60) }, nextOrder());
        await s.add(copy);
        return { conflict: rec };
      }
      const next = { ...rec, rev: rec.rev + 1, draft: mine, saved: Date.now() };
      await s.put(next);
      return { put: next };
    });
    if (!r.ok) return { ok: false, error: r.error };
    const v = r.value;
    if (v.deleted) {
      set.people = set.people.filter((q) => q.id !== p.id);
      return { ok: true, deleted: true };
    }
    if (v.same) return { ok: true, rev: v.same.rev };
    if (v.put) {
      Object.assign(p, keep(v.put));
      post({ type: 'put', id: p.id });
      return { ok: true, rev: v.put.rev };
    }
    Object.assign(p, fromRecord(v.conflict));
    set.people.push(keep(copy));
    post({ type: 'put', id: copy.id });
    return { ok: true, conflict: { of: p.id, copy: copy.id, name: copy.draft.name } };
  }

  Object.assign(store, {
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
      return serial(async () => {
        const rec = record(newId(), draft, nextOrder());
        const r = await write((s) => s.add(rec));
        if (!r.ok) return null;
        set.people.push(keep(rec));
        post({ type: 'put', id: rec.id });
        askPersist();
        return rec.id;
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
      return serial(async () => {
        const p = personOf(set, set.current);
        if (!p || !store.base || store.base.id !== p.id) return { ok: true };
        const r = await writeDraft(p, store.base.rev, key, mine);
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
      return serial(async () => {
        const p = person ? personOf(set, person.id) : null;
        if (p) {
          const r = await writeDraft(p, person.rev, key, mine);
          if (!r.ok) return r;
          if (!r.deleted) return { ok: true, id: r.conflict ? r.conflict.copy : p.id, conflict: r.conflict };
        }
        if (!hasContent(draft)) return { ok: true, id: null };
        const rec = record(newId(), mine, nextOrder());
        const r = await write((s) => s.add(rec));
        if (!r.ok) return { ok: false, error: r.error };
        set.people.push(keep(rec));
        post({ type: 'put', id: rec.id });
        askPersist();
        return { ok: true, id: rec.id };
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
      return serial(async () => {
        const r = await write((s) => s.delete(id));
        if (!r.ok) return false;
        set.people = set.people.filter((p) => p.id !== id);
        if (set.current === id) store.open(null);
        post({ type: 'delete', id });
        return true;
      });
    },
    /** Adds imported drafts (none twice, none equal to one kept) in one transaction: {ok, added, same}. */
    importDrafts(drafts) {
      return serial(async () => {
        const known = new Set(set.people.map((p) => p.key));
        const records = [];
        let same = 0;
        let skipped = 0; // past the cap: said, never dropped silently
        let order = nextOrder();
        for (const d of drafts) {
          const key = draftKey(d);
          if (known.has(key)) { same += 1; continue; }
          if (set.people.length + records.length >= MAX_PEOPLE) { skipped += 1; continue; }
          known.add(key);
          records.push(record(newId(), d, order++));
        }
        const r = await write(async (s) => { for (const rec of records) await s.add(rec); });
        if (!r.ok) return { ok: false, error: r.error, added: 0, same, skipped };
        for (const rec of records) set.people.push(keep(rec));
        if (records.length) { post({ type: 'reload' }); askPersist(); }
        return { ok: true, added: records.length, same, skipped };
      });
    },
    /** Waits for the writes started so far. */
    settled: () => serial(() => {}),
    close() { try { channel?.close(); } catch { /* closed */ } try { db?.close(); } catch { /* closed */ } },
  });
  return store;
}
