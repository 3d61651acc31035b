/**
 * The PDF programme for 60 and for 1,000 sessions (BENCH_SIZES to change): time, pages, size and
 * peak memory, against pdfkit writing the same strings with no layout logic, in the same run.
 * Each case runs in a fresh process (so peak memory is its own), BENCH_RUNS times; the median
 * time is printed. `idle` is the memory of a process that loads everything and draws nothing.
 *
 *   npm run bench:outputs
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZES = (process.env['BENCH_SIZES'] ?? '60,1000').split(',').map(Number);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const caseFile = fileURLToPath(new URL('./outputs-case.ts', import.meta.url));

interface Result {
  kind: string;
  size: number;
  ms: number;
  bytes: number;
  pages: number;
  peakRssMb: number;
}

function measure(kind: string, size: number): Result {
  const runs: Result[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', caseFile, kind, String(size)], {
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as Result);
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { ...runs[Math.floor(runs.length / 2)]!, peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

const idle = measure('idle', 1);
console.log(`process that draws nothing: peak RSS ${idle.peakRssMb.toFixed(0)} MB`);
console.log('sessions  case          time      pages   size      peak RSS   vs plain');
const rows: Record<string, Result> = {};
for (const size of SIZES) {
  for (const kind of ['plain', 'foro']) {
    const r = measure(kind, size);
    rows[`${kind}:${size}`] = r;
    const ratio = kind === 'foro' ? `${(r.ms / rows[`plain:${size}`]!.ms).toFixed(2)}×` : '';
    console.log(
      `${String(size).padStart(8)}  ${(kind === 'foro' ? 'Foro layout' : 'plain pdfkit').padEnd(12)}` +
        `${r.ms.toFixed(0).padStart(7)} ms ${String(r.pages).padStart(7)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB` +
        `${r.peakRssMb.toFixed(0).padStart(8)} MB   ${ratio}`,
    );
  }
}
if (SIZES.length >= 2) {
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  const growth = (kind: string) => rows[`${kind}:${large}`]!.ms / rows[`${kind}:${small}`]!.ms;
  console.log(
    `growth from ${small} to ${large} sessions (${(large / small).toFixed(1)}× the sessions): ` +
      `Foro ${growth('foro').toFixed(1)}×, plain ${growth('plain').toFixed(1)}×`,
  );
  // Each run also pays a fixed start (fonts, first page); the cost of one more session is the slope.
  const slope = (kind: string) =>
    (rows[`${kind}:${large}`]!.ms - rows[`${kind}:${small}`]!.ms) / (large - small);
  console.log(
    `time per additional session: Foro ${slope('foro').toFixed(2)} ms, plain ${slope('plain').toFixed(2)} ms`,
  );
}
