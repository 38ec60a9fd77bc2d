import { blankRequiredField } from "../../src/core/rules/blank-required-field";
import { ruleTester } from "../helpers/rule-tester";
import { DEPARTMENT_FIELDS, PROJECT_FIELDS, VALID_ROWS } from "../helpers/tables";

// header fields one per row from row 2: label in B, value in C (merged C:E). Project: 项目名称 C2,
// 项目负责人 C3, 联系电话 C4, 预算资金（元） C5, 年度目标 C6. Department: 部门(单位)名称 C2, 基本支出 C3,
// 项目支出 C4, 资金总额(万元) C5, 部门(单位)绩效目标 C6.
type Field = readonly [string, string | number | null];
const project = (...replace: Field[]) => ({
  rows: VALID_ROWS,
  fields: PROJECT_FIELDS.map(([label, value]) => replace.find((r) => r[0] === label) ?? [label, value]) as Field[],
});
const department = (...replace: Field[]) => ({
  kind: "department" as const,
  rows: VALID_ROWS,
  fields: DEPARTMENT_FIELDS.map(([label, value]) => replace.find((r) => r[0] === label) ?? [label, value]) as Field[],
});

ruleTester(blankRequiredField, {
  valid: [
    { name: "a complete project header", table: project() },
    { name: "a complete department header", table: department() },
    {
      name: "a blank field that is not required (主管部门)",
      table: { rows: VALID_ROWS, fields: [PROJECT_FIELDS[0], ["主管部门", null], ...PROJECT_FIELDS.slice(1)] },
    },
    { name: "department table: only 部门名称 and 绩效目标 are required (docs/rules/blank-required-field.md), a blank 资金总额 is not reported", table: department(["资金总额(万元)", null]) },
    { name: "a 0 budget is filled in", table: project(["预算资金（元）", 0]) },
  ],
  invalid: [
    {
      name: "联系电话 blank (the seed's 财政监督检查购买服务经费)",
      table: project(["联系电话", null]),
      errors: [{ cell: "C4", severity: "warning", message: "“联系电话”未填写，请补充", fix: false }],
    },
    {
      name: "every required project field blank: whitespace, dashes, slashes count as blank",
      table: project(["项目名称", ""], ["项目负责人", null], ["联系电话", "   "], ["预算资金（元）", "—"], ["年度目标", "/"]),
      errors: [
        { cell: "C2", message: "“项目名称”未填写" },
        { cell: "C3", message: "“项目负责人”未填写" },
        { cell: "C4", message: "“联系电话”未填写" },
        { cell: "C5", message: "“预算资金（元）”未填写" },
        { cell: "C6", message: "“年度目标”未填写" },
      ],
    },
    {
      name: "资金总额 as the project's budget label",
      table: {
        rows: VALID_ROWS,
        fields: [...PROJECT_FIELDS.slice(0, 3), ["资金总额（万元）", null], PROJECT_FIELDS[4]],
      },
      errors: [{ cell: "C5", message: "“资金总额（万元）”未填写，请补充" }],
    },
    {
      name: "a label with a colon is named without it",
      table: { rows: VALID_ROWS, fields: [...PROJECT_FIELDS.slice(0, 2), ["联系电话：", null], ...PROJECT_FIELDS.slice(3)] },
      errors: [{ cell: "C4", message: "“联系电话”未填写" }],
    },
    {
      name: "department table: 部门名称 and 绩效目标 blank",
      table: department(["部门(单位)名称", null], ["部门(单位)绩效目标", "无"]),
      errors: [
        { cell: "C2", message: "“部门(单位)名称”未填写，请补充" },
        { cell: "C6", message: "“部门(单位)绩效目标”未填写" },
      ],
    },
  ],
});
