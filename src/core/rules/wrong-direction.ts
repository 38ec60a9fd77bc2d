/** wrong-direction 比较方向不当 (docs/rules, 指标值): ≥ on a cost; ≤ on an output count, satisfaction or a good rate. */
import type { Operator } from "../model";
import type { FindingDraft, Rule } from "./types";
import {
  indicatorsOf,
  isCostAmount,
  isMoneyUnit,
  isSatisfaction,
  isUnderCost,
  meta,
  q,
  quickFix,
  setPlan,
  shownValue,
} from "./util";

const GOOD_RATE =
  /(合格|完成|覆盖|达标|正常运行|运行|运转|及时|准确|采用|整改|知晓|使用|出勤|到位|执行|通过|利用|参考|参训|验收|满意|发放|兑现|解决|办结|响应|入库)率$/;
const FLIP: Readonly<Record<Operator, Operator>> = { "≥": "≤", "≤": "≥", ">": "<", "<": ">", "=": "=" };

export const wrongDirection: Rule = {
  meta: meta({
    id: "wrong-direction",
    title: "比较方向不当",
    description: "成本用了≥或>；产出数量、满意度或合格率、完成率、覆盖率等“越高越好”的比率用了≤或<。",
    defaultSeverity: "warning",
    category: "指标值",
    fixable: true,
  }),
  checkTable(table) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const v = i.value;
      if (!v.operator || v.operator === "=" || !i.valueCell || v.operatorSource === null) continue;
      const up = v.operator === "≥" || v.operator === ">";
      let reason: string | null = null;
      if (up && (isCostAmount(i) || (isUnderCost(i) && isMoneyUnit(v.unit)))) reason = "成本应设上限（≤）";
      else if (!up) {
        if (isSatisfaction(i)) reason = "满意度应设下限（≥）";
        else if (GOOD_RATE.test(i.name.replace(/[（(][^）)]*[）)]$/, ""))) reason = "此类比率越高越好，应设下限（≥）";
        else if (i.level2.standard === "数量" && !isMoneyUnit(v.unit)) reason = "产出数量应设下限（≥）";
      }
      if (!reason) continue;
      const flipped = FLIP[v.operator];
      const fromColumn = v.operatorSource === "column";
      const cell = fromColumn ? i.operatorCell! : i.valueCell;
      const oldText = fromColumn ? (i.operatorText ?? "") : v.raw;
      const newText = fromColumn ? flipped : flipped + v.raw.slice((v.operatorText ?? "").length).trim();
      out.push({
        cell: i.valueCell,
        indicator: i,
        subject: shownValue(i),
        message: `指标${q(i.name, 12)}的${q(shownValue(i), 10)}方向不当，${reason}`,
        fix: quickFix(
          `改为“${flipped}”`,
          setPlan(`调整“${i.name}”的比较方向`, table.sheet, cell, oldText, newText),
          false
        ),
      });
    }
    return out;
  },
};
