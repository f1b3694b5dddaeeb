// The region step: one chosen region (draft.region, the six-digit code), set by the search, by the
// province -> city -> county picker or by typing the code; all three always show that one region.
// The list of China's regions (china-regions.js) is fetched the first time the step is used, or when the
// page is idle after its first verdict; until then the covered regions (checker.regions()) are known.
//
// The parts: createRegionPicker (the list's loading, the names, the search), renderSelects (the three
// selects), renderRegionStatus (what the status line says of the code: unknown, covered, by which
// notice), searchHit (one search result) and listenRegionInputs (how each input sets the region).
import { children, englishName, fullEnglishName, fullName, lineage, loadChinaRegions, searchChinaRegions } from '../base/china-regions.js';
import { el, nextTask, setText } from '../base/dom.js';
import { languageTag } from '../base/words.js';

export function createRegionPicker(app) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  let cat = null;
  let loading = null;
  let failed = false;

  function ensureChinaRegions() {
    if (cat || loading) return loading || Promise.resolve(cat);
    // the lists are filled in a task of their own, not in the one that parsed the list (each stays
    // short: Lighthouse's total blocking time)
    loading = loadChinaRegions().then(nextTask).then((c) => {
      cat = c;
      render();
      const q = $('f-search').value;
      if (q.trim()) search(q);
      return c;
    }, () => {
      failed = true;
      $('f-search-status').textContent = t('catalogueFailed');
      return null;
    }).finally(() => { loading = null; });
    return loading;
  }

  /** The name to show for a code: the region list's full name, else the checker's name, else ''. */
  function nameOf(code) {
    if (cat && cat.byCode.has(code)) return fullName(cat, code);
    const covered = app.covered().find((r) => r.region === code);
    return covered ? (app.lang() === 'en' && covered.nameEn ? covered.nameEn : covered.name) : '';
  }

  const renderStatus = () => renderRegionStatus(app, cat, nameOf);

  function render() {
    const input = $('f-region');
    if (input.value !== app.draft().region) input.value = app.draft().region;
    renderSelects(app, cat);
    renderStatus();
  }

  function search(query) {
    const results = $('f-search-results');
    const status = $('f-search-status');
    results.replaceChildren();
    const q = query.trim();
    if (!q) { status.textContent = ''; return; }
    if (!cat) {
      status.textContent = failed ? t('catalogueFailed') : t('searchLoading');
      ensureChinaRegions();
      return;
    }
    const hits = searchChinaRegions(cat, q, 12);
    if (!hits.length) { status.textContent = t('searchNone'); return; }
    status.textContent = t('searchCount', hits.length);
    for (const { region } of hits) results.append(searchHit(app, cat, region));
  }

  function choose(code, focusId) {
    $('f-search').value = '';
    $('f-search-results').replaceChildren();
    $('f-search-status').textContent = '';
    app.setRegion(code);
    if (focusId && $(focusId)) $(focusId).focus();
  }

  listenRegionInputs(app, { ensureChinaRegions, search, choose, renderStatus });
  return { render, renderStatus, ensureChinaRegions, nameOf };
}

// In English a place shows its English or pinyin form (generated into the region list at build time).
function regionOption(app, r) {
  return el('option', { value: r.code, text: app.lang() === 'en' ? englishName(r) : r.name, lang: languageTag(app.lang()) });
}

/** Province, city and county selects showing the chosen region's line (cat: China's regions, or null). */
function renderSelects(app, cat) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const code = app.draft().region;
  const line = cat ? lineage(cat, code).reverse() : [];
  const [prov, city, county] = [line[0], line[1], line[2]];
  const fill = (select, items, value, enabled) => {
    // (the same list again, e.g. the first screen's empty one: left as it is, nothing to lay out)
    const same = select.options.length === items.length + 1 && select.options[0].text === t('pickAny')
      && items.every((r, i) => select.options[i + 1].value === r.code && select.options[i + 1].lang === languageTag(app.lang()));
    if (!same) select.replaceChildren(el('option', { value: '', text: t('pickAny') }), ...items.map((r) => regionOption(app, r)));
    if (select.value !== (value || '')) select.value = value || '';
    if (select.disabled !== !enabled) select.disabled = !enabled;
  };
  fill($('f-province'), cat ? children(cat, '') : [], prov && prov.code, !!cat);
  const cities = prov ? children(cat, prov.code) : [];
  fill($('f-city'), cities, city && city.code, cities.length > 0);
  const counties = city ? children(cat, city.code) : [];
  fill($('f-county'), counties, county && county.code, counties.length > 0);
}

/**
 * The chosen region's name and status line: no region, a malformed or unknown code, not covered (with the
 * covered ones), or covered by which notice (its own, or an ancestor's). nameOf(code): the name to show.
 */
