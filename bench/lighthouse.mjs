// Lighthouse 12 (mobile preset: simulated slow 4G, 4x CPU slowdown) on the production site as the README's
// command serves it (scripts/serve.mjs over dist/), RUNS times (default 3); prints one JSON object with
// the median run's figures (median by performance score) and every run's. Not a test: a measure.
//   [SITE=DIR] node bench/lighthouse.mjs [RUNS]   (SITE: another build, e.g. for an A/B)
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] || 3);
const CHROMIUM = process.env.JXJY_CHROMIUM || '/usr/bin/chromium';
const LIGHTHOUSE = path.join(root, 'node_modules', '.bin', 'lighthouse');
const site = process.env.SITE || path.join(root, 'dist');
if (!fs.existsSync(CHROMIUM) || !fs.existsSync(LIGHTHOUSE) || !fs.existsSync(path.join(site, 'index.html'))) {
  console.log(JSON.stringify({ skipped: 'needs Chromium, node_modules/.bin/lighthouse (npm ci) and dist/ (scripts/build.sh)' }));
  process.exit(0);
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '0', site], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => { out += d; const m = /(http:\/\/[\d.]+:\d+\/)/.exec(out); if (m) resolve(m[1]); });
  server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
});

function lighthouse(outFile) {
  return new Promise((resolve, reject) => {
    execFile(LIGHTHOUSE, [url, '--quiet', '--output=json', `--output-path=${outFile}`, '--chrome-flags=--headless=new --no-sandbox'],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 }, (err) => (err ? reject(err) : resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')))));
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-lh-'));
const all = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = await lighthouse(path.join(tmp, `run${i}.json`));
    const a = r.audits;
    const tasks = (a['long-tasks']?.details?.items || []).slice(0, 3).map((t) => ({ url: t.url.replace(url, ''), ms: Math.round(t.duration) }));
    all.push({
      performance: Math.round(r.categories.performance.score * 100),
      accessibility: Math.round(r.categories.accessibility.score * 100),
      bestPractices: Math.round(r.categories['best-practices'].score * 100),
      lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(a['total-blocking-time'].numericValue),
      fcpMs: Math.round(a['first-contentful-paint'].numericValue),
      cls: +a['cumulative-layout-shift'].numericValue.toFixed(3),
      bytes: a['total-byte-weight'].numericValue,
      longestTasks: tasks,
      // the host's CPU power as Lighthouse measures it (its docs: 4x is calibrated for 1500-2000, a high-end desktop)
      benchmarkIndex: Math.round(r.environment?.benchmarkIndex || 0),
    });
  }
} finally {
  server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
const median = all.slice().sort((x, y) => x.performance - y.performance)[Math.floor(all.length / 2)];
console.log(JSON.stringify({ lighthouse: '12.2.3', preset: 'mobile (simulated slow 4G, 4x CPU)', runs: all.length, median, all }));
