// jxjy JS module (CONTRACT §1): the continuing-education checker, compiled to WebAssembly.
//
//   import { createChecker } from './jxjy.js';
//   const checker = await createChecker();          // built-in rule sets
//   const result = checker.evaluate(profile);        // plain objects in and out (CONTRACT §2, §3)
//   checker.forms(profile);                          // the notice's forms this profile needs, filled
//   checker.regions();                               // the region catalogue
//   checker.explain('150783-2023', 'en');            // a rule set in words (Markdown)
//   checker.version;                                 // e.g. "1.0.0"
//   checker.readRoll(csvText, { locale: 'zh' });     // a roll of many people (README "Roll")
//   checker.rollResultsCSV(csvText, { locale, checkDate }); // its results as `jxjy roll` writes them
//   checker.rollPlace(error.path, person);           // where a result's error stands in the roll
//
// Works in browsers, module Web Workers and Node 20, offline: the wasm is loaded from beside this
// file (new URL('./jxjy.wasm', import.meta.url)); in Node it is read with fs. Nothing is sent anywhere.
// All rule logic lives in the C++ core; this file only moves JSON text across the wasm boundary.
import createJxjyCore from './jxjy-core.mjs';

const DEFAULT_WASM = new URL('./jxjy.wasm', import.meta.url);

// Room for the profile's UTF-8 text in wasm memory, at most this many bytes: twice the core's size
// limit (1 MiB, core/src/profile.h). A longer text is not copied in; the core is told its length is
// this, and rejects it as `too_long` without reading it. That keeps a huge string from growing the
// wasm heap.
const MAX_BYTES = 2 * 1024 * 1024;
// The core's limits for rule sets (kMaxRuleSets, kMaxDocumentBytes in core/include/jxjy/jxjy.h;
// tests/node/rules-option.test.mjs reads them there): checked here first, so an absurd list is
// refused at once instead of being turned into JSON and copied into wasm memory.
const MAX_RULE_SETS = 1000;
const MAX_RULE_BYTES = 1024 * 1024;
// The core's limit for a roll's CSV text (kMaxRollBytes): a longer text is refused here as too_long.
const MAX_ROLL_BYTES = 16 * 1024 * 1024;

const utf8Encoder = new TextEncoder();
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

// Whether text is valid Unicode (no lone surrogate). JSON.stringify never makes one; raw text may.
function wellFormed(text) {
  return typeof text.isWellFormed === 'function' ? text.isWellFormed() : !LONE_SURROGATE.test(text);
}

// UTF-8 as TextEncoder writes it, except that a lone surrogate keeps its own 3 bytes (ED A0 80 …)
// instead of becoming U+FFFD: the core then refuses the text as invalid_json, as the CLI does with the
// same bytes, rather than checking silently altered text.
// Returns {read, written} as encodeInto does.
function encodeLoose(text, bytes) {
  let n = 0, i = 0;
  for (; i < text.length && n + 4 <= bytes.length; ++i) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        ++i;
      }
    }
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) { bytes[n++] = 0xc0 | (c >> 6); bytes[n++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { bytes[n++] = 0xe0 | (c >> 12); bytes[n++] = 0x80 | ((c >> 6) & 63); bytes[n++] = 0x80 | (c & 63); }
    else { bytes[n++] = 0xf0 | (c >> 18); bytes[n++] = 0x80 | ((c >> 12) & 63); bytes[n++] = 0x80 | ((c >> 6) & 63); bytes[n++] = 0x80 | (c & 63); }
  }
  return { read: i, written: n };
}
const utf8Decoder = new TextDecoder();

const compiled = new Map(); // wasm URL -> Promise<WebAssembly.Module>

