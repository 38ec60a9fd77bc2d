/**
 * A rule that throws on one table, on the command line: the file is still checked (the other
 * rules' findings are in the result), the failure is one warning for stderr naming the rule and
 * the table, the text verdict is not "可以提交", and the --json entry keeps its keys.
 */
import { processFile } from "../../src/cli/process-file";
import { fileJson } from "../../src/cli/result";
import type { Rule } from "../../src/core/rules/types";
import { SAMPLE } from "./helpers";

jest.mock("../../src/core/rules", () => {
  const actual = jest.requireActual("../../src/core/rules");
  const broken: Rule = {
    meta: { ...actual.RULES[0].meta, id: "broken-rule", title: "故意出错的规则", fix: "none", fixable: false },
    checkTable(table) {
      if (table.sheet === "部门整体支出") throw new TypeError("Cannot read properties of undefined");
      return [];
    },
  };
  return { ...actual, RULES: [...actual.RULES, broken] };
});

jest.setTimeout(60_000);

test("the failure goes to the warnings once; findings and the JSON shape stand", async () => {
  const task = { index: 0, given: "样表.xlsx", abs: SAMPLE, problem: null, output: null, outputProblem: null };
  const r = await processFile(task, { settings: null, fix: false, workbookSettings: true });
  const failures = r.warnings.filter((w) => w.includes("broken-rule"));
  expect(failures).toEqual([
    expect.stringMatching(
      /^规则“故意出错的规则”（broken-rule）在表“.+”（工作表“部门整体支出”）上出错：Cannot read properties of undefined。/
    ),
  ]);
  expect(failures[0]).not.toMatch(/\n/);
  expect(r.findings.some((f) => f.sheet === "部门整体支出" && f.rule === "blank-sample-size")).toBe(true);
  expect(r.verdict).not.toBe("可以提交");
  expect(Object.keys(fileJson(r))).toEqual(["file", "error", "tables", "findings"]);
  expect(r.findings.every((f) => f.rule !== "broken-rule")).toBe(true);
});
