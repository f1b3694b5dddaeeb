// The DOM helpers every view of the page uses (calculator, roll, the page's shell): make an element,
// write text or hide a node only where it differs from what is on screen, yield to the next task.
import { languageTag } from './words.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Resolves with `value` in a later task: long work split so that each task stays short (a task over
 *  50 ms on a slow phone is Lighthouse's total blocking time). */
export const nextTask = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 0));

// Every render below writes only what differs from what is on screen: the production page starts from
// the static first screen (first-screen.js) and the browser then has nothing to lay out again.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}
/** The document's language and title, for a page in `lang` ('zh' or 'en'). Written only where they
 *  differ: writing <html lang> restyles every element (the :lang() pseudo-class), even with the value it
 *  had: 54 ms at 4x CPU before the first verdict (bench/style_trace.mjs, 2026-12-07). */
export function setDocumentLang(lang, title) {
  const code = languageTag(lang);
  if (document.documentElement.lang !== code) document.documentElement.lang = code;
  if (document.title !== title) document.title = title;
}
