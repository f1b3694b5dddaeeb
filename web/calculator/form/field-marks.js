// Marks at the form's fields: what a field lacks (a need, in amber) or what the checker refused (an error,
// in red, aria-invalid), each a message the control is described by.
import { el } from '../../base/dom.js';

export function createFieldMarks(app) {
  const { $, wrapper } = app;
  let marked = [];

  function clearMarks() {
    for (const { control, msg, describedby } of marked) {
      msg.remove();
      control.removeAttribute('aria-invalid');
      if (describedby) control.setAttribute('aria-describedby', describedby);
      else control.removeAttribute('aria-describedby');
    }
    marked = [];
  }
  /** Drops the marks of the static first screen (first-screen.js): the calculator puts its own. */
  function clearStaticMarks() {
    for (const msg of wrapper.querySelectorAll('.field-msg')) {
      const control = wrapper.querySelector(`[aria-describedby~="${CSS.escape(msg.id)}"]`);
      if (control) {
        const rest = control.getAttribute('aria-describedby').split(/\s+/).filter((x) => x && x !== msg.id).join(' ');
        if (rest) control.setAttribute('aria-describedby', rest); else control.removeAttribute('aria-describedby');
      }
      msg.remove();
    }
  }
  /** Puts `text` at the control `id` (a need in amber, an error in red). Returns the control or null. */
  function mark(id, text, kind) {
    const control = $(id);
    if (!control) return null;
    const msgId = `${id}-msg-${marked.length}`;
    const msg = el('span', { className: `field-msg ${kind}`, id: msgId, text });
    const holder = control.closest('.field, .circ, .choices-field') || control.parentElement;
    holder.append(msg);
    const describedby = control.getAttribute('aria-describedby') || '';
    if (kind === 'error') control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', `${describedby} ${msgId}`.trim());
    marked.push({ control, msg, describedby, id, text, kind });
    return control;
  }
  /** True when exactly these marks ([id, text, kind]) are on screen already, in this order. */
  function hasMarks(list) {
    return marked.length === list.length && list.every(([id, text, kind], i) => {
      const m = marked[i];
      return m.id === id && m.text === text && m.kind === kind && m.control.isConnected && $(id) === m.control;
    });
  }

  return { clearMarks, clearStaticMarks, mark, hasMarks };
}
