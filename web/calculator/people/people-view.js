// The "saved people" panel of the page (the model is people.js, the storage people-db.js: IndexedDB): a
// list to switch between, new, rename, duplicate, delete, and the whole set exported and imported as one
// JSON file. Nothing on screen is ever lost: before another person (or a new one) replaces it, a draft
// that no saved person holds is kept as a new person, and the status line says so. Every write is
// awaited before the screen changes: when storage refuses it, the screen stays as it is and the panel
// says what to do (export the people to a file).
//
// The parts: createPeopleView (the list, the status and error lines, keeping the draft shown before it is
// replaced), buildPanel (the markup), and the actions by job: switchActions (open, new, duplicate,
// delete: who is shown next), renameActions, fileActions (export, import).
import { emptyDraft } from '../draft.js';
import { el } from '../../base/dom.js';
import { copyDraft, exportSet, isUnsaved, labelOf, MAX_PEOPLE, parseSetFile, PeopleFileError } from './people.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * store: people-db.js openPeopleStore (ready). deps: draft() (the draft on screen), replaceDraft(draft)
 * (shows another draft), saveNow() (writes the draft now and into the current person; resolves to that
 * write), afterWrite(result) (says on screen what a write came to), setName(name) (the draft's name, as
 * the form shows it), today() (YYYY-MM-DD).
 */
