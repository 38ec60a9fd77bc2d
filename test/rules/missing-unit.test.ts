import { missingUnit } from "../../src/core/rules/missing-unit";
import { ruleTester } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (D 指标值)
const count = (name: string, value: string | number) => ["产出指标", "数量指标", name, value, "反映完成数量"];

ruleTester(missingUnit, {
  valid: [
    { name: "units in the value: 次, 人, %, 万元", rows: [] },
    { name: "a unit in the name: 配备车辆数（辆） 10", rows: [count("配备车辆数（辆）", "10")] },
    { name: "a unit in half-width brackets: 培训人数(人) ≥160", rows: [count("培训人数(人)", "≥160")] },
    { name: "a percent in the name: 验收合格率（%） ≥95", rows: [["产出指标", "质量指标", "验收合格率（%）", "≥95", "计算公式：合格数/总数×100%"]] },
    {
      name: "a unit column (计量单位)",
      table: { headers: ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标解释"], rows: [["产出指标", "数量指标", "培训班次", "≥2", "次", "反映班次"]] },
    },
    { name: "a deadline has no unit to give", rows: [["产出指标", "时效指标", "资料归档时限", "2025年12月31日前", "反映归档时限"]] },
    { name: "a qualitative value", rows: [["效益指标", "社会效益指标", "财政干部素养", "进一步提升", "反映干部素养"]] },
  ],
  invalid: [
    {
      name: "配备车辆数 10 (the RULES example)",
      rows: [count("配备车辆数", "10")],
      errors: [{ cell: "D15", severity: "warning", message: "指标“配备车辆数”的指标值“10”缺少计量单位（如个、次、%、万元）", fix: false }],
    },
    { name: "an operator but no unit: ≥160", rows: [count("培训人数", "≥160")], errors: [{ cell: "D15", message: "“≥160”缺少计量单位" }] },
    { name: "a number stored as a number", rows: [count("完成数", 12)], errors: [{ cell: "D15", message: "“12”" }] },
    { name: "a decimal", rows: [["产出指标", "成本指标", "设备购置成本", "≤5.5", "反映设备购置支出"]], errors: [{ cell: "D15", message: "设备购置成本" }] },
    {
      name: "a unit column left blank on one row",
      table: {
        headers: ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标解释"],
        rows: [
          ["产出指标", "数量指标", "培训班次", "≥2", "次", "反映班次"],
          ["产出指标", "数量指标", "培训天数", "≥8", null, "反映天数"],
        ],
      },
      errors: [{ cell: "D9", message: "培训天数" }],
    },
  ],
});
