// The calculator's skeleton on screen (markup.js): the production page's static first screen
// (first-screen.js) adopted when it holds this build's markup, else drawn anew; and `$`, an element of
// this calculator by its id.
import { el } from '../base/dom.js';
import { markup } from './markup.js';
import { markupHash } from './first-screen.js';

// The production build's first screen's markup hash (scripts/build-dist.mjs defines it; markupHash of
// markup(1)), so that adopting it costs no hashing of the markup at run time. Development: null.
// eslint-disable-next-line no-undef
const BUILT_MARKUP_HASH = typeof __JXJY_MARKUP_HASH__ === 'string' ? __JXJY_MARKUP_HASH__ : null;

/** {wrapper, $}: the calculator's element in root (adopted or new), and its elements by id. */
export function placeSkeleton(root, { embedded, ownsDocument }) {
  const variant = embedded && !ownsDocument ? 2 : 1;
  const found = [...root.children].find((n) => n.classList.contains('jxjy') && n.dataset.markup);
  const ours = found && found.dataset.markup === (variant === 1 && BUILT_MARKUP_HASH ? BUILT_MARKUP_HASH : markupHash(markup(variant)));
  let wrapper = ours ? found : null;
  if (found && !wrapper) found.remove();
  if (wrapper) {
    if (embedded) wrapper.classList.add('embedded');
  } else {
    wrapper = el('div', { className: embedded ? 'jxjy embedded' : 'jxjy' });
    wrapper.innerHTML = markup(variant);
    root.append(wrapper);
  }
  // Elements by id inside this calculator: the root's id index (document or shadow root) when the node is
  // ours, else a search of the wrapper. (A querySelector walks the tree, past every record card: with
  // 1,000 records that alone cost 100 ms a keystroke.)
  const $ = (id) => {
    const home = wrapper.getRootNode();
    const hit = typeof home.getElementById === 'function' ? home.getElementById(id) : null;
    if (hit && wrapper.contains(hit)) return hit;
    return wrapper.querySelector(`#${CSS.escape(id)}`);
  };
  return { wrapper, $ };
}
