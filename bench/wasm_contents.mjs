// What is in the wasm module, by function: reads `wasm-objdump -x` (Debian package wabt) of a build that
// keeps function names (emcc --profiling-funcs; the shipped module has none) and prints the code by part of
// the program, the largest functions and the data. Sizes are raw bytes of the Code and Data sections.
//   scripts/wasm-contents.sh      (builds build/wasm-names with the shipped flags + names, then runs this)
//   node bench/wasm_contents.mjs FILE.wasm [TOP]
import { execFileSync } from 'node:child_process';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/wasm_contents.mjs FILE.wasm [TOP]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const dump = execFileSync('wasm-objdump', ['-x', file], { encoding: 'utf8', maxBuffer: 64 << 20 });

const funcs = [];
let section = '';
for (const line of dump.split('\n')) {
  const s = /^(\w+)\[\d+\]:/.exec(line);
  if (s) section = s[1];
  const m = section === 'Code' && /^ - func\[\d+\] size=(\d+) <(.*)>$/.exec(line);
  if (m) funcs.push({ size: Number(m[1]), name: m[2] });
}
const data = [...dump.matchAll(/^ - segment\[\d+\] (?:<[^>]*> )?memory=\d+ size=(\d+)/gm)].map((m) => Number(m[1]));

// The part of the program a function belongs to, by its (demangled) name. A binding's wrapper holds
// the core code the optimiser inlined into it, so its size is that code's.
const PARTS = [
  ['binding init: loading the rule files (load.cpp, based_on.cpp, merge_patch.cpp inlined)', /^\(anonymous namespace\)::init\(/],
  ['binding explain (explain.cpp inlined)', /^\(anonymous namespace\)::explain\(/],
  ['binding regions (the region catalogue)', /^\(anonymous namespace\)::regions\(/],
  ['binding forms_input (forms.cpp inlined)', /^\(anonymous namespace\)::forms_input\(/],
  ['bindings: the roll (read_roll, roll_results_csv, roll_place)', /^\(anonymous namespace\)::(read_roll|roll_results_csv|roll_place|roll_errors)\(/],
  ['bindings: evaluation and the rest', /^\(anonymous namespace\)::/],
  ['embind', /emscripten|embind|_embind|EmscriptenBindingInitializer/],
  ['rules: loader and validator', /RuleReader|Resolver|jxjy::load|based_on|merge_patch|RuleSet::|RuleSet\(|~RuleSet|Checker::create|validate|rule_file|Reader::choice|read_years/],
  ['evaluation', /Evaluation|jxjy::eval::|jxjy::evaluate|check_needed_inputs|Shortfall|YearResult|decide/],
  ['profile reader', /read_profile|ProfileReader|read_record|read_circumstance/],
  ['checker (select, check, rule_set_for)', /jxjy::Checker/],
  ['forms', /write_form|jxjy::forms|Context::value|FormFill/],
  ['roll', /roll|csv/i],
  ['explain', /explain|Explainer/],
  ['result writer (JSON text)', /write_|JsonOut|to_json|serialise/],
  ['JSON reader (lexer, builder, pointers)', /Lexer|JsonBuilder|parse_json|JsonDoc|JsonValue|jxjy::Reader|escape_pointer|lexer_detail/],
  ['nlohmann::json', /nlohmann/],
  ['texts and numbers (format.cpp, messages)', /TextStore|jxjy::fill|jxjy::num|jxjy::message|Micro/],
  ['libc++ (strings, containers, sorting, hashing)', /^(void )?std::|^bool std::|^std::__2|__hash_table|__tree/],
  ['libc (malloc, strtod, printf, memcpy, soft float)', /^(dl|malloc|free|strtod|printf_core|fmt_fp|__|mem|str|sn?printf|vsnprintf|pop_arg|fmt_|out|pad|getint|frexp|scalbn|copysign|fmod|floor|ceil|sbrk|abort|emscripten_)/],
];
const parts = new Map(PARTS.map(([label]) => [label, { size: 0, count: 0 }]));
parts.set('other', { size: 0, count: 0 });
for (const f of funcs) {
  const hit = PARTS.find(([, re]) => re.test(f.name));
  const p = parts.get(hit ? hit[0] : 'other');
  p.size += f.size;
  p.count++;
  f.part = hit ? hit[0] : 'other';
}
const code = funcs.reduce((s, f) => s + f.size, 0);
const dataBytes = data.reduce((s, n) => s + n, 0);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`${file}: ${funcs.length} functions, code ${code} B (${kb(code)} KB), data ${dataBytes} B (${kb(dataBytes)} KB) in ${data.length} segments\n`);
console.log('| part | functions | code KB | share |\n|---|---:|---:|---:|');
for (const [label, p] of [...parts].sort((a, b) => b[1].size - a[1].size))
  if (p.count) console.log(`| ${label} | ${p.count} | ${kb(p.size)} | ${((100 * p.size) / code).toFixed(1)} % |`);
console.log(`\nThe ${top} largest functions:\n\n| bytes | function |\n|---:|---|`);
for (const f of [...funcs].sort((a, b) => b.size - a.size).slice(0, top))
  console.log(`| ${f.size} | \`${f.name.replace(/std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char> >/g, 'std::string').replace(/std::__2::basic_string_view<char, std::__2::char_traits<char> >/g, 'std::string_view').slice(0, 110)}\` |`);
console.log(`\nData: the largest segments (bytes): ${[...data].sort((a, b) => b - a).slice(0, 6).join(', ')}`);
