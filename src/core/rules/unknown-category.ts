/** unknown-category 指标类别不规范 (docs/rules, 指标归类): a 一级/二级 name outside the standard vocabulary. */
import {
  LEVEL1_ORDER,
  LEVEL2_ORDER,
  LEVEL2_PARENTS,
  looksLikeCategory,
  matchLevel1,
  matchLevel2,
  standardLevelText,
} from "../vocabulary";
import { similarity } from "../templates/match";
import type { FindingDraft, Rule } from "./types";
import { meta, q, quickFix, setPlan } from "./util";

function nearest(text: string, level: 1 | 2): string {
  const names = level === 1 ? LEVEL1_ORDER : LEVEL2_ORDER;
  let best: string = names[0];
  let score = -1;
  for (const n of names) {
    const s = similarity(text, `${n}指标`);
    if (s > score) {
      best = n;
      score = s;
    }
  }
  return best;
}

export const unknownCategory: Rule = {
  meta: meta({
    id: "unknown-category",
    title: "指标类别不规范",
    description: "一级或二级指标名称不在标准名称之列（去掉“指标”后缀后比较），如一级“项目完成指标”、二级“效果指标”。",
    defaultSeverity: "info",
    category: "指标归类",
    fix: "safe-or-user",
  }),
  checkTable(table) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const r of table.indicatorBlock.rows) {
      for (const [level, ref] of [
        [1, r.level1],
        [2, r.level2],
      ] as const) {
        if (!ref.cell || !ref.text || seen.has(ref.cell)) continue;
        seen.add(ref.cell);
        const match = level === 1 ? (matchLevel1(ref.text) ?? matchLevel2(ref.text)) : matchLevel2(ref.text);
        if (match && match.standard) continue;
        if (level === 2 && !match && matchLevel1(ref.text)) {
          // a 一级 name (or alias) in the 二级 column: no rename can be guessed safely
          const parent = matchLevel1(ref.text)!.name;
          const example = LEVEL2_ORDER.find((l2) => LEVEL2_PARENTS[l2].includes(parent));
          out.push({
            cell: ref.cell,
            about: ref.text,
            subject: `${level}:${ref.text}`,
            message: `二级指标写成了一级名称${q(ref.text, 10)}，请改为具体的二级指标（如“${example}指标”）`,
          });
          continue;
        }
        if (!match && !looksLikeCategory(ref.text) && ref.text.length > 12) continue;
        const suggestion = standardLevelText((match?.name ?? nearest(ref.text, level)) as never);
        out.push({
          cell: ref.cell,
          about: ref.text,
          subject: `${level}:${ref.text}`,
          message: `${level === 1 ? "一级" : "二级"}指标名称${q(ref.text, 14)}不规范，建议改为“${suggestion}”`,
          fix: quickFix(
            `改为“${suggestion}”`,
            setPlan(`规范指标类别名称`, table.sheet, ref.cell, ref.text, suggestion),
            !!match
          ),
        });
      }
    }
    return out;
  },
};
