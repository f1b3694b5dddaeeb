// jxjy calculator. Everything runs locally: the profile is built from the form, evaluated by the wasm
// checker (./jxjy.js) on every change and the result is rendered below. No network requests besides
// loading the calculator's own files.
//
// The calculator is one function, mount(root, options), used by
//   - index.html (the page: <div id="jxjy-app" data-jxjy-page>, mounted by the code at the end of this
//     file; ?embed=1 also answers postMessage, see setupEmbed), and
//   - jxjy-checker.js (the <jxjy-checker region lang> custom element: mounted in its shadow root).
// All state lives inside one mount; element ids are looked up inside its root, so several calculators
// can live in one document as long as each has its own shadow root.
import { createChecker } from './jxjy.js';

/** localStorage key of the page's draft. */
export const STORAGE_KEY = 'jxjy.calculator.draft.v1';
const DEFAULT_REGION = '150783';
const DEFAULT_YEAR = '2023';

// ---------------------------------------------------------------------------------------------
// UI texts
const TEXT = {
  zh: {
    title: '专业技术人员继续教育学时测算',
    lede: '按申报地区的继续教育文件，核对职称申报所需的继续教育学时。所有计算都在本机完成，不会发送任何数据。',
    clearAll: '全部清空', confirmClear: '清空所有已填内容？',
    applicant: '申报信息', region: '申报地区', code: '或填行政区划代码',
    codeHint: '六位代码，如县级代码；无本级文件时按上级文件', year: '申报年度', route: '申报途径',
    route_review: '职称评审', route_recognition: '考核认定', route_appointment: '岗位聘任·等级晋升',
    level: '申报级别', level_junior: '初级', level_intermediate: '中级', level_senior: '高级',
    gender: '性别', gender_male: '男', gender_female: '女', unset: '（未填）', age: '年龄（周岁）',
    education: '学历', edu_associate: '大专', edu_bachelor: '本科', edu_master: '硕士研究生', edu_doctorate: '博士研究生',
    sector: '单位性质', sector_public: '公有制单位', sector_non_public: '非公有制经济领域',
    since: '取得现职称年份', grassroots: '在苏木、乡镇等基层一线工作',
    circumstances: '特殊情形', circNone: '所选地区的文件没有列出特殊情形。',
    circ_years: '疫情防控一线年度（逗号分隔）', circ_year: '转任年份', circ_yearsInPost: '现岗位任职年限',
    circ_fullYears: '驻村满几年',
    training: '继续教育记录', trainingHint: '每项学习活动填一行；学时按文件规定折算。',
    trainingEmpty: '还没有记录，请点击“添加一行”。',
    t_year: '年度', t_subject: '科目', t_activity: '形式', t_amount: '数量', t_unit: '单位', t_level: '会议级别',
    t_filed: '已备案', t_note: '备注', t_actions: '操作', addRow: '＋ 添加一行', dup: '复制', del: '删除',
    dupRow: (n) => `复制第${n}行`, delRow: (n) => `删除第${n}行`, rowField: (n, f) => `第${n}行 ${f}`,
    subject_public: '公需', subject_professional: '专业',
    unit_hours: '学时', unit_minutes: '分钟', unit_days: '天', unit_months: '个月', unit_subjects: '科',
    lvl_none: '—', lvl_international: '国际', lvl_national: '国家级', lvl_provincial: '省级', lvl_prefecture: '地市级',
    result: '测算结果', loading: '正在加载计算模块……',
    loadFailed: '计算模块加载失败', loadFailedDetail: '无法加载 jxjy.wasm，请确认已构建并通过 scripts/serve.sh 访问本页。',
    status_met: '达标', status_exempt: '免于要求', status_advisory: '仅作参考', status_short: '未达标', status_error: '输入有误',
    statusDetail_met: '继续教育学时满足申报要求。', statusDetail_exempt: '按文件规定，本次申报不要求继续教育学时。',
    statusDetail_advisory: '继续教育学时只作为参考，不作为申报条件。', statusDetail_short: '继续教育学时尚未满足申报要求。',
    statusDetail_error: '请按下方提示修正后再测算。',
    basedOn: '依据', requiredYears: (n, w) => `需 ${n} 个年度达标（可计年度：${w}）`,
    errors: '请修正以下输入', years: '各年度学时', public: '公需科目', professional: '专业科目', total: '合计',
    yearStatus: '情况', yearMet: '达标', yearWaived: '免除', yearShort: '未达标',
    shortfall: '尚缺学时', reasons: '判定依据', warnings: '提示', records: '各条记录的计入情况',
    credited: '计入学时', basis: '折算依据', why: '说明', notCounted: '不计入',
    shortSentence: (y, s, h, subject) => (subject === 'total' ? `${y}年合计还差${h}学时` : `${y}年还差${s}科目${h}学时`), subj_total: '合计',
    footnote: '本测算仅供参考，以人社部门审核结果为准。', hours: '学时',
    birthDate: '出生日期（可选）', applicationDate: '申报日期（可选）', dateHint: '默认为申报年度12月31日',
    ageFromBirth: '已按出生日期计算', offlineReady: '已可离线使用',
    searchRegion: '搜索地区', searchHint: '输入中文或英文名称、行政区划代码或文件文号',
    searchNone: '没有匹配的地区', searchMany: (n) => `${n} 个地区匹配，请继续输入或从列表中选择，按回车选第一个`,
    searchPicked: (name) => `已选：${name}`, searchCode: (code) => `目录中没有 ${code}，已填入行政区划代码（按上级文件）`,
    ioGroup: '导入或导出记录', exportJson: '导出 JSON', exportCsv: '导出 CSV', importFile: '导入 JSON/CSV…',
    importInput: '选择要导入的记录文件（JSON 或 CSV）',
    ioHint: '可把上表导出为 JSON 或 CSV（CSV 可用表格软件编辑）再导入；导入会替换上表的全部记录。',
    confirmImport: (n) => `导入将替换表中现有的 ${n} 行记录，继续吗？`,
    imported: (n, f) => `已从 ${f} 导入 ${n} 条记录。`, importCancelled: '已取消导入，记录未改动。',
    importMulti: (rows) => `第 ${rows} 行给出了多个数量，只保留了第一个。`,
    exported: (f) => `已导出 ${f}。`,
    importFailed: (f, why) => `无法导入 ${f}：${why}`,
    io_read: (m) => `读取文件出错（${m}）`, io_empty: '文件是空的', io_tooBig: '文件太大（最多 1 MB）',
    io_tooMany: (n) => `记录太多（最多 ${n} 条）`, io_encoding: '文件编码无法识别（请存为 UTF-8）',
    io_json: (m) => `不是有效的 JSON（${m}）`,
    io_shape: 'JSON 应是记录数组，或含 training 数组的对象（整份档案）',
    io_record: (n) => `第 ${n} 条记录不是对象`,
    io_csvQuote: (n) => `CSV 第 ${n} 行的引号没有闭合`,
    io_csvHeader: (cols) => `CSV 表头缺少列 ${cols}（表头应为 year,subject,activity,amount,unit,level,filed,note，顺序不限）`,
    general: '档案', internal: '检查器出错',
  },
  en: {
    title: 'Continuing-education hours check for professional titles',
    lede: 'Checks the continuing-education hours a title application needs under the region\'s notice. Everything is computed on this device; nothing is sent anywhere.',
    clearAll: 'Clear all', confirmClear: 'Clear everything you entered?',
    applicant: 'Application', region: 'Region', code: 'or region code',
    codeHint: 'six digits, e.g. a county; falls back to the parent region\'s notice', year: 'Application year', route: 'Route',
    route_review: 'Title review (职称评审)', route_recognition: 'Recognition (考核认定)', route_appointment: 'Appointment / promotion (岗位聘任)',
    level: 'Level', level_junior: 'Junior', level_intermediate: 'Intermediate', level_senior: 'Senior',
    gender: 'Gender', gender_male: 'Male', gender_female: 'Female', unset: '(not given)', age: 'Age (full years)',
    education: 'Education', edu_associate: 'Associate', edu_bachelor: 'Bachelor', edu_master: 'Master', edu_doctorate: 'Doctorate',
    sector: 'Sector', sector_public: 'Public', sector_non_public: 'Non-public economy',
    since: 'Current title since (year)', grassroots: 'Works at the grassroots (township / sumu)',
    circumstances: 'Special circumstances', circNone: 'The region\'s notice lists no special circumstances.',
    circ_years: 'Front-line years (comma separated)', circ_year: 'Year of transfer', circ_yearsInPost: 'Years in current post',
    circ_fullYears: 'Full years stationed',
    training: 'Training records', trainingHint: 'One row per activity; hours are converted as the notice says.',
    trainingEmpty: 'No records yet: use “Add row”.',
    t_year: 'Year', t_subject: 'Subject', t_activity: 'Activity', t_amount: 'Amount', t_unit: 'Unit', t_level: 'Conference level',
    t_filed: 'Filed', t_note: 'Note', t_actions: 'Actions', addRow: '+ Add row', dup: 'Copy', del: 'Delete',
    dupRow: (n) => `Copy row ${n}`, delRow: (n) => `Delete row ${n}`, rowField: (n, f) => `Row ${n} ${f}`,
    subject_public: 'Public', subject_professional: 'Professional',
    unit_hours: 'hours', unit_minutes: 'minutes', unit_days: 'days', unit_months: 'months', unit_subjects: 'subjects',
    lvl_none: '—', lvl_international: 'International', lvl_national: 'National', lvl_provincial: 'Provincial', lvl_prefecture: 'Prefecture',
    result: 'Result', loading: 'Loading the checker…',
    loadFailed: 'The checker could not be loaded', loadFailedDetail: 'jxjy.wasm could not be loaded; build it and open this page through scripts/serve.sh.',
    status_met: 'Met', status_exempt: 'Exempt', status_advisory: 'Advisory only', status_short: 'Short', status_error: 'Input needs fixing',
    statusDetail_met: 'The continuing-education hours satisfy the requirement.', statusDetail_exempt: 'The notice requires no hours for this application.',
    statusDetail_advisory: 'Hours are only a reference factor, not a condition.', statusDetail_short: 'The hours do not yet satisfy the requirement.',
    statusDetail_error: 'Fix the problems listed below.',
    basedOn: 'Based on', requiredYears: (n, w) => `${n} compliant year(s) needed (years that count: ${w})`,
    errors: 'Please fix these inputs', years: 'Hours per year', public: 'Public', professional: 'Professional', total: 'Total',
    yearStatus: 'Status', yearMet: 'met', yearWaived: 'waived', yearShort: 'short',
    shortfall: 'Still missing', reasons: 'Reasons', warnings: 'Warnings', records: 'How each record was credited',
    credited: 'Credited hours', basis: 'Basis', why: 'Notes', notCounted: 'not counted',
    shortSentence: (y, s, h, subject) => (subject === 'total' ? `${y}: ${h} more hours needed in total` : `${y}: ${h} more ${s} hours needed`), subj_total: 'total',
    footnote: 'For reference only; the human-resources bureau decides.', hours: 'hours',
    birthDate: 'Birth date (optional)', applicationDate: 'Application date (optional)', dateHint: 'defaults to 31 December of the application year',
    ageFromBirth: 'computed from the birth date', offlineReady: 'Works offline now',
    searchRegion: 'Search region', searchHint: 'name (Chinese or English), region code or notice number',
    searchNone: 'No region matches', searchMany: (n) => `${n} regions match: type more or pick one from the list; Enter takes the first`,
    searchPicked: (name) => `Selected: ${name}`, searchCode: (code) => `${code} is not in the catalogue: put into the region code field (the parent region's notice applies)`,
    ioGroup: 'Import or export records', exportJson: 'Export JSON', exportCsv: 'Export CSV', importFile: 'Import JSON/CSV…',
    importInput: 'Choose a records file to import (JSON or CSV)',
    ioHint: 'Export the table as JSON or CSV (CSV opens in spreadsheet programs) and import it again; importing replaces all records in the table.',
    confirmImport: (n) => `Importing replaces the ${n} row(s) in the table. Continue?`,
    imported: (n, f) => `Imported ${n} record(s) from ${f}.`, importCancelled: 'Import cancelled; the records are unchanged.',
    importMulti: (rows) => `Row(s) ${rows} gave several amounts; only the first was kept.`,
    exported: (f) => `Exported ${f}.`,
    importFailed: (f, why) => `Cannot import ${f}: ${why}`,
    io_read: (m) => `the file could not be read (${m})`, io_empty: 'the file is empty', io_tooBig: 'the file is too large (1 MB at most)',
    io_tooMany: (n) => `too many records (${n} at most)`, io_encoding: 'unknown text encoding (save it as UTF-8)',
    io_json: (m) => `not valid JSON (${m})`,
    io_shape: 'the JSON must be an array of records, or an object with a "training" array (a whole profile)',
    io_record: (n) => `record ${n} is not an object`,
    io_csvQuote: (n) => `CSV line ${n}: a quote is not closed`,
    io_csvHeader: (cols) => `the CSV header lacks ${cols} (expected year,subject,activity,amount,unit,level,filed,note in any order)`,
    general: 'Profile', internal: 'checker error',
  },
};

