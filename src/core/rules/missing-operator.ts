/** missing-operator 缺少比较符号 (docs/rules, 指标值). */
import type { Indicator, Operator } from "../model";
import type { FixInput } from "../finding";
import { isPercentUnit, isTimeUnit, operatorSteps, parseValueText, writeValue } from "../value";
import type { FindingDraft, Rule, RuleContext } from "./types";
import { indicatorsOf, isCostAmount, isUnderCost, meta, q, quickFix, stepsPlan } from "./util";

/** The operator a value most likely needs: costs ≤, a 100% rate =, a duration under 时效 ≤, the rest ≥. */
function defaultOperator(i: Indicator, ctx: RuleContext): Operator {
  const v = ctx.value(i);
  if (isPercentUnit(v.unit, ctx.vocabulary) && v.number === 100) return "=";
  if (isUnderCost(i) || isCostAmount(i, ctx)) return "≤";
  if (i.level2.standard === "时效" && isTimeUnit(v.unit, ctx.vocabulary)) return "≤";
  if (v.number === 0) return "=";
  return "≥";
}

export const missingOperator: Rule = {
  meta: meta({
    id: "missing-operator",
    title: "缺少比较符号",
    description: "定量指标值没有比较符号（=、≥、≤、>、<），既不在指标值里，也不在单独的符号列里。",
    defaultSeverity: "warning",
    category: "指标值",
    fix: "user",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (v.kind !== "quantitative" || v.operator !== null || v.numberTo !== null || !i.valueCell) continue;
      if (/^定性$/.test(i.operatorText ?? "")) continue;
      const op = defaultOperator(i, ctx);
      const shown = i.operatorCell
        ? op + v.raw
        : (writeValue(parseValueText(v.raw, ctx.vocabulary), { operator: op }) ?? op + v.raw);
      const choice: FixInput = {
        placeholder: "{比较符号}",
        label: "比较符号",
        type: "choice",
        choices: ctx.vocabulary.standardOperators,
        defaultValue: op,
      };
      out.push({
        cell: i.valueCell,
        indicator: i,
        subject: v.raw,
        message: `指标${q(i.name, 12)}的指标值${q(v.raw, 10)}缺少比较符号，建议改为${q(shown, 11)}`,
        // built when asked for: a check of many workbooks never needs most fixes
        fix: () => {
          const steps = operatorSteps(i, table.sheet, "{比较符号}", ctx.vocabulary);
          return steps
            ? quickFix(`加上“${op}”`, stepsPlan(`为“${i.name}”补比较符号`, steps, i.valueCell!), false, [choice])
            : null;
        },
      });
    }
    return out;
  },
};