export function createPeopleView(app, store, deps) {
  const t = (key, ...args) => app.t(key, ...args);
  const { set } = store;
  const unnamed = (n) => t('peopleUnnamed', n);
  const label = (id) => labelOf(set, id, unnamed);
  const gap = () => (app.lang() === 'en' ? ' ' : ''); // between sentences (Chinese: none)
  const ui = buildPanel(app, set.people.length > 0); // (folded while nobody is saved)
  const { select, buttons, file, status, error, count, details, section } = ui;

  let storageError = false; // the error line says that storage refused a write
  function say(statusText = '', errorText = '') {
    status.textContent = statusText;
    error.textContent = errorText;
    storageError = false;
  }
  /** A write was refused (storage full): nothing on screen was replaced; said, with what to do. */
  function refused() {
    deps.afterWrite({ ok: false });
    say('', [t('peopleNotReplaced'), t('storageFull')].join(gap()));
    storageError = true;
    details.open = true;
    refresh();
  }

  function render() {
    for (const node of section.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
    file.setAttribute('aria-label', t('peopleFileInput'));
    refresh();
  }

  let selectedFor;
  /** The list and the buttons' states (after the draft's name or the set changed). */
  function refresh() {
    const options = [];
    if (set.current === null) options.push(el('option', { value: '', text: t('peopleUnsaved') }));
    for (const p of set.people) options.push(el('option', { value: p.id, text: label(p.id) }));
    const same = select.options.length === options.length
      && options.every((o, i) => select.options[i].value === o.value && select.options[i].text === o.text);
    if (!same) select.replaceChildren(...options);
    // the person shown is selected when the list or the person changes, not on every save (that would
    // undo a choice made in the list and not opened yet)
    if (!same || set.current !== selectedFor) select.value = set.current ?? '';
    selectedFor = set.current;
    count.textContent = set.people.length ? t('peopleCount', set.current ? label(set.current) : t('peopleNone'), set.people.length) : '';
    buttons.open.disabled = set.people.length === 0;
    buttons.del.disabled = set.current === null;
    buttons.exp.disabled = set.people.length === 0 && !isUnsaved(set, deps.draft());
    if (!store.saved && !error.textContent) { error.textContent = t('peopleSaveFailed'); storageError = true; }
    else if (store.saved && storageError) { error.textContent = ''; storageError = false; }
  }

  /**
   * Keeps the draft on screen (people-db.js keep()) before something replaces it: {text (what to say, or
   * ''), id (who holds it)}, or null when storage refused (then said, and nothing may replace the screen).
   */
  async function keepShown() {
    const draft = deps.draft();
    const unsaved = isUnsaved(set, draft);
    const r = await store.keep(draft);
    if (!r.ok) { refused(); return null; }
    if (r.conflict) deps.afterWrite(r);
    const text = unsaved && r.id ? t('peopleKeptAs', label(r.id))
      : r.conflict ? t('peopleConflict', label(r.conflict.of), r.conflict.name) : '';
    return { text, id: r.id };
  }
  /** After keepShown() when the next write failed: the draft on screen is again that person's. */
  function undoKeep(kept) {
    if (kept && kept.id) store.open(kept.id);
    refused();
  }

  /** Shows person id (or an empty draft). */
  function show(id) {
    const p = store.open(id);
    deps.replaceDraft(p ? copyDraft(p.draft) : emptyDraft(app.lang()));
    deps.saveNow(); // (this tab's draft and person: the person's write itself has nothing to do)
    refresh();
  }

  const view = { app, store, deps, set, ui, t, label, gap, say, refresh, refused, keepShown, undoKeep, show };
  const switching = switchActions(view);
  const renaming = renameActions(view);
  const files = fileActions(view);
  buttons.open.addEventListener('click', switching.openSelected);
  buttons.add.addEventListener('click', switching.addNew);
  buttons.dup.addEventListener('click', switching.duplicate);
  buttons.del.addEventListener('click', switching.remove);
  buttons.rename.addEventListener('click', renaming.start);
  buttons.exp.addEventListener('click', files.exportAll);
  buttons.imp.addEventListener('click', () => file.click());
  file.addEventListener('change', files.importFile);

  render();
  if (store.dropped.length) details.open = true;
  if (store.dropped.length) say('', t('peopleDropped', store.dropped.join(t('listSep'))));
  return { render, refresh, say };
}

/**
 * The panel's markup (its texts filled in by render()), open or folded, put in place of the static first screen's folded
 * panel (first-screen.js), else after the header: {section, details, select, buttons, file, nameInput,
 * renameOk, renameCancel, renameBox, status, error, count}.
 */
function buildPanel(app, open) {
  const select = el('select', { id: 'people-select' });
  const button = (id, key, cls) => el('button', { type: 'button', id, className: cls, 'data-t': key });
  const buttons = {
    open: button('people-open', 'peopleOpen'),
    add: button('people-new', 'peopleNew'),
    rename: button('people-rename', 'peopleRename'),
    dup: button('people-dup', 'peopleDup'),
    del: button('people-del', 'peopleDel', 'danger'),
    exp: button('people-export', 'peopleExport'),
    imp: button('people-import', 'peopleImport'),
  };
  const file = el('input', { type: 'file', id: 'people-file', accept: '.json,application/json', hidden: true });
  const nameInput = el('input', { type: 'text', id: 'people-rename-input', maxlength: '60', autocomplete: 'off' });
  const renameOk = button('people-rename-ok', 'peopleRenameOk', 'primary');
  const renameCancel = button('people-rename-cancel', 'peopleRenameCancel');
  const renameBox = el('div', { id: 'people-rename-box', className: 'people-rename', hidden: true },
    el('label', { for: 'people-rename-input', 'data-t': 'peopleNewName' }), el('div', { className: 'share-row' }, nameInput, renameOk, renameCancel));
  const status = el('p', { id: 'people-status', className: 'io-msg io-status', role: 'status' });
  const error = el('p', { id: 'people-error', className: 'io-msg io-error', role: 'alert' });
  // folded while nobody is saved (a person checking only themself needs none of it); its summary says who
  // is shown and that it all stays on this device
  const count = el('span', { id: 'people-count', className: 'people-count' });
  const details = el('details', { id: 'people-details', className: 'people-details' },
    el('summary', {}, el('h2', { id: 'people-heading', 'data-t': 'peopleHeading' }), count),
    el('p', { id: 'people-privacy', className: 'hint', 'data-t': 'peoplePrivacy' }),
    el('div', { className: 'people-pick' },
      el('div', { className: 'field' }, el('label', { for: 'people-select', 'data-t': 'peopleCurrent' }), select),
      buttons.open),
    el('div', { className: 'people-actions', role: 'group', 'aria-labelledby': 'people-heading' },
      buttons.add, buttons.rename, buttons.dup, buttons.del, buttons.exp, buttons.imp, file),
    renameBox, status, error);
  details.open = open;
  const section = el('section', { id: 'people', className: 'card people', 'aria-labelledby': 'people-heading' }, details);
  const placeholder = app.wrapper.querySelector('#people');
  if (placeholder) placeholder.replaceWith(section); else app.wrapper.querySelector('.top').after(section);
  return { section, details, select, buttons, file, nameInput, renameOk, renameCancel, renameBox, status, error, count };
}

/**
 * Who is shown next: the person chosen in the list, a new one, a copy of the one shown, or (after a
 * delete) the one that took its place. Each keeps the draft shown first (keepShown); when storage refuses
 * a write, the screen stays as it was.
 */
function switchActions({ app, store, deps, set, ui, t, label, gap, say, refused, keepShown, undoKeep, show }) {
  async function openSelected() {
    const id = ui.select.value;
    if (!id || id === set.current) { say(id ? t('peopleAlreadyOpen', label(id)) : ''); return; }
    const kept = await keepShown();
    if (!kept) return;
    show(id);
    say([kept.text, t('peopleOpened', label(id))].filter(Boolean).join(gap()));
  }

  async function addNew() {
    const kept = await keepShown();
    if (!kept) return;
    const id = await store.add(emptyDraft(app.lang()));
    if (!id) { undoKeep(kept); return; }
    show(id);
    say([kept.text, t('peopleCreated', label(id))].filter(Boolean).join(gap()));
  }

  async function duplicate() {
    const draft = deps.draft();
    if (set.current === null && !isUnsaved(set, draft)) { say(t('peopleNothing')); return; }
    const kept = await keepShown();
    if (!kept) return;
    const copy = copyDraft(draft);
    copy.name = draft.name.trim() ? t('peopleCopyName', draft.name.trim()).slice(0, 60) : '';
    const id = await store.add(copy);
    if (!id) { undoKeep(kept); return; }
    show(id);
    say([kept.text, t('peopleDuplicated', label(id))].filter(Boolean).join(gap()));
  }

  async function remove() {
    const id = set.current;
    if (!id) return;
    const name = label(id);
    if (!window.confirm(t('peopleConfirmDelete', name))) { say(t('peopleNotDeleted')); return; }
    const i = set.people.findIndex((p) => p.id === id);
    if (!(await store.remove(id))) { refused(); return; }
    const next = set.people[Math.min(i, set.people.length - 1)];
    show(next ? next.id : null);
    say(next ? t('peopleDeletedOpened', name, label(next.id)) : t('peopleDeleted', name));
    (next ? ui.select : ui.buttons.add).focus();
  }

  return { openSelected, addNew, duplicate, remove };
}

/** Renaming the person shown (a draft of one's own becomes a person first): the box, Enter and Escape. */
function renameActions({ store, deps, set, ui, t, label, say, refresh, refused }) {
  const { nameInput, renameBox, renameOk, renameCancel, buttons } = ui;
  function start() {
    renameBox.hidden = false;
    nameInput.value = deps.draft().name;
    nameInput.focus();
    nameInput.select();
  }
  function end(focus = true) {
    renameBox.hidden = true;
    if (focus) buttons.rename.focus();
  }
  async function finish() {
    const name = nameInput.value.trim().slice(0, 60);
    deps.setName(name);
    if (set.current === null) {
      const id = await store.add(deps.draft());
      if (!id) { refused(); end(); return; }
      store.open(id);
    }
    const r = await deps.saveNow();
    refresh();
    end();
    if (!r.ok) { refused(); return; }
    say(name ? t('peopleRenamed', name) : t('peopleRenamedEmpty', label(set.current)));
  }

  renameOk.addEventListener('click', finish);
  renameCancel.addEventListener('click', () => end());
  nameInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(); } else if (e.key === 'Escape') { e.preventDefault(); end(); }
  });
  return { start, end, finish };
}