const ACTIVITIES = {
  course: ['课程/网络学习', 'Course / online study'],
  training_class: ['进修班/培训班/研修班', 'Training class'],
  advanced_seminar: ['高级研修班', 'Advanced seminar'],
  conference: ['学术会议/讲座/论坛', 'Conference / lecture / forum'],
  degree_study: ['学历教育/攻读学位', 'Degree study'],
  study_visit: ['国内外进修', 'Study visit'],
  teaching: ['继续教育授课', 'Teaching a CE course'],
  qualification_exam: ['职业资格考试', 'Qualification exam'],
  skill_training: ['技能培训', 'Skill training'],
  exam_prep: ['考前辅导', 'Exam preparation'],
  new_hire_training: ['新进人员岗前培训', 'New-hire training'],
  fa_xuan_online: ['法宣在线', 'Fa Xuan Online (法宣在线)'],
  other: ['其他', 'Other'],
};
const UNITS = ['hours', 'minutes', 'days', 'months', 'subjects'];
const CONF_LEVELS = ['', 'international', 'national', 'provincial', 'prefecture'];
// The extra field each circumstance kind needs: [profile key, UI label key, kind of value].
const CIRC_EXTRA = {
  epidemic_frontline: ['years', 'circ_years', 'list'],
  transferred_from_government: ['year', 'circ_year', 'int'],
  exceptional: ['yearsInPost', 'circ_yearsInPost', 'int'],
  village_first_secretary: ['fullYears', 'circ_fullYears', 'int'],
};

