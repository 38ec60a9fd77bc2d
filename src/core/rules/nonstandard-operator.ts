/** nonstandard-operator 比较符号不规范 (docs/rules, 指标值): >=, <=, ≧, ≦, ═, ＝, words, a space after the sign. */
import { operatorSteps } from "../value";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, meta, q, quickFix, stepsPlan } from "./util";

export const nonstandardOperator: Rule = {
  meta: meta({
    id: "nonstandard-operator",
    title: "比较符号不规范",
    description: "比较符号写成“>=”“<=”“≧”“≦”“═”“＝”或“大于等于/不低于/不超过”“以上/以下”等文字，或符号后多了空格。",
    defaultSeverity: "info",
    category: "指标值",
    fix: "safe",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    const standard = new Set<string>(ctx.vocabulary.standardOperators);
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (!v.operator || !v.operatorText || standard.has(v.operatorText)) continue;
      const steps = operatorSteps(i, table.sheet, v.operator, ctx.vocabulary);
      // nothing to rewrite (a glyph the vocabulary does not list as standard, already written as itself)
      if (!steps || !i.valueCell || steps.every((s) => s.newText === s.oldText)) continue;
      const fromColumn = v.operatorSource === "column";
      const newText = steps.find((s) => s.address === i.valueCell)?.newText ?? steps[0].newText;
      const written =
        v.operatorText.trim() === v.operator ? `“${v.operatorText.trim()}”后有空格` : `写作“${v.operatorText.trim()}”`;
      out.push({
        cell: fromColumn && i.operatorCell ? i.operatorCell : i.valueCell,
        indicator: i,
        subject: fromColumn ? (i.operatorText ?? "") : v.raw,
        message: `指标${q(i.name, 12)}的比较符号${written}，建议改为${q(fromColumn ? v.operator : newText, 12)}`,
        fix: quickFix(
          `改为${q(fromColumn ? v.operator : newText, 12)}`,
          stepsPlan(`规范“${i.name}”的比较符号`, steps, steps[0].address),
          true
        ),
      });
    }
    return out;
  },
};
