// web/vendor/read-excel-file.js is exactly the pinned npm package bundled (scripts/gen-vendor-xlsx.mjs), and the
// .xlsx → CSV step of the roll (web/roll/roll-xlsx.js) reads a real .xlsx (written by write-excel-file) into
// the CSV the core's roll reader takes, with the same people as the same rows written as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
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

// A roll .xlsx of `people` people (one record each) as a spreadsheet program's writer makes it.
async function rollXlsx(people) {
  const { default: writeExcelFile } = await import('write-excel-file/node');
  const rows = [['姓名', '地区', '申报年度', '申报级别', '年度', '科目', '形式', '数量', '单位', '已备案'].map((value) => ({ value }))];
  for (let i = 0; i < people; ++i) {
    rows.push([`人员${i + 1}`, '630000', 2023, '中级', 2023, '公需', '网络课程', 30, '学时', '是'].map((value) => ({ value })));
  }
  const b = await writeExcelFile(rows).toBuffer();
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

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

// The zip's central directory entry of `name`: its uncompressed size set to `size` (what a zip bomb declares).
function withDeclaredSize(bytes, name, size) {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.length);
  const enc = new TextEncoder().encode(name);
  for (let o = 0; o + 46 < out.length; ++o) {
    if (view.getUint32(o, true) !== 0x02014b50) continue;
    const n = view.getUint16(o + 28, true);
    if (n === enc.length && enc.every((c, i) => out[o + 46 + i] === c)) {
      view.setUint32(o + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

// A zip of the given parts, deflated by node's zlib (fast where a JS deflate of 300 MiB takes seconds).
function zipOf(parts) {
  const local = [], central = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const packed = zlib.deflateRawSync(data, { level: 1 });
    const fn = Buffer.from(name);
    const crc = zlib.crc32 ? zlib.crc32(data) : 0; // (fflate's unzipSync does not check it)
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(8, 8);
    h.writeUInt32LE(crc, 14); h.writeUInt32LE(packed.length, 18); h.writeUInt32LE(data.length, 22); h.writeUInt16LE(fn.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(packed.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(fn.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, fn, packed);
    central.push(c, fn);
    offset += h.length + fn.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  const b = Buffer.concat([...local, dir, end]);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

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
