// The page's way into the roll view: a "名册批量核查" button in the calculator's header that opens (and
// loads, the first time) roll-view.js in a section under the header. Started by page.js once the
// calculator is up, so none of the roll's code is on the first screen's path. #roll opens it at once.
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';
import { rollLoadFailed } from './roll-load-failure.js';

export function addRollButton(host, controller) {
  const actions = host.querySelector('.top-actions');
  if (!actions || host.querySelector('#roll')) return null;
  const lang = () => controller.draft().lang;
  // the production build's first screen has the button already (first-screen.js): it is adopted
  let button = host.querySelector('#roll-toggle');
  if (!button) {
    button = el('button', { type: 'button', id: 'roll-toggle', 'data-t': 'roll_open', 'aria-expanded': 'false' });
    button.textContent = say(lang(), 'roll_open');
    actions.append(button); // last: the buttons already shown do not move when it arrives
  }
  const section = el('section', { id: 'roll', hidden: true });
  const after = host.querySelector('#people') || host.querySelector('.top');
  after.after(section);
  button.setAttribute('aria-controls', 'roll');
  let view = null;
  let loading = null;
  // The roll's code could not be loaded (after a deploy, a hashed file of the build this page came from
  // is gone): said where the roll would open, with a button that reloads the page (onto the new build).
  const failed = () => {
    section.replaceChildren(rollLoadFailed(lang()));
    section.hidden = false;
  };
  const load = () => loading || (loading = import('./roll-view.js').then(({ mountRoll }) => {
    section.replaceChildren();
    view = mountRoll(section, { lang, controller });
    // the page's language toggle: the roll's words follow
    new MutationObserver(() => view.setLang()).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    return view;
  }, (e) => {
    loading = null; // a later click tries again
    failed();
    throw e;
  }));
  const show = async (open) => {
    button.setAttribute('aria-expanded', String(open));
    if (!open) { section.hidden = true; return; }
    await load();
    section.hidden = false;
    section.querySelector('h2').scrollIntoView({ block: 'start' });
  };
  button.addEventListener('click', () => { show(section.hidden).catch(() => {}); });
  const api = { open: () => show(true), view: () => load() };
  if (location.hash === '#roll') api.open().catch(() => {});
  return api;
}
