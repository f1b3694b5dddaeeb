// A roll of many people for the bench (bench/roll_bench.mjs) and the browser tests: `people` people with
// `records` training records each (one CSV row per record, the person's fields on the first row), in
// the vocabulary's Chinese words. Deterministic: person i gets the same rows every time. Some people are
// met, some short; every `badEvery`-th person has an unreadable amount (请修正输入).
export function makeRoll(people = 1000, records = 10, { badEvery = 50 } = {}) {
  const lines = ['姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,会议级别,已备案,备注'];
  const activities = ['网络课程', '培训班', '学术会议'];
  for (let i = 0; i < people; ++i) {
    const name = `人员${String(i + 1).padStart(4, '0')}`;
    const level = i % 3 === 0 ? '高级' : '中级';
    for (let k = 0; k < records; ++k) {
      const year = 2021 + (k % 3);
      const subject = k % 2 === 0 ? '公需' : '专业';
      const activity = activities[(i + k) % 3];
      const conf = activity === '学术会议' ? '国家级' : '';
      const unit = activity === '网络课程' ? '学时' : '天';
      // most people have enough; every 4th is a few hours short
      const amount = activity === '网络课程' ? (i % 4 === 1 ? 2 : 12) : (i % 4 === 1 ? 1 : 2);
      const bad = badEvery > 0 && i % badEvery === badEvery - 1 && k === records - 1;
      const first = k === 0;
      lines.push([name, first ? '630000' : '', first ? '2023' : '', first ? level : '', first ? (i % 2 ? '男' : '女') : '',
        first ? String(30 + (i % 25)) : '', `${year}年`, subject, activity, bad ? '很多' : String(amount), unit, conf, '是',
        k === 0 ? `第${i + 1}位` : ''].join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
