// jxjy JS module (CONTRACT §1): the continuing-education checker, compiled to WebAssembly.
//
//   import { createChecker } from './jxjy.js';
//   const checker = await createChecker();          // built-in rule sets
//   const result = checker.evaluate(profile);        // plain objects in and out (CONTRACT §2, §3)
//   checker.regions();                               // the region catalogue
//   checker.version;                                 // e.g. "1.0.0"
//
// Works in browsers, module Web Workers and Node 20, offline: the wasm is loaded from beside this
// file (new URL('./jxjy.wasm', import.meta.url)); in Node it is read with fs. Nothing is sent anywhere.
// All rule logic lives in the C++ core; this file only moves JSON text across the wasm boundary.
import createJxjyCore from './jxjy-core.mjs';

const DEFAULT_WASM = new URL('./jxjy.wasm', import.meta.url);

// A profile text longer than this many UTF-16 units (so at least as many UTF-8 bytes) is twice the
// core's size limit (1 MiB, core/src/profile.h); only this prefix is copied into wasm memory, which
// the core still rejects as `too_long` (it checks the size before parsing). That keeps a huge string
// from growing the wasm heap by hundreds of MB (the copy is made twice: embind's buffer + std::string).
const MAX_COPY = 2 * 1024 * 1024;

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
function failure(code, zh, en, detail, locale) {
  return { ok: false, errors: [{ code, path: '', message: locale === 'en' ? en : zh, detail }], warnings: [] };
}

/**
 * Creates a checker. options.rules (an array of rule-set objects in the rules/ format) replaces the
 * built-in rule sets; invalid ones reject with an Error whose `errors` lists each problem
 * ({index, id, file, path, code, message}) and whose message names rule set and JSON Pointer.
 * options.wasm overrides where the .wasm comes from (URL, bytes or a WebAssembly.Module).
 */
export async function createChecker(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('jxjy: options must be an object');
  const { rules } = options;
  let texts = null, ids = [];
  if (rules !== undefined) {
    if (!Array.isArray(rules))
      throw rulesError([ruleError(-1, '', '', 'not_array', 'options.rules must be an array of rule-set objects')]);
    texts = [];
    const problems = [];
    for (let i = 0; i < rules.length; ++i) {
      const set = rules[i]; // holes of a sparse array are undefined -> "null"
      let id = '';
      try {
        id = set !== null && typeof set === 'object' && typeof set.id === 'string' ? set.id : '';
        texts.push(JSON.stringify(set) ?? 'null');
      } catch (e) {
        problems.push(ruleError(i, id, '', 'invalid_json', `cannot be turned into JSON: ${(e && e.message) || e}`));
      }
      ids.push(id);
    }
    if (problems.length) throw rulesError(problems);
  }

  const { module: core, state } = await instantiate(await compileModule(options.wasm));
  if (texts) for (const t of texts) core.add_rule_set(t);
  const errors = JSON.parse(core.init(texts === null)).map(({ file, path, code, message }) => {
    const m = /^rules\[(\d+)\]$/.exec(file);
    const index = m ? Number(m[1]) : -1;
    return ruleError(index, index >= 0 ? ids[index] : '', path, code, message);
  });
  if (errors.length) throw rulesError(errors);
  const regionsText = core.regions();
  const version = core.version();
  let broken = null; // set when the wasm instance failed; it is not used again

  function run(text, locale) {
    if (broken) return failure('internal_error', '检查器内部错误', 'internal error of the checker', broken, locale);
    let out;
    try {
      out = core.evaluate(text.length > MAX_COPY ? text.slice(0, MAX_COPY) : text);
    } catch (e) {
      // A trap or abort leaves the instance in an unknown state: this checker stops using it.
      broken = String((e && e.message) || e);
      return failure('internal_error', '检查器内部错误', 'internal error of the checker', broken, locale);
    }
    try {
      return JSON.parse(out);
    } catch (e) {
      return failure('internal_error', '检查器内部错误', 'internal error of the checker',
        `the core returned invalid JSON: ${(e && e.message) || e}`, locale);
    }
  }

  return Object.freeze({
    version,
    /** Profile object (CONTRACT §2) -> result object (CONTRACT §3). Never throws. */
    evaluate(profile) {
      let text;
      try {
        text = JSON.stringify(profile);
      } catch (e) {
        // circular structures, BigInt, throwing getters / toJSON
        return failure('invalid_input', '档案无法转换为 JSON', 'the profile cannot be turned into JSON',
          String((e && e.message) || e), localeOf(profile));
      }
      if (typeof text !== 'string')
        return failure('invalid_input', '档案应为 JSON 对象', 'the profile must be a JSON object',
          `got ${typeof profile}`, 'zh');
      return run(text, localeOf(profile));
    },
    /** Profile as JSON text -> result object; malformed text gives an `invalid_json` error. */
    evaluateJSON(text) {
      if (typeof text !== 'string')
        return failure('invalid_input', '档案应为 JSON 文本', 'the profile text must be a string', `got ${typeof text}`, 'zh');
      return run(text, 'zh');
    },
    /** The region catalogue: every region with rules, its rule sets and the circumstances they know. */
    regions() {
      return JSON.parse(regionsText);
    },
    /** Diagnostics: current size of this checker's wasm memory in bytes. */
    get memoryBytes() {
      return state.memory ? state.memory.buffer.byteLength : 0;
    },
  });
}