// ---------------------------------------------------------------------------------------------
// Markup of one calculator (static text only; all user data is set through textContent / value).
// L is the level of the top heading: 1 on the page, 2 when embedded in someone else's page.
function markup(L) {
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

// ---------------------------------------------------------------------------------------------
// The checker: one per document, shared by every mounted calculator.
let checkerPromise = null;
/** Resolves to the shared checker (createChecker() of ./jxjy.js); retried after a failure. */
export function loadChecker() {
  if (!checkerPromise) {
    checkerPromise = createChecker();
    checkerPromise.catch(() => { checkerPromise = null; });
  }
  return checkerPromise;
}

// ---------------------------------------------------------------------------------------------
// Draft (the form's state)
export function defaultDraft(lang = 'zh', region = DEFAULT_REGION) {
  return {
    lang, region, code: '', year: DEFAULT_YEAR, applicationDate: '', route: 'review', level: 'intermediate',
    gender: 'male', age: '40', birthDate: '', education: '', sector: 'public', currentTitleSince: '',
    grassroots: false, circ: {},
    training: [
      { ...newRow(DEFAULT_YEAR), subject: 'public', amount: '30' },
      { ...newRow(DEFAULT_YEAR), subject: 'professional', amount: '60' },
    ],
  };
}
function newRow(year) {
  return { year: String(year || ''), subject: 'public', activity: 'course', amount: '', unit: 'hours',
    level: '', filed: true, note: '' };
}
function readDraft(storageKey, base) {
  if (!storageKey) return base;
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) || 'null');
    if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
      for (const k of Object.keys(base)) if (k in saved && typeof saved[k] === typeof base[k]) base[k] = saved[k];
      if (!Array.isArray(base.training)) base.training = [];
      base.training = base.training.filter((r) => r && typeof r === 'object').map((r) => ({ ...newRow(''), ...r }));
      if (!base.circ || typeof base.circ !== 'object' || Array.isArray(base.circ)) base.circ = {};
      if (base.lang !== 'en') base.lang = 'zh';
    }
  } catch { /* unreadable draft or storage disabled: start afresh */ }
  return base;
}

// Small helpers that need no state
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'className') node.className = v;
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
function options(select, items, value) {
  // a value from an imported file that is not one of the choices is shown as given (the checker names it)
  const v = value === undefined || value === null ? '' : String(value);
  const all = v !== '' && !items.some(([k]) => k === v) ? [...items, [v, v]] : items;
  select.replaceChildren(...all.map(([k, label]) => el('option', { value: k, text: label })));
  select.value = v;
}
function cite(source) {
  if (!source) return '';
  const parts = [source.number || source.title, source.clause].filter(Boolean);
  return parts.length ? `（${parts.join(' ')}）` : '';
}
function fmt(n) {
  return typeof n === 'number' ? String(Math.round(n * 100) / 100) : '—';
}
function num(text) {
  const s = String(text ?? '').trim();
  if (s === '') return undefined;
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : s; // a non-number goes through so the checker names it
}

// ---------------------------------------------------------------------------------------------
// Import and export of the training records (the table). Export: the records exactly as sent to the
// checker (JSON), or one CSV line per record. Import: either format back into table rows, values as
// given (a wrong value is named at its field by the checker's validation, not here).
export const CSV_COLUMNS = ['year', 'subject', 'activity', 'amount', 'unit', 'level', 'filed', 'note'];
const RECORD_KEYS = new Set(['year', 'subject', 'activity', 'level', 'filed', 'note']);
const MAX_IMPORT_BYTES = 1024 * 1024;
const MAX_IMPORT_ROWS = 1000;

/** An import problem: key of a TEXT entry (io_*) and its arguments. */
class ImportError extends Error {
  constructor(key, ...args) {
    super(key);
    this.key = key;
    this.args = args;
  }
}