/** The whole set as one JSON file: exported (with the draft on screen), and imported (none twice). */
function fileActions({ app, store, deps, set, ui, t, label, gap, say, refresh }) {
  function download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = el('a', { href: url, download: name, className: 'sr-only', tabindex: '-1', 'aria-hidden': 'true' });
    app.wrapper.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  // Works when storage is full too (that is when it is the way out): the draft on screen that could not be
  // kept as a person goes into the file all the same.
  async function exportAll() {
    await deps.saveNow();
    let kept = '';
    let out = set;
    if (isUnsaved(set, deps.draft())) {
      const id = await store.add(deps.draft());
      if (id) {
        store.open(id);
        deps.saveNow();
        kept = t('peopleKeptAs', label(id));
        refresh();
      } else {
        out = { ...set, people: [...set.people, { id: 'screen', draft: copyDraft(deps.draft()) }] };
      }
    }
    const today = deps.today();
    const name = `jxjy-people-${today}.json`;
    download(name, `${JSON.stringify(exportSet(out, today), null, 2)}\n`);
    say([kept, t('peopleExported', out.people.length, name)].filter(Boolean).join(gap()));
  }

  async function importFile() {
    const { file } = ui;
    const f = file.files && file.files[0];
    file.value = '';
    if (!f) return;
    try {
      if (f.size > MAX_FILE_BYTES) throw new PeopleFileError('pp_tooBig');
      const { people, dropped } = parseSetFile(await f.text(), app.lang());
      for (const d of people) d.lang = app.lang();
      const { ok, added, same, skipped } = await store.importDrafts(people);
      if (!ok) throw new PeopleFileError('storageFull');
      refresh();
      const parts = [t('peopleImported', added, f.name)];
      if (skipped) parts.push(t('peopleImportSkipped', skipped, MAX_PEOPLE));
      if (same) parts.push(t('peopleImportSame', same));
      if (dropped.length) parts.push(t('peopleDropped', dropped.join(t('listSep'))));
      parts.push(t('peopleImportKept'));
      say(parts.join(gap()));
    } catch (e) {
      const why = e instanceof PeopleFileError ? t(e.key, ...e.args) : String((e && e.message) || e);
      say('', t('peopleImportFailed', f.name, why));
    }
  }

  return { exportAll, importFile };
}