async function readBytes(url) {
  if (url.protocol === 'file:') {
    // Node (and Deno, Bun): read the file. Hidden from bundlers, which never take this branch.
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`jxjy: cannot load ${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function compileUrl(url) {
  if (url.protocol !== 'file:' && typeof WebAssembly.compileStreaming === 'function') {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`jxjy: cannot load ${url.href}: HTTP ${response.status}`);
      return await WebAssembly.compileStreaming(response);
    } catch (e) {
      // e.g. served without `Content-Type: application/wasm`: fall back to a plain download.
      if (/HTTP \d+/.test(String(e && e.message))) throw e;
    }
  }
  return WebAssembly.compile(await readBytes(url));
}

// options.wasm: a URL (or string) of the .wasm, its bytes, or a compiled WebAssembly.Module.
function compileModule(source) {
  if (source instanceof WebAssembly.Module) return Promise.resolve(source);
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const url = source === undefined ? DEFAULT_WASM : new URL(String(source), import.meta.url);
  let p = compiled.get(url.href);
  if (!p) {
    p = compileUrl(url);
    compiled.set(url.href, p);
    p.catch(() => compiled.delete(url.href)); // let a later call retry
  }
  return p;
}

// A fresh instance of the wasm module (its own memory, its own Checker).
function instantiate(wasmModule) {
  const state = { memory: null };
  const core = new Promise((resolve, reject) => {
    createJxjyCore({
      instantiateWasm(imports, receiveInstance) {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => {
          state.memory = Object.values(instance.exports).find((x) => x instanceof WebAssembly.Memory) || null;
          receiveInstance(instance, wasmModule);
        }, reject);
        return {};
      },
    }).then(resolve, reject);
  });
  return core.then((module) => ({ module, state }));
}

function formatRuleError(e) {
  const where = e.index >= 0 ? `rules[${e.index}]${e.id ? ` (${e.id})` : ''}` : 'rules';
  return `${where} ${e.path || '(root)'}: ${e.message} [${e.code}]`;
}

function rulesError(errors) {
  const err = new Error(`jxjy: invalid rule sets:\n${errors.map((e) => '  ' + formatRuleError(e)).join('\n')}`);
  err.code = 'invalid_rules';
  err.errors = errors;
  return err;
}

// One problem of options.rules: {index, id, file, path, code, message}.
function ruleError(index, id, path, code, message) {
  return { index, id, file: index >= 0 ? `rules[${index}]` : 'rules', path, code, message };
}

function localeOf(profile) {
  try {
    return profile !== null && typeof profile === 'object' && profile.locale === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

// An ok:false result made on the JS side (the profile never reached the core), shaped like the core's.
function failure(code, message, detail) {
  return { ok: false, errors: [{ code, path: '', message, detail }], warnings: [] };
}

// The messages this module words itself, read once from the core's catalogue (core/data/messages.json).
const JS_MESSAGES = ['js_lone_surrogate', 'js_not_finite', 'js_cannot_carry', 'kind_function', 'kind_symbol',
  'kind_undefined', 'js_not_json', 'js_not_text', 'profile_not_object', 'internal_error', 'roll_too_long'];
// Fetched in one call when the checker is made (they are needed when the instance is broken too).
function catalogue(core) {
  const texts = JSON.parse(core.messages(JS_MESSAGES.join(',')));
  // words(key, locale, ...args): the text with {0}… filled in
  return (key, locale, ...args) =>
    texts[key][locale === 'en' ? 'en' : 'zh'].replace(/\{(\d)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}

// JSON.stringify turns some JS values into something else without a word: NaN and Infinity into
// null, a function, symbol or undefined in an array into null, and a lone surrogate into an escape
// the core refuses (invalid_json at ""). Undefined, function and symbol members of an object are left
// out, as an absent field. When the core's error points at such a value, it is replaced by one that
// names it: wrong_type "not a finite number" for NaN and Infinity, invalid_input at the field for
// the others. Only results with errors pay for this walk.
function nameJsValues(result, profile, words) {
  try {
    const locale = localeOf(profile);
    let changed = false;
    const errors = result.errors.map((e) => {
      if (e.code === 'invalid_json' && e.path === '') {
        const path = loneSurrogateAt(profile, '', 0);
        if (path === null) return e;
        changed = true;
        return { code: 'invalid_input', path, message: words('js_lone_surrogate', locale) };
      }
      if (e.code !== 'wrong_type' && e.code !== 'missing' && e.code !== 'not_object') return e;
      const at = valueAt(profile, e.path);
      if (!at) return e;
      const v = at.value;
      if (typeof v === 'number' && !Number.isFinite(v)) {
        changed = true;
        return { ...e, message: words('js_not_finite', locale, v) };
      }
      const kind = typeof v === 'function' ? 'kind_function' : typeof v === 'symbol' ? 'kind_symbol'
        : v === undefined && e.code !== 'missing' ? 'kind_undefined' : null;
      if (!kind) return e;
      changed = true;
      return { code: 'invalid_input', path: e.path, message: words('js_cannot_carry', locale, words(kind, locale)) };
    });
    return changed ? { ...result, errors } : result;
  } catch {
    return result; // a getter or proxy that throws now: the core's own error stands
  }
}

// The value at a JSON Pointer in a JS value, as {value}, or null when there is none.
function valueAt(root, pointer) {
  let v = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return null;
    v = v[key];
  }
  return { value: v };
}

// The pointer of the first key or string holding a lone surrogate, or null.
function loneSurrogateAt(v, path, depth) {
  if (typeof v === 'string') return wellFormed(v) ? null : path;
  if (v === null || typeof v !== 'object' || depth > 64 || typeof v.toJSON === 'function') return null;
  for (const key of Object.keys(v)) {
    const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!wellFormed(key)) return here;
    const found = loneSurrogateAt(v[key], here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

// A view of a wasm memory's bytes, made again only when the memory has grown: growing detaches the old
// buffer, and its views then have length 0 (a cheaper test than asking the memory for its buffer).
function heapBytes(memory, view) {
  return view && view.length !== 0 ? view : new Uint8Array(memory.buffer);
}

// An application date as YYYYMMDD: 'YYYY-MM-DD' (a real calendar day), or a year's 31 December; else null.
function dateNumber(d) {
  if (Number.isInteger(d)) return d >= 1900 && d <= 2100 ? d * 10000 + 1231 : null;
  const m = typeof d === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return null;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, day));
  if (y < 1900 || y > 2100 || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== day) return null;
  return y * 10000 + mo * 100 + day;
}

function rollLocale(options) {
  if (options === null || typeof options !== 'object') throw new TypeError('jxjy: roll options must be an object');
  const locale = options.locale === undefined ? 'zh' : options.locale;
  if (locale !== 'zh' && locale !== 'en') throw new RangeError(`jxjy: roll: locale must be 'zh' or 'en', not ${String(locale)}`);
  return locale;
}

// The reader's options as the core's text: columns ({header: rollColumn id or ''}) as "header<TAB>id"
// lines; regions (a region list's text, web/base/china-regions.txt) as it is.
function rollReading(options) {
  const columns = options.columns === undefined ? {} : options.columns;
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
    throw new TypeError('jxjy: roll: options.columns must be an object {header: column id}');
  const lines = [];
  for (const [h, id] of Object.entries(columns)) {
    if (typeof id !== 'string' || /[\t\r\n]/.test(h + id)) throw new TypeError(`jxjy: roll: options.columns[${JSON.stringify(h)}] must be a column id or ''`);
    lines.push(`${h}\t${id}`);
  }
  const regions = options.regions === undefined ? '' : options.regions;
  if (typeof regions !== 'string') throw new TypeError('jxjy: roll: options.regions must be a region list\'s text');
  const checkDate = options.checkDate === undefined ? '' : options.checkDate;
  if (checkDate !== '' && !(typeof checkDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(checkDate)))
    throw new RangeError('jxjy: roll: options.checkDate must be YYYY-MM-DD');
  return [lines.join('\n'), regions, checkDate];
}

// A roll over the core's limit, refused here in the catalogue's words (roll_too_long, as the CLI says it)
// without copying 16 MiB into wasm memory.
function rollTooLong(words, locale) {
  return { row: 0, column: '', code: 'too_long', message: words('roll_too_long', locale) };
}

// options.rules as the texts the core reads, refused here as far as JS can tell before the wasm loads
// (not an array, too many, a set JSON.stringify cannot turn into text or one over the core's size limit).
// Returns {texts, ids} (texts null: the built-in rule sets; ids: each set's id, for the core's errors).
function ruleTexts(rules) {
  if (rules === undefined) return { texts: null, ids: [] };
  if (!Array.isArray(rules))
    throw rulesError([ruleError(-1, '', '', 'not_array', 'options.rules must be an array of rule-set objects')]);
  if (rules.length > MAX_RULE_SETS)
    throw rulesError([ruleError(-1, '', '', 'too_many', `options.rules holds ${rules.length} rule sets; at most ${MAX_RULE_SETS}`)]);
  const texts = [], ids = [], problems = [];
  for (let i = 0; i < rules.length; ++i) {
    const set = rules[i]; // holes of a sparse array are undefined -> "null"
    let id = '';
    try {
      id = set !== null && typeof set === 'object' && typeof set.id === 'string' ? set.id : '';
      const text = JSON.stringify(set) ?? 'null';
      // Each UTF-16 unit is at least one byte of UTF-8: longer text is surely over the core's limit.
      if (text.length > MAX_RULE_BYTES) problems.push(ruleError(i, id, '', 'too_long', 'the rule set is larger than 1 MiB as JSON'));
      texts.push(text);
    } catch (e) {
      problems.push(ruleError(i, id, '', 'invalid_json', `cannot be turned into JSON: ${(e && e.message) || e}`));
    }
    ids.push(id);
  }
  if (problems.length) throw rulesError(problems);
  return { texts, ids };
}

// A wasm instance whose Checker holds the rule sets (texts, or the built-in ones when null): {core, state}.
// Rejects with the core's problems of the rule sets, each named by its index and id.
async function loadCore(wasm, { texts, ids }) {
  const { module: core, state } = await instantiate(await compileModule(wasm));
  if (texts) for (const t of texts) core.add_rule_set(t);
  const errors = JSON.parse(core.init(texts === null)).map(({ file, path, code, message }) => {
    const m = /^rules\[(\d+)\]$/.exec(file);
    const index = m ? Number(m[1]) : -1;
    return ruleError(index, index >= 0 ? ids[index] : '', path, code, message);
  });
  if (errors.length) throw rulesError(errors);
  return { core, state };
}

// Whether the wasm instance still works: once a call into it traps or aborts, it is in an unknown state and
// this checker stops using it. run(f): f's value, or an Error "the checker is broken" thrown (the methods
// that may throw); check() throws that Error at once when it is already broken.
function instanceHealth() {
  const health = {
    broken: null, // what failed, once something did
    fail(e) { health.broken = health.broken || String((e && e.message) || e); },
    check() { if (health.broken) throw new Error(`jxjy: the checker is broken: ${health.broken}`); },
    run(f) {
      health.check();
      try {
        return f();
      } catch (e) {
        health.fail(e);
        health.check();
      }
    },
  };
  return health;
}

// A profile's way into the core and its result's way back (evaluate, evaluateJSON, forms): the profile's
// JSON text written into wasm memory, the result read out as the core's JSON text. Never throws: a failed
// instance gives internal_error results, a value JSON cannot carry its own invalid_input.
function profileBoundary(core, state, health, words) {
  const input = { at: 0, room: -1 }; // the profile's buffer in wasm memory: it only ever grows
  let heap = null; // the wasm memory's bytes (heapBytes)

  // An internal_error result, in the profile's language when it has one.
  const internalError = (profile) => failure('internal_error', words('internal_error', localeOf(profile)), health.broken);

  // text: the profile as JSON text (of `profile`, when the caller gave an object); loose: it may hold
  // lone surrogates (raw text from the caller).
  // Copies the profile's text into wasm memory; returns the length the core is told (room when it did not
  // all fit: over the limit, too_long).
  function copyIn(text, loose) {
    const room = Math.min(text.length * 3, MAX_BYTES); // UTF-8 needs at most 3 bytes a UTF-16 unit
    if (room > input.room) {
      input.at = core.input_buffer(room);
      input.room = room;
    }
    heap = heapBytes(state.memory, heap);
    const bytes = heap.subarray(input.at, input.at + room);
    const { read, written } = loose && !wellFormed(text) ? encodeLoose(text, bytes) : utf8Encoder.encodeInto(text, bytes);
    return read < text.length ? room : written; // not all copied: over the limit
  }

  // The result of a profile's text as the core's JSON text (an internal_error result's when the core failed).
  function resultText(text, profile, loose = false) {
    if (health.broken) return JSON.stringify(internalError(profile));
    try {
      const length = copyIn(text, loose);
      const view = core.evaluate_input(length) >> 2; // [address, length] of the result's UTF-8 text
      if (!view) throw new Error('no rule sets loaded');
      heap = heapBytes(state.memory, heap);
      const [at, size] = new Uint32Array(heap.buffer, view << 2, 2);
      return utf8Decoder.decode(heap.subarray(at, at + size));
    } catch (e) {
      health.fail(e);
      return JSON.stringify(internalError(profile));
    }
  }
  const result = (text, profile, loose = false) => JSON.parse(resultText(text, profile, loose));

  // The notice's forms for a profile's text (CONTRACT §5.2), as the core writes them.
  function forms(text, profile, loose = false) {
    if (health.broken) return internalError(profile);
    try {
      const json = core.forms_input(copyIn(text, loose));
      if (!json) throw new Error('no rule sets loaded');
      return JSON.parse(json);
    } catch (e) {
      health.fail(e);
      return internalError(profile);
    }
  }

  // A profile's JSON text, as the caller gave it, through one of the core's calls (result, forms).
  const given = (text, runner) => (typeof text === 'string' ? runner(text, undefined, true)
    : failure('invalid_input', words('js_not_text', 'zh'), `got ${typeof text}`));

  // A profile object through one of the core's calls (result, forms).
  const call = (profile, runner) => {
    let text;
    try {
      text = JSON.stringify(profile);
    } catch (e) {
      // circular structures, BigInt, throwing getters / toJSON
      return failure('invalid_input', words('js_not_json', localeOf(profile)), String((e && e.message) || e));
    }
    if (typeof text !== 'string')
      return failure('invalid_input', words('profile_not_object', 'zh'), `got ${typeof profile}`);
    const answer = runner(text, profile);
    return answer.ok === false ? nameJsValues(answer, profile, words) : answer;
  };

  return {
    evaluate: (profile) => call(profile, result),
    forms: (profile) => call(profile, forms),
    evaluateJSON: (text) => given(text, result),
    formsJSON: (text) => given(text, forms),
  };
}

// The checker's roll methods (README "Roll"), each a call of the core's one roll reader.
function rollMethods(core, state, health, words) {
  let generation = 0; // the roll openRoll opened last (the module holds one)
  return {
    readRoll(text, options = {}) {
      const locale = rollLocale(options);
      const [columns, regions, checkDate] = rollReading(options);
      if (typeof text !== 'string') throw new TypeError('jxjy: readRoll(text): text must be the CSV as a string');
      health.check();
      if (text.length > MAX_ROLL_BYTES) return { people: [], errors: [rollTooLong(words, locale)], notes: [], headerRow: 0, title: '', columns: [] };
      return health.run(() => JSON.parse(core.read_roll(text.replace(/^\uFEFF/, ''), locale, columns, regions, checkDate)));
    },
    openRoll(text, options = {}) {
      const locale = rollLocale(options);
      const [columns, regions, checkDate] = rollReading(options);
      if (typeof text !== 'string' && !(text instanceof Uint8Array))
        throw new TypeError('jxjy: openRoll(text): text must be the CSV as a string, or its UTF-8 bytes (a Uint8Array)');
      health.check();
      if (text.length > MAX_ROLL_BYTES) {
        return { size: 0, errors: [rollTooLong(words, locale)], notes: [], headerRow: 0, title: '', columns: [], people: () => [], close() {} };
      }
      // the text's UTF-8 bytes written once into the module's room for the roll (a BOM the core drops)
      const bytes = typeof text === 'string' ? utf8Encoder.encode(text) : text;
      const head = health.run(() => {
        const at = core.roll_buffer(bytes.length);
        new Uint8Array(state.memory.buffer, at, bytes.length).set(bytes);
        return JSON.parse(core.roll_open(locale, columns, regions, checkDate));
      });
      const mine = ++generation;
      return {
        ...head,
        people: (from, count) => (mine === generation ? health.run(() => JSON.parse(core.roll_people(from, count))) : []),
        close: () => { if (mine === generation) core.roll_close(); },
      };
    },
    rollResultsCSV(text, options = {}) {
      const locale = rollLocale(options);
      const [columns, regions, checkDate] = rollReading(options);
      if (typeof text !== 'string') throw new TypeError('jxjy: rollResultsCSV(text): text must be the CSV as a string');
      return health.run(() => core.roll_results_csv(text.length > MAX_ROLL_BYTES ? '' : text.replace(/^\uFEFF/, ''), locale, checkDate, columns, regions));
    },
    rollPlace(path, person) {
      if (typeof path !== 'string') throw new TypeError('jxjy: rollPlace(path, person): path must be a string');
      const rows = person !== null && typeof person === 'object' ? person.rows : undefined;
      if (!Array.isArray(rows) || !rows.every((r) => Number.isSafeInteger(r) && r >= 0) || !Number.isInteger(person.firstRow))
        throw new TypeError('jxjy: rollPlace(path, person): person must be a person of readRoll ({rows, firstRow})');
      const at = health.run(() => JSON.parse(core.roll_place(path, rows.join(','))));
      return { row: at.row || person.firstRow, column: at.column };
    },
  };
}

// What the checker says of its rule sets: explain and ruleSetFor.
function ruleSetMethods(core, health) {
  return {
    explain(id, locale = 'zh') {
      if (typeof id !== 'string') throw new TypeError('jxjy: explain(id): id must be a rule-set id (a string)');
      if (locale !== 'zh' && locale !== 'en') throw new RangeError(`jxjy: explain: locale must be 'zh' or 'en', not ${String(locale)}`);
      health.check();
      const text = core.explain(id, locale);
      return text === '' ? null : text;
    },
    ruleSetFor(region, applicationDate) {
      if (typeof region !== 'string' || !/^\d{6}$/.test(region))
        throw new TypeError('jxjy: ruleSetFor(region, applicationDate): region must be a six-digit region code (a string)');
      const ymd = dateNumber(applicationDate);
      if (ymd === null)
        throw new RangeError(`jxjy: ruleSetFor: applicationDate must be a date 'YYYY-MM-DD' or a year (1900-2100), not ${String(applicationDate)}`);
      health.check();
      const id = core.rule_set_for(region, ymd);
      return id === '' ? null : id;
    },
  };
}

/**
 * Creates a checker. options.rules (an array of rule-set objects in the rules/ format) replaces the
 * built-in rule sets; invalid ones reject with an Error whose `errors` lists each problem
 * ({index, id, file, path, code, message}) and whose message names rule set and JSON Pointer.
 * options.wasm overrides where the .wasm comes from (URL, bytes or a WebAssembly.Module).
 */
export async function createChecker(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('jxjy: options must be an object');
  const { core, state } = await loadCore(options.wasm, ruleTexts(options.rules));
  const regionsText = core.regions();
  const health = instanceHealth();
  const words = catalogue(core);
  const profiles = profileBoundary(core, state, health, words);
  const rolls = rollMethods(core, state, health, words);
  const ruleSets = ruleSetMethods(core, health);

  return Object.freeze({
    version: core.version(),
    /** Profile object (CONTRACT §2) -> result object (CONTRACT §3). Never throws. */
    evaluate: profiles.evaluate,
    /**
     * The notice's own forms this profile needs (CONTRACT §5.2), filled from the profile and its result:
     * {ok: true, forms: [{id, title, attachment, source, purpose, for, fields: [{label, labelEn, value, from}],
     * rows?, note?}]}. Bad input gives the same {ok: false, errors} as evaluate. Never throws.
     */
    forms: profiles.forms,
    /** Profile as JSON text -> result object; malformed text gives an `invalid_json` error. */
    evaluateJSON: profiles.evaluateJSON,
    /** forms() of a profile given as JSON text; malformed text gives evaluateJSON's `invalid_json` error. */
    formsJSON: profiles.formsJSON,
    /** The region catalogue: every region with rules, its rule sets and the circumstances they know. */
    regions: () => JSON.parse(regionsText),
    /**
     * A rule set in words, as Markdown (the same text as `jxjy explain ID`): every requirement,
     * conversion, cap, exclusion, filing rule and adjustment with its document and clause.
     * locale: 'zh' (default) or 'en'. null when no rule set has that id.
     */
    explain: ruleSets.explain,
    /**
     * The id of the rule set a profile of this region and application date is checked against (the
     * checker's own choice: the region's, else its city's or province's; the latest in force on the date,
     * else the earliest), or null when no rule set covers the region. applicationDate: 'YYYY-MM-DD', or an
     * application year (its 31 December, as a profile without applicationDate is read).
     */
    ruleSetFor: ruleSets.ruleSetFor,
    /**
     * A roll (README "Roll"): CSV text of many people, one row per training record, read by the core's
     * one reader. Returns {people: [{name, firstRow, profile, rows, allRows, errors}], errors}: profile is
     * the contract's profile, without a locale (evaluate it only when the person's errors are empty);
     * rows[i] is the spreadsheet row of profile.training[i], allRows every row of the person; each error is {row, column, code, message} (row 1 = the
     * header, 0 = the whole file; column as written in the header). options.locale: 'zh' | 'en';
     * options.columns: the clerk's {header: column id or ''}; options.regions: a region list's text (China's: web/base/china-regions.txt);
     * options.checkDate (YYYY-MM-DD): the checkDate of each profile whose rows give none (the check-date column).
     */
    readRoll: rolls.readRoll,
    /**
     * The same reading as readRoll (the same options), a part at a time, for a roll of any size: reads the
     * header and finds each row's person now, and returns readRoll's answer without its people, with size
     * (0 when errors holds a problem of the whole file), people(from, count) the people [from, from + count) as
     * readRoll gives them, close() lets the roll's text go. One roll is open at a time: opening another
     * closes this one (its people() then gives []).
     */
    openRoll: rolls.openRoll,
    /**
     * The results of a roll as CSV text (UTF-8, CRLF), exactly as `jxjy roll` writes them: one line per
     * person, headers of the vocabulary's rollResultColumn in options.locale, cells a spreadsheet would
     * run as formulas written as text. options.checkDate (YYYY-MM-DD): the day of the check for people
     * whose rows give none (else the core's default, their applicationDate).
     */
    rollResultsCSV: rolls.rollResultsCSV,
    /**
     * Where an error of a roll person's result stands in the roll, by the core's one map of a JSON
     * Pointer to the spreadsheet (jxjy::roll_place, as the results CSV says it): path is the error's
     * path ("/training/2/hours"), person a person of readRoll ({rows, firstRow}). Returns {row, column}:
     * row is the record's row (person.rows[2]) or, for a person's field or no record, person.firstRow;
     * column is the id of the vocabulary's rollColumn for the field ('amount'), '' when there is none.
     */
    rollPlace: rolls.rollPlace,
    /** Diagnostics: current size of this checker's wasm memory in bytes. */
    get memoryBytes() {
      return state.memory ? state.memory.buffer.byteLength : 0;
    },
  });
}
