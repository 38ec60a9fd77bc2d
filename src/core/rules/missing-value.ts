/** missing-value 指标值缺失 (docs/rules, 核心检查). */
import type { TargetValue } from "../model";
import { parseValueText, type ValueVocabulary } from "../value";
import type { Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

/** Parts that are no value on their own. */
const NOT_A_VALUE = new Set(["operator", "space", "open", "close"]);

/** Blank, a dash or a slash, or only an operator (in the value or its own column) with no number. */
export function valueIsMissing(v: TargetValue, vocab: ValueVocabulary): boolean {
  if (v.kind === "empty") return true;
  if (/^[—–\-－/／\\、.。…_＿]+$/.test(v.raw)) return true;
  if (v.operator && v.number === null && v.kind === "placeholder")
    return parseValueText(v.raw, vocab).parts.every((p) => NOT_A_VALUE.has(p.role));
  return false;
}

export const missingValue: Rule = {
  meta: meta({
    id: "missing-value",
    title: "指标值缺失",
    description: "某一行写了三级指标名称，却没有填写指标值。",
    defaultSeverity: "error",
    category: "核心检查",
    fix: "none",
  }),
  checkTable(table, ctx) {
    return indicatorsOf(table)
      .filter((i) => i.name !== "" && i.valueCell && valueIsMissing(ctx.value(i), ctx.vocabulary))
      .map((i) => ({
        cell: i.valueCell!,
        indicator: i,
        subject: i.value.raw,
        message: ctx.value(i).operator
          ? `指标${q(i.name)}的指标值只有比较符号，缺少数值和单位`
          : `指标${q(i.name)}没有填写指标值，请填写比较符号、数值和单位`,
      }));
  },
};
