/** missing-operator 缺少比较符号 (docs/rules, 指标值). */
import type { Indicator, Operator } from "../model";
import { isPercentUnit } from "../parse/value";
import type { Rule } from "./types";
import { indicatorsOf, isCostAmount, isUnderCost, meta, q, quickFix, setPlan } from "./util";

/** The operator a value most likely needs: costs ≤, a 100% rate =, the rest ≥. */
export function defaultOperator(i: Indicator): Operator {
  if (isPercentUnit(i.value.unit) && i.value.number === 100) return "=";
  if (isUnderCost(i) || isCostAmount(i)) return "≤";
  if (i.value.number === 0) return "=";
  return "≥";
}

export const missingOperator: Rule = {
  meta: meta({
    id: "missing-operator",
    title: "缺少比较符号",
    description: "定量指标值没有比较符号（=、≥、≤、>、<），既不在指标值里，也不在单独的符号列里。",
    defaultSeverity: "warning",
    category: "指标值",
    fixable: true,
  }),
  checkTable(table) {
    return indicatorsOf(table)
      .filter(
        (i) =>
          i.value.kind === "quantitative" &&
          i.value.operator === null &&
          i.value.numberTo === null &&
          i.valueCell &&
          !/^定性$/.test(i.operatorText ?? "")
      )
      .map((i) => {
        const op = defaultOperator(i);
        const raw = i.value.raw;
        const useColumn = !!i.operatorCell;
        const cell = useColumn ? i.operatorCell! : i.valueCell!;
        const oldText = useColumn ? (i.operatorText ?? "") : raw;
        const newText = useColumn ? "{比较符号}" : `{比较符号}${raw}`;
        return {
          cell: i.valueCell!,
          indicator: i,
          subject: raw,
          message: `指标${q(i.name, 12)}的指标值${q(raw, 10)}缺少比较符号，建议改为${q(op + raw, 11)}`,
          fix: quickFix(`加上“${op}”`, setPlan(`为“${i.name}”补比较符号`, table.sheet, cell, oldText, newText), false, [
            {
              placeholder: "{比较符号}",
              label: "比较符号",
              type: "choice",
              choices: ["≥", "=", "≤", ">", "<"],
              defaultValue: op,
            },
          ]),
        };
      });
  },
};
