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
