// Keeping the draft: written to storage a moment after the last change (and when the page is hidden), not
// on every keystroke (a 1,000-record draft is 100 KB of JSON); on the page, as this tab's draft and its
// saved person (people-db.js), with what another tab wrote taken in and what a write came to said on screen.
import { saveDraft, saveTab } from './draft.js';
import { copyDraft, labelOf as personLabel } from './people/people.js';
import { draftKey } from './people/people-db.js';

/**
 * app: the calculator (draft(), t); notices: notices.js; form: its form.
 * where: {storage, storageKey, session, tab, people (people-db.js, or null), keepFirst (the draft a #p= link
 * replaced, to keep as its person once the people are read), peopleView() (the panel, once drawn),
 * replaceDraft(draft)}.
 */
export function createKeeping(app, notices, form, where) {
  const { t } = app;
  const { storage, storageKey, session, tab, people, keepFirst, peopleView, replaceDraft } = where;
  const unnamed = (n) => t('peopleUnnamed', n);
  let saveTimer = 0;
  let saving = null; // the page's write of the current person in flight (people-db.js sync)
  let holdSeed = false;
  let keptFirst = null; // keepFirst's write

  function saveSoon() {
    if (!storage) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  }
  /** Writes the draft now; on the page, resolves to the person's write ({ok, conflict?, deleted?}). */
  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!people) {
      if (storage) saveDraft(storage, storageKey, app.draft());
      return Promise.resolve({ ok: true });
    }
    const tabOk = writeTab();
    const p = people.sync(app.draft()).then((r) => { afterWrite(r, tabOk); return r; });
    saving = p;
    p.finally(() => { if (saving === p) saving = null; });
    peopleView()?.refresh();
    return p;
  }
  /** This tab's draft and person (draft.js saveTab); false when storage refused it. */
  function writeTab() {
    const ok = saveTab(session, holdSeed ? null : storage, app.draft(), people.base, tab && tab.legacy);
    if (ok && tab) tab.legacy = false;
    return ok;
  }
  // Said on screen while storage refuses writes (gone once a write succeeds again).
  const fullNotice = () => t('storageFull');
  function storageTrouble(on) {
    if (on === notices.has(fullNotice)) return;
    if (on) notices.add(fullNotice);
    else notices.keep((f) => f !== fullNotice);
    notices.show();
  }
  /** What a write of the person came to, said on screen: storage full, a conflict kept beside, a deletion. */
  function afterWrite(r, tabOk = true) {
    storageTrouble(!r.ok || !tabOk);
    if (r.conflict) {
      const of = personLabel(people.set, r.conflict.of, unnamed);
      app.draft().name = r.conflict.name;
      form.renderFields();
      writeTab();
      notices.keep((f) => f === fullNotice);
      notices.add(() => t('peopleConflict', of, r.conflict.name));
      notices.show();
      peopleView()?.say(t('peopleConflict', of, r.conflict.name));
    }
    if (r.deleted) peopleView()?.say(t('peopleDeletedElsewhere'));
    peopleView()?.refresh();
  }
  // The people are read (people-db.js onReady, before any write of this tab runs): the draft on screen
  // meets its person's stored revision.
  function peopleReady() {
    if (tab && tab.legacy && people.legacyCurrent && !people.base && !keepFirst) people.open(people.legacyCurrent);
    if (keepFirst) {
      const person = keepFirst.person || (tab && tab.legacy && people.legacyCurrent
        ? { id: people.legacyCurrent, rev: people.set.people.find((q) => q.id === people.legacyCurrent)?.rev || 1 } : null);
      keptFirst = people.keepOther(keepFirst.draft, person).then((r) => {
        if (r.ok) {
          notices.add(r.id ? () => t('openedSharedKept', personLabel(people.set, r.id, unnamed)) : () => t('openedShared'));
          if (r.conflict) notices.add(() => t('peopleConflict', personLabel(people.set, r.conflict.of, unnamed), r.conflict.name));
          notices.show();
        } else {
          holdSeed = true; // the draft of before is not kept anywhere else: where new tabs start stays as it was
        }
        afterWrite({ ok: r.ok });
        writeTab();
      });
      return;
    }
    const p = people.current();
    if (!p) people.open(null);
    else if (p.key === draftKey(app.draft())) people.open(p.id);
    else saveSoon(); // entries not written yet (or written on an older revision: kept beside the newer one)
    if (tab && tab.legacy) writeTab(); // the draft of before is this tab's now (its old key goes)
  }
  // Another tab wrote (people-db.js onChange): the list follows; the person on screen, when this tab has
  // nothing of its own to write, shows that tab's entries.
  function peopleChanged(change) {
    const id = people.set.current;
    if (id !== null && (change.all || change.id === id)) {
      const p = people.current();
      if (!p) {
        people.open(null);
        writeTab();
        peopleView()?.say(t('peopleDeletedElsewhere'));
      } else if (people.base && p.rev !== people.base.rev && !saveTimer && !saving) {
        const changed = p.key !== draftKey(app.draft());
        people.open(p.id);
        if (changed) {
          replaceDraft(copyDraft(p.draft));
          notices.replace([() => t('peopleChangedElsewhere', personLabel(people.set, p.id, unnamed))]);
          notices.show();
        }
        writeTab();
      }
    }
    peopleView()?.refresh();
  }
  if (storage) {
    const flush = () => { if (saveTimer) saveNow(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  }

  return {
    saveSoon, saveNow, writeTab, afterWrite, peopleReady, peopleChanged,
    /** A change waiting to be written is dropped (another draft takes the screen). */
    cancelSave() { clearTimeout(saveTimer); },
    /** Resolves once the draft a #p= link replaced is kept (people.ready first). */
    keptFirst: () => keptFirst,
  };
}
