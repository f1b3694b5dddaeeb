// When the roll's code cannot be loaded (after a deploy, a hashed file of the build this page came from is
// gone): how such an error is known, and the notice with a reload button that says so. Loaded with the
// page's roll button (roll-button.js), so it is there when the roll view's own code is not.
import { el } from '../base/dom.js';
import { say } from '../base/texts.js';

/** Whether an error is a module (or worker script) that could not be fetched: a build replaced under the page. */
export function isLoadError(e) {
  const m = String((e && e.message) || e || '');
  return /dynamically imported module|Importing a module script failed|error loading|Failed to fetch|NetworkError|worker script/i.test(m);
}

/**
 * The notice that the roll's code could not be loaded, with a reload button: when a new build waits
 * (page.js's "新版本可用，刷新"), it is let in first, so the reload gets the new build whole.
 */
export function rollLoadFailed(language, tag = 'p') {
  const reload = el('button', { type: 'button', id: 'roll-reload', className: 'roll-reload' });
  reload.textContent = say(language, 'roll_reload');
  reload.addEventListener('click', () => {
    const update = document.getElementById('jxjy-update');
    if (update) update.click();
    else location.reload();
  });
  const text = el('span', {});
  text.textContent = say(language, 'roll_loadFailed');
  const box = el(tag, { id: 'roll-load-failed', className: 'roll-load-failed', role: 'alert' });
  box.append(text, ' ', reload);
  return box;
}
