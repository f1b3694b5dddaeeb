// A roll of many people for the bench (bench/roll_bench.mjs) and the browser tests: `people` people with
// `records` training records each (one CSV row per record, the person's fields on the first row), in
// the vocabulary's Chinese words, for Qinghai's 2023 notice (630000). Deterministic: person i gets the
// same rows every time. Most people meet the hours; every 4th is short; every 10th is of the health
// series (a warning: their own department's rules apply); every `badEvery`-th has an unreadable amount.
export function makeRoll(people = 1000, records = 10, { badEvery = 50 } = {}) {
  const lines = ['姓名,地区,申报年度,申报级别,性别,年龄,系列,年度,科目,形式,数量,单位,会议级别,已备案,备注'];
  for (let i = 0; i < people; ++i) {
    const name = `人员${String(i + 1).padStart(4, '0')}`;
    const short = i % 4 === 1;
    for (let k = 0; k < records; ++k) {
      const year = 2020 + (k % 4);
      const professional = Math.floor(k / 4) % 2 === 1;
      // public hours as online courses; professional ones as training classes or conferences
      const activity = !professional ? '网络课程' : (i + k) % 2 ? '培训班' : '学术会议';
      const amount = !professional ? (short ? 10 : 50) : (short ? 20 : 100);
      const unit = '学时'; // (Qinghai's notice converts no days)
      const bad = badEvery > 0 && i % badEvery === badEvery - 1 && k === records - 1;
      const first = k === 0;
      lines.push([name, first ? '630000' : '', first ? '2023' : '', first ? (i % 3 === 0 ? '高级' : '中级') : '',
        first ? (i % 2 ? '男' : '女') : '', first ? String(30 + (i % 25)) : '', first && i % 10 === 3 ? '卫生' : '',
        `${year}年`, professional ? '专业' : '公需', activity, bad ? '很多' : String(amount), unit,
        activity === '学术会议' ? '国家级' : '', '是', first ? `第${i + 1}位` : ''].join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * A roll of at most `bytes` bytes of short rows, one person per row (the 16 MiB roll of 701,000
 * people): each person's fields and, with records, one record of public hours. UTF-8 with BOM, CRLF.
 */
export function makeLargeRoll(bytes = 16 * 1024 * 1024, { records = false } = {}) {
  const header = records ? '姓名,地区,申报年度,申报级别,年度,科目,形式,数量,单位' : '姓名,地区,申报年度,申报级别';
  const parts = ['\uFEFF' + header];
  let size = Buffer.byteLength(parts[0]) + 2;
  for (let i = 0; ; ++i) {
    const row = records ? `P${i},630000,2023,中级,${2020 + (i % 4)},公需,网络课程,${i % 90},学时` : `P${i},630000,2023,中级`;
    const n = Buffer.byteLength(row) + 2;
    if (size + n > bytes) break;
    size += n;
    parts.push(row);
  }
  return parts.join('\r\n') + '\r\n';
}

export const OFFICE_HEADER = ['序号', '姓名', '工作单位', '身份证号', '地区', '申报年度', '申报级别', '任现职年份', '系列', '职称系列', '培训年度',
  '公需课/专业课', '培训形式', '培训学时', '是否备案', '登记状态', '联系电话'];
export const OFFICE_PERSON_CELLS = 10; // the person's cells (序号 … 职称系列), written on their first row only
/**
 * A roll as an office builds it (issue 27; tests/browser/roll-office.test.mjs, bench/roll_office_bench.mjs):
 * a title line above the header, columns jxjy does not use, headers like a column's words, the person's
 * cells on their first row only (the rows below left empty, as merged cells leave them), values as people
 * type them, regions by name (西宁市, 青海省, 郑州市金水区). As rows of cells: `people` people, each with 45
 * public, 45 face-to-face and ４５ online professional hours a year in 2021-2024. Every 5th person is of
 * the health series (their own department's rules); every 4th has only 10 face-to-face hours in 2023;
 * every 7th also has a "３天" class, which 青海 does not convert (left out, said at its row).
 */
export function officeRows(people) {
  const rows = [];
  for (let i = 0; i < people; ++i) {
    const short = i % 4 === 1;
    const region = i % 3 === 0 ? '西宁市' : i % 3 === 1 ? '青海省' : '郑州市金水区';
    const person = [String(i + 1), `职工${String(i + 1).padStart(3, '0')}`, '某单位', `63010219800101${String(1000 + i)}`, region, '2024',
      i % 2 ? '中级' : '高级', '2020', i % 5 === 2 ? '卫生' : '', '工程'];
    const records = [];
    for (const year of ['2021', '2022', '2023', '2024']) {
      records.push([`${year}年`, '公需课', '网络培训', '４５', '是']);
      records.push([`${year}年`, '专业课', '面授', short && year === '2023' ? '10学时' : '45学时', '是']);
      records.push([`${year}年`, '专业课', '网络培训', '４５', '是']);
    }
    if (i % 7 === 0) records.push(['2023年', '专业课', '培训班', '３天', '是']);
    records.forEach((r, k) => rows.push([...(k === 0 ? person : Array(OFFICE_PERSON_CELLS).fill('')), ...r, k === 0 ? '已登记' : '', k === 0 ? '13800000000' : '']));
  }
  return rows;
}
export const OFFICE_TITLE = '2023年专业技术人员继续教育培训花名册';
/** The office's roll as CSV: its title line, an empty line, the header and the rows (sep: , or ;). */
export const officeCsv = (rows, sep = ',') => [OFFICE_TITLE, '', OFFICE_HEADER.join(sep), ...rows.map((r) => r.join(sep))].join('\r\n') + '\r\n';
