// Times the JS module in Node: createChecker() and evaluate() of typical profiles (p50/p99).
// usage: node bench/wasm_bench.mjs PROFILES.jsonl  -> one JSON object on stdout
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).slice(0, 20000);
const profiles = lines.map((l) => JSON.parse(l));
const t0 = performance.now();
const { createChecker } = await import("../web/lib/jxjy.js");
const checker = await createChecker();
const createMs = performance.now() - t0;

// Warm up over the whole set: the JIT settles, and the profiles just parsed above are promoted out of
// the young generation before timing (else the first scavenges, copying them, land in the timed loop).
for (const p of profiles) checker.evaluate(p);
const times = [];
for (const p of profiles) {
  const s = performance.now();
  checker.evaluate(p);
  times.push((performance.now() - s) * 1000);
}
times.sort((a, b) => a - b);
const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))];
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(JSON.stringify({ createCheckerMs: +createMs.toFixed(2), evaluateUs: { p50: +q(0.5).toFixed(1), p99: +q(0.99).toFixed(1), mean: +mean.toFixed(1) }, profiles: times.length }));
