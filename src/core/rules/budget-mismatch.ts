/** budget-mismatch 资金数额不一致 (docs/rules, 前后一致): parts vs total, costs above the budget, projects above the department's 项目支出. */
import type { Budget } from "../model";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, isCostAmount, isUnderCost, meta, q } from "./util";

const EPSILON = 0.005;

/** An amount in 万元 (null when the unit is unknown). */
function inWan(amount: number, unit: string | null): number | null {
  if (!unit) return null;
  if (unit.startsWith("亿元")) return amount * 10000;
  if (unit.startsWith("万元")) return amount;
  if (unit.startsWith("千元")) return amount / 10;
  if (unit.startsWith("元")) return amount / 10000;
  return null;
}

/** A figure without floating-point noise (2769.4800000000005 → "2769.48", 0.026 stays "0.026"). */
function fmt(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** The parts and the total in one unit: the total's, when every part's unit is known (a part without one is in the budget's unit). */
function partsInTotalUnit(budget: Budget): { sum: number; mixed: boolean } | null {
  let sum = 0;
  let mixed = false;
  for (const p of budget.parts) {
    const unit = p.unit ?? budget.unit;
    if (unit === budget.unit) {
      sum += p.amount ?? 0;
      continue;
    }
    const part = inWan(p.amount ?? 0, unit);
    const one = inWan(1, budget.unit);
    if (part === null || one === null) return null;
    sum += part / one;
    mixed = true;
  }
  return { sum, mixed };
}

function partsMismatch(budget: Budget): FindingDraft | null {
  if (budget.amount === null || !budget.cell || budget.parts.length === 0) return null;
  if (budget.parts.some((p) => p.amount === null)) return null;
  const converted = partsInTotalUnit(budget);
  if (!converted) return null;
  const { sum, mixed } = converted;
  if (Math.abs(sum - budget.amount) <= (EPSILON * Math.max(1, Math.abs(budget.amount))) / 100) return null;
  const names = budget.parts.map((p) => p.label.replace(/[:：]$/, "")).join("＋");
  // parts in other units than the total: the sum is shown in the total's unit
  const unit = mixed ? (budget.unit ?? "") : "";
  return {
    cell: budget.cell,
    about: budget.label ?? "资金总额",
    subject: `${names}=${fmt(sum)}≠${fmt(budget.amount)}`,
    relatedCells: budget.parts.map((p) => p.cell!).filter(Boolean),
    message: `${names}＝${fmt(sum)}${unit}，与${budget.label ?? "资金总额"}${fmt(budget.amount)}${unit}不一致，请核对`,
  };
}

export const budgetMismatch: Rule = {
  meta: meta({
    id: "budget-mismatch",
    title: "资金数额不一致",
    description:
      "各项资金相加不等于总额（基本支出＋项目支出≠资金总额，财政拨款＋其他资金≠预算资金）；成本指标超过预算；各项目预算合计超过部门的项目支出。",
    defaultSeverity: "error",
    category: "前后一致",
    fix: "none",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    const budget = table.budget;
    if (!budget) return out;
    const parts = partsMismatch(budget);
    if (parts) out.push(parts);
    const total = budget.amount !== null ? inWan(budget.amount, budget.unit) : null;
    if (total === null) return out;
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (v.number === null || !i.valueCell || v.operator === "≥" || v.operator === ">") continue;
      if (!(isUnderCost(i) || isCostAmount(i, ctx))) continue;
      const amount = inWan(v.number, v.unit);
      if (amount === null || amount <= total * (1 + 1e-9)) continue;
      out.push({
        cell: i.valueCell,
        indicator: i,
        subject: v.raw,
        relatedCells: [budget.cell!].filter(Boolean),
        message: `成本指标${q(i.name, 12)}的${q(v.raw, 10)}超过预算资金${fmt(budget.amount!)}${budget.unit ?? ""}，请核对`,
      });
    }
    return out;
  },
  checkWorkbook(ctx) {
    const departments = ctx.workbook.tables.filter((t) => t.kind === "department");
    const projects = ctx.workbook.tables.filter((t) => t.kind === "project");
    if (departments.length !== 1 || projects.length === 0) return [];
    const dept = departments[0];
    const projectPart = dept.budget?.parts.find((p) => p.key === "项目支出");
    if (!projectPart || projectPart.amount === null || !projectPart.cell) return [];
    const deptUnit = dept.budget?.unit ?? null;
    const limit = inWan(projectPart.amount, deptUnit);
    if (limit === null) return [];
    let sum = 0;
    for (const p of projects) {
      if (!p.budget || p.budget.amount === null) return [];
      const w = inWan(p.budget.amount, p.budget.unit);
      if (w === null) return [];
      sum += w;
    }
    if (sum <= limit * (1 + 1e-9)) return [];
    return [
      {
        cell: projectPart.cell,
        table: dept,
        about: "项目支出",
        subject: `项目合计${fmt(sum)}>${fmt(limit)}`,
        relatedCells: projects.map((p) => `${p.sheet}!${p.budget!.cell}`),
        message: `本工作簿${projects.length}个项目预算合计${fmt(sum)}万元，超过部门项目支出${fmt(limit)}万元`,
      },
    ];
  },
};
