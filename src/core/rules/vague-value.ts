/** vague-value 指标值不可衡量 (docs/rules, 指标值): warning under 数量/质量/时效/成本, info under 效益/满意度. */
import type { QuickFix } from "../finding";
import type { Indicator } from "../model";
import type { IndicatorTemplate } from "../templates/types";
import { bestTemplateFor } from "../templates/match";
import { placeholderInputs } from "../templates/placeholders";
import { parseValueText, valueSteps, type ValueText, type ValueVocabulary } from "../value";

/** A template value that becomes a quantity once filled: a number or blank with an operator or a unit ("≥{目标值}%", not "{完成日期}前"). */
function isQuantityForm(v: ValueText): boolean {
  return v.parts.some((p) => p.role === "number") && (v.operator !== null || v.unit !== null);
}
import { valueIsMissing } from "./missing-value";
import type { FindingDraft, Rule } from "./types";
import { expectsQuantity, indicatorsOf, meta, q, quickFix, stepsPlan } from "./util";

/** The matching standard template's quantitative value ("≥{目标值}%"), its blanks as the fix's inputs. */
function templateValueFix(
  i: Indicator,
  sheet: string,
  templates: readonly IndicatorTemplate[],
  vocab: ValueVocabulary
): QuickFix | null {
  // only a close match: the new value must fit the name that stays
  const t = bestTemplateFor(i, templates, 0.7);
  if (!t || t.level2 !== i.level2.standard || !isQuantityForm(parseValueText(t.value, vocab))) return null;
  const steps = valueSteps(i, sheet, t.value, vocab);
  if (!steps) return null;
  const inputs = placeholderInputs(t, t.value);
  return quickFix(
    `改用标准指标值“${t.value}”`,
    stepsPlan(`为“${i.name}”填入可量化的指标值`, steps, i.valueCell!),
    false,
    inputs
  );
}

export const vagueValue: Rule = {
  meta: meta({
    id: "vague-value",
    title: "指标值不可衡量",
    description:
      "指标值是“进一步加大”“有效加强”“显著”“按时限完成”等定性表述：在数量、质量、时效、成本指标下为警告，在效益、满意度指标下为提示（允许分级分档）。",
    defaultSeverity: "warning",
    severityNote: "效益、满意度下为提示",
    category: "指标值",
    fix: "user",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    const year = ctx.budgetYear(table);
    for (const i of indicatorsOf(table)) {
      const v = ctx.value(i);
      if (v.kind !== "qualitative" || !i.valueCell || valueIsMissing(v, ctx.vocabulary)) continue;
      const raw = v.raw;
      const strict = expectsQuantity(i);
      const timely = i.level2.standard === "时效";
      const deadlineSteps = timely ? valueSteps(i, table.sheet, "{完成时限}", ctx.vocabulary) : null;
      const fix =
        timely && deadlineSteps
          ? quickFix("改为具体完成时限", stepsPlan(`为“${i.name}”写明完成时限`, deadlineSteps, i.valueCell), false, [
              {
                placeholder: "{完成时限}",
                label: "完成时限",
                type: "text",
                defaultValue: `${year ?? "XXXX"}年12月31日前`,
              },
            ])
          : strict
            ? () => templateValueFix(i, table.sheet, ctx.templates, ctx.vocabulary)
            : null;
      out.push({
        cell: i.valueCell,
        indicator: i,
        subject: raw,
        severity: strict ? "warning" : "info",
        message: strict
          ? `指标${q(i.name, 12)}的指标值${q(raw, 10)}无法衡量，请改为${timely ? "具体完成时限" : "可量化的数值"}`
          : `指标${q(i.name, 12)}的指标值${q(raw, 10)}为定性表述，建议量化或分级分档`,
        fix,
      });
    }
    return out;
  },
};
