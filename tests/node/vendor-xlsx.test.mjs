// web/vendor/read-excel-file.js is exactly the pinned npm package bundled (scripts/gen-vendor-xlsx.mjs), and the
// .xlsx → CSV step of the roll (web/roll-xlsx.js) reads a real .xlsx (written by write-excel-file) into
// the CSV the core's roll reader takes, with the same people as the same rows written as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { moduleUrl, root } from './corpus.mjs';

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

test('the vendored read-excel-file is the package, bundled', async () => {
  const { vendorText } = await import(new URL('../../scripts/gen-vendor-xlsx.mjs', import.meta.url));
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['read-excel-file'];
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'pinned to an exact version');
  const text = await vendorText();
  assert.ok(text.startsWith(`// read-excel-file ${pinned} `));
  assert.equal(readFileSync(join(root, 'web', 'vendor', 'read-excel-file.js'), 'utf8'), text, 'run node scripts/gen-vendor-xlsx.mjs');
});

test('a real .xlsx becomes the CSV of its first sheet, read as the same roll as that CSV', async () => {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const { xlsxToCsv } = await import(new URL('../../web/roll-xlsx.js', import.meta.url));
  const rows = [
    ['姓名', '地区', '申报年度', '申报级别', '年度', '科目', '形式', '数量', '单位', '开始日期', '已备案', '备注'],
    ['张三', '630000', 2023, '高级', '2023年', '公需', '网络课程', 30, '学时', new Date(Date.UTC(2023, 4, 1)), true, '线上, "一"'],
    ['张三', null, null, null, 2022, '专业', '培训班', 2.5, '学时', null, false, null],
    ['李四', '630000', 2023, '中级', 2023, '公需', '网络课程', 45, '学时', null, '是', null],
  ];
  const xlsx = await writeExcelFile(rows.map((r) => r.map((v) => (v === null ? null : v instanceof Date ? { value: v, format: 'yyyy-mm-dd' } : { value: v })))).toBuffer();
  const csv = await xlsxToCsv(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.length));
  assert.equal(csv.split('\r\n')[1], '张三,630000,2023,高级,2023年,公需,网络课程,30,学时,2023-05-01,true,"线上, ""一"""');
  assert.equal(csv.split('\r\n')[2], '张三,,,,2022,专业,培训班,2.5,学时,,false,');
  const fromXlsx = checker.readRoll(csv);
  assert.deepEqual(fromXlsx.errors, []);
  assert.deepEqual(fromXlsx.people.map((p) => [p.name, p.errors, p.profile.training.length]), [['张三', [], 2], ['李四', [], 1]]);
  assert.equal(fromXlsx.people[0].profile.training[0].start, '2023-05-01');
  assert.equal(fromXlsx.people[0].profile.training[1].hours, 2.5);
  // not a zip: the library's own error, not a silent empty roll
  await assert.rejects(() => xlsxToCsv(new TextEncoder().encode('not a zip').buffer));
});
