// Markup of one calculator: the fixed skeleton only. Every word is set by the form and result modules
// (data-t = a key of core/data/page-texts.json, read through texts.js; option lists come from the
// vocabulary), and all user data goes in through textContent / value. L is the level of the top heading:
// 1 on the page, 2 inside someone else's page.
export function markup(L) {
  const h = (n) => `h${Math.min(L + n, 6)}`;
  const radios = (name) => `<div class="choices" role="radiogroup" id="f-${name}" aria-labelledby="f-${name}-label" data-choices="${name}"></div>`;
  // a typed number or date (f-NAME) with its label and the hint under it
  const typed = (name, label, hint, attrs, cls = 'field') => `<div class="${cls}">
        <label for="f-${name}" data-t="${label}"></label>
        <input id="f-${name}" type="text" inputmode="numeric" ${attrs} aria-describedby="f-${name}-hint">
        <small id="f-${name}-hint" class="hint" data-t="${hint}"></small>
      </div>`;
  // a block of the result: its heading and list (ID-block, ID-list), hidden until there is something to say
  const listed = (id, heading, listClass) => `<div id="${id}-block" class="block" hidden>
      <${h(2)} data-t="${heading}"></${h(2)}>
      <ul id="${id}-list" class="${listClass}"></ul>
    </div>`;
  return `
<a id="skip-result" class="skip-link" href="#result-heading" data-focus="result-heading" data-t="skipToResult"></a>
<header class="top">
  <${h(0)} class="title" data-t="title"></${h(0)}>
  <div class="top-actions">
    <button type="button" id="lang-toggle"></button>
    <button type="button" id="share-btn" data-t="share"></button>
    <button type="button" id="print-btn" data-t="print"></button>
    <button type="button" id="clear-all" class="danger" data-t="clearAll"></button>
  </div>
  <p class="lede" data-t="lede"></p>
  <p class="notice" id="notice" role="status"></p>
</header>

<section id="share-panel" class="share-panel card" hidden aria-labelledby="share-heading">
  <${h(1)} id="share-heading" data-t="shareHeading"></${h(1)}>
  <p class="hint" data-t="shareHint"></p>
  <label for="share-link" data-t="shareLink"></label>
  <div class="share-row">
    <input id="share-link" type="text" readonly spellcheck="false">
    <button type="button" id="share-copy" data-t="copy"></button>
  </div>
  <p class="hint" id="share-status" role="status"></p>
  <figure class="qr"><div id="share-qr"></div><figcaption data-t="qr"></figcaption></figure>
  <button type="button" id="share-close" data-t="closeShare"></button>
</section>

<div class="layout">
<form id="form" class="form" novalidate autocomplete="off">
  <fieldset class="card step" id="step-region">
    <legend><span class="step-no" data-step="1"></span> <span data-t="s_region"></span></legend>
    <div class="field search-field">
      <label for="f-search" data-t="searchRegion"></label>
      <input id="f-search" type="search" enterkeyhint="search" spellcheck="false" autocomplete="off"
        aria-describedby="f-search-hint" aria-controls="f-search-results">
      <small id="f-search-hint" class="hint" data-t="searchHint"></small>
      <p id="f-search-status" class="hint search-status" role="status"></p>
      <div id="f-search-results" class="search-results"></div>
    </div>
    <div class="picker">
      <div class="field"><label for="f-province" data-t="pickProvince"></label><select id="f-province"></select></div>
      <div class="field"><label for="f-city" data-t="pickCity"></label><select id="f-city"></select></div>
      <div class="field"><label for="f-county" data-t="pickCounty"></label><select id="f-county"></select></div>
    </div>
    ${typed('region', 'code', 'codeHint', 'maxlength="6" autocomplete="off"', 'field code-field')}
    <div class="chosen" id="region-chosen">
      <p><strong data-t="chosen"></strong><span class="colon"></span><span id="region-name"></span></p>
      <p id="region-status" class="region-status"></p>
    </div>
  </fieldset>

  <fieldset class="card step" id="step-when">
    <legend><span class="step-no" data-step="2"></span> <span data-t="s_when"></span></legend>
    <div class="grid">
      ${typed('year', 'year', 'yearHint', 'maxlength="5"')}
      ${typed('applicationDate', 'applicationDate', 'dateHint', 'placeholder="YYYY-MM-DD" maxlength="10"')}
    </div>
    <p class="hint" id="ruleset-line"></p>
    <div class="field"><span class="label" id="f-route-label" data-t="route"></span>${radios('route')}</div>
    <div class="field"><span class="label" id="f-level-label" data-t="level"></span>${radios('level')}</div>
  </fieldset>

  <fieldset class="card step" id="step-person">
    <legend><span class="step-no" data-step="3"></span> <span data-t="s_person"></span></legend>
    <p class="hint" data-t="personHint"></p>
    <div class="field"><span class="label" id="f-gender-label" data-t="gender"></span>${radios('gender')}</div>
    <div class="grid">
      <div class="field">
        <label for="f-age" data-t="age"></label>
        <input id="f-age" type="text" inputmode="numeric" maxlength="4">
        <small id="f-age-hint" class="hint" data-t="ageFromBirth" hidden></small>
      </div>
      <div class="field wide2">
        <label for="f-birthDate" data-t="birthDate"></label>
        <input id="f-birthDate" type="text" inputmode="numeric" placeholder="YYYY-MM-DD" maxlength="10">
      </div>
      <div class="field"><label for="f-education" data-t="education"></label><select id="f-education"></select></div>
      <div class="field"><label for="f-sector" data-t="sector"></label><select id="f-sector"></select></div>
      <div class="field"><label for="f-currentTitleSince" data-t="since"></label>
        <input id="f-currentTitleSince" type="text" inputmode="numeric" maxlength="5"></div>
      <div class="field"><label for="f-series" data-t="series"></label><select id="f-series"></select></div>
      <div class="field check wide">
        <input id="f-grassroots" type="checkbox"><label for="f-grassroots" data-t="grassroots"></label>
      </div>
      <div class="field wide"><label for="f-name" data-t="name"></label><input id="f-name" type="text" maxlength="60"></div>
    </div>
  </fieldset>

  <fieldset class="card step" id="circ-card">
    <legend><span class="step-no" data-step="4"></span> <span data-t="s_circ"></span></legend>
    <p class="hint" id="circ-empty"></p>
    <div id="circ-list" class="circ-list"></div>
  </fieldset>

  <fieldset class="card step" id="step-records">
    <legend><span class="step-no" data-step="5"></span> <span data-t="s_records"></span></legend>
    <p class="hint" data-t="recordsHint"></p>
    <p class="hint" id="records-empty" data-t="recordsEmpty" hidden></p>
    <ol id="records-list" class="records-list"></ol>
    <button type="button" id="show-more" class="link" hidden></button>
    <div class="row-actions">
      <button type="button" id="add-row" class="primary" data-t="addRow"></button>
      <button type="button" id="sort-rows" data-t="sortByYear"></button>
    </div>
    <div class="io" role="group" aria-labelledby="io-label" aria-describedby="io-hint">
      <span id="io-label" class="sr-only" data-t="ioGroup"></span>
      <button type="button" id="export-json" data-t="exportJson"></button>
      <button type="button" id="export-csv" data-t="exportCsv"></button>
      <button type="button" id="import-btn" data-t="importFile"></button>
      <input type="file" id="import-file" accept=".json,.csv,application/json,text/csv" hidden>
    </div>
    <p class="hint" id="io-hint" data-t="ioHint"></p>
    <p class="io-msg io-error" id="io-error" role="alert"></p>
    <p class="io-msg io-status" id="io-status" role="status"></p>
  </fieldset>
</form>

<a id="verdict-chip" class="verdict-chip pending" href="#result-heading" data-focus="result-heading"></a>

<section class="result" id="result" aria-labelledby="result-heading">
  <${h(1)} id="result-heading" class="result-heading" tabindex="-1" data-t="result"></${h(1)}>
  <div id="next-step-live" role="status" aria-live="polite" aria-atomic="true">
    <div id="next-step" class="next-step" hidden>
      <strong data-t="nextHeading"></strong>
      <p id="next-step-text"></p>
    </div>
  </div>
  <div id="banner" class="banner pending" role="status" aria-live="polite" aria-atomic="true">
    <strong id="banner-title"></strong>
    <span id="banner-detail"></span>
  </div>
  <div id="errors" class="block" hidden>
    <${h(2)} data-t="errors"></${h(2)}>
    <ul id="error-list" class="errors"></ul>
  </div>
  <div id="details" hidden>
    ${listed('todo', 'todo', 'todo')}
    <div id="years-block" class="block">
      <${h(2)} data-t="years"></${h(2)}>
      <table class="years">
        <caption id="years-caption" class="sr-only" data-t="years"></caption>
        <thead><tr>
          <th scope="col" data-t="yearCol"></th><th scope="col" data-t="public"></th>
          <th scope="col" data-t="professional"></th><th scope="col" data-t="total"></th>
          <th scope="col" data-t="yearStatus"></th>
        </tr></thead>
        <tbody id="years-body"></tbody>
      </table>
    </div>
    ${listed('reasons', 'reasons', 'cited')}
    ${listed('warnings', 'warnings', 'cited')}
    <div id="forms-block" class="block" hidden>
      <${h(2)} data-t="formsHeading"></${h(2)}>
      <p class="hint" data-t="formsHint"></p>
      <ul id="forms-list" class="forms-list"></ul>
    </div>
  </div>
  <details id="ways-block" class="block ways">
    <summary data-t="ways"></summary>
    <p class="hint" data-t="waysHint"></p>
    <ul id="ways-list" class="ways-list"></ul>
  </details>
  <details id="rules-block" class="block ways">
    <summary data-t="rulesHeading"></summary>
    <div id="rules-text" class="rules-text"></div>
  </details>
  <p class="footnote" data-t="footnote"></p>
</section>
</div>

<section id="print-summary" class="print-summary" aria-hidden="true"></section>
<section id="print-form" class="print-form" aria-hidden="true"></section>`;
}
