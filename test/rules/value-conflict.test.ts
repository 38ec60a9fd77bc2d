import { valueConflict } from "../../src/core/rules/value-conflict";
import { ruleTester } from "../helpers/rule-tester";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (C 三级, D 指标值)
const row = (l2: string, name: string, value: string, explanation = "反映完成情况") => ["产出指标", l2, name, value, explanation];
const RATE = "计算公式：达标数/总数×100%";

ruleTester(valueConflict, {
  valid: [
    { name: "no number in the names", rows: [] },
    { name: "the same number: 举办培训班3期 =3期", rows: [row("数量指标", "举办培训班3期", "=3期")] },
    { name: "the same number with ≥: 完成2个系统建设 ≥2个", rows: [row("数量指标", "完成2个系统建设", "≥2个")] },
    { name: "the name repeats the whole target: 培训人数（≥160人） ≥160人", rows: [row("数量指标", "培训人数（≥160人）", "≥160人")] },
    { name: "different units are not compared: 采购设备10台 ≥5套", rows: [row("数量指标", "采购设备10台", "≥5套")] },
    { name: "a number that is not a quantity (12345热线) with another unit", rows: [row("时效指标", "12345热线响应时长", "≤2小时")] },
    { name: "a qualitative value has no number to compare", rows: [row("质量指标", "达标率100%", "达标", RATE)] },
  ],
  invalid: [
    {
      name: "建设质量达标率100% vs ≥98% (the RULES example)",
      rows: [row("质量指标", "建设质量达标率100%", "≥98%", RATE)],
      errors: [{ cell: "D15", severity: "warning", message: "指标名称“建设质量达标率100%”中的“100%”与指标值“≥98%”不一致，请统一", fix: false }],
    },
    { name: "a count: 培训160人 vs ≥150人", rows: [row("数量指标", "培训160人", "≥150人")], errors: [{ cell: "D15", message: "“160人”与指标值“≥150人”不一致" }] },
    { name: "a rate: 达标率95% vs =98%", rows: [row("质量指标", "达标率95%", "=98%", RATE)], errors: [{ message: "“95%”" }] },
    { name: "money: 人均培训费不超过500元 vs ≤600元", rows: [row("成本指标", "人均培训费不超过500元", "≤600元")], errors: [{ message: "“500元”与指标值“≤600元”" }] },
    { name: "full-width ％ against %", rows: [row("质量指标", "验收合格率100％", "≥95%", RATE)], errors: [{ cell: "D15" }] },
    {
      name: "two numbers in the name: one finding per indicator",
      rows: [row("数量指标", "培训160人次共8天", "≥150人次")],
      errors: [{ cell: "D15", message: "“160人次”" }],
    },
  ],
});
