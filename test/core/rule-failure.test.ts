/**
 * A failing rule is contained: a rule that throws on one table loses only that rule on that table;
 * the failure is reported once, naming the rule and the table, and nothing is reported as passing.
 */
import { checkGrids } from "../../src/core/check";
import { missingOperator } from "../../src/core/rules/missing-operator";
import type { Rule } from "../../src/core/rules/types";
import { meta } from "../../src/core/rules/util";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { sheetOf, VALID_ROWS } from "../helpers/tables";

const first = {
  title: "甲项目绩效目标表",
  rows: [...VALID_ROWS, ["产出指标", "数量指标", "培训期数", "3期", "反映培训期数"]],
};
const second = {
  title: "乙项目绩效目标表",
  rows: [...VALID_ROWS, ["产出指标", "数量指标", "培训天数", "8天", "反映培训天数"]],
};
const grids = [sheetOf("项目表", first, second)];

/** Reports every table's first indicator, and throws on the table named 乙. */
const flaky: Rule = {
  meta: meta({
    id: "flaky-rule",
    title: "会出错的规则",
    description: "测试用",
    defaultSeverity: "info",
    category: "指标值",
    fix: "none",
  }),
  checkTable(table) {
    if (table.title?.startsWith("乙")) throw new Error("意外的\n多行错误");
    const i = table.indicatorBlock.indicators[0];
    return [{ cell: i.nameCell!, indicator: i, subject: i.name, message: `测试：${i.name}` }];
  },
};

describe("a rule that throws", () => {
  it("loses only itself on that table; the failure is said once, naming the rule and the table", () => {
    const result = checkGrids(grids, DEFAULT_SETTINGS, [flaky, missingOperator]);
    expect(result.ruleFailures).toEqual([
      {
        rule: "flaky-rule",
        sheet: "项目表",
        tableId: result.parse.tables[1].id,
        message:
          "规则“会出错的规则”（flaky-rule）在表“乙项目绩效目标表”（工作表“项目表”）上出错：意外的 多行错误。其他规则的结果照常给出。",
      },
    ]);
    // its finding on the other table and the other rule's findings on both tables stand
    expect(result.findings.map((f) => `${f.rule} ${f.tableTitle} ${f.indicator}`)).toEqual([
      "flaky-rule 甲项目绩效目标表 培训班次",
      "missing-operator 甲项目绩效目标表 培训期数",
      "missing-operator 乙项目绩效目标表 培训天数",
    ]);
  });

  it("a workbook that would pass is not reported as passing", () => {
    const clean = [sheetOf("项目表", { rows: VALID_ROWS }, { title: "乙项目绩效目标表", rows: VALID_ROWS })];
    expect(checkGrids(clean, DEFAULT_SETTINGS, [missingOperator]).summary.verdict).toBe("可以提交");
    const result = checkGrids(clean, DEFAULT_SETTINGS, [flaky, missingOperator]);
    expect(result.summary.error).toBe(0);
    expect(result.summary.verdict).toBe("校验未完成（有规则出错）");
  });

  it("a workbook rule that throws is named with the workbook", () => {
    const whole: Rule = {
      meta: { ...flaky.meta, id: "whole-rule" },
      checkWorkbook: () => {
        throw new RangeError("boom");
      },
    };
    const result = checkGrids(grids, DEFAULT_SETTINGS, [whole, missingOperator]);
    expect(result.ruleFailures.map((f) => f.message)).toEqual([
      "规则“会出错的规则”（whole-rule）在整个工作簿上出错：boom。其他规则的结果照常给出。",
    ]);
    expect(result.findings).toHaveLength(2);
  });

  it("a fix that cannot be built leaves the finding without a fix", () => {
    const badFix: Rule = {
      meta: { ...flaky.meta, id: "bad-fix", fix: "user", fixable: true },
      checkTable(table) {
        const i = table.indicatorBlock.indicators[0];
        return [
          {
            cell: i.nameCell!,
            indicator: i,
            subject: i.name,
            message: "测试",
            fix: () => {
              throw new Error("no");
            },
          },
        ];
      },
    };
    const result = checkGrids(grids, DEFAULT_SETTINGS, [badFix]);
    expect(result.findings).toHaveLength(2);
    expect(result.findings.map((f) => f.fix)).toEqual([null, null]);
    expect(result.ruleFailures).toEqual([]);
  });
});
