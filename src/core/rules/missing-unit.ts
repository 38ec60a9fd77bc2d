/** missing-unit 缺少计量单位 (docs/rules, 指标值). */
import type { Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

/** A unit written in the name: "配备车辆数（辆）", "(人)", "（%）". */
const UNIT_IN_NAME = /[（(]\s*[^\s（）()\d]{1,6}\s*[)）]\s*$/;

export const missingUnit: Rule = {
  meta: meta({
    id: "missing-unit",
    title: "缺少计量单位",
    description: "指标值是数字却没有计量单位（指标值、单位列和指标名称里都没有）。",
    defaultSeverity: "warning",
    category: "指标值",
    fix: "none",
  }),
  checkTable(table, ctx) {
    return indicatorsOf(table)
      .filter(
        (i) =>
          ctx.value(i).kind === "quantitative" &&
          ctx.value(i).number !== null &&
          !ctx.value(i).unit &&
          !(i.unitText && i.unitText.trim()) &&
          !UNIT_IN_NAME.test(i.name) &&
          i.valueCell
      )
      .map((i) => ({
        cell: i.valueCell!,
        indicator: i,
        subject: i.value.raw,
        message: `指标${q(i.name)}的指标值${q(i.value.raw, 12)}缺少计量单位（如个、次、%、万元）`,
      }));
  },
};
