// Where a draft field is on screen: the id of the control that holds it ({key} or {row, key}, as
// draft.js fieldOf names a profile's JSON Pointer) and that control's label, so that a need or an error
// is marked at its field and a link can take a person there.

/** app: the calculator ($, wrapper, t, draft()); form: its form (uidOf). */
export function createFieldPlaces(app, form) {
  const { $, wrapper, t } = app;

  /** The control's id for a field, or null. */
  function controlId(field) {
    if (!field) return null;
    const draft = app.draft();
    if (field.row !== undefined) {
      const uid = form.uidOf(draft.training[field.row]);
      if (field.key === 'filed') return `r${uid}-filed-${draft.training[field.row].filed || 'unknown'}`;
      return `r${uid}-${field.key}`;
    }
    if (field.key.startsWith('circ:')) { // circ:KIND (its box) or circ:KIND:ENTRY:FIELD (form.js ids)
      const [, kind, entry, name] = field.key.split(':');
      return name ? `c-${kind}-${entry}-${name}` : `c-${kind}`;
    }
    if (['route', 'level', 'gender'].includes(field.key)) {
      const v = draft[field.key];
      return v ? `f-${field.key}-${v}` : $(`f-${field.key}`)?.querySelector('input')?.id || null;
    }
    return `f-${field.key}`;
  }

  /** The words a person reads beside the control (its radio group's heading, its label). */
  function labelOf(id) {
    const control = $(id);
    if (!control) return t('general');
    const group = control.closest('[role="radiogroup"]');
    if (group) return $(group.getAttribute('aria-labelledby'))?.textContent || '';
    const label = wrapper.querySelector(`label[for="${CSS.escape(id)}"]`);
    return label ? label.textContent.trim() : t('general');
  }

  return { controlId, labelOf };
}
