/** missing-explanation 指标解释缺失 (docs/rules, 核心检查). */
import { isBlankText } from "../text";
import { suggestExplanation } from "../templates/suggest";
import type { Rule } from "./types";
import { indicatorsOf, isRate, meta, q, quickFix, setPlan } from "./util";

export const missingExplanation: Rule = {
  meta: meta({
    id: "missing-explanation",
    title: "指标解释缺失",
    description: "表格有“指标解释”列，但某个指标的解释为空（空白、“—”“/”“无”都算空）。",
    defaultSeverity: "error",
    category: "核心检查",
    fix: "user",
  }),
  checkTable(table, ctx) {
    if (table.indicatorBlock.roles.explanation === undefined) return [];
    return indicatorsOf(table)
      .filter((i) => i.name !== "" && i.explanationCell && isBlankText(i.explanation))
      .map((i) => ({
        cell: i.explanationCell!,
        indicator: i,
        subject: i.explanation ?? "",
        message: `指标${q(i.name)}缺少指标解释，请说明反映的内容${isRate(i, ctx) ? "和计算公式" : ""}`,
        // built when asked for: a check of many workbooks never needs most fixes
        fix: () => {
          const suggestion = suggestExplanation(i, ctx.templates);
          return quickFix(
            "填入标准解释",
            setPlan(`为“${i.name}”填入指标解释`, table.sheet, i.explanationCell!, i.explanation ?? "", suggestion.text),
            false,
            suggestion.inputs
          );
        },
      }));
  },
};
