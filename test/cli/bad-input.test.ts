/**
 * Bad input: each gets a clear Chinese message on stderr and in the JSON's `error`, exit code 2,
 * no partial output file, and the run goes on with the other files.
 */
import fs from "node:fs";
import path from "node:path";
import { fileTasks } from "../../src/cli/check";
import { listInputs } from "../../src/cli/inputs";
import { runTasks } from "../../src/cli/pool";
import { fileJson, type FileResult } from "../../src/cli/result";
import { SNIFF_MESSAGES } from "../../src/xlsx/sniff";
import { encryptedOle, listFiles, rmTemp, runCli, SAMPLE, sha256, tempDir, writeSmallWorkbook } from "./helpers";

interface Doc {
  files: Array<{ file: string; error: string | null; tables: unknown[]; findings: unknown[] }>;
}

describe("perf-target check on bad input", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("bad");
  });
  afterAll(() => rmTemp(dir));

  // the messages of the one byte sniffer (src/xlsx/sniff.ts), word for word
  const cases: Array<[string, string, () => Buffer, string]> = [
    [
      "a corrupt .xlsx (cut in half)",
      "损坏.xlsx",
      () => fs.readFileSync(SAMPLE).subarray(0, 15000),
      SNIFF_MESSAGES.damaged,
    ],
    ["a password-protected .xlsx (an encrypted OLE file)", "加密.xlsx", encryptedOle, SNIFF_MESSAGES.encrypted],
    ["an empty file", "空.xlsx", () => Buffer.alloc(0), SNIFF_MESSAGES.empty],
    [
      "a .csv renamed .xlsx",
      "导出.xlsx",
      () => Buffer.from("项目名称,指标值\n培训,≥200人次\n", "utf8"),
      SNIFF_MESSAGES.text,
    ],
    [
      "an old .xls renamed .xlsx",
      "旧版.xlsx",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
      SNIFF_MESSAGES.oldBinary,
    ],
    [
      "a web page saved as .xlsx",
      "网页.xlsx",
      () => Buffer.from("<html><body><table><tr><td>1</td></tr></table></body></html>"),
      SNIFF_MESSAGES.html,
    ],
  ];

  it.each(cases)(
    "%s: a Chinese message on stderr and in the JSON, exit 2, the others still checked, no output file",
    async (_what, name, bytes, message) => {
      const input = path.join(dir, name);
      fs.writeFileSync(input, bytes());
      const out = path.join(dir, `out-${name}`);
      const r = await runCli(["check", input, SAMPLE, "--json", "--out", out]);
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout) as Doc;
      expect(doc.files[0].error).toBe(message);
      expect(doc.files[0].tables).toEqual([]);
      expect(doc.files[0].findings).toEqual([]);
      expect(doc.files[1].error).toBeNull();
      expect(doc.files[1].findings).toHaveLength(96);
      expect(r.stderr).toContain(`✘ ${input}  ${doc.files[0].error}`);
      // nothing for the bad file, no temporary files (the copy keeps its path below the inputs' common folder)
      const written = listFiles(out);
      expect(written).toHaveLength(1);
      expect(written[0].endsWith(path.join("samples", "liupanshui-2025.xlsx"))).toBe(true);
    }
  );

  it("a .docx renamed .xlsx (a zip without a workbook)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const input = path.join(dir, "文档.xlsx");
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const r = await runCli(["check", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${input}  ${SNIFF_MESSAGES.noWorkbook}`);
    expect(r.stdout).toContain("无法读取 1 个");
  });

  it("a folder of 500 files (in parallel, results in input order, one bad file among them)", async () => {
    const folder = path.join(dir, "五百");
    fs.mkdirSync(folder);
    const model = path.join(dir, "small.xlsx");
    await writeSmallWorkbook(model);
    const names: string[] = [];
    for (let i = 1; i <= 500; i++) {
      const name = `单位${String(i).padStart(3, "0")}.xlsx`;
      names.push(name);
      if (i === 250) fs.writeFileSync(path.join(folder, name), "坏");
      else fs.copyFileSync(model, path.join(folder, name));
    }
    const r = await runCli(["check", folder, "--json"], { timeoutMs: 240_000 });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(names);
    expect(doc.files.filter((f) => f.error !== null).map((f) => path.basename(f.file))).toEqual(["单位250.xlsx"]);
    expect(doc.files.every((f) => f.error !== null || f.tables.length === 1)).toBe(true);
    expect(r.stderr).toContain("单位250.xlsx  无法读取");
  }, 300_000);

  it("a file that disappears between listing and reading", async () => {
    // in process: list, remove a file, then check what was listed (as the command does)
    const folder = path.join(dir, "消失");
    fs.mkdirSync(folder);
    for (const n of ["a.xlsx", "b.xlsx", "c.xlsx"]) fs.copyFileSync(SAMPLE, path.join(folder, n));
    const list = await listInputs([folder]);
    fs.rmSync(path.join(folder, "b.xlsx"));
    const results: FileResult[] = [];
    const tasks = await fileTasks(list.files, null);
    await runTasks(
      tasks,
      { workers: 0, memoryMb: 0 },
      { settings: null, fix: false, workbookSettings: true },
      {
        onResult: (r) => {
          results.push(r);
        },
      }
    );
    expect(results.map((r) => [path.basename(r.file), fileJson(r).error])).toEqual([
      ["a.xlsx", null],
      ["b.xlsx", "文件不存在：可能在检查过程中被移动、改名或删除。"],
      ["c.xlsx", null],
    ]);
    expect(results.map((r) => r.findings.length)).toEqual([96, 0, 96]);
  });

  it("a file or folder that does not exist", async () => {
    const r = await runCli(["check", path.join(dir, "没有这个文件.xlsx"), SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("找不到“");
    expect(r.stderr).toContain("文件或文件夹不存在");
    expect(r.stdout).toContain("需修改后再提交");
  });

  it("an --out folder that cannot be written: every file still checked and reported, a message per file, exit 2, nothing written", async () => {
    const blocker = path.join(dir, "挡路的文件");
    fs.writeFileSync(blocker, "x");
    const inputs = [path.join(dir, "甲.xlsx"), path.join(dir, "乙.xlsx")];
    for (const f of inputs) fs.copyFileSync(SAMPLE, f);
    const hashes = inputs.map(sha256);
    const r = await runCli(["check", ...inputs, "--out", path.join(blocker, "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout.match(/需修改后再提交 {2}错误/g)).toHaveLength(2);
    for (const f of inputs)
      expect(r.stderr).toContain(
        `✘ ${f}  无法写入标注副本：输出文件夹“${path.join(blocker, "out")}”无法创建（路径中有同名的文件挡住了文件夹）。`
      );
    expect(inputs.map(sha256)).toEqual(hashes);
    expect(fs.readFileSync(blocker, "utf8")).toBe("x");
    const json = await runCli(["check", inputs[0], "--out", path.join(blocker, "out"), "--json"]);
    const doc = JSON.parse(json.stdout) as Doc;
    // read and checked, but the copy could not be written: the error says so, the findings stay
    expect(doc.files[0].error).toMatch(/^无法写入标注副本/);
    expect(doc.files[0].findings).toHaveLength(96);
  });

  it("one copy that cannot be written does not stop the others, and leaves no partial file", async () => {
    const root = path.join(dir, "部分");
    for (const d of ["a", "b"]) {
      fs.mkdirSync(path.join(root, d), { recursive: true });
      fs.copyFileSync(SAMPLE, path.join(root, d, "表.xlsx"));
    }
    const out = path.join(dir, "部分-out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "a"), "a file where the folder a/ should be");
    const r = await runCli(["check", root, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法写入标注副本“${path.join(out, "a", "表.xlsx")}”：路径中有同名的文件挡住了文件夹。`);
    expect(listFiles(out)).toEqual(["a", path.join("b", "表.xlsx")]);
  });

  it("an --html file that cannot be written: the check still runs, exit 2, no partial report", async () => {
    const blocker = path.join(dir, "挡路2");
    fs.writeFileSync(blocker, "x");
    const r = await runCli(["check", SAMPLE, "--html", path.join(blocker, "report.html")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `无法写入网页报告“${path.join(blocker, "report.html")}”：路径中有同名的文件挡住了文件夹。`
    );
    expect(r.stdout).toContain("需修改后再提交");
    const folderAsFile = path.join(dir, "报告是文件夹");
    fs.mkdirSync(folderAsFile);
    const r2 = await runCli(["check", SAMPLE, "--html", folderAsFile]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("无法写入网页报告");
    expect(listFiles(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
