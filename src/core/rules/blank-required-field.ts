/** blank-required-field 必填信息为空 (docs/rules, 表格完整性). */
import { isBlankText } from "../text";
import type { FindingDraft, Rule } from "./types";
import { meta, q } from "./util";

const REQUIRED: Readonly<Record<"project" | "department", readonly string[]>> = {
  project: ["项目名称", "项目负责人", "联系电话", "预算资金", "年度目标"],
  department: ["部门名称", "绩效目标"],
};

export const blankRequiredField: Rule = {
  meta: meta({
    id: "blank-required-field",
    title: "必填信息为空",
    description:
      "表头的必填信息为空：项目名称、项目负责人、联系电话、预算资金/资金总额、年度目标（部门表：部门名称、绩效目标）。",
    defaultSeverity: "warning",
    category: "表格完整性",
    fix: "none",
  }),
  checkTable(table) {
    if (table.kind === "unknown") return [];
    const out: FindingDraft[] = [];
    for (const key of REQUIRED[table.kind]) {
      for (const f of table.headerFields.filter((x) => x.key === key)) {
        const cell = f.valueCell ?? f.labelCell;
        if (!isBlankText(f.value) || !cell) continue;
        const label = (f.label ?? key).replace(/[:：]$/, "");
        out.push({
          cell,
          about: label,
          subject: key,
          message: `${q(label, 14)}未填写，请补充`,
        });
      }
    }
    return out;
  },
};
