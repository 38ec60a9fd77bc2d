import { duplicateIndicator, nameKey } from "../../src/core/rules/duplicate-indicator";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { sheetOf, VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14 (培训人数 on row 9), appended rows from 15 (C 三级)
const count = (name: string, value: string) => ["产出指标", "数量指标", name, value, "反映参加培训的人数"];
const GROWTH = "全市一般公共预算收入增长率";

ruleTester(duplicateIndicator, {
  valid: [
    { name: "every name once", rows: [] },
    { name: "a different name: 培训人次", rows: [count("培训人次", "≥150人次")] },
    { name: "a name that only contains another: 外单位培训人数", rows: [count("外单位培训人数", "≥20人")] },
    {
      name: "the same name in two tables of one sheet (checked per table)",
      sheets: [sheetOf("Sheet1", { rows: VALID_ROWS }, { rows: VALID_ROWS })],
    },
    { name: "the same name on two sheets", sheets: [sheetOf("项目1", { rows: VALID_ROWS }), sheetOf("项目2", { rows: VALID_ROWS })] },
  ],
  invalid: [
    {
      name: "the same name and value twice: both rows, each pointing at the other",
      rows: [count("培训人数", "≥160人")],
      errors: [
        { cell: "C9", severity: "warning", message: "指标“培训人数”与第15行重复，请合并或删除", fix: false },
        { cell: "C15", message: "指标“培训人数”与第9行重复，请合并或删除" },
      ],
    },
    {
      name: "twice with different values",
      rows: [count("培训人数", "≥150人")],
      errors: [{ cell: "C9", message: "与第15行重复且指标值不同" }, { cell: "C15", message: "与第9行重复且指标值不同" }],
    },
    {
      name: "全市一般公共预算收入增长率 under 数量 and under 经济效益 (the seed's 部门整体支出)",
      rows: [
        ["产出指标", "数量指标", GROWTH, "2%", "计算公式：（本年收入-上年收入）/上年收入×100%"],
        ["效益指标", "经济效益指标", GROWTH, "≥2%", "计算公式：（本年收入-上年收入）/上年收入×100%"],
      ],
      errors: [{ cell: "C15", message: "与第16行重复且指标值不同" }, { cell: "C16", message: "与第15行重复且指标值不同" }],
    },
    { name: "spaces are ignored: 培训 人数", rows: [count("培训 人数", "≥160人")], errors: [{ cell: "C9" }, { cell: "C15", message: "“培训 人数”" }] },
    { name: "a full-width space and a trailing full stop are ignored", rows: [count("培训\u3000人数。", "≥160人")], errors: [{ cell: "C9" }, { cell: "C15" }] },
    {
      name: "brackets and punctuation are ignored: 参训学员满意度 vs “参训学员”满意度",
      rows: [["满意度指标", "服务对象满意度指标", "“参训学员”满意度", "≥90%", "随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%"]],
      errors: [{ cell: "C14" }, { cell: "C15" }],
    },
    {
      name: "three times: each finding lists both other rows",
      rows: [count("培训人数", "≥160人"), count("培训人数", "≥160人")],
      errors: [{ cell: "C9", message: "与第15、16行重复" }, { cell: "C15", message: "与第9、16行重复" }, { cell: "C16", message: "与第9、15行重复" }],
    },
  ],
});

describe("duplicate-indicator", () => {
  it("selects both: the other rows are the related cells", () => {
    const found = runRule(duplicateIndicator, { rows: [count("培训人数", "≥160人")] });
    expect(found.map((f) => f.relatedCells)).toEqual([["C15"], ["C9"]]);
  });
  it.each([
    ["培训 人数", "培训人数"],
    ["培训人数。", "培训人数"],
    ["培訓人數", "培训人数"],
    ["“三公”经费", "三公经费"],
    ["会计监督检查、重点绩效评价", "会计监督检查重点绩效评价"],
  ])("nameKey(%s) = nameKey(%s)", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
});
