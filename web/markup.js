// ---------------------------------------------------------------------------------------------
// Markup of one calculator (static text only; all user data is set through textContent / value).
// L is the level of the top heading: 1 on the page, 2 when embedded in someone else's page.
export function markup(L) {
  const h = (n) => `h${Math.min(L + n, 6)}`;
  return `
<header class="top">
  <${h(0)} class="title" data-i18n="title">专业技术人员继续教育学时测算</${h(0)}>
  <div class="top-actions">
    <button type="button" id="lang-toggle" lang="en">English</button>
    <button type="button" id="clear-all" class="danger" data-i18n="clearAll">全部清空</button>
  </div>
  <p class="lede" data-i18n="lede"></p>
</header>

<div class="layout">
<form id="form" class="form" novalidate autocomplete="off">
  <fieldset class="card">
    <legend data-i18n="applicant">申报信息</legend>
    <div class="grid">
      <div class="field wide search-field">
        <label for="f-search" data-i18n="searchRegion">搜索地区</label>
        <input id="f-search" type="search" list="f-search-list" enterkeyhint="search" spellcheck="false"
          aria-describedby="f-search-hint f-search-status">
        <datalist id="f-search-list"></datalist>
        <small id="f-search-hint" class="hint" data-i18n="searchHint"></small>
        <small id="f-search-status" class="hint search-status" role="status"></small>
      </div>
      <div class="field wide">
        <label for="f-region" data-i18n="region">申报地区</label>
        <select id="f-region" name="region"></select>
      </div>
      <div class="field">
        <label for="f-code" data-i18n="code">或填行政区划代码</label>
        <input id="f-code" name="code" type="text" inputmode="numeric" maxlength="6" aria-describedby="f-code-hint">
        <small id="f-code-hint" class="hint" data-i18n="codeHint"></small>
      </div>
      <div class="field">
        <label for="f-year" data-i18n="year">申报年度</label>
        <input id="f-year" name="year" type="text" inputmode="numeric" maxlength="4">
      </div>
      <div class="field">
        <label for="f-appdate" data-i18n="applicationDate">申报日期</label>
        <input id="f-appdate" name="applicationDate" type="date" min="1950-01-01" max="2100-12-31" aria-describedby="f-appdate-hint">
        <small id="f-appdate-hint" class="hint" data-i18n="dateHint"></small>
      </div>
      <div class="field">
        <label for="f-route" data-i18n="route">申报途径</label>
        <select id="f-route" name="route">
          <option value="review" data-i18n="route_review">职称评审</option>
          <option value="recognition" data-i18n="route_recognition">考核认定</option>
          <option value="appointment" data-i18n="route_appointment">岗位聘任·等级晋升</option>
        </select>
      </div>
      <div class="field">
        <label for="f-level" data-i18n="level">申报级别</label>
        <select id="f-level" name="level">
          <option value="junior" data-i18n="level_junior">初级</option>
          <option value="intermediate" data-i18n="level_intermediate">中级</option>
          <option value="senior" data-i18n="level_senior">高级</option>
        </select>
      </div>
      <div class="field">
        <label for="f-gender" data-i18n="gender">性别</label>
        <select id="f-gender" name="gender">
          <option value="" data-i18n="unset">（未填）</option>
          <option value="male" data-i18n="gender_male">男</option>
          <option value="female" data-i18n="gender_female">女</option>
        </select>
      </div>
      <div class="field">
        <label for="f-age" data-i18n="age">年龄（周岁）</label>
        <input id="f-age" name="age" type="text" inputmode="numeric" maxlength="3">
        <small id="f-age-hint" class="hint" data-i18n="ageFromBirth" hidden></small>
      </div>
      <div class="field">
        <label for="f-birth" data-i18n="birthDate">出生日期</label>
        <input id="f-birth" name="birthDate" type="date" min="1900-01-01" max="2100-12-31">
      </div>
      <div class="field">
        <label for="f-education" data-i18n="education">学历</label>
        <select id="f-education" name="education">
          <option value="" data-i18n="unset">（未填）</option>
          <option value="associate" data-i18n="edu_associate">大专</option>
          <option value="bachelor" data-i18n="edu_bachelor">本科</option>
          <option value="master" data-i18n="edu_master">硕士研究生</option>
          <option value="doctorate" data-i18n="edu_doctorate">博士研究生</option>
        </select>
      </div>
      <div class="field">
        <label for="f-sector" data-i18n="sector">单位性质</label>
        <select id="f-sector" name="sector">
          <option value="public" data-i18n="sector_public">公有制单位</option>
          <option value="non_public" data-i18n="sector_non_public">非公有制经济领域</option>
        </select>
      </div>
      <div class="field">
        <label for="f-since" data-i18n="since">取得现职称年份</label>
        <input id="f-since" name="currentTitleSince" type="text" inputmode="numeric" maxlength="4">
      </div>
      <div class="field check">
        <input id="f-grassroots" name="grassroots" type="checkbox">
        <label for="f-grassroots" data-i18n="grassroots">在苏木、乡镇等基层一线工作</label>
      </div>
    </div>
  </fieldset>

  <fieldset class="card" id="circ-card">
    <legend data-i18n="circumstances">特殊情形</legend>
    <p class="hint" id="circ-empty" data-i18n="circNone" hidden></p>
    <div id="circ-list" class="circ-list"></div>
  </fieldset>

  <fieldset class="card">
    <legend data-i18n="training">继续教育记录</legend>
    <p class="hint" data-i18n="trainingHint"></p>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="training-caption">
      <table class="training">
        <caption id="training-caption" class="sr-only" data-i18n="training">继续教育记录</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col" data-i18n="t_year">年度</th>
            <th scope="col" data-i18n="t_subject">科目</th>
            <th scope="col" data-i18n="t_activity">形式</th>
            <th scope="col" data-i18n="t_amount">数量</th>
            <th scope="col" data-i18n="t_unit">单位</th>
            <th scope="col" data-i18n="t_level">会议级别</th>
            <th scope="col" data-i18n="t_filed">已备案</th>
            <th scope="col" data-i18n="t_note">备注</th>
            <th scope="col" data-i18n="t_actions">操作</th>
          </tr>
        </thead>
        <tbody id="training-body"></tbody>
      </table>
    </div>
    <p class="hint" id="training-empty" data-i18n="trainingEmpty" hidden></p>
    <div class="row-actions">
      <button type="button" id="add-row" data-i18n="addRow">＋ 添加一行</button>
    </div>
    <div class="io" role="group" aria-labelledby="io-label" aria-describedby="io-hint">
      <span id="io-label" class="sr-only" data-i18n="ioGroup">导入或导出记录</span>
      <button type="button" id="export-json" data-i18n="exportJson">导出 JSON</button>
      <button type="button" id="export-csv" data-i18n="exportCsv">导出 CSV</button>
      <button type="button" id="import-btn" data-i18n="importFile">导入 JSON/CSV…</button>
      <input type="file" id="import-file" accept=".json,.csv,application/json,text/csv" hidden>
    </div>
    <p class="hint" id="io-hint" data-i18n="ioHint"></p>
    <p class="io-msg io-error" id="io-error" role="alert"></p>
    <p class="io-msg io-status" id="io-status" role="status"></p>
  </fieldset>
</form>

<a id="verdict-chip" class="verdict-chip pending" href="#result-heading" data-focus="result-heading"></a>

<section class="result" aria-labelledby="result-heading">
  <${h(1)} id="result-heading" class="result-heading" tabindex="-1" data-i18n="result">测算结果</${h(1)}>
  <div id="banner" class="banner pending" role="status" aria-live="polite" aria-atomic="true">
    <strong id="banner-title">正在加载计算模块……</strong>
    <span id="banner-detail"></span>
  </div>
  <div id="errors" class="block" hidden>
    <${h(2)} data-i18n="errors">请修正以下输入</${h(2)}>
    <ul id="error-list" class="errors"></ul>
  </div>
  <div id="details" hidden>
    <div id="years-block" class="block">
      <${h(2)} data-i18n="years">各年度学时</${h(2)}>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="years-caption">
        <table class="years">
          <caption id="years-caption" class="sr-only" data-i18n="years">各年度学时</caption>
          <thead>
            <tr>
              <th scope="col" data-i18n="t_year">年度</th>
              <th scope="col" data-i18n="public">公需科目</th>
              <th scope="col" data-i18n="professional">专业科目</th>
              <th scope="col" data-i18n="total">合计</th>
              <th scope="col" data-i18n="yearStatus">情况</th>
            </tr>
          </thead>
          <tbody id="years-body"></tbody>
        </table>
      </div>
    </div>
    <div id="shortfall-block" class="block" hidden>
      <${h(2)} data-i18n="shortfall">尚缺学时</${h(2)}>
      <ul id="shortfall-list"></ul>
    </div>
    <div id="reasons-block" class="block" hidden>
      <${h(2)} data-i18n="reasons">判定依据</${h(2)}>
      <ul id="reasons-list" class="cited"></ul>
    </div>
    <div id="warnings-block" class="block" hidden>
      <${h(2)} data-i18n="warnings">提示</${h(2)}>
      <ul id="warnings-list" class="cited"></ul>
    </div>
    <div id="records-block" class="block" hidden>
      <${h(2)} data-i18n="records">各条记录的计入情况</${h(2)}>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="records-caption">
        <table class="records">
          <caption id="records-caption" class="sr-only" data-i18n="records">各条记录的计入情况</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col" data-i18n="t_year">年度</th>
              <th scope="col" data-i18n="t_subject">科目</th>
              <th scope="col" data-i18n="t_activity">形式</th>
              <th scope="col" data-i18n="credited">计入学时</th>
              <th scope="col" data-i18n="basis">折算依据</th>
              <th scope="col" data-i18n="why">说明</th>
            </tr>
          </thead>
          <tbody id="records-body"></tbody>
        </table>
      </div>
    </div>
  </div>
  <p class="footnote" data-i18n="footnote"></p>
</section>
</div>`;
}

