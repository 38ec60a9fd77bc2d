import { boilerplateExplanation } from "../../src/core/rules/boilerplate-explanation";
import { ruleTester, runRule } from "../helpers/rule-tester";
import { sheetOf, VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (E 指标解释)
const count = (name: string, value: string, explanation: string) => ["产出指标", "数量指标", name, value, explanation];
const SAME = "该指标值数据合理";

ruleTester(boilerplateExplanation, {
  valid: [
    { name: "every indicator explained in its own words", rows: [] },
    { name: "the same text on two indicators (below 3)", rows: [count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", SAME)] },
    { name: "the same text three times on the same indicator name (duplicate-indicator's business)", rows: [count("培训天数", "≥8天", SAME), count("培训天数", "≥8天", SAME), count("培训天数", "≥8天", SAME)] },
    { name: "blank explanations are not boilerplate", rows: [count("培训天数", "≥8天", ""), count("课程数量", "≥5门", ""), count("教材数量", "≥5册", "")] },
    { name: "similar but different texts", rows: [count("培训天数", "≥8天", "反映培训天数"), count("课程数量", "≥5门", "反映课程数量"), count("教材数量", "≥5册", "反映教材数量")] },
    {
      name: "the same text in three different tables (counted per table)",
      sheets: [
        sheetOf(
          "Sheet1",
          { rows: [...VALID_ROWS, count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", SAME)] },
          { rows: [...VALID_ROWS, count("教材数量", "≥5册", SAME)] },
        ),
      ],
    },
  ],
  invalid: [
    {
      name: "“该指标值数据合理” on three indicators: each one is reported, pointing at the others",
      rows: [count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", SAME), count("教材数量", "≥5册", SAME)],
      errors: [
        { cell: "E15", severity: "info", message: "指标“培训天数”的解释与另外2个指标相同，请分别说明", fix: false },
        { cell: "E16", message: "指标“课程数量”的解释与另外2个指标相同" },
        { cell: "E17", message: "指标“教材数量”" },
      ],
    },
    {
      name: "spaces and a final full stop do not make a text different",
      rows: [count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", `${SAME}。`), count("教材数量", "≥5册", "该指标值 数据合理")],
      errors: [{ cell: "E15" }, { cell: "E16" }, { cell: "E17" }],
    },
    {
      name: "two indicators with one name and a third one: 3 rows, 2 names",
      rows: [count("培训天数", "≥8天", SAME), count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", SAME)],
      errors: [{ cell: "E15" }, { cell: "E16" }, { cell: "E17" }],
    },
  ],
});

describe("boilerplate-explanation related cells", () => {
  it("each finding lists the other rows' explanation cells", () => {
    const found = runRule(boilerplateExplanation, { rows: [count("培训天数", "≥8天", SAME), count("课程数量", "≥5门", SAME), count("教材数量", "≥5册", SAME)] });
    expect(found.map((f) => f.relatedCells)).toEqual([["E16", "E17"], ["E15", "E17"], ["E15", "E16"]]);
  });
});
