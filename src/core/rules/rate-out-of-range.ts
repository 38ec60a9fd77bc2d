/** rate-out-of-range 比率取值越界 (RULES.md C). */
import { isPercentUnit } from "../parse/value";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, isRate, meta, q, quickFix, setPlan } from "./util";

/** Rates that may legitimately exceed 100% (growth). */
const GROWTH = /增长|增幅|增速|提高|提升|比上年|同比|环比/;

export const rateOutOfRange: Rule = {
  meta: meta({
    id: "rate-out-of-range",
    title: "比率取值越界",
    description: "比率大于100%、写成“≥100%”“>100%”（只能是=100%），或为负数。",
    defaultSeverity: "warning",
    category: "指标值",
    fixable: true,
  }),
  checkTable(table) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const v = i.value;
      if (v.kind !== "quantitative" || v.number === null || !i.valueCell) continue;
      if (!isPercentUnit(v.unit) || !isRate(i)) continue;
      const top = Math.max(v.number, v.numberTo ?? v.number);
      if ((v.operator === "≥" || v.operator === ">") && v.number === 100) {
        const fixed = v.raw.replace(v.operatorText ?? "", "=").replace(/^=\s+/, "=");
        out.push({
          cell: i.valueCell,
          indicator: i,
          subject: v.raw,
          message: `指标${q(i.name, 12)}的${q(v.raw, 10)}超出比率上限，只能是“=100%”`,
          fix: quickFix("改为“=100%”", setPlan(`将“${i.name}”改为=100%`, table.sheet, i.valueCell, v.raw, fixed), true),
        });
      } else if (top > 100 && !GROWTH.test(i.name)) {
        out.push({ cell: i.valueCell, indicator: i, subject: v.raw, message: `指标${q(i.name, 12)}的比率${q(v.raw, 12)}超过100%，请核实` });
      } else if (v.number < 0 || (v.numberTo !== null && v.numberTo < 0)) {
        out.push({ cell: i.valueCell, indicator: i, subject: v.raw, message: `指标${q(i.name, 12)}的比率${q(v.raw, 12)}为负数，请核实` });
      }
    }
    return out;
  },
};
