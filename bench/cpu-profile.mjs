// A V8 CPU profile (CDP Profiler.stop) as time by function, for the benches that print where time goes
// (profile_page.mjs, profile_keys.mjs): each function as "name file:line", its own time and its time in
// all (itself and what it called), in ms.
export function timeByFunction(profile, origin) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const dt = new Map(); // node id -> ms of samples in it
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  const name = (x) => `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url.replace(origin + '/', '')}:${x.callFrame.lineNumber + 1}`;
  const self = new Map();
  const total = new Map();
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children || []) parent.set(c, x.id);
  for (const [id, ms] of dt) {
    const x = byId.get(id);
    self.set(name(x), (self.get(name(x)) || 0) + ms);
    const seen = new Set(); // (a recursive function counts once per sample)
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const k = name(byId.get(p));
      if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) || 0) + ms); }
    }
  }
  return { self, total, byId, dt, name };
}
