/** rate-out-of-range 比率取值越界 (docs/rules, 指标值). */
import { isPercentUnit, operatorSteps } from "../value";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, isRate, meta, q, quickFix, shownValue, stepsPlan } from "./util";

/** Rates that may legitimately exceed 100% or be negative (growth, a cut). */
const GROWTH = /增长|增幅|增速|提高|提升|比上年|同比|环比|下降|降低|压减|减少/;

export const rateOutOfRange: Rule = {
  meta: meta({
    id: "rate-out-of-range",
    title: "比率取值越界",
    description: "比率大于100%、写成“≥100%”“>100%”（只能是=100%），或为负数。",
    defaultSeverity: "warning",
    category: "指标值",
    fix: "safe",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (v.kind !== "quantitative" || v.number === null || !i.valueCell) continue;
      if (!isPercentUnit(v.unit, ctx.vocabulary) || !isRate(i, ctx)) continue;
      const top = Math.max(v.number, v.numberTo ?? v.number);
      const shown = shownValue(i, ctx);
      const growth = GROWTH.test(i.name);
      if ((v.operator === "≥" || v.operator === ">") && v.number === 100 && v.numberTo === null) {
        const steps = operatorSteps(i, table.sheet, "=", ctx.vocabulary);
        out.push({
          cell: i.valueCell,
          indicator: i,
          subject: shown,
          message: `指标${q(i.name, 12)}的${q(shown, 10)}超出比率上限，只能是“=100%”`,
          fix: steps ? quickFix("改为“=100%”", stepsPlan(`将“${i.name}”改为=100%`, steps, i.valueCell), true) : null,
        });
      } else if (top > 100 && !growth) {
        out.push({
          cell: i.valueCell,
          indicator: i,
          subject: shown,
          message: `指标${q(i.name, 12)}的比率${q(shown, 12)}超过100%，请核实`,
        });
      } else if (!growth && (v.number < 0 || (v.numberTo !== null && v.numberTo < 0))) {
        out.push({
          cell: i.valueCell,
          indicator: i,
          subject: shown,
          message: `指标${q(i.name, 12)}的比率${q(shown, 12)}为负数，请核实`,
        });
      }
    }
    return out;
  },
};
