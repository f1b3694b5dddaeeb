// The one-time move of the people of before (one localStorage value, people.js PEOPLE_KEY) into
// IndexedDB (people-db.js): the old set is type-checked off the main thread (people-worker.js; here when
// there is no worker), its people keep their ids (so a migration cut short and run again adds nobody
// twice), and the old value is removed only after every one of them has been read back from IndexedDB.
import { PEOPLE_KEY, readLegacySet } from './people.js';

/**
 * Moves the old set in. moveIn(people) writes them (each {id, draft}) and resolves to {records (as
 * written or tried), confirmed (every one read back)}. Resolves to null when there is no old set, else
 * {migration: 'done' | 'failed', dropped, current, records}; the old value is removed only when 'done'.
 */
export async function migrateLegacy(legacy, lang, moveIn) {
  let text = null;
  try { text = legacy ? legacy.getItem(PEOPLE_KEY) : null; } catch { return null; }
  if (text === null) return null;
  const read = await readOffThread(text, lang);
  const { records, confirmed } = await moveIn(read.people);
  if (confirmed) {
    try { legacy.removeItem(PEOPLE_KEY); } catch { /* stays: migrated again, nobody twice */ }
  }
  return { migration: confirmed ? 'done' : 'failed', dropped: read.dropped, current: read.current || null, records };
}

/** The old set read (people.js readLegacySet) in a worker, so that a large or malformed one never freezes the tab. */
export function readOffThread(text, lang) {
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
