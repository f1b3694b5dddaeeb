// What the calculator says above the form (#notice): a list of sayings, each a function so that it is
// worded again in the language on screen.
export function createNotices(app) {
  let list = [];
  return {
    add(say) { list.push(say); },
    /** Puts the list in place of the one there (null or [] clears it). */
    replace(next) { list = next ? [...next] : []; },
    /** Keeps only the sayings keep(say) is true of. */
    keep(keep) { list = list.filter(keep); },
    has: (say) => list.includes(say),
    show() { app.$('notice').textContent = list.map((f) => f()).join(app.lang() === 'en' ? ' ' : ''); },
  };
}
