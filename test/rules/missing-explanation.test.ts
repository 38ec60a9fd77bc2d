import { missingExplanation } from "../../src/core/rules/missing-explanation";
import { ruleTester } from "../helpers/rule-tester";
import { VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, header 7, indicators from row 8 (A 一级, B 二级, C 三级, D 指标值, E 解释)
ruleTester(missingExplanation, {
  valid: [
    { name: "every indicator explained", rows: [] },
    {
      name: "a table without an explanation column gets nothing",
      table: { headers: ["一级指标", "二级指标", "三级指标", "指标值"], rows: [["产出指标", "数量指标", "培训班次", "≥2次"]] },
    },
    { name: "a blank 二级 row is not an indicator", rows: [["效益指标", "生态效益指标", null, null, null]] },
    { name: "a header named 指标说明 counts, and it is filled", table: { headers: ["一级指标", "二级指标", "三级指标", "指标值", "指标说明"], rows: VALID_ROWS } },
  ],
  invalid: [
    {
      name: "an empty explanation cell",
      rows: [["产出指标", "数量指标", "培训天数", "≥8天", null]],
      errors: [{ cell: "E15", message: "“培训天数”缺少指标解释", severity: "error", fix: "反映培训天数情况" }],
    },
    {
      name: "whitespace, dashes, slashes and 无 count as blank",
      rows: [
        ["产出指标", "数量指标", "培训天数", "≥8天", "   "],
        ["产出指标", "数量指标", "课程数量", "≥5门", "—"],
        ["产出指标", "数量指标", "教材数量", "≥5册", "/"],
        ["产出指标", "数量指标", "讲师人数", "≥3人", "无"],
      ],
      errors: [{ cell: "E15" }, { cell: "E16" }, { cell: "E17" }, { cell: "E18" }],
    },
    {
      name: "a satisfaction indicator gets the seed's standard text with the sample size to fill",
      rows: [["满意度指标", "服务对象满意度指标", "预算单位对资金管理工作的满意度", "≥85%", ""]],
      errors: [
        {
          cell: "E15",
          message: "计算公式",
          fix: "反映预算单位对资金管理工作的满意程度，随机抽取{N}名预算单位发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
        },
      ],
    },
    {
      name: "header 指标值说明 is an explanation column too",
      table: {
        headers: ["一级指标", "二级指标", "三级指标", "指标值", "指标值说明"],
        rows: [...VALID_ROWS, ["产出指标", "数量指标", "培训天数", "≥8天", ""]],
      },
      errors: [{ cell: "E15" }],
    },
  ],
});
