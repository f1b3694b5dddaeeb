// What the page keeps of its saved people, read from the page (web/calculator/people/people-db.js): the records of
// IndexedDB "jxjy" (store "people") in list order, and this tab's person (sessionStorage, draft.js TAB_KEY).
// Where there is no such store (a page of the localStorage era), the old set's people.

/** The saved people's records [{id, rev, order, draft}], in list order. */
export const savedPeople = (page) => page.evaluate(async () => {
  const names = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : ['jxjy'];
  if (names.includes('jxjy')) {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jxjy');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (db.objectStoreNames.contains('people')) {
      const all = await new Promise((resolve, reject) => {
        const r = db.transaction('people').objectStore('people').getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      db.close();
      return all.sort((a, b) => a.order - b.order);
    }
    db.close();
  }
  return JSON.parse(localStorage.getItem('jxjy.people.v1') || '{"people":[]}').people;
});

/** {current, people} as the old stored set had it: this tab's person and the saved people. */
export async function storedSet(page) {
  const people = await savedPeople(page);
  const current = await page.evaluate(() => {
    const tab = JSON.parse(sessionStorage.getItem('jxjy.tab.v1') || 'null');
    return tab ? (tab.person ? tab.person.id : null) : JSON.parse(localStorage.getItem('jxjy.people.v1') || '{}').current ?? null;
  });
  return { current, people };
}

/** Writes a person's record straight into IndexedDB, as another page (or another version) would. */
export const putPerson = (page, record) => page.evaluate(async (rec) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('jxjy');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('people', 'readwrite');
    tx.objectStore('people').put(rec);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}, record);
