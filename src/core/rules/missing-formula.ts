/** missing-formula 比率指标缺少计算公式 (docs/rules, 解释与公式). */
import { isBlankText } from "../text";
import { formulaFor } from "../templates/suggest";
import type { Rule } from "./types";
import { indicatorsOf, isRate, meta, q, quickFix, setPlan } from "./util";

/** Marks of a calculation formula: "/", "÷", "×100%", "占…比", "计算公式". */
function hasFormula(text: string): boolean {
  return /[/÷／]|[×xX*＊]\s*100\s*[%％]|占.{0,30}(比|比重|比例)|计算公式|计算方法|公式[:：]|计算[:：]/.test(text);
}

export const missingFormula: Rule = {
  meta: meta({
    id: "missing-formula",
    title: "比率指标缺少计算公式",
    description: "比率类指标（名称以率、比例、占比、满意度结尾，或指标值为%）的解释里没有计算公式。",
    defaultSeverity: "warning",
    category: "解释与公式",
    fix: "user",
  }),
  checkTable(table, ctx) {
    if (table.indicatorBlock.roles.explanation === undefined) return [];
    return indicatorsOf(table)
      .filter(
        (i) =>
          i.name !== "" &&
          i.explanationCell &&
          !isBlankText(i.explanation) &&
          isRate(i, ctx) &&
          !hasFormula(i.explanation!)
      )
      .map((i) => {
        const explanation = i.explanation!;
        return {
          cell: i.explanationCell!,
          indicator: i,
          subject: explanation,
          message: `比率指标${q(i.name)}的解释缺少计算公式，请补充（如：分子/分母×100%）`,
          fix: () => {
            const formula = formulaFor(i, ctx.templates);
            const joined = /[。；;，,]$/.test(explanation)
              ? `${explanation}${formula.text}`
              : `${explanation}，${formula.text}`;
            return quickFix(
              "补充计算公式",
              setPlan(`为“${i.name}”补充计算公式`, table.sheet, i.explanationCell!, explanation, joined),
              false,
              formula.inputs
            );
          },
        };
      });
  },
};
