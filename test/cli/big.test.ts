/**
 * Large workbooks (the slower CLI tests): a 50 MB workbook is read (in a worker thread, under a
 * memory limit) or refused with a clear message — the process never crashes and the other files
 * are still checked.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { rmTemp, runCli, SAMPLE, tempDir } from "./helpers";

const MB = 1024 * 1024;

/** The sample with ~`mb` MB of extra rows on its first sheet, stored uncompressed (a `mb` MB file). */
async function bigCells(file: string, mb: number): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const rows: string[] = [];
  let size = 0;
  for (let r = 1000; size < mb * MB; r++) {
    const row = `<row r="${r}"><c r="H${r}" t="inlineStr"><is><t>附表数据${r} 某某某某某某某某某某</t></is></c><c r="I${r}"><v>${r}</v></c><c r="J${r}" t="inlineStr"><is><t>备注备注备注${r}</t></is></c></row>`;
    rows.push(row);
    size += Buffer.byteLength(row);
  }
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace("</sheetData>", rows.join("") + "</sheetData>").replace(/<dimension ref="[^"]*"\/>/, "")
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
}

describe("perf-target check on large workbooks", () => {
  let dir: string;
  let cells: string;
  beforeAll(async () => {
    dir = tempDir("big");
    cells = path.join(dir, "大表.xlsx");
    await bigCells(cells, 50);
  }, 60_000);
  afterAll(() => rmTemp(dir));

  it("reads a 50 MB workbook of cell data and checks it like the sample", async () => {
    expect(fs.statSync(cells).size).toBeGreaterThan(50 * MB);
    const r = await runCli(["check", cells, "--json"], { timeoutMs: 170_000 });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      files: Array<{ error: string | null; findings: unknown[]; tables: unknown[] }>;
    };
    expect(doc.files[0].error).toBeNull();
    expect(doc.files[0].tables).toHaveLength(6);
    expect(doc.files[0].findings).toHaveLength(96);
  }, 180_000);

  it("refuses it with a clear message when it does not fit in the worker's memory, and checks the others", async () => {
    const r = await runCli(["check", cells, SAMPLE], {
      env: { PERF_TARGET_WORKER_MEMORY_MB: "128" },
      timeoutMs: 170_000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`✘ ${cells}  无法检查：工作簿太大，检查时内存不足（上限 128 MB）。`);
    expect(r.stdout).toContain(`✘ ${SAMPLE}  需修改后再提交`);
    expect(r.stdout).toContain("无法读取 1 个");
  }, 180_000);

  it("reads a 50 MB workbook made big by embedded pictures", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    zip.file("xl/media/image1.png", randomBytes(50 * MB));
    const file = path.join(dir, "图片.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    const r = await runCli(["check", file, "--json"], { timeoutMs: 120_000 });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: Array<{ error: string | null; findings: unknown[] }> };
    expect(doc.files[0].error).toBeNull();
    expect(doc.files[0].findings).toHaveLength(96);
  }, 130_000);

  it("refuses a workbook whose sheets would inflate beyond the limit, from the zip's directory alone", async () => {
    // a small file whose central directory announces a 1 GB worksheet
    const bytes = Buffer.from(fs.readFileSync(SAMPLE));
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (let p = bytes.length - 22; p >= 0; p--) {
      if (bytes.readUInt32LE(p) === 0x02014b50 && bytes.subarray(p + 46, p + 46 + name.length).equals(name)) {
        bytes.writeUInt32LE(1024 * MB, p + 24);
        break;
      }
    }
    const file = path.join(dir, "炸弹.xlsx");
    fs.writeFileSync(file, bytes);
    const r = await runCli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法检查：工作表数据过大（解压后约 10\d\d MB，上限 150 MB）。/);
    expect(r.stderr).toContain(`✘ ${file}  无法检查：`);
    expect(r.stdout).toContain("无法读取 1 个");
  });
});
