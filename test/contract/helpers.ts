/** Hand-made findings and plans for the adapter tests (the rules are written elsewhere). */
import type { EditPlan, EditStep } from "../../src/core/edit-plan";
import type { Finding, Severity } from "../../src/core/finding";
import { parseCell } from "../../src/core/grid";

export function finding(
  sheet: string,
  cell: string,
  severity: Severity,
  message = `测试问题 ${cell}`,
  rule = "test-rule"
): Finding {
  return {
    rule,
    severity,
    sheet,
    cell,
    row: parseCell(cell).row,
    message,
    tableId: `${sheet}!A1`,
    tableTitle: null,
    indicator: null,
    subject: `${cell}:${message}`,
    relatedCells: [],
    fix: null,
    fingerprint: `${rule}:${sheet}:${cell}:${severity}`,
  };
}

export function plan(label: string, steps: EditStep[], select: EditPlan["select"] = null): EditPlan {
  return { label, steps, select };
}

/** A realistic spread of findings on the seed workbook (E31 has the user's fill, F62 the user's note). */
export function seedFindings(): Finding[] {
  return [
    finding("部门整体支出", "E31", "error", "指标值缺少比较符号"),
    finding("部门整体支出", "F62", "warning", "指标解释缺少计算公式"),
    finding("部门整体支出", "D20", "info", "指标名称可更具体"),
    finding("部门整体支出", "D21", "info", "指标名称可更具体"),
    finding("部门整体支出", "D22", "error", "重复指标"),
    finding("部门整体支出", "E40", "warning", "数值含糊"),
    finding("部门整体支出", "E40", "error", "缺少单位"),
    finding("评审绩效信息化运维", "E20", "warning", "数值含糊"),
    finding("会计职称考试", "F21", "info", "解释过短"),
    finding("政府采购电子卖场", "E22", "error", "缺少单位"),
  ];
}
