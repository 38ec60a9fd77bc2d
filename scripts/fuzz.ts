/**
 * The long fuzz run (the short one is in npm test: test/fuzz/fuzz.test.ts):
 *
 *   npx tsx scripts/fuzz.ts [--cases 10000] [--seed 1] [--first 0] [--workers 2] [--memory 512] [--timeout 60000]
 *
 * Changes real workbook packages at the zip and XML level (test/fuzz/mutate.ts) and checks each case
 * with the command line's per-file check in a worker thread with a memory limit (test/fuzz/harness.ts).
 * Prints progress, the outcomes, the slowest case and every failure; the bytes of failing cases go to
 * test-results/fuzz-failures/ (case-<k>.xlsx, with what was done in case-<k>.txt). Exit 1 on any failure.
 */
import fs from "node:fs";
import path from "node:path";
import { runFuzz } from "../test/fuzz/harness";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const cases = option("cases", 10_000);
  const seed = option("seed", 1);
  const failures = path.join(__dirname, "..", "test-results", "fuzz-failures");
  fs.rmSync(failures, { recursive: true, force: true });
  const started = Date.now();
  console.log(`fuzz: ${cases} cases, seed ${seed}`);
  const report = await runFuzz({
    seed,
    first: option("first", 0),
    cases,
    workers: option("workers", 2),
    memoryMb: option("memory", 512),
    timeoutMs: option("timeout", 60_000),
    copyEvery: 10,
    onCase: (_k, done, failed) => {
      if (done % 500 === 0)
        console.log(`  ${done} cases, ${failed} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
    onFailure: (f, bytes) => {
      fs.mkdirSync(failures, { recursive: true });
      fs.writeFileSync(path.join(failures, `case-${f.k}.xlsx`), bytes);
      fs.writeFileSync(path.join(failures, `case-${f.k}.txt`), `${f.what}\n${f.why}\n`);
      console.log(`  FAIL case ${f.k}: ${f.what}\n    ${f.why}`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${report.cases} cases in ${seconds.toFixed(0)} s; ${report.failures.length} failures`);
  console.log(
    `outcomes: ${Object.entries(report.outcomes)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ")}`
  );
  console.log(`slowest: case ${report.slowest.k}, ${report.slowest.ms.toFixed(0)} ms (${report.slowest.what})`);
  console.log(`peak heap in a worker after a case: ${report.peakHeapMb.toFixed(0)} MB`);
  if (report.failures.length) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
