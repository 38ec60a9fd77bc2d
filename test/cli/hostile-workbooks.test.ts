/**
 * Workbooks a hostile (or unlucky) user sends (issue 16): a stray cell at XFD9000, a merge over a
 * whole sheet, a sheet whose XML is damaged or missing, no shared strings, sheet names longer than
 * Excel's 31, emoji cut by a message. Each ends with a result or a Chinese error in bounded time and
 * memory, the batch goes on, the JSON stays valid — and a sheet that was not read never passes.
 */
import fs from "node:fs";
import path from "node:path";
import { validateDocument } from "./json-contract";
import { changePart, cleanWorkbook, removePart, withoutSharedStrings } from "./packages";
import { rmTemp, runCli, SAMPLE, tempDir } from "./helpers";

interface Doc {
  files: Array<{
    file: string;
    error: string | null;
    tables: Array<{ sheet: string }>;
    findings: Array<Record<string, string>>;
  }>;
}

function parse(stdout: string): Doc {
  const doc = JSON.parse(stdout) as Doc;
  validateDocument(doc as never);
  return doc;
}

/** A bound on the command's memory: a run that needs more dies (and fails the test) instead of passing. */
const SMALL_HEAP = { NODE_OPTIONS: "--max-old-space-size=256", PERF_TARGET_WORKER_MEMORY_MB: "256" };

