/** empty-level2 二级指标下无内容 (docs/rules, 表格完整性). */
import { planFillRow } from "../templates/plan";
import type { Rule } from "./types";
import { meta, q, quickFix } from "./util";

export const emptyLevel2: Rule = {
  meta: meta({
    id: "empty-level2",
    title: "二级指标下无内容",
    description: "列出了某个二级指标（如“生态效益指标”），但下面没有三级指标和指标值。",
    defaultSeverity: "warning",
    category: "表格完整性",
    fix: "user",
  }),
  checkTable(table, ctx) {
    return table.indicatorBlock.rows
      .filter((r) => r.rowKind === "blank-level2")
      .map((r) => {
        const fill = planFillRow(table, r, ctx.templates);
        const deleteRow = {
          label: `删除第${r.row}行空的“${r.level2.text}”`,
          steps: [{ kind: "deleteRows" as const, sheet: table.sheet, row: r.row, count: 1 }],
          select: null,
        };
        const fixes = fill ? quickFix(`填入“${fill.template.name}”等标准指标`, fill.plan, false, fill.inputs) : null;
        return {
          cell: r.level2.cell ?? r.nameCell ?? `A${r.row}`,
          about: r.level2.text,
          subject: r.level2.text,
          message: `二级指标${q(r.level2.text, 14)}下没有三级指标和指标值，请补充指标或删除该行`,
          fix:
            fixes ??
            (r.level2.firstRow === r.level2.lastRow && r.level1.firstRow !== r.row
              ? quickFix("删除该空行", deleteRow, false)
              : null),
        };
      });
  },
};