function csvField(value) {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** CSV text (UTF-8 BOM, CRLF lines) of table rows and the records built from them (same order). */
export function trainingCsv(records, rows = []) {
  const lines = [CSV_COLUMNS.join(',')];
  records.forEach((rec, i) => {
    const row = rows[i] || {};
    const key = UNITS.find((u) => rec[u] !== undefined) || Object.keys(rec).find((k) => !RECORD_KEYS.has(k));
    const cells = {
      ...rec,
      amount: key ? rec[key] : String(row.amount ?? '').trim(),
      unit: key || row.unit || '',
    };
    lines.push(CSV_COLUMNS.map((c) => csvField(cells[c])).join(','));
  });
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text, sep = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new ImportError('io_csvQuote', quoteLine);
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const str = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

// Words a person may type in a spreadsheet instead of the contract's keys (the page's own labels).
function keyOf(kind, value) {
  const v = value.trim();
  const lower = v.toLowerCase();
  const match = (pairs) => {
    for (const [key, labels] of pairs) if (key === lower || labels.some((l) => l.toLowerCase() === lower)) return key;
    return v;
  };
  const labels = (prefix, keys) => keys.map((k) => [k, [TEXT.zh[prefix + k], TEXT.en[prefix + k]]]);
  if (kind === 'subject') return match(labels('subject_', ['public', 'professional']));
  if (kind === 'unit') return match(labels('unit_', UNITS));
  if (kind === 'level') return v === '' || v === '—' ? '' : match(labels('lvl_', CONF_LEVELS.filter(Boolean)));
  if (kind === 'activity') return match(Object.entries(ACTIVITIES));
  return v;
}
function filedOf(value) {
  const v = value.trim().toLowerCase();
  if (['', 'true', '1', 'yes', 'y', '是', '已备案', '√', '✓'].includes(v)) return true;
  if (['false', '0', 'no', 'n', '否', '未备案'].includes(v)) return false;
  return value; // as given: the checker says it is not a boolean
}

/** Table rows from a contract record (JSON import). multi = it gave more than one amount. */
function rowFromRecord(rec, n) {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new ImportError('io_record', n);
  const units = UNITS.filter((u) => rec[u] !== undefined && rec[u] !== null);
  const unit = units[0] || 'hours';
  return {
    row: {
      year: str(rec.year), subject: str(rec.subject), activity: str(rec.activity),
      amount: str(rec[unit]), unit, level: str(rec.level),
      filed: rec.filed === undefined || rec.filed === null ? true : rec.filed,
      note: str(rec.note),
    },
    multi: units.length > 1,
  };
}

/**
 * Table rows from an imported file's text: a JSON array of records, a JSON object with a `training`
 * array (a whole profile), or CSV with the CSV_COLUMNS header in any order. Throws ImportError.
 */
export function parseTrainingFile(text, name = '') {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ImportError('io_empty');
  const json = /^\s*[[{]/.test(body) || /\.json$/i.test(name);
  let rows;
  const multi = [];
  if (json) {
    let data;
    try {
      data = JSON.parse(body);
    } catch (e) {
      throw new ImportError('io_json', e && e.message);
    }
    const list = Array.isArray(data) ? data
      : data && typeof data === 'object' && Array.isArray(data.training) ? data.training : null;
    if (!list) throw new ImportError('io_shape');
    if (list.length > MAX_IMPORT_ROWS) throw new ImportError('io_tooMany', MAX_IMPORT_ROWS);
    rows = list.map((rec, i) => {
      const r = rowFromRecord(rec, i + 1);
      if (r.multi) multi.push(i + 1);
      return r.row;
    });
  } else {
    const firstLine = body.slice(0, body.search(/\r?\n|$/));
    const sep = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
    const table = parseCsv(body, sep);
    const header = (table[0] || []).map((h) => h.trim().toLowerCase());
    const missing = ['year', 'subject', 'activity', 'amount'].filter((c) => !header.includes(c));
    if (missing.length) throw new ImportError('io_csvHeader', missing.join(', '));
    if (table.length - 1 > MAX_IMPORT_ROWS) throw new ImportError('io_tooMany', MAX_IMPORT_ROWS);
    const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));
    rows = table.slice(1).map((cells) => {
      const cell = (c) => (col[c] >= 0 ? cells[col[c]] ?? '' : '');
      return {
        year: cell('year').trim(), subject: keyOf('subject', cell('subject')),
        activity: keyOf('activity', cell('activity')), amount: cell('amount').trim(),
        unit: keyOf('unit', cell('unit')) || 'hours', level: keyOf('level', cell('level')),
        filed: filedOf(cell('filed')), note: cell('note'),
      };
    });
  }
  return { rows, multi };
}

/** File bytes to text: UTF-8 (with or without BOM), else GB 18030 (what Excel saves in Chinese Windows). */
function decodeText(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch { /* not UTF-8 */ }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(buffer);
  } catch {
    throw new ImportError('io_encoding');
  }
}

/**
 * Mounts one calculator into root (an Element or a ShadowRoot) and returns its controller.
 * options:
 *   region     six-digit code to start with (a catalogue region, or any code: it goes to the code field)
 *   lang       'zh' (default) or 'en'
 *   embedded   true inside someone else's page: smaller headings, no lede
 *   storageKey localStorage key for the draft; null/'' = keep no draft (default: none)
 *   ownsDocument true on index.html: sets <html lang> and document.title
 *   onResult   called with every result shown
 * controller: { ready (Promise), setLang(lang), setRegion(code), profile(), result(), destroy() }
 */
export function mount(root, opts = {}) {
  const embedded = !!opts.embedded;
  const storageKey = opts.storageKey || null;
  const wrapper = el('div', { className: embedded ? 'jxjy embedded' : 'jxjy' });
  wrapper.innerHTML = markup(embedded && !opts.ownsDocument ? 2 : 1);
  root.append(wrapper);

  const $ = (id) => wrapper.querySelector(`#${id}`);
  const activeElement = () => wrapper.getRootNode().activeElement;

  let draft = readDraft(storageKey, defaultDraft());
  if (opts.lang === 'en' || opts.lang === 'zh') draft.lang = opts.lang;
  let pendingRegion = opts.region ? String(opts.region).trim() : '';
  let catalogue = [];
  let checker = null;
  let lastResult = null;
  let nextUid = 1;
  // training rows carry a uid so their element ids stay stable while rows are added or removed
  draft.training.forEach((r) => { r.uid = nextUid++; });

  const t = (key) => TEXT[draft.lang][key] ?? TEXT.zh[key] ?? key;
  const en = () => draft.lang === 'en';

  function saveDraft() {
    if (!storageKey) return;
    try {
      const copy = { ...draft, training: draft.training.map(({ uid, ...r }) => r) };
      localStorage.setItem(storageKey, JSON.stringify(copy));
    } catch { /* storage full or disabled: the calculator still works */ }
  }

  // Region and rule set of the current input (for the circumstance list)
  function regionCode() {
    const code = draft.code.trim();
    return code !== '' ? code : draft.region;
  }
  function catalogueEntry(code) {
    if (!/^\d{6}$/.test(code)) return null;
    for (const c of [code, code.slice(0, 4) + '00', code.slice(0, 2) + '0000']) {
      const hit = catalogue.find((r) => r.region === c);
      if (hit) return hit;
    }
    return null;
  }
  function ruleSetFor(entry) {
    if (!entry || !entry.ruleSets || !entry.ruleSets.length) return null;
    const year = Number(draft.year);
    const sets = [...entry.ruleSets].sort((a, b) => a.year - b.year);
    const inForce = sets.filter((s) => s.year <= year);
    return inForce.length ? inForce[inForce.length - 1] : sets[0];
  }
  function shownCircumstances() {
    const rs = ruleSetFor(catalogueEntry(regionCode()));
    return rs ? rs.circumstances || [] : [];
  }
  function applyRegion(code) {
    if (!code) return;
    if (!catalogue.length) { pendingRegion = code; return; }
    if (catalogue.some((r) => r.region === code)) {
      draft.region = code;
      draft.code = '';
    } else {
      draft.code = code;
    }
  }

  // Form rendering
  function applyTexts() {
    const lang = en() ? 'en' : 'zh-CN';
    wrapper.lang = lang;
    if (opts.ownsDocument) {
      document.documentElement.lang = lang;
      document.title = t('title');
    }
    for (const node of wrapper.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    const toggle = $('lang-toggle');
    toggle.textContent = en() ? '中文' : 'English';
    toggle.lang = en() ? 'zh-CN' : 'en';
    $('import-file').setAttribute('aria-label', t('importInput'));
  }

  function regionLabel(r, lang = draft.lang) {
    const newest = [...(r.ruleSets || [])].sort((a, b) => b.year - a.year)[0];
    const number = newest && newest.sources && newest.sources[0] ? newest.sources[0].number || newest.sources[0].title : '';
    const name = lang === 'en' ? r.nameEn || r.name : r.name;
    return `${name} ${r.region}${number ? ' · ' + number : ''}`;
  }

  function renderRegionSelect() {
    const items = catalogue.map((r) => [r.region, regionLabel(r)]);
    if (!catalogue.some((r) => r.region === draft.region) && catalogue.length) draft.region = catalogue[0].region;
    options($('f-region'), items, draft.region);
    // suggestions of the search field: the same labels, plus the other language's name
    $('f-search-list').replaceChildren(...catalogue.map((r, i) =>
      el('option', { value: items[i][1], label: en() ? r.name : r.nameEn || '' })));
  }

  function renderStaticFields() {
    for (const [id, key] of Object.entries(STATIC)) $(id).value = draft[key];
    $('f-grassroots').checked = !!draft.grassroots;
    syncAge();
  }
  // With a birth date the checker computes the age itself: the age field is then not used.
  function syncAge() {
    const fromBirth = draft.birthDate.trim() !== '';
    $('f-age').disabled = fromBirth;
    $('f-age-hint').hidden = !fromBirth;
    if (fromBirth) $('f-age').setAttribute('aria-describedby', 'f-age-hint');
    else $('f-age').removeAttribute('aria-describedby');
  }

  function renderCircumstances() {
    const list = $('circ-list');
    const items = shownCircumstances();
    const active = activeElement();
    const focused = active && list.contains(active) ? active.id : null;
    list.replaceChildren();
    $('circ-empty').hidden = items.length > 0;
    for (const c of items) {
      const state = draft.circ[c.kind] || { on: false, value: '' };
      const id = `c-${c.kind}`;
      const box = el('input', { type: 'checkbox', id, 'data-circ': c.kind, 'data-role': 'on' });
      box.checked = !!state.on;
      const text = en() ? c.textEn || c.text : c.text;
      const label = el('label', { for: id }, el('span', { text }),
        el('small', { className: 'cite', text: cite(c.source) }));
      const item = el('div', { className: 'circ' }, el('div', { className: 'check' }, box, label));
      const extra = CIRC_EXTRA[c.kind];
      if (extra) {
        const xid = `c-${c.kind}-value`;
        const input = el('input', { type: 'text', id: xid, 'data-circ': c.kind, 'data-role': 'value',
          inputmode: extra[2] === 'list' ? 'text' : 'numeric' });
        input.value = state.value || '';
        input.disabled = !state.on;
        item.append(el('div', { className: 'field circ-extra' }, el('label', { for: xid, text: t(extra[1]) }), input));
      }
      list.append(item);
    }
    if (focused && $(focused)) $(focused).focus();
  }

  function rowCell(row, n, key, control, labelKey) {
    const id = `r${row.uid}-${key}`;
    control.id = id;
    control.dataset.row = row.uid;
    control.dataset.key = key;
    return el('td', { 'data-col': key },
      el('label', { for: id, className: 'sr-only', text: TEXT[draft.lang].rowField(n, t(labelKey)) }), control);
  }

  function renderRows(focusId) {
    const body = $('training-body');
    body.replaceChildren();
    draft.training.forEach((row, i) => {
      const n = i + 1;
      const year = el('input', { type: 'text', inputmode: 'numeric', maxlength: 4, className: 'num' });
      year.value = row.year;
      const subject = el('select');
      options(subject, [['public', t('subject_public')], ['professional', t('subject_professional')]], row.subject);
      const activity = el('select');
      options(activity, Object.entries(ACTIVITIES).map(([k, v]) => [k, en() ? v[1] : v[0]]), row.activity);
      const amount = el('input', { type: 'text', inputmode: 'decimal', className: 'num' });
      amount.value = row.amount;
      const unit = el('select');
      options(unit, UNITS.map((u) => [u, t('unit_' + u)]), row.unit);
      const level = el('select');
      options(level, CONF_LEVELS.map((l) => [l, t('lvl_' + (l || 'none'))]), row.level);
      const filed = el('input', { type: 'checkbox' });
      filed.checked = row.filed !== false; // an imported non-boolean shows checked; the checker names it
      const note = el('input', { type: 'text', className: 'note' });
      note.value = row.note;
      const dup = el('button', { type: 'button', 'data-action': 'dup', 'data-row': row.uid,
        'aria-label': TEXT[draft.lang].dupRow(n), text: t('dup') });
      const del = el('button', { type: 'button', className: 'danger', 'data-action': 'del', 'data-row': row.uid,
        'aria-label': TEXT[draft.lang].delRow(n), text: t('del') });
      body.append(el('tr', { id: `r${row.uid}` },
        el('th', { scope: 'row', text: String(n) }),
        rowCell(row, n, 'year', year, 't_year'),
        rowCell(row, n, 'subject', subject, 't_subject'),
        rowCell(row, n, 'activity', activity, 't_activity'),
        rowCell(row, n, 'amount', amount, 't_amount'),
        rowCell(row, n, 'unit', unit, 't_unit'),
        rowCell(row, n, 'level', level, 't_level'),
        rowCell(row, n, 'filed', filed, 't_filed'),
        rowCell(row, n, 'note', note, 't_note'),
        el('td', { className: 'actions' }, dup, del)));
    });
    $('training-empty').hidden = draft.training.length > 0;
    if (focusId && $(focusId)) $(focusId).focus();
  }

  function renderForm() {
    applyTexts();
    renderRegionSelect();
    renderStaticFields();
    renderCircumstances();
    renderRows();
  }

  // Profile from the draft, with a map from JSON Pointer to the control that holds the value
  function buildProfile() {
    const profile = {};
    const fields = {}; // JSON Pointer -> element id
    const put = (key, value, id) => {
      fields['/' + key] = id;
      if (value !== undefined && value !== '') profile[key] = value;
    };
    put('region', regionCode(), draft.code.trim() ? 'f-code' : 'f-region');
    put('year', num(draft.year), 'f-year');
    put('applicationDate', draft.applicationDate.trim(), 'f-appdate');
    put('route', draft.route, 'f-route');
    put('level', draft.level, 'f-level');
    put('gender', draft.gender, 'f-gender');
    // a birth date wins: the age field is disabled then and not sent
    put('birthDate', draft.birthDate.trim(), 'f-birth');
    put('age', draft.birthDate.trim() ? undefined : num(draft.age), draft.birthDate.trim() ? 'f-birth' : 'f-age');
    put('education', draft.education, 'f-education');
    put('sector', draft.sector, 'f-sector');
    put('grassroots', !!draft.grassroots, 'f-grassroots');
    put('currentTitleSince', num(draft.currentTitleSince), 'f-since');
    if (en()) profile.locale = 'en';

    const circumstances = [];
    for (const c of shownCircumstances()) {
      const state = draft.circ[c.kind];
      if (!state || !state.on) continue;
      const i = circumstances.length;
      const item = { kind: c.kind };
      fields[`/circumstances/${i}`] = `c-${c.kind}`;
      const extra = CIRC_EXTRA[c.kind];
      if (extra) {
        const [key, , type] = extra;
        fields[`/circumstances/${i}/${key}`] = `c-${c.kind}-value`;
        if (type === 'list') {
          item[key] = String(state.value || '').split(/[\s,，、;；]+/).filter(Boolean).map(num);
        } else {
          const v = num(state.value);
          if (v !== undefined) item[key] = v;
        }
      }
      circumstances.push(item);
    }
    if (circumstances.length) profile.circumstances = circumstances;

    profile.training = draft.training.map((row, i) => {
      const base = `/training/${i}`;
      const id = (k) => `r${row.uid}-${k}`;
      fields[base] = id('amount');
      for (const k of ['year', 'subject', 'activity', 'level', 'filed', 'note']) fields[`${base}/${k}`] = id(k);
      for (const u of UNITS) fields[`${base}/${u}`] = id('amount');
      const rec = { year: num(row.year), subject: row.subject, activity: row.activity };
      const amount = num(row.amount);
      // an unknown unit (from an imported file) sends no amount: the checker then asks for one at the amount
      if (amount !== undefined && UNITS.includes(row.unit)) rec[row.unit] = amount;
      if (row.level) rec.level = row.level;
      // true or false from the checkbox; an imported non-boolean as given, so the checker names it
      rec.filed = row.filed === undefined || row.filed === null || row.filed === '' ? true : row.filed;
      if (row.note && row.note.trim()) rec.note = row.note.trim();
      if (rec.year === undefined) delete rec.year;
      return rec;
    });
    return { profile, fields };
  }

  // Result rendering
  function setBanner(kind, title, detail) {
    const banner = $('banner');
    banner.className = `banner ${kind}`;
    $('banner-title').textContent = title;
    const lines = Array.isArray(detail) ? detail : detail ? [detail] : [];
    $('banner-detail').replaceChildren(...lines.map((line) => el('span', { className: 'line', text: line })));
    // narrow screens: the verdict stays in sight at the bottom while the form is edited
    const chip = $('verdict-chip');
    chip.className = `verdict-chip ${kind}`;
    chip.textContent = `${t('result')}${en() ? ': ' : '：'}${title} ↓`;
  }

  function clearFieldErrors() {
    for (const node of wrapper.querySelectorAll('.field-error')) node.remove();
    for (const node of wrapper.querySelectorAll('[aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      if (node.dataset.describedby !== undefined) {
        if (node.dataset.describedby) node.setAttribute('aria-describedby', node.dataset.describedby);
        else node.removeAttribute('aria-describedby');
        delete node.dataset.describedby;
      }
    }
  }

  function controlFor(path, fields) {
    let p = String(path || '');
    while (p) {
      if (fields[p]) return $(fields[p]);
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }
  function labelOf(control) {
    if (!control) return t('general');
    const label = wrapper.querySelector(`label[for="${control.id}"]`);
    return label ? (label.querySelector('span') || label).textContent.trim() : control.id;
  }

  function showErrors(errors, fields) {
    const list = $('error-list');
    list.replaceChildren();
    for (const e of errors) {
      const control = controlFor(e.path, fields);
      const message = e.message || e.code || 'error';
      if (control) {
        const errId = `${control.id}-err-${list.children.length}`;
        const holder = control.closest('td, .field, .circ') || control.parentElement;
        holder.append(el('span', { className: 'field-error', id: errId, text: message }));
        if (!control.hasAttribute('aria-invalid')) {
          control.dataset.describedby = control.getAttribute('aria-describedby') || '';
        }
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${errId}`.trim());
        const link = el('a', { href: `#${control.id}`, 'data-focus': control.id, text: labelOf(control) });
        list.append(el('li', {}, link, `${en() ? ': ' : '：'}${message}`));
      } else {
        list.append(el('li', { text: `${e.path ? e.path + ' ' : ''}${message}` }));
      }
    }
    $('errors').hidden = errors.length === 0;
  }

  function fillCited(listId, blockId, items) {
    const list = $(listId);
    list.replaceChildren(...(items || []).map((r) =>
      el('li', {}, el('span', { text: r.message || r.code }), el('small', { className: 'cite', text: cite(r.source) }))));
    $(blockId).hidden = !(items && items.length);
  }

  function meter(part, label) {
    if (!part || typeof part !== 'object') return el('td', { text: '—' });
    const credited = Number(part.credited) || 0;
    const required = Number(part.required) || 0;
    const td = el('td', { className: 'meter' },
      el('span', { className: 'nums', text: `${fmt(part.credited)} / ${fmt(part.required)}` }));
    if (required > 0) {
      td.append(el('progress', { max: required, value: Math.min(credited, required),
        'aria-label': `${label} ${fmt(part.credited)} / ${fmt(part.required)} ${t('hours')}` }));
    }
    if (required > 0 && credited >= required) td.classList.add('full');
    return td;
  }

  function subjectName(s) {
    if (s === 'public' || s === 'professional') return t('subject_' + s);
    if (s === 'total') return t('subj_total');
    return s;
  }

  function renderResult(result, fields) {
    clearFieldErrors();
    const details = $('details');
    if (!result || typeof result !== 'object') {
      setBanner('error', t('status_error'), t('internal'));
      details.hidden = true;
      return;
    }
    if (result.ok === false) {
      setBanner('error', t('status_error'), t('statusDetail_error'));
      showErrors(result.errors || [], fields);
      details.hidden = false;
      for (const id of ['years-block', 'shortfall-block', 'reasons-block', 'records-block']) $(id).hidden = true;
      fillCited('warnings-list', 'warnings-block', result.warnings);
      return;
    }
    showErrors([], fields);
    details.hidden = false;
    $('years-block').hidden = false;

    const status = ['met', 'exempt', 'advisory', 'short'].includes(result.status) ? result.status : 'short';
    const rs = result.ruleSet || {};
    const src = (rs.sources || []).map((s) => [s.number || s.title, s.date].filter(Boolean).join(' ')).join('；');
    const windowText = Array.isArray(result.window) && result.window.length
      ? (result.window.length > 1 ? `${result.window[0]}–${result.window[result.window.length - 1]}` : String(result.window[0]))
      : '—';
    const lines = [t('statusDetail_' + status)];
    if (rs.regionName || src) lines.push(`${t('basedOn')}${en() ? ': ' : '：'}${rs.regionName || ''} ${src}`.trim());
    if (status !== 'exempt' && result.requiredYears) lines.push(TEXT[draft.lang].requiredYears(result.requiredYears, windowText));
    setBanner(status, t('status_' + status), lines);

    $('years-body').replaceChildren(...(result.years || []).map((y) => el('tr', { className: y.met ? 'met' : y.waived ? 'waived' : 'notmet' },
      el('th', { scope: 'row', text: String(y.year) }),
      meter(y.public, t('public')),
      meter(y.professional, t('professional')),
      meter(y.total, t('total')),
      el('td', { text: y.waived ? t('yearWaived') : y.met ? t('yearMet') : t('yearShort') }))));

    const shortfall = Array.isArray(result.shortfall) ? result.shortfall : [];
    $('shortfall-list').replaceChildren(...shortfall.map((s) =>
      el('li', { text: TEXT[draft.lang].shortSentence(s.year, en() ? subjectName(s.subject).toLowerCase() : subjectName(s.subject), fmt(s.hours), s.subject) })));
    $('shortfall-block').hidden = shortfall.length === 0;

    fillCited('reasons-list', 'reasons-block', result.reasons);
    fillCited('warnings-list', 'warnings-block', result.warnings);

    const records = Array.isArray(result.records) ? result.records : [];
    $('records-body').replaceChildren(...records.map((r) => {
      const act = ACTIVITIES[r.activity];
      const notes = el('td', { className: 'why' });
      if (r.reason) notes.append(el('span', { text: r.reason.message || r.reason.code }), ' ');
      const source = r.reason && r.reason.source ? r.reason.source : r.source;
      notes.append(el('small', { className: 'cite', text: cite(source) }));
      return el('tr', { className: r.counted === false ? 'uncounted' : '' },
        el('th', { scope: 'row', text: String((Number(r.index) || 0) + 1) }),
        el('td', { text: String(r.year ?? '') }),
        el('td', { text: subjectName(r.subject) }),
        el('td', { text: act ? (en() ? act[1] : act[0]) : String(r.activity ?? '') }),
        el('td', { className: 'num', text: r.counted === false ? `0（${t('notCounted')}）` : fmt(r.credited) }),
        el('td', { text: r.basis || '' }),
        notes);
    }));
    $('records-block').hidden = records.length === 0;
  }

  function evaluateNow() {
    saveDraft();
    if (!checker) return;
    const { profile, fields } = buildProfile();
    let result;
    try {
      result = checker.evaluate(profile);
    } catch (e) {
      result = { ok: false, errors: [{ code: 'internal_error', path: '', message: `${t('internal')}: ${e && e.message}` }] };
    }
    lastResult = result;
    renderResult(result, fields);
    if (typeof opts.onResult === 'function') {
      try { opts.onResult(result, profile); } catch { /* a listener's problem is not ours */ }
    }
  }

  // Events
  function onInput(event) {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (STATIC[target.id]) {
      draft[STATIC[target.id]] = target.value;
      if (target.id === 'f-region' || target.id === 'f-code') clearSearch();
      if (['f-region', 'f-code', 'f-year'].includes(target.id)) renderCircumstances();
      if (target.id === 'f-birth') syncAge();
    } else if (target.id === 'f-grassroots') {
      draft.grassroots = target.checked;
    } else if (target.dataset.circ) {
      const kind = target.dataset.circ;
      const state = draft.circ[kind] || (draft.circ[kind] = { on: false, value: '' });
      if (target.dataset.role === 'on') {
        state.on = target.checked;
        const extra = $(`c-${kind}-value`);
        if (extra) extra.disabled = !state.on;
      } else {
        state.value = target.value;
      }
    } else if (target.dataset.row) {
      const row = draft.training.find((r) => String(r.uid) === target.dataset.row);
      if (!row) return;
      const key = target.dataset.key;
      row[key] = target.type === 'checkbox' ? target.checked : target.value;
    } else {
      return;
    }
    evaluateNow();
  }

  function onClick(event) {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    const i = draft.training.findIndex((r) => String(r.uid) === button.dataset.row);
    if (i < 0) return;
    let focus;
    if (button.dataset.action === 'dup') {
      const copy = { ...draft.training[i], uid: nextUid++ };
      draft.training.splice(i + 1, 0, copy);
      focus = `r${copy.uid}-year`;
    } else if (button.dataset.action === 'del') {
      draft.training.splice(i, 1);
      const next = draft.training[i] || draft.training[i - 1];
      focus = next ? `r${next.uid}-year` : 'add-row';
    }
    renderRows(focus);
    evaluateNow();
  }

  // error links and the verdict chip: focus the target (a #fragment does not reach into a shadow root)
  function onErrorLink(event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-focus]') : null;
    if (!link) return;
    event.preventDefault();
    const control = $(link.dataset.focus);
    if (control) {
      control.scrollIntoView({ block: control.matches('h1, h2, h3') ? 'start' : 'center' });
      control.focus();
    }
  }

  // Searchable region picker: name (Chinese or English), code or notice number -> the region select.
  function searchMatches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    // a suggestion picked from the list (its text is the select's label, in either language)
    const exact = catalogue.find((r) => ['zh', 'en'].some((l) => regionLabel(r, l).toLowerCase() === q));
    if (exact) return [exact];
    const words = q.split(/\s+/);
    return catalogue.filter((r) => {
      const sources = (r.ruleSets || []).flatMap((rs) => (rs.sources || []).flatMap((src) => [src.number, src.title]));
      const hay = [r.name, r.nameEn, r.region, ...sources].filter(Boolean).join(' ').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }

  function onSearch(commit) {
    const query = $('f-search').value.trim();
    const status = $('f-search-status');
    const L = TEXT[draft.lang];
    if (!query || !catalogue.length) {
      status.textContent = '';
      return;
    }
    const hits = searchMatches(query);
    let code = '';
    if (hits.length === 1 || (commit && hits.length)) {
      code = hits[0].region;
      status.textContent = L.searchPicked(regionLabel(hits[0]));
    } else if (!hits.length && /^\d{6}$/.test(query)) {
      code = query; // not in the catalogue: the code field (the checker falls back to an ancestor's notice)
      status.textContent = L.searchCode(query);
    } else {
      status.textContent = hits.length ? L.searchMany(hits.length) : L.searchNone;
      return;
    }
    const before = `${draft.region}/${draft.code}`;
    applyRegion(code);
    if (`${draft.region}/${draft.code}` !== before) {
      renderForm();
      evaluateNow();
    }
  }

  function clearSearch() {
    $('f-search').value = '';
    $('f-search-status').textContent = '';
  }

  // Import and export of the training records
  function ioMessage(error, status) {
    $('io-error').textContent = error || '';
    $('io-status').textContent = status || '';
  }

  // a download without navigation or inline script: a Blob URL on a temporary <a download>
  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el('a', { href: url, download: name, className: 'sr-only', tabindex: '-1', 'aria-hidden': 'true' });
    wrapper.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    ioMessage('', TEXT[draft.lang].exported(name));
  }

  function exportJson() {
    const { training } = buildProfile().profile;
    download('jxjy-training.json', `${JSON.stringify(training, null, 2)}\n`, 'application/json');
  }

  function exportCsv() {
    const { training } = buildProfile().profile;
    download('jxjy-training.csv', trainingCsv(training, draft.training), 'text/csv;charset=utf-8');
  }

  async function importFile() {
    const input = $('import-file');
    const file = input.files && input.files[0];
    if (!file) return;
    const say = (key, ...args) => {
      const v = TEXT[draft.lang][key];
      return typeof v === 'function' ? v(...args) : v;
    };
    let parsed;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new ImportError('io_tooBig');
      parsed = parseTrainingFile(decodeText(await file.arrayBuffer()), file.name);
    } catch (e) {
      const why = e instanceof ImportError ? say(e.key, ...e.args) : say('io_read', (e && e.message) || String(e));
      ioMessage(say('importFailed', file.name, why), '');
      return;
    } finally {
      input.value = ''; // the same file can be chosen again
    }
    if (draft.training.length && !window.confirm(say('confirmImport', draft.training.length))) {
      ioMessage('', say('importCancelled'));
      return;
    }
    draft.training = parsed.rows.map((r) => ({ ...r, uid: nextUid++ }));
    renderRows();
    evaluateNow();
    const multi = parsed.multi.length ? ` ${say('importMulti', parsed.multi.join(en() ? ', ' : '、'))}` : '';
    ioMessage('', say('imported', parsed.rows.length, file.name) + multi);
  }

  function addRow() {
    const last = draft.training[draft.training.length - 1];
    const row = { ...newRow(last ? last.year : (num(draft.year) || DEFAULT_YEAR)), uid: nextUid++ };
    if (last) row.subject = last.subject;
    draft.training.push(row);
    renderRows(`r${row.uid}-year`);
    evaluateNow();
  }

  function resetDraft(fresh) {
    draft = fresh;
    draft.training.forEach((r) => { r.uid = nextUid++; });
  }

  function clearAll() {
    if (!window.confirm(t('confirmClear'))) return;
    const lang = draft.lang;
    // "clear" means empty: no rows, no personal data (the defaults are for a first visit only)
    resetDraft({ ...defaultDraft(lang, draft.region), gender: '', age: '', training: [] });
    if (storageKey) {
      try { localStorage.removeItem(storageKey); } catch { /* ignore */ }
    }
    clearSearch();
    ioMessage('', '');
    renderForm();
    evaluateNow();
    $('f-region').focus();
  }

  function setLang(lang) {
    const next = lang === 'en' ? 'en' : 'zh';
    if (next === draft.lang) return;
    draft.lang = next;
    clearSearch();
    ioMessage('', '');
    renderForm();
    evaluateNow();
  }

  function toggleLang() {
    setLang(en() ? 'zh' : 'en');
    $('lang-toggle').focus();
  }

  const form = $('form');
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('click', onClick);
  $('error-list').addEventListener('click', onErrorLink);
  $('verdict-chip').addEventListener('click', onErrorLink);
  $('add-row').addEventListener('click', addRow);
  $('export-json').addEventListener('click', exportJson);
  $('export-csv').addEventListener('click', exportCsv);
  $('import-btn').addEventListener('click', () => $('import-file').click());
  $('import-file').addEventListener('change', (event) => {
    event.stopPropagation(); // not a field of the profile
    importFile().catch((e) => ioMessage(`${(e && e.message) || e}`, ''));
  });
  const search = $('f-search');
  search.addEventListener('input', (event) => {
    event.stopPropagation();
    onSearch(false);
  });
  search.addEventListener('change', (event) => event.stopPropagation());
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onSearch(true);
    }
  });
  $('clear-all').addEventListener('click', clearAll);
  $('lang-toggle').addEventListener('click', toggleLang);

  // Start fetching and compiling the wasm first: it runs off the main thread while the form renders.
  const loading = loadChecker();
  applyTexts();
  renderStaticFields();
  renderRows();
  setBanner('pending', t('loading'), '');

  const ready = loading.then((c) => {
    checker = c;
    catalogue = c.regions();
    if (pendingRegion) applyRegion(pendingRegion);
    pendingRegion = '';
    renderForm();
    evaluateNow();
    return c;
  }, (e) => {
    setBanner('error', t('loadFailed'), `${t('loadFailedDetail')} (${(e && e.message) || e})`);
    throw e;
  });
  ready.catch(() => {}); // shown in the banner

  return {
    ready,
    setLang,
    setRegion(code) {
      applyRegion(String(code || '').trim());
      if (catalogue.length) {
        renderForm();
        evaluateNow();
      }
    },
    profile: () => buildProfile().profile,
    result: () => lastResult,
    destroy() { wrapper.remove(); },
  };
}

