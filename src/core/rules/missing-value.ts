/** missing-value 指标值缺失 (RULES.md A). */
import type { Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

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
      .filter((i) => i.name !== "" && i.valueCell && i.value.kind === "empty" && !(i.operatorText && i.operatorText.trim()))
      .map((i) => ({
        cell: i.valueCell!,
        indicator: i,
        subject: "",
        message: `指标${q(i.name)}没有填写指标值，请填写比较符号、数值和单位`,
      }));
  },
};
