// The page's first screen as static HTML, for the production build (scripts/build-dist.mjs puts it into
// dist/index.html): the calculator's markup (markup.js) with its Chinese words, option lists and the
// "loading" banner already in it, i.e. what mount() draws for an empty draft in its first task (its
// second draws the first step, "choose a region", which needs no checker). The browser then lays the
// page out while it parses the HTML, before its first paint, instead of in a long task after it
// (Lighthouse's total blocking time), and the largest text is painted at once.
// mount() adopts the element when its data-markup is the hash of its own markup(1) (same build), and its
// render functions only write what differs, so a returning visitor's draft, English or a newer markup
// simply corrects it. Pure string work: runs in Node.
import { markup } from './markup.js';
import { say } from '../base/texts.js';
import { languageTag, VOCABULARY } from '../base/words.js';

/** A short hash of a markup string (FNV-1a, 32 bits): tells mount() the static HTML is its own. */
export function markupHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The first screen of index.html (a <div class="jxjy">), in `lang` ('zh' default). */
export function firstScreen(lang = 'zh') {
  const t = (key, ...args) => say(lang, key, ...args);
  const words = (kind) => VOCABULARY[kind].map((w) => [w.id, lang === 'en' ? w.en : w.zh]);
  const bare = markup(1);
  let html = bare;
  const fill = (re, text) => {
    if (!re.test(html)) throw new Error(`first-screen: ${re} is not in markup.js any more`);
    html = html.replace(re, (all, open, close) => `${open}${text}${close}`);
  };
  const swap = (from, to) => {
    if (!html.includes(from)) throw new Error(`first-screen: ${from} is not in markup.js any more`);
    html = html.replace(from, to);
  };
  // the words (form.js renderTexts)
  html = html.replace(/(<(\w+)\b[^>]*\bdata-t="(\w+)"[^>]*>)(<\/\2>)/g, (all, open, tag, key, close) => `${open}${esc(t(key))}${close}`);
  html = html.replace(/(<span class="step-no" data-step="(\d+)">)(<\/span>)/g, (all, open, n, close) => `${open}${esc(t('step', n))}${close}`);
  html = html.replace(/<span class="colon"><\/span>/g, `<span class="colon">${t('colon')}</span>`);
  swap('<button type="button" id="lang-toggle"></button>',
    `<button type="button" id="lang-toggle" lang="${languageTag(lang === 'en' ? 'zh' : 'en')}">${esc(t('langToggle'))}</button>`);
  fill(/(<input type="file" id="import-file"[^>]*)(>)/, ` aria-label="${esc(t('importInput'))}"`);
  // the choices and option lists (form.js renderFields)
  for (const [name, kind] of [['route', 'route'], ['level', 'level'], ['gender', 'gender']]) {
    const items = words(kind).map(([id, label]) => `<label class="choice" for="f-${name}-${id}"><input type="radio" name="jxjy-${name}" value="${id}" id="f-${name}-${id}" data-key="${name}"><span>${esc(label)}</span></label>`).join('');
    fill(new RegExp(`(<div class="choices" role="radiogroup" id="f-${name}"[^>]*>)(</div>)`), items);
  }
  const options = (items) => [['', t('unset')], ...items].map(([v, label]) => `<option value="${v}">${esc(label)}</option>`).join('');
  for (const key of ['education', 'sector', 'series']) {
    swap(`<select id="f-${key}"></select>`, `<select id="f-${key}" data-key="${key}">${options(words(key))}</select>`);
  }
  for (const key of ['year', 'applicationDate', 'age', 'birthDate', 'currentTitleSince', 'name', 'grassroots']) {
    fill(new RegExp(`(<input id="f-${key}"[^>]*)(>)`), ` data-key="${key}"`);
  }
  // an empty draft's records (form.js renderRows) and the banner while the checker loads (result-view.js)
  fill(/(<p class="hint" id="records-empty" data-t="recordsEmpty"[^>]*?) hidden(>)/, '');
  fill(/(<button type="button" id="sort-rows"[^>]*)(>)/, ' hidden');
  fill(/(<div id="banner" class="banner pending"[^>]*)(>)/, ' data-stage="loading" data-kind="pending"');
  fill(/(<strong id="banner-title">)(<\/strong>)/, esc(t('loading')));
  fill(/(<a id="verdict-chip" class="verdict-chip pending"[^>]*>)(<\/a>)/, esc(`${t('result')}${t('colon')}${t('loading')} ↓`));
  // an empty draft's first step, marked at the search before the checker is there (calculator.js)
  fill(/(<div id="f-search-results" class="search-results"><\/div>\s*)(<\/div>)/, `<span class="field-msg need" id="f-search-msg-0">${esc(t('nextHere'))}</span>`);
  swap('aria-describedby="f-search-hint"', 'aria-describedby="f-search-hint f-search-msg-0"');
  // the province, city and county lists until China's region list is loaded (region-picker.js)
  for (const id of ['f-province', 'f-city', 'f-county']) swap(`<select id="${id}"></select>`, `<select id="${id}" disabled=""><option value="">${esc(t('pickAny'))}</option></select>`);
  // no region yet: no name, no circumstances (calculator.js says so before the checker is there)
  swap('<span id="region-name"></span>', `<span id="region-name">${esc(t('noRegion'))}</span>`);
  swap('<p class="hint" id="circ-empty"></p>', `<p class="hint" id="circ-empty">${esc(t('circNoRegion'))}</p>`);
  // the page's roll button (roll-button.js adopts it; the page embedded in a portal removes it), last in
  // the header's actions as it arrives there: without it here the page below moved down when it came
  fill(/(<div class="top-actions">[\s\S]*?)(<\/div>)/, `<button type="button" id="roll-toggle" data-t="roll_open" aria-expanded="false">${esc(t('roll_open'))}</button>`);
  // the saved people's folded panel, where people-view.js puts its own (same size: nothing moves)
  fill(/(<\/header>)()/, `<section id="people" class="card people" aria-labelledby="people-heading"><details id="people-details" class="people-details"><summary><h2 id="people-heading" data-t="peopleHeading">${esc(t('peopleHeading'))}</h2><span id="people-count" class="people-count"></span></summary></details></section>`);
  return `<div class="jxjy" lang="${languageTag(lang)}" data-markup="${markupHash(bare)}">${html}</div>`;
}