// ids of the simple fields and the draft keys they hold
const STATIC = {
  'f-region': 'region', 'f-code': 'code', 'f-year': 'year', 'f-appdate': 'applicationDate', 'f-route': 'route',
  'f-level': 'level', 'f-gender': 'gender', 'f-age': 'age', 'f-birth': 'birthDate', 'f-education': 'education',
  'f-sector': 'sector', 'f-since': 'currentTitleSince',
};

// ---------------------------------------------------------------------------------------------
// index.html?embed=1: answer postMessage({type: "jxjy:evaluate", id, profile}) with
// {type: "jxjy:result", id, result}; and say {type: "jxjy:ready"} to the parent once the checker is loaded.
function setupEmbed() {
  window.addEventListener('message', async (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'jxjy:evaluate' || !event.source) return;
    let result;
    try {
      const c = await loadChecker();
      result = c.evaluate(data.profile);
    } catch (e) {
      result = { ok: false, errors: [{ code: 'internal_error', path: '', message: String((e && e.message) || e) }] };
    }
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    event.source.postMessage({ type: 'jxjy:result', id: data.id, result }, origin);
  });
  if (window.parent !== window) {
    loadChecker().then((c) => window.parent.postMessage({ type: 'jxjy:ready', version: c.version }, '*'), () => {});
  }
}

// Offline: the service worker caches the app shell (sw.js). Only over http(s): not from file://.
function registerServiceWorker() {
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {
    /* no service worker (private mode, blocked): the page still works online */
  });
}

// The page: index.html has <div id="jxjy-app" data-jxjy-page>.
function startPage(host) {
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  if (embed) {
    document.body.classList.add('embed');
    setupEmbed();
  }
  host.replaceChildren();
  const { ready } = mount(host, {
    embedded: embed,
    ownsDocument: true,
    storageKey: embed ? null : STORAGE_KEY,
    region: params.get('region') || undefined,
    lang: params.get('lang') || undefined,
  });
  // After the first verdict: the worker's install downloads the whole shell again, which should not
  // compete with the first visit's own loading.
  ready.then(registerServiceWorker, registerServiceWorker);
}

const pageHost = typeof document !== 'undefined' ? document.querySelector('#jxjy-app[data-jxjy-page]') : null;
if (pageHost) startPage(pageHost);
