import { missingValue } from "../../src/core/rules/missing-value";
import { ruleTester, runRule } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (A 一级, B 二级, C 三级, D 指标值, E 解释)
const OP_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释"];

ruleTester(missingValue, {
  valid: [
    { name: "every indicator has a value", rows: [] },
    { name: "a qualitative value is a value", rows: [["效益指标", "社会效益指标", "财政干部素养", "进一步提升", "反映干部素养提升情况"]] },
    { name: "a deadline is a value", rows: [["产出指标", "时效指标", "资料归档时限", "2025年12月31日前", "反映资料归档情况"]] },
    { name: "a number stored as a number is a value", rows: [["产出指标", "数量指标", "培训天数", 8, "反映培训天数"]] },
    { name: "a blank 二级 row (no 三级 name, no value) is not an indicator", rows: [["效益指标", "生态效益指标", null, null, null]] },
    {
      name: "value split over operator / value / unit columns",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训班次", "≥", "2", "次", "反映培训班次"]] },
    },
  ],
  invalid: [
    {
      name: "a 三级 name with an empty value cell",
      rows: [["产出指标", "数量指标", "培训天数", null, "反映培训天数"]],
      errors: [{ cell: "D15", severity: "error", message: "指标“培训天数”没有填写指标值", fix: false }],
    },
    {
      name: "whitespace only counts as empty",
      rows: [["产出指标", "数量指标", "培训天数", "   ", "反映培训天数"]],
      errors: [{ cell: "D15", message: "培训天数" }],
    },
    {
      name: "several rows, 一级/二级 repeated on every row",
      table: {
        layout: "repeat",
        rows: [
          ["产出指标", "数量指标", "培训班次", "≥2次", "反映培训班次"],
          ["产出指标", "数量指标", "培训人数", "", "反映培训人数"],
          ["产出指标", "质量指标", "培训合格率", null, "计算公式：合格人数/参训人数×100%"],
        ],
      },
      errors: [{ cell: "D9", message: "培训人数" }, { cell: "D10", message: "培训合格率" }],
    },
    {
      name: "several rows, 一级/二级 written once per group (blank continuation cells)",
      table: {
        layout: "blank",
        rows: [
          ["产出指标", "数量指标", "培训班次", null, "反映培训班次"],
          ["产出指标", "数量指标", "培训人数", "≥160人", "反映培训人数"],
          ["效益指标", "社会效益指标", "参训人员业务能力提升率", null, "计算公式：能力提升人数/参训人数×100%"],
        ],
      },
      errors: [{ cell: "D8", message: "培训班次" }, { cell: "D10", message: "参训人员业务能力提升率" }],
    },
    {
      name: "operator/value/unit columns all blank: the value cell is named",
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训人数", null, null, null, "反映培训人数"]] },
      errors: [{ cell: "E8", message: "培训人数" }],
    },
    {
      name: "a long name is clipped in the message",
      rows: [["产出指标", "数量指标", "全市财政系统干部业务能力提升专题培训班次", null, "反映培训班次"]],
      errors: [{ cell: "D15", message: /^指标“全市财政系统干部业务能力提…”没有填写指标值/ }],
    },
  ],
});

describe("missing-value: placeholders of an empty value", () => {
  // A value cell holding only "—" or "/" is as empty as a blank one (missing-explanation treats them
  // as blank too); vague-value leaves them to this rule.
  it.each(["—", "/"])("value %s counts as missing", (v) => {
    const found = runRule(missingValue, { rows: [["产出指标", "数量指标", "培训天数", v, "反映培训天数"]] });
    expect(found.map((f) => f.cell)).toEqual(["D15"]);
  });
  // "无" is a real target value ("安全事故：无", "对周边环境影响：无"), not a blank: decided, not a gap.
  it("value 无 is a (qualitative) value, not a missing one", () => {
    expect(runRule(missingValue, { rows: [["成本指标", "社会成本指标", "对周边环境影响", "无", "反映对周边环境的影响"]] })).toEqual([]);
  });
  // An operator with no number ("≥" alone in the value cell, or "≥" in the operator column and the
  // value cell empty) is no 指标值 either: no rule reports it today.
  it("an operator without a number: ≥ alone in the value cell", () => {
    const found = runRule(missingValue, { rows: [["产出指标", "数量指标", "培训天数", "≥", "反映培训天数"]] });
    expect(found.map((f) => f.cell)).toEqual(["D15"]);
  });
  it("an operator column filled, value cell empty", () => {
    const found = runRule(missingValue, {
      table: { headers: OP_COLUMNS, rows: [["产出指标", "数量指标", "培训天数", "≥", null, "天", "反映培训天数"]] },
    });
    expect(found.map((f) => f.cell)).toEqual(["E8"]);
  });
});
