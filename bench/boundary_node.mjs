// A/B of two (or more) builds of the JS module in Node (not a test): one check's time, for reference beside
// the page's figures (bench/README.md "The checker's boundary: tape or JSON"). Each round times every build
// in alternating order; one sample is a round's mean per check. Prints one JSON object: per build and kind the
// median of the rounds, the quartiles, min, max and n.
//   node bench/boundary_node.mjs tape=/tmp/lib-tape/jxjy.js json=web/lib/jxjy.js [--rounds 15]
// Kinds: evaluate(profile) of 2,000 typical profiles (bench/gen_profiles.mjs), evaluate() of a 1,000-record
// profile, and `toText`: what the checker's worker posted as text for evaluateJSON(text) (the tape: the objects'
// JSON.stringify; JSON at 1bda0fc: the core's text as it is, by that build's worker-only symbol method; a build
// without it: JSON.stringify of the object).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const i = args.indexOf('--rounds');
const rounds = i >= 0 ? Number(args[i + 1]) : 15;
const builds = args.filter((a) => /^[\w-]+=/.test(a)).map((a) => { const [name, file] = a.split('='); return { name, file }; });

const here = path.dirname(new URL(import.meta.url).pathname);
const typical = execFileSync(process.execPath, [path.join(here, 'gen_profiles.mjs'), '2000'], { maxBuffer: 64 << 20 }).toString().trim().split('\n').map((l) => JSON.parse(l));
const big = { region: '410100', year: 2023, route: 'review', level: 'intermediate', currentTitleSince: 2020,
  training: Array.from({ length: 1000 }, (_, k) => ({ year: 2021 + (k % 3), subject: k % 2 ? 'public' : 'professional', activity: 'course', hours: 10 + (k % 20) })) };
const bigText = JSON.stringify(big);
const typicalTexts = typical.map((p) => JSON.stringify(p));

for (const b of builds) {
  const { createChecker } = await import(pathToFileURL(path.resolve(b.file)).href);
  b.checker = await createChecker();
  const text = b.checker[Symbol.for('jxjy.evaluateJSONText')];
  b.toText = text ? (t) => text.call(b.checker, t) : (t) => JSON.stringify(b.checker.evaluateJSON(t));
  if (JSON.stringify(b.checker.evaluate(big)) !== JSON.stringify(builds[0].checker.evaluate(big))) throw new Error(`${b.name} disagrees`);
  for (let k = 0; k < 3; ++k) for (const p of typical) b.checker.evaluate(p); // warm up
}
const time = (n, f) => { const t0 = performance.now(); for (let k = 0; k < n; ++k) f(k); return (performance.now() - t0) * 1000 / n; };
const seen = {};
for (let r = 0; r < rounds; ++r) {
  for (const b of r % 2 ? builds.slice().reverse() : builds) {
    const s = (seen[b.name] ??= { evaluateUs: [], evaluate1000Us: [], toTextUs: [], toText1000Us: [] });
    s.evaluateUs.push(time(typical.length, (k) => b.checker.evaluate(typical[k])));
    s.evaluate1000Us.push(time(20, () => b.checker.evaluate(big)));
    s.toTextUs.push(time(typical.length, (k) => b.toText(typicalTexts[k])));
    s.toText1000Us.push(time(20, () => b.toText(bigText)));
  }
}
const summary = (xs) => {
  const s = xs.slice().sort((a, b) => a - b), q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))], r = (x) => +x.toFixed(1);
  return { median: r(q(0.5)), q1: r(q(0.25)), q3: r(q(0.75)), min: r(s[0]), max: r(s[s.length - 1]), n: s.length };
};
console.log(JSON.stringify(Object.fromEntries(builds.map((b) => [b.name, Object.fromEntries(Object.entries(seen[b.name]).map(([k, v]) => [k, summary(v)]))])), null, 1));
