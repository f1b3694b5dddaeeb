// Typical profiles for the benchmark: seeded, all five regions, the last 3 years with 2–3 records each.
// usage: node bench/gen_profiles.mjs COUNT [SEED] > profiles.jsonl
const count = Number(process.argv[2] ?? 10000);
let seed = Number(process.argv[3] ?? 42);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const regions = [["150783", 2023], ["150404", 2025], ["630000", 2023], ["410100", 2023], ["650102", 2023]];
const out = [];
for (let i = 0; i < count; i++) {
  const [region, year] = pick(regions);
  const training = [];
  for (let y = year - 2; y <= year; y++) {
    training.push({ year: y, subject: "public", activity: "course", hours: pick([20, 30, 45, 50]) });
    training.push({ year: y, subject: "professional", activity: "course", hours: pick([40, 60, 90]) });
    if (rand() < 0.5) training.push({ year: y, subject: "professional", activity: "training_class", hours: 24 });
  }
  out.push(JSON.stringify({
    region, year, route: pick(["review", "review", "review", "appointment"]),
    level: pick(["junior", "intermediate", "senior"]), gender: pick(["male", "female"]),
    age: 25 + Math.floor(rand() * 35), currentTitleSince: year - 5, training,
  }));
}
process.stdout.write(out.join("\n") + "\n");
