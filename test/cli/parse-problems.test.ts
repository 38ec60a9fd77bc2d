/**
 * A region that looks like a table but cannot be read is said, not guessed at (issue 11, item 7):
 * in the text report under the file's line, on stderr with --json (the JSON document itself keeps
 * its contract: no new keys), while the readable table beside it is still checked.
 */
import fs from "node:fs";
import path from "node:path";
import { gridFromRows } from "../../src/core/grid";
import { xlsxOf } from "../helpers/tables";
import { rmTemp, runCli, tempDir } from "./helpers";

const MESSAGE = "第 7 行起的表格无法识别：表头只有“一级指标”“二级指标”列";

describe("perf-target check on a sheet with an unreadable region", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir("parse-problems");
    file = path.join(dir, "两张表.xlsx");
    const grid = gridFromRows(
      "表一",
      [
        ["某项目绩效目标表"],
        ["项目名称", "测试项目"],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
        ["产出指标", "数量指标", "培训班次", "3次", "反映培训班次"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "反映满意程度，计算公式：满意问卷数/问卷总数×100%"],
        [],
        ["一级指标", "二级指标", "备注"],
        ["产出指标", "数量指标", "略"],
      ],
      ["A1:E1"]
    );
    fs.writeFileSync(file, await xlsxOf([grid]));
  });
  afterAll(() => rmTemp(dir));

  it("text: the problem is listed under the file's verdict line, the findings follow", async () => {
    const r = await runCli(["check", file]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toContain("（1 张表，2 个指标）");
    expect(lines[1]).toBe(`  工作表“表一” A7：${MESSAGE}，缺少“三级指标/指标名称”或“指标值”列。`);
    expect(r.stdout).toContain("[missing-operator]");
  });

  it("--json: the same document keys as ever; the problem on stderr", async () => {
    const r = await runCli(["check", file, "--json"]);
    const doc = JSON.parse(r.stdout) as { files: Array<Record<string, unknown> & { tables: unknown[] }> };
    expect(Object.keys(doc)).toEqual(["files"]);
    expect(Object.keys(doc.files[0])).toEqual(["file", "error", "tables", "findings"]);
    expect(doc.files[0].tables).toHaveLength(1);
    expect(r.stdout).not.toContain("无法识别");
    expect(r.stderr).toContain(MESSAGE);
  });
});

describe("perf-target check on a workbook without a table", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir("no-table");
    file = path.join(dir, "无表.xlsx");
    fs.writeFileSync(file, await xlsxOf([gridFromRows("空表", [[""]]), gridFromRows("说明", [["本表说明"]])]));
  });
  afterAll(() => rmTemp(dir));

  it("says of each sheet why, naming it once", async () => {
    const r = await runCli(["check", file]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toContain("未识别到绩效目标表");
    expect(lines[1]).toBe("  工作表“空表”是空的。");
    expect(lines[2]).toMatch(/^ {2}工作表“说明”未识别到绩效目标表：/);
    expect(r.stdout).not.toMatch(/工作表“[^”]+”：工作表/);
  });
});
