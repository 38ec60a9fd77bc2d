/** vague-value 指标值不可衡量 (RULES.md C): warning under 数量/质量/时效/成本, info under 效益/满意度. */
import type { FixInput, QuickFix } from "../finding";
import type { Indicator } from "../model";
import type { IndicatorTemplate } from "../templates/types";
import { parseTargetValue } from "../parse/value";
import { bestTemplateFor } from "../templates/match";
import { valueIsMissing } from "./missing-value";
import type { FindingDraft, Rule } from "./types";
import { expectsQuantity, indicatorsOf, meta, q, quickFix, setPlan } from "./util";

/** The matching standard template's quantitative value ("≥{目标值}%"), its blanks as the fix's inputs. */
function templateValueFix(i: Indicator, sheet: string, templates: readonly IndicatorTemplate[]): QuickFix | null {
  // only a close match: the new value must fit the name that stays
  const t = bestTemplateFor(i, templates, 0.7);
  if (
    !t ||
    t.level2 !== i.level2.standard ||
    parseTargetValue(t.value.replace(/\{[^}]*\}/g, "1")).kind !== "quantitative"
  )
    return null;
  const keys = [...t.value.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
  const inputs: FixInput[] = t.placeholders
    .filter((p) => keys.includes(p.key))
    .map((p) => ({
      placeholder: `{${p.key}}`,
      label: p.label,
      type: p.type === "integer" ? "integer" : "text",
      ...(p.default !== null ? { defaultValue: p.default } : {}),
    }));
  return quickFix(
    `改用标准指标值“${t.value}”`,
    setPlan(`为“${i.name}”填入可量化的指标值`, sheet, i.valueCell!, i.value.raw, t.value),
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
    category: "指标值",
    fixable: true,
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    const year = ctx.budgetYear(table);
    for (const i of indicatorsOf(table)) {
      if (i.value.kind !== "qualitative" || !i.valueCell || valueIsMissing(i)) continue;
      const raw = i.value.raw;
      const strict = expectsQuantity(i);
      const timely = i.level2.standard === "时效";
      const fix = timely
        ? quickFix(
            "改为具体完成时限",
            setPlan(`为“${i.name}”写明完成时限`, table.sheet, i.valueCell, raw, "{完成时限}"),
            false,
            [
              {
                placeholder: "{完成时限}",
                label: "完成时限",
                type: "text",
                defaultValue: `${year ?? "XXXX"}年12月31日前`,
              },
            ]
          )
        : strict
          ? () => templateValueFix(i, table.sheet, ctx.templates)
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