describe("perf-target check on hostile workbooks", () => {
  let dir: string;
  let clean: string;
  beforeAll(async () => {
    dir = tempDir("hostile");
    clean = path.join(dir, "干净.xlsx");
    fs.writeFileSync(clean, await cleanWorkbook(["甲", "乙", "丙"]));
  });
  afterAll(() => rmTemp(dir));

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it.each([["default"], ["--jobs", "2"]])(
    "a cell at XFD9000: that sheet is reported as too large, the rest of the batch is checked, the JSON is whole (%s)",
    async (...jobs: string[]) => {
      const far = write(
        "远处.xlsx",
        await changePart(SAMPLE, "xl/worksheets/sheet2.xml", (x) =>
          x.replace(
            "</sheetData>",
            '<row r="9000"><c r="XFD9000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
          )
        )
      );
      expect(fs.statSync(far).size).toBeLessThan(40_000);
      const args = ["check", far, clean, SAMPLE, "--json", ...(jobs[0] === "default" ? [] : jobs)];
      const r = await runCli(args, { env: SMALL_HEAP, timeoutMs: 60_000 });
      expect(r.code).toBe(2);
      const doc = parse(r.stdout);
      expect(doc.files.map((f) => f.file)).toEqual([far, clean, SAMPLE]);
      expect(doc.files[0].error).toMatch(
        /^工作表“评审绩效信息化运维”无法读取，未检查：内容范围太大（从 A1 到 XFD9000.*最远的单元格是 XFD9000/
      );
      expect(doc.files[0].tables.map((t) => t.sheet)).not.toContain("评审绩效信息化运维");
      expect(doc.files[0].tables).toHaveLength(5);
      expect(doc.files[1]).toMatchObject({ error: null });
      expect(doc.files[1].tables).toHaveLength(3);
      expect(doc.files[2].findings).toHaveLength(96);
    },
    90_000
  );

  it("a merge H1:XFD1048576: checked in bounded time and memory like the sample; the copy is refused in Chinese, not run out of memory", async () => {
    const merged = write(
      "大合并.xlsx",
      await changePart(SAMPLE, "xl/worksheets/sheet2.xml", (x) =>
        x.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="H1:XFD1048576"/>`
        )
      )
    );
    const started = Date.now();
    const r = await runCli(["check", merged, "--json"], { env: SMALL_HEAP, timeoutMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    expect(doc.files[0].error).toBeNull();
    expect(doc.files[0].tables).toHaveLength(6);
    expect(doc.files[0].findings).toHaveLength(96);

    const out = path.join(dir, "out-merge");
    const copy = await runCli(["check", merged, "--json", "--out", out], { env: SMALL_HEAP, timeoutMs: 30_000 });
    expect(copy.code).toBe(2);
    expect(parse(copy.stdout).files[0].error).toMatch(
      /^无法写入标注副本“.*”：工作表“评审绩效信息化运维”的合并单元格太大（如 H1:XFD1048576/
    );
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  }, 90_000);

  it("a sheet whose XML is damaged, and a sheet whose part is missing: reported, the other sheets checked, never “可以提交”", async () => {
    const damaged = write(
      "坏表.xlsx",
      await changePart(clean, "xl/worksheets/sheet2.xml", (x) => x.slice(0, x.indexOf("</sheetData>") - 30))
    );
    const missing = write("缺表.xlsx", await removePart(clean, "xl/worksheets/sheet3.xml"));
    const r = await runCli(["check", damaged, missing, "--json"]);
    expect(r.code).toBe(2);
    const [a, b] = parse(r.stdout).files;
    expect(a.error).toMatch(/^工作表“乙”无法读取，未检查：工作表的数据已损坏（XML/);
    expect(a.tables.map((t) => t.sheet)).toEqual(["甲", "丙"]);
    expect(b.error).toBe("工作表“丙”无法读取，未检查：工作表的数据（xl/worksheets/sheet3.xml）在文件中不存在。");
    expect(b.tables.map((t) => t.sheet)).toEqual(["甲", "乙"]);

    const text = await runCli(["check", missing]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain("校验未完成（有工作表无法读取）");
    expect(text.stdout).not.toContain("可以提交  ");
    expect(text.stdout).toContain("校验未完成 1 个");
    expect(text.stderr).toContain(`✘ ${missing}  工作表“丙”无法读取，未检查：`);
  });

  it("a workbook without sharedStrings.xml (inline strings) is read like the same workbook with them", async () => {
    const inline = write("无共享字符串.xlsx", await withoutSharedStrings(SAMPLE));
    const r = await runCli(["check", inline, SAMPLE, "--json"]);
    const [a, b] = parse(r.stdout).files;
    expect(a.error).toBeNull();
    expect(a.tables).toEqual(b.tables);
    expect(a.findings).toEqual(b.findings);
  });

  it("a sheet that refers to shared strings the file does not have: a Chinese reason, not an internal message", async () => {
    const broken = write("缺共享字符串.xlsx", await removePart(SAMPLE, "xl/sharedStrings.xml"));
    const r = await runCli(["check", broken, "--json"]);
    expect(r.code).toBe(2);
    const f = parse(r.stdout).files[0];
    expect(f.error).toMatch(
      /^工作表“部门整体支出”无法读取，未检查：单元格引用了共享字符串，但文件中没有共享字符串表（xl\/sharedStrings\.xml）。/
    );
    expect(f.error).not.toMatch(/is not a function|undefined/);
  });

  it("sheet names longer than 31 characters are read, and the marked copy keeps them", async () => {
    const long = "某某市财政局二〇二五年度部门预算项目支出绩效目标申报表（第一批）";
    expect(long.length).toBeGreaterThan(31);
    const file = write("长名.xlsx", await cleanWorkbook([long, `${long}（续）`]));
    const out = path.join(dir, "out-long");
    const r = await runCli(["check", file, "--json", "--out", out]);
    expect(r.code).toBe(0);
    const f = parse(r.stdout).files[0];
    expect(f.error).toBeNull();
    expect(f.tables.map((t) => t.sheet)).toEqual([long, `${long}（续）`]);
    const again = parse((await runCli(["check", path.join(out, "长名.xlsx"), "--json"])).stdout).files[0];
    expect(again.tables.map((t) => t.sheet)).toEqual([long, `${long}（续）`]);
  });

  it("a message cut inside an emoji: whole characters only (no lone surrogate in the JSON, no U+FFFD in the text)", async () => {
    // two names, one BMP character apart, so that whatever the length a message keeps, one is cut inside an emoji
    const names: Record<string, string> = {
      培训合格率: `培训合格率${"😀".repeat(20)}`,
      培训人次: `培训人次次次${"😀".repeat(20)}`,
    };
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const file = write(
      "表情.xlsx",
      await cleanWorkbook(["甲"], (_s, rows) =>
        rows.map((row) => (names[row[2]] ? [row[0], row[1], names[row[2]], row[3], ""] : row))
      )
    );
    const json = await runCli(["check", file, "--json"]);
    const messages = parse(json.stdout).files[0].findings.map((f) => f.message);
    expect(messages.filter((m) => m.includes("😀"))).toHaveLength(2);
    for (const m of messages) expect(m).not.toMatch(lone);
    const text = await runCli(["check", file]);
    expect(text.stdout).toContain("😀");
    expect(text.stdout).not.toContain("\ufffd");
  });
});
