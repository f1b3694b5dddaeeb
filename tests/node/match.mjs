// The corpus matcher (tests/README.md), a line-for-line twin of tests/native/match.cpp:
// `expect` is a subset of the result, with the special keys reasonCodes / warningCodes /
// noWarningCodes / noReasonCodes / warningsInclude / reasonsInclude / errorPaths. Returns [] when the result matches, else one line per mismatch.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const dump = (v) => JSON.stringify(v);
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// JSON value equality (nlohmann's operator==): numbers by value, containers element by element.
function jsonEqual(a, b) {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => own(b, k) && jsonEqual(a[k], b[k]));
  }
  return a === b;
}

// What `for (const auto& c : value)` visits in nlohmann: array elements, object values, nothing
// for null, the value itself for any other scalar.
function elements(v) {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  if (v === null || v === undefined) return [];
  return [v];
}

function subset(want, got, path, out) {
  if (isObject(want)) {
    if (!isObject(got)) {
      out.push(`${path}: expected an object, got ${dump(got)}`);
      return;
    }
    for (const key of Object.keys(want).sort()) {
      if (!own(got, key)) out.push(`${path}/${key}: missing in result`);
      else subset(want[key], got[key], `${path}/${key}`, out);
    }
  } else if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) {
      out.push(`${path}: expected ${dump(want)}, got ${dump(got)}`);
      return;
    }
    for (let i = 0; i < want.length; ++i) subset(want[i], got[i], `${path}/${i}`, out);
  } else if (typeof want === 'number') {
    if (typeof got !== 'number' || !(Math.abs(want - got) < 1e-9))
      out.push(`${path}: expected ${dump(want)}, got ${dump(got)}`);
  } else if (!jsonEqual(want, got)) {
    out.push(`${path}: expected ${dump(want)}, got ${dump(got)}`);
  }
}

function has(list, field, value) {
  if (!Array.isArray(list)) return false;
  return list.some((e) => isObject(e) && own(e, field) && jsonEqual(e[field], value));
}

export function matchExpect(expect, result) {
  const out = [];
  const plain = {};
  const member = (k) => (isObject(result) && own(result, k) ? result[k] : []);
  for (const k of Object.keys(expect).sort()) {
    const value = expect[k];
    const reasons = member('reasons');
    const warnings = member('warnings');
    const errors = member('errors');
    if (k === 'reasonCodes') {
      for (const c of elements(value)) if (!has(reasons, 'code', c)) out.push(`reasons: no code ${dump(c)}`);
    } else if (k === 'warningCodes') {
      for (const c of elements(value)) if (!has(warnings, 'code', c)) out.push(`warnings: no code ${dump(c)}`);
    } else if (k === 'noWarningCodes') {
      for (const c of elements(value)) if (has(warnings, 'code', c)) out.push(`warnings: unexpected code ${dump(c)}`);
    } else if (k === 'noReasonCodes') {
      for (const c of elements(value)) if (has(reasons, 'code', c)) out.push(`reasons: unexpected code ${dump(c)}`);
    } else if (k === 'warningsInclude' || k === 'reasonsInclude') {
      const list = k === 'warningsInclude' ? warnings : reasons;
      for (const want of elements(value)) {
        const found = Array.isArray(list) && list.some((got) => { const miss = []; subset(want, got, '', miss); return miss.length === 0; });
        if (!found) out.push(`${k}: none matches ${dump(want)} in ${dump(list)}`);
      }
    } else if (k === 'errorPaths') {
      const ok = isObject(result) && own(result, 'ok') ? result.ok : true;
      if (ok !== false) out.push('ok: expected false');
      for (const p of elements(value))
        if (!has(errors, 'path', p)) out.push(`errors: no path ${dump(p)} in ${dump(errors)}`);
    } else {
      plain[k] = value;
    }
  }
  subset(plain, result, '', out);
  return out;
}
