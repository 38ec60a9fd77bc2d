/**
 * Host benchmark (npx tsx bench/host.ts):
 * - Office adapter on the fake Excel API: syncs and request/response bytes of a full check
 *   (runCheck = read + settings + mark) for 1/10/50 sheets of ~1,000 rows. Goal: ≤ 3 syncs. Then a
 *   re-check of the unchanged workbook: syncs, writes and undo steps (goal: no write).
 * - xlsx adapter: check + mark + save of the seed workbook, as a ratio of a plain exceljs
 *   load + save of the same file. Goal: ≤ 1.5.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkGrids } from "../src/core/check";
import { runCheck } from "../src/core/workflow";
import { ExcelWorkbook } from "../src/excel/workbook";
import { XlsxWorkbook } from "../src/xlsx/workbook";
import { syntheticSheet } from "../test/excel/synthetic";
import { fakeHost } from "../test/fakes/excel";
import { fakeFromGrids } from "../test/fakes/load";
import { gridFromWorksheet } from "../src/xlsx/grid";

const SAMPLE = path.join(__dirname, "..", "samples", "liupanshui-2025.xlsx");
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function median(runs: number, f: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const bytes = await fs.readFile(SAMPLE);
  const seedWb = new ExcelJS.Workbook();
  await seedWb.xlsx.load(bytes as unknown as ArrayBuffer);
  const seed = gridFromWorksheet(seedWb.worksheets[1]);

  console.log("Office adapter, full check on the fake Excel API (runCheck: read + settings + mark)");
  console.log("sheets  rows/sheet  findings  syncs  largest request  total request  largest response  time");
  for (const n of [1, 10, 50]) {
    const model = fakeFromGrids(Array.from({ length: n }, (_, i) => syntheticSheet(seed, `项目${i + 1}`, 1000)));
    const port = new ExcelWorkbook(fakeHost(model));
    const t = performance.now();
    const result = await runCheck(port);
    const ms = performance.now() - t;
    const s = model.stats;
    console.log(
      `${String(n).padStart(6)}  ${String(model.sheets[0].used(true)?.bottom ?? 0).padStart(10)}  ${String(result.findings.length).padStart(8)}  ${String(s.syncs).padStart(5)}  ${kb(Math.max(...s.requestBytes)).padStart(15)}  ${kb(s.requestBytes.reduce((a, b) => a + b, 0)).padStart(13)}  ${kb(Math.max(...s.responseBytes)).padStart(16)}  ${ms.toFixed(0)} ms`,
    );
  }

  // the automatic re-check after an edit that changes no finding: nothing to write, nothing on the undo stack
  const model = fakeFromGrids(Array.from({ length: 10 }, (_, i) => syntheticSheet(seed, `项目${i + 1}`, 1000)));
  const port = new ExcelWorkbook(fakeHost(model));
  await runCheck(port);
  model.resetStats();
  await runCheck(port);
  console.log(
    `re-check of an unchanged workbook (10 sheets): ${model.stats.syncs} syncs, ${model.stats.writes} writes, ${model.undoSteps} undo steps (goal: 0 writes)`,
  );

  console.log("\nxlsx adapter on samples/liupanshui-2025.xlsx (3 warm-up runs each, then the median of 9 alternating runs)");
  const plainRun = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    await wb.xlsx.writeBuffer();
  };
  let findings = 0;
  const oursRun = async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(bytes));
    findings = (await runCheck(wb)).findings.length;
    await wb.save();
  };
  for (let i = 0; i < 3; i++) {
    await plainRun();
    await oursRun();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 9; i++) {
    a.push(await median(1, plainRun));
    b.push(await median(1, oursRun));
  }
  const mid = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)];
  const plain = mid(a);
  const ours = mid(b);
  // where the time goes (medians of 9 warm runs)
  const phases: Record<string, number[]> = { load: [], "read sheets": [], "check (parse + rules)": [], mark: [], save: [] };
  for (let i = 0; i < 9; i++) {
    let t = performance.now();
    const lap = (k: string) => {
      const now = performance.now();
      phases[k].push(now - t);
      t = now;
    };
    const wb = await XlsxWorkbook.load(new Uint8Array(bytes));
    lap("load");
    const grids = await wb.readSheets();
    lap("read sheets");
    const result = checkGrids(grids, await wb.loadSettings());
    lap("check (parse + rules)");
    await wb.mark(result.findings);
    lap("mark");
    await wb.save();
    lap("save");
  }
  console.log(`phases: ${Object.entries(phases).map(([k, v]) => `${k} ${mid(v).toFixed(1)} ms`).join(", ")}`);
  console.log(`plain exceljs load + save:        ${plain.toFixed(1)} ms`);
  console.log(`load + check + mark + save:       ${ours.toFixed(1)} ms  (${findings} findings marked)`);
  console.log(`ratio:                            ${(ours / plain).toFixed(2)}  (goal ≤ 1.5)`);
  const check = mid(phases["check (parse + rules)"]);
  console.log(`ratio without the check itself:   ${((ours - check) / plain).toFixed(2)}  (the adapter's own cost)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
