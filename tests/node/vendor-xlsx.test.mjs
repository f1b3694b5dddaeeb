// web/vendor/read-excel-file.js is exactly the pinned npm package bundled (scripts/gen-vendor-xlsx.mjs), and the
// .xlsx → CSV step of the roll (web/roll/roll-xlsx.js) reads a real .xlsx (written by write-excel-file) into
// the CSV the core's roll reader takes, with the same people as the same rows written as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { moduleUrl, root } from './corpus.mjs';
import { rollXlsx, withDeclaredSize, zipOf } from '../fixtures/xlsx.mjs';

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
  const { xlsxToCsv } = await import(new URL('../../web/roll/roll-xlsx.js', import.meta.url));
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

test('the vendored reader starts no worker: the page CSP refuses blob: workers, so nothing may need one', () => {
  const text = readFileSync(join(root, 'web', 'vendor', 'read-excel-file.js'), 'utf8');
  assert.doesNotMatch(text, /new Worker\(/);
  assert.doesNotMatch(text, /createObjectURL/);
});

test('an .xlsx of 3,000 rows (its sheet part far over 512 KiB) is read whole, in order', async () => {
  const { xlsxToCsv } = await import(new URL('../../web/roll/roll-xlsx.js', import.meta.url));
  const { unzipSync } = await import('fflate');
  const bytes = await rollXlsx(3000);
  const parts = unzipSync(bytes);
  const sheet = Object.keys(parts).find((k) => /worksheets\/sheet1\.xml$/.test(k));
  assert.ok(parts[sheet].length > 512 * 1024, `the sheet part is ${parts[sheet].length} bytes`);
  const csv = await xlsxToCsv(bytes);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 3001);
  assert.equal(lines[3000], '人员3000,630000,2023,中级,2023,公需,网络课程,30,学时,是');
  const roll = checker.readRoll(csv);
  assert.deepEqual(roll.errors, []);
  assert.equal(roll.people.length, 3000);
});

test('a zip bomb is refused fast, before it is inflated, with the code the page words (xlsx_too_large)', async () => {
  const { xlsxToCsv, MAX_XLSX_XML_BYTES } = await import(new URL('../../web/roll/roll-xlsx.js', import.meta.url));
  // a sheet of 300 MiB of blanks deflates to a few hundred KiB, and says its size honestly
  const bomb = zipOf({
    '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/worksheets/sheet1.xml': Buffer.alloc(300 * 1024 * 1024, 0x20),
  });
  assert.ok(bomb.length < 2 * 1024 * 1024, `the bomb is ${bomb.length} bytes`);
  let t = performance.now();
  await assert.rejects(() => xlsxToCsv(bomb), (e) => e.code === 'xlsx_too_large');
  assert.ok(performance.now() - t < 2000, 'refused without inflating');
  // a real roll whose sheet says it inflates to 4 GB: refused as well, before any allocation of that size
  const liar = withDeclaredSize(await rollXlsx(10), 'xl/worksheets/sheet1.xml', 0xFFFFFFF0);
  await assert.rejects(() => xlsxToCsv(liar), (e) => e.code === 'xlsx_too_large');
  // one that says less than it holds is inflated into the size it says, never more: unreadable, not a hang
  const small = withDeclaredSize(await rollXlsx(10), 'xl/worksheets/sheet1.xml', 100);
  t = performance.now();
  await assert.rejects(() => xlsxToCsv(small), (e) => e.code === 'xlsx_unreadable');
  assert.ok(MAX_XLSX_XML_BYTES >= 64 * 1024 * 1024, 'the cap leaves room for a 16 MiB roll');
});
