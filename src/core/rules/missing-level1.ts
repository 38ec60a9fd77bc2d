/** missing-level1 缺少一级指标 (docs/rules, 表格完整性): 产出, 效益 and 满意度 are required; 成本 in one layout only. */
import type { Level1Name, TargetTable } from "../model";
import { planSection } from "../templates/plan";
import type { FindingDraft, Rule } from "./types";
import { meta, quickFix } from "./util";

const REQUIRED: readonly Level1Name[] = ["产出", "效益", "满意度"];

export const missingLevel1: Rule = {
  meta: meta({
    id: "missing-level1",
    title: "缺少一级指标",
    description: "表格缺少产出、效益或满意度一级指标；或成本指标同时按两种口径填写（既作一级又作产出下的二级）。",
    defaultSeverity: "error",
    category: "表格完整性",
    fix: "user",
  }),
  checkTable(table, ctx) {
    const rows = table.indicatorBlock.rows;
    const present = new Set(rows.map((r) => r.level1.standard).filter((x) => x !== null));
    const out: FindingDraft[] = [];
    const headerCell = anchorCell(table);
    for (const level1 of REQUIRED) {
      if (present.has(level1)) continue;
      out.push({
        cell: headerCell,
        about: `${level1}指标`,
        subject: level1,
        message: `表格缺少“${level1}指标”，请补充${level1 === "满意度" ? "服务对象满意度" : level1}类指标`,
        fix: () => {
          const plan = planSection(table, level1, ctx.templates);
          return plan ? quickFix(`插入“${level1}指标”标准指标`, plan.plan, false, plan.inputs) : null;
        },
      });
    }
    // both cost layouts in one table
    const ownCost = rows.find((r) => r.level1.standard === "成本");
    const costUnderOutput = rows.find((r) => r.level1.standard === "产出" && r.level2.standard === "成本");
    if (ownCost && costUnderOutput) {
      const later = ownCost.row > costUnderOutput.row ? ownCost : costUnderOutput;
      out.push({
        cell: (later === ownCost ? later.level1.cell : later.level2.cell) ?? later.nameCell ?? headerCell,
        about: "成本指标",
        subject: "成本两种口径",
        message: "成本指标既作一级指标又作产出下的二级指标，请统一为一种口径",
      });
    }
    return out;
  },
};

/** Where a table-level finding points: the 一级 header cell, else the first cell of the block. */
function anchorCell(table: TargetTable): string {
  const block = table.indicatorBlock;
  const col = block.roles.level1 ?? block.roles.level2 ?? block.roles.name ?? table.left;
  const column = block.columns.find((c) => c.column === col);
  return column?.cell ?? `${column?.letter ?? "A"}${block.headerRow}`;
}
