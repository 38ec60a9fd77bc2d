/**
 * The --json contract (README “命令行”): exactly one JSON document on stdout, exactly these keys in
 * this order, stable types — on the sample workbook, on a file that cannot be read, and on both.
 */
import fs from "node:fs";
import path from "node:path";
import { rmTemp, runCli, tempDir } from "./helpers";
import { validateDocument, type Json } from "./json-contract";

describe("perf-target check --json", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("json");
    fs.writeFileSync(path.join(dir, "坏文件.xlsx"), "not a workbook at all, just text\n");
  });
  afterAll(() => rmTemp(dir));

  it("prints one strict JSON document for the sample: 6 tables, 96 findings (3 errors), exit 1", async () => {
    const r = await runCli(["check", "samples/liupanshui-2025.xlsx", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Json;
    validateDocument(doc);
    const file = (
      doc as {
        files: Array<{
          file: string;
          error: null;
          tables: Array<Record<string, unknown>>;
          findings: Array<Record<string, unknown>>;
        }>;
      }
    ).files[0];
    expect(file.file).toBe("samples/liupanshui-2025.xlsx");
    expect(file.error).toBeNull();
    expect(file.tables.map((t) => [t.sheet, t.kind, t.range])).toEqual([
      ["部门整体支出", "department", "A9:F66"],
      ["评审绩效信息化运维", "project", "A4:G51"],
      ["会计职称考试", "project", "A4:G24"],
      ["国资在线监测", "project", "A4:G31"],
      ["财政监督检查", "project", "A4:G24"],
      ["政府采购电子卖场", "project", "A4:G21"],
    ]);
    expect(file.tables[0].title).toBe("六盘水市财政局2025年部门整体支出绩效目标表");
    const first = (file.tables[0].indicators as Array<Record<string, unknown>>)[0];
    expect(first).toMatchObject({
      row: 24,
      level1: "产出指标",
      level2: "数量指标",
      name: "组织预算编制及执行单位数量",
      value: "=130家",
    });
    expect(file.tables.reduce((n, t) => n + (t.indicators as unknown[]).length, 0)).toBe(111);
    expect(file.findings).toHaveLength(96);
    const bySeverity = (s: string) => file.findings.filter((f) => f.severity === s).length;
    expect(bySeverity("error")).toBe(3);
    expect(bySeverity("warning") + bySeverity("info")).toBe(93);
    expect(file.findings).toContainEqual({
      rule: "missing-explanation",
      severity: "error",
      sheet: "部门整体支出",
      cell: "F62",
      message: expect.stringContaining("缺少指标解释"),
      indicator: expect.stringContaining("预算单位对资金管理工作"),
    });
  });

  it("gives a file that cannot be read a Chinese error, empty arrays, exit 2, and still checks the others in order", async () => {
    const bad = path.join(dir, "坏文件.xlsx");
    const r = await runCli(["check", bad, "samples/liupanshui-2025.xlsx", "--json"]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Json;
    validateDocument(doc);
    const files = (
      doc as { files: Array<{ file: string; error: string | null; tables: unknown[]; findings: unknown[] }> }
    ).files;
    expect(files.map((f) => f.file)).toEqual([bad, "samples/liupanshui-2025.xlsx"]);
    expect(files[0].error).toMatch(/无法读取.*文本.*另存为/);
    expect(files[0].tables).toEqual([]);
    expect(files[0].findings).toEqual([]);
    expect(files[1].error).toBeNull();
    expect(files[1].findings).toHaveLength(96);
    // the message is on stderr too; nothing but the document on stdout
    expect(r.stderr).toContain(files[0].error!);
    expect(r.stdout.trim().startsWith("{")).toBe(true);
    expect(r.stdout.trim().endsWith("}")).toBe(true);
  });

  it("prints an empty list when nothing could be found, and says so on stderr (exit 2)", async () => {
    const empty = tempDir("json-empty");
    try {
      const r = await runCli(["check", empty, "--json"]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({ files: [] });
      expect(r.stderr).toContain("没有找到可检查的 .xlsx 或 .xls 文件");
    } finally {
      rmTemp(empty);
    }
  });
});
