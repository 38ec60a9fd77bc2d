/** wrong-direction 比较方向不当 (docs/rules, 指标值): ≥ on a cost; ≤ on an output count, satisfaction or a good rate. */
import type { Indicator, Operator } from "../model";
import { operatorSteps } from "../value";
import type { FindingDraft, Rule, RuleContext } from "./types";
import {
  bareName,
  hasMoneyUnit,
  indicatorsOf,
  isCostAmount,
  isSatisfaction,
  isUnderCost,
  meta,
  q,
  quickFix,
  shownValue,
  stepsPlan,
} from "./util";

const GOOD_RATE =
  /(合格|完成|覆盖|达标|正常运行|运行|运转|及时|准确|采用|整改|知晓|使用|出勤|到位|执行|通过|利用|参考|参训|验收|满意|发放|兑现|解决|办结|响应|入库)率$/;
const FLIP: Readonly<Record<Operator, Operator>> = {
  "≥": "≤",
  "≤": "≥",
  ">": "<",
  "<": ">",
  "=": "=",
};

export const wrongDirection: Rule = {
  meta: meta({
    id: "wrong-direction",
    title: "比较方向不当",
    description: "成本用了≥或>；产出数量、满意度或合格率、完成率、覆盖率等“越高越好”的比率用了≤或<。",
    defaultSeverity: "warning",
    category: "指标值",
    fix: "user",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (!v.operator || v.operator === "=" || !i.valueCell || v.operatorSource === null) continue;
      const reason = reasonOf(i, v.operator, ctx);
      if (!reason) continue;
      const flipped = FLIP[v.operator];
      const steps = operatorSteps(i, table.sheet, flipped, ctx.vocabulary);
      out.push({
        cell: i.valueCell,
        indicator: i,
        subject: shownValue(i, ctx),
        message: `指标${q(i.name, 12)}的${q(shownValue(i, ctx), 10)}方向不当，${reason}`,
        fix: steps
          ? quickFix(`改为“${flipped}”`, stepsPlan(`调整“${i.name}”的比较方向`, steps, i.valueCell), false)
          : null,
      });
    }
    return out;
  },
};

/** Why the operator points the wrong way, or null. */
function reasonOf(i: Indicator, op: Operator, ctx: RuleContext): string | null {
  const up = op === "≥" || op === ">";
  if (up) return isCostAmount(i, ctx) || (isUnderCost(i) && hasMoneyUnit(i, ctx)) ? "成本应设上限（≤）" : null;
  if (isSatisfaction(i)) return "满意度应设下限（≥）";
  if (GOOD_RATE.test(bareName(i.name))) return "此类比率越高越好，应设下限（≥）";
  if (i.level2.standard === "数量" && !hasMoneyUnit(i, ctx)) return "产出数量应设下限（≥）";
  return null;
}
