// Which draft a calculator opens with: this tab's own (the page with saved people, draft.js loadTab), the
// one kept under storageKey, or an empty one; then a #p= link's profile over it (after asking, when
// entries of one's own are there and would not be kept). What is said about it goes to the notices.
import { say } from '../base/texts.js';
import { draftFromProfile, emptyDraft, hasContent, loadDraft, loadTab } from './draft.js';

/**
 * opts: mount's options; storage, session: localStorage and sessionStorage (or null); notices: notices.js;
 * t(key, ...args): the calculator's words in its language, asked when a notice is shown. Returns {draft, tab (the tab as it starts: its person, null when a link
 * replaced it), storedPerson (the person the tab held before), keepFirst ({draft, person}: the draft a link
 * replaced, kept once the people are read), openedLink (the people store opens no person then)}.
 */
export function openDraft(opts, { storage, session, notices, t }) {
  const askedLang = opts.lang === 'en' || opts.lang === 'zh' ? opts.lang : undefined;
  const withPeople = Boolean(storage && opts.peopleKey);
  let tab = withPeople ? loadTab(session, storage, askedLang) : null;
  const storedPerson = tab && tab.person;
  const stored = opts.peopleKey ? tab : storage ? loadDraft(storage, opts.storageKey, askedLang) : null;
  let draft = stored ? stored.draft : emptyDraft(opts.lang);
  if (opts.lang === 'en' || opts.lang === 'zh') draft.lang = opts.lang;
  if (stored && stored.dropped.length) notices.add(() => t('droppedNotice', stored.dropped.join(t('listSep'))));
  // a #p= link over the draft of before: that draft is kept (as its person, or as a new one) once the
  // people are read; the link's entries are shown at once
  let keepFirst = null;
  let openedLink = false;
  if (opts.shared !== undefined) {
    const shared = opts.shared && draftFromProfile(opts.shared, draft.lang);
    const safe = !hasContent(draft) || (withPeople && tab && tab.person);
    if (!shared) notices.add(() => t('sharedBad'));
    else if (safe || window.confirm(say(draft.lang, withPeople ? 'confirmReplaceKeep' : 'confirmReplace'))) {
      if (withPeople && hasContent(draft)) keepFirst = { draft, person: tab && tab.person };
      if (!withPeople) shared.draft.name = draft.name;
      draft = shared.draft;
      if (opts.lang) draft.lang = opts.lang;
      openedLink = withPeople;
      if (tab) tab = { ...tab, person: null };
      if (!keepFirst) notices.add(() => t('openedShared'));
    } else {
      notices.add(() => t('keptDraft'));
    }
  }
  if (opts.region && !draft.region) draft.region = String(opts.region).trim();
  return { draft, tab, storedPerson, keepFirst, openedLink };
}
