/**
 * The short fuzz run (the long one: npx tsx scripts/fuzz.ts, 10,000 cases): a few hundred real
 * workbooks changed at the zip and XML level, each checked by the command line's per-file check in
 * a worker with a memory limit. None crashes, none hangs, none passes a sheet that was not read,
 * every problem is said in Chinese (test/fuzz/harness.ts).
 */
import { runFuzz } from "./harness";

jest.setTimeout(300_000);

test("300 fuzz cases: each ends with a result or a Chinese error, in time and memory, and nothing unread passes", async () => {
  const report = await runFuzz({
    seed: 20251206,
    cases: 300,
    workers: 2,
    memoryMb: 512,
    timeoutMs: 60_000,
    copyEvery: 10,
  });
  expect(report.failures).toEqual([]);
  expect(report.cases).toBe(300);
  // the cases reach every outcome: passes, findings, unreadable files, unread sheets
  for (const outcome of ["exit 0", "exit 1", "exit 2: unreadable", "exit 2: sheet not read"])
    expect(report.outcomes[outcome]).toBeGreaterThan(10);
});