function renderRegionStatus(app, cat, nameOf) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  const code = app.draft().region.trim();
  const status = $('region-status');
  if (status.className !== 'region-status') status.className = 'region-status';
  if (!code) {
    setText($('region-name'), t('noRegion'));
    setText(status, '');
    return;
  }
  status.textContent = '';
  const name = nameOf(code);
  const english = app.lang() === 'en' && cat && cat.byCode.has(code) ? fullEnglishName(cat, code) : '';
  $('region-name').replaceChildren(...(english ? [english, ' '] : []), el('span', { lang: 'zh-CN', text: name }), name ? ` ${code}` : code);
  if (!/^\d{6}$/.test(code)) {
    status.textContent = t('badCode');
    status.classList.add('bad');
    return;
  }
  if (cat && !cat.byCode.has(code)) {
    status.textContent = t('unknownCode');
    status.classList.add('bad');
  }
  const cover = app.coverage(code);
  if (!cover) {
    const list = app.covered().map((r) => `${app.lang() === 'en' && r.nameEn ? r.nameEn : r.name} ${r.region}`).join(t('listSep'));
    status.append(status.textContent ? ' ' : '', t('notCovered', list));
    status.classList.add('bad');
    return;
  }
  if (status.textContent) return;
  const doc = app.docTitle(cover.ruleSet);
  if (cover.region.region === code) status.replaceChildren(t('coveredOwn', ''), doc);
  else {
    // the ancestor's name in the sentence: a marker split out, so that the Chinese name sits in lang="zh-CN"
    const [before, after] = t('coveredAncestor', '\u0000', '').split('\u0000');
    const ancestor = app.lang() === 'en' && cover.region.nameEn ? cover.region.nameEn : nameOf(cover.region.region) || cover.region.name;
    status.replaceChildren(before, el('span', { lang: app.lang() === 'en' && cover.region.nameEn ? 'en' : 'zh-CN', text: ancestor }), after, doc);
  }
  status.classList.add('ok');
}

/** One search result: the region's names and code, and which notice covers it (or that none does). */
function searchHit(app, cat, region) {
  const t = (key, ...args) => app.t(key, ...args);
  const cover = app.coverage(region.code);
  const note = !cover ? t('notCovered', '').split(/[。.]/)[0]
    : cover.region.region === region.code ? app.docShort(cover.ruleSet) : `→ ${cover.region.name}`;
  return el('button', { type: 'button', className: 'hit', 'data-code': region.code },
    ...(app.lang() === 'en' ? [el('span', { className: 'hit-en', text: fullEnglishName(cat, region.code) }), ' '] : []),
    el('span', { className: 'hit-name', lang: 'zh-CN', text: fullName(cat, region.code) }),
    el('span', { className: 'hit-code', text: ` ${region.code}` }),
    el('small', { className: `hit-note${cover ? '' : ' bad'}`, text: note }));
}

/**
 * How each input sets the region: a search result (clicked, or Enter on the only one), a select (an empty
 * choice goes back to the level above) or a typed code (full-width digits read as digits). picker: the
 * region picker's ensureChinaRegions, search, choose(code, focusId) and renderStatus.
 */
function listenRegionInputs(app, { ensureChinaRegions, search, choose, renderStatus }) {
  const { $ } = app;
  const searchInput = $('f-search');
  searchInput.addEventListener('focus', ensureChinaRegions);
  searchInput.addEventListener('input', () => search(searchInput.value));
  searchInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = $('f-search-results').querySelector('button.hit');
    if (first && $('f-search-results').querySelectorAll('button.hit').length === 1) choose(first.dataset.code, 'f-year');
    else if (first) first.focus();
  });
  $('f-search-results').addEventListener('click', (event) => {
    const hit = event.target instanceof Element ? event.target.closest('button.hit') : null;
    if (hit) choose(hit.dataset.code, 'f-year');
  });
  for (const [id, level] of [['f-province', 0], ['f-city', 1], ['f-county', 2]]) {
    const select = $(id);
    select.addEventListener('focus', ensureChinaRegions);
    select.addEventListener('change', () => {
      // an empty choice goes back to the level above ("whole province" / "whole city")
      const up = level === 0 ? '' : $(level === 1 ? 'f-province' : 'f-city').value;
      choose(select.value || up);
      select.focus();
    });
  }
  $('f-region').addEventListener('input', (event) => {
    const code = event.target.value.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).trim();
    if (/^\d{6}$/.test(code) || code === '') {
      app.setRegion(code, { keepInput: true });
      ensureChinaRegions();
    } else {
      app.draft().region = code;
      renderStatus();
      app.changed({ key: 'region' });
    }
  });
}
