/**
 * A rule that throws on one table, on the command line: the file is still checked (the other
 * rules' findings are in the result), the failure is said once, naming the rule and the table —
 * and the file does not pass: "校验未完成", the --json `error` says why (its keys unchanged), and
 * the file's exit code is 2, as for a sheet that could not be read.
 */
import { processFile } from "../../src/cli/process-file";
import { exitCodeOf, fileJson } from "../../src/cli/result";
import type { Rule } from "../../src/core/rules/types";
import { SAMPLE, writeSmallWorkbook, tempDir, rmTemp } from "./helpers";
import path from "node:path";

jest.mock("../../src/core/rules", () => {
  const actual = jest.requireActual("../../src/core/rules");
  const broken: Rule = {
    meta: { ...actual.RULES[0].meta, id: "broken-rule", title: "故意出错的规则", fix: "none", fixable: false },
    checkTable(table) {
      if (table.sheet === "部门整体支出" || table.sheet === "项目")
        throw new TypeError("Cannot read properties of undefined");
      return [];
    },
  };
  return { ...actual, RULES: [...actual.RULES, broken] };
});

jest.setTimeout(60_000);

const options = { settings: null, fix: false, workbookSettings: true };

test("the failure is said once; the findings stand; the JSON keeps its keys and says the check is incomplete", async () => {
  const task = { index: 0, given: "样表.xlsx", abs: SAMPLE, problem: null, output: null, outputProblem: null };
  const r = await processFile(task, options);
  expect(r.incomplete).toEqual([
    expect.stringMatching(
      /^检查未完成：规则“故意出错的规则”（broken-rule）在表“.+”（工作表“部门整体支出”）上出错：Cannot read properties of undefined。/
    ),
  ]);
  expect(r.incomplete[0]).not.toMatch(/\n/);
  expect(r.warnings.filter((w) => w.includes("broken-rule"))).toEqual([]);
  expect(r.findings.some((f) => f.sheet === "部门整体支出" && f.rule === "blank-sample-size")).toBe(true);
  expect(r.verdict).not.toBe("可以提交");
  const json = fileJson(r);
  expect(Object.keys(json)).toEqual(["file", "error", "tables", "findings"]);
  expect(json.error).toBe(r.incomplete[0]);
  expect(json.findings.length).toBe(r.findings.length);
  expect(r.findings.every((f) => f.rule !== "broken-rule")).toBe(true);
});

test("a workbook without errors whose check a rule could not finish is not a pass: exit code 2, not 0", async () => {
  const dir = tempDir("rule-failure");
  try {
    const file = path.join(dir, "干净.xlsx");
    await writeSmallWorkbook(file);
    const task = { index: 0, given: "干净.xlsx", abs: file, problem: null, output: null, outputProblem: null };
    const r = await processFile(task, options);
    expect(r.counts.error).toBe(0);
    expect(r.verdict).toBe("校验未完成（有规则出错）");
    expect(exitCodeOf(r)).toBe(2);
    expect(fileJson(r).error).toMatch(/^检查未完成：规则“故意出错的规则”/);
  } finally {
    rmTemp(dir);
  }
});
