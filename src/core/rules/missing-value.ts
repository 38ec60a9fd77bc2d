/** missing-value 指标值缺失 (docs/rules, 核心检查). */
import type { Indicator } from "../model";
import type { Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

/** Blank, a dash or a slash, or only an operator (in the value or its own column) with no number. */
export function valueIsMissing(i: Indicator): boolean {
  const v = i.value;
  if (v.kind === "empty") return true;
  if (/^[—–\-－/／\\、.。…_＿]+$/.test(v.raw)) return true;
  if (v.operator && v.number === null && v.kind === "placeholder") {
    const rest = v.operatorSource === "column" ? v.raw : v.raw.slice(v.operatorText?.length ?? 0);
    return rest.trim() === "";
  }
  return false;
}

export const missingValue: Rule = {
  meta: meta({
    id: "missing-value",
    title: "指标值缺失",
    description: "某一行写了三级指标名称，却没有填写指标值。",
    defaultSeverity: "error",
    category: "核心检查",
    fixable: false,
  }),
  checkTable(table) {
    return indicatorsOf(table)
      .filter((i) => i.name !== "" && i.valueCell && valueIsMissing(i))
      .map((i) => ({
        cell: i.valueCell!,
        indicator: i,
        subject: i.value.raw,
        message: i.value.operator
          ? `指标${q(i.name)}的指标值只有比较符号，缺少数值和单位`
          : `指标${q(i.name)}没有填写指标值，请填写比较符号、数值和单位`,
      }));
  },
};
