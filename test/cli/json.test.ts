/**
 * The --json contract (README “命令行”): exactly one JSON document on stdout, exactly these keys in
 * this order, stable types — on the sample workbook, on a file that cannot be read, and on both.
 */
import fs from "node:fs";
import path from "node:path";
import { rmTemp, runCli, tempDir } from "./helpers";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FILE_KEYS = ["file", "error", "tables", "findings"];
const TABLE_KEYS = ["sheet", "kind", "title", "range", "indicators"];
const INDICATOR_KEYS = ["row", "level1", "level2", "name", "value", "explanation"];
const FINDING_KEYS = ["rule", "severity", "sheet", "cell", "message", "indicator"];

function expectKeys(o: Json, keys: string[], where: string): asserts o is { [k: string]: Json } {
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new Error(`${where}: not an object`);
  expect({ where, keys: Object.keys(o) }).toEqual({ where, keys });
}

function expectType(v: Json, type: "string" | "number" | "string|null", where: string): void {
  const ok = type === "string|null" ? v === null || typeof v === "string" : typeof v === type;
  if (!ok) throw new Error(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
}

/** Validates a --json document strictly (keys, order, types, enums); returns it typed. */
export function validateDocument(doc: Json): void {
  expectKeys(doc, ["files"], "document");
  const files = doc.files;
  if (!Array.isArray(files)) throw new Error("files: not an array");
  files.forEach((f, i) => {
    const w = `files[${i}]`;
    expectKeys(f, FILE_KEYS, w);
    expectType(f.file, "string", `${w}.file`);
    expectType(f.error, "string|null", `${w}.error`);
    if (!Array.isArray(f.tables) || !Array.isArray(f.findings)) throw new Error(`${w}: tables/findings not arrays`);
    f.tables.forEach((t, j) => {
      const wt = `${w}.tables[${j}]`;
      expectKeys(t, TABLE_KEYS, wt);
      expectType(t.sheet, "string", `${wt}.sheet`);
      expect(["department", "project", "unknown"]).toContain(t.kind);
      expectType(t.title, "string|null", `${wt}.title`);
      expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      if (!Array.isArray(t.indicators)) throw new Error(`${wt}.indicators: not an array`);
      t.indicators.forEach((ind, k) => {
        const wi = `${wt}.indicators[${k}]`;
        expectKeys(ind, INDICATOR_KEYS, wi);
        if (typeof ind.row !== "number" || !Number.isInteger(ind.row) || ind.row < 1) throw new Error(`${wi}.row`);
        expectType(ind.level1, "string", `${wi}.level1`);
        expectType(ind.level2, "string", `${wi}.level2`);
        expectType(ind.name, "string", `${wi}.name`);
        expectType(ind.value, "string", `${wi}.value`);
        expectType(ind.explanation, "string|null", `${wi}.explanation`);
        for (const key of ["name", "value", "explanation"] as const) {
          const v = ind[key];
          if (typeof v === "string") expect(v).toBe(v.trim());
        }
      });
    });
    f.findings.forEach((x, j) => {
      const wf = `${w}.findings[${j}]`;
      expectKeys(x, FINDING_KEYS, wf);
      expectType(x.rule, "string", `${wf}.rule`);
      expect(["error", "warning", "info"]).toContain(x.severity);
      expectType(x.sheet, "string", `${wf}.sheet`);
      expect(x.cell).toMatch(/^[A-Z]+\d+$/);
      expectType(x.message, "string", `${wf}.message`);
      expectType(x.indicator, "string|null", `${wf}.indicator`);
    });
    if (f.error !== null) {
      expect(f.error).toMatch(/[\u4e00-\u9fff]/);
      expect(f.tables).toEqual([]);
      expect(f.findings).toEqual([]);
    }
  });
}

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
    const files = (doc as { files: Array<{ file: string; error: string | null; findings: unknown[] }> }).files;
    expect(files.map((f) => f.file)).toEqual([bad, "samples/liupanshui-2025.xlsx"]);
    expect(files[0].error).toMatch(/无法读取.*文本.*另存为/);
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
