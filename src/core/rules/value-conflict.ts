/** value-conflict 名称与指标值矛盾 (docs/rules, 指标值): a number in the 三级 name that contradicts the value. */
import { isPercentUnit, type ValueVocabulary } from "../value";
import type { Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

const NUMBER_WITH_UNIT = /\d\s*(%|％|个|家|人|次|天|万元|元|小时|户|项|件|套|台|批|所|篇|期|场)/;
const NUMBER_IN_NAME = /(\d+(?:\.\d+)?)\s*(%|％|个|家|人次|人|次|天|万元|元|小时|户|项|件|套|台|批次|所|篇|期|场)/g;

function sameUnit(a: string, b: string | null, vocab: ValueVocabulary): boolean {
  if (!b) return false;
  if (isPercentUnit(a, vocab) && isPercentUnit(b, vocab)) return true;
  return b.startsWith(a);
}

export const valueConflict: Rule = {
  meta: meta({
    id: "value-conflict",
    title: "名称与指标值矛盾",
    description: "三级指标名称里写了数值，却与指标值不一致（如名称“达标率100%”而指标值“≥98%”）。",
    defaultSeverity: "warning",
    category: "指标值",
    fix: "none",
  }),
  checkTable(table, ctx) {
    const out = [];
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (v.number === null || !i.valueCell || !NUMBER_WITH_UNIT.test(i.name)) continue;
      for (const m of i.name.matchAll(NUMBER_IN_NAME)) {
        const n = Number(m[1]);
        if (!sameUnit(m[2], v.unit, ctx.vocabulary)) continue;
        if (n === v.number && (v.operator === "=" || v.operator === null)) continue;
        if (n === v.number && v.operator !== "=" && v.operator !== null) {
          // "达标率100%" with "≥100%" is handled by rate-out-of-range; ≥N with the same N is consistent
          continue;
        }
        out.push({
          cell: i.valueCell,
          indicator: i,
          subject: `${m[0]}|${v.raw}`,
          message: `指标名称${q(i.name, 12)}中的${q(m[0], 8)}与指标值${q(v.raw, 10)}不一致，请统一`,
        });
        break;
      }
    }
    return out;
  },
};
