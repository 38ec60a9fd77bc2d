/**
 * Standard explanation texts for an indicator that has none (the quick fix of missing-explanation
 * and missing-formula): from the best-matching library template when there is one, else built
 * from the indicator's own name in the seed's house style. Blanks stay as {placeholders} that the
 * user fills (the fix declares them as inputs); left unfilled they stay flagged.
 */
import type { FixInput } from "../finding";
import type { Indicator } from "../model";
import { isPercentUnit } from "../value";
import { bestTemplateFor } from "./match";
import type { IndicatorTemplate } from "./types";

export interface ExplanationSuggestion {
  readonly text: string;
  readonly inputs: readonly FixInput[];
}

const SAMPLE_SIZE_INPUT: FixInput = { placeholder: "{N}", label: "抽样人数", type: "integer", min: 1 };

const RATE = /(率|比例|比率|占比)$/;

/** "预算单位对资金管理工作的满意度" → { object: 预算单位, work: 资金管理工作 }. */
function satisfactionParts(name: string): { object: string; work: string | null } {
  const stem = name.replace(/[（(][^）)]*[）)]$/, "").replace(/(的)?(满意度|满意率|满意程度)$/, "");
  const m = /^(.+?)对(.+)$/.exec(stem);
  if (m) return { object: m[1], work: m[2].replace(/的$/, "") };
  return { object: stem || "服务对象", work: null };
}

function isSatisfactionName(name: string): boolean {
  return /满意度|满意率|满意程度/.test(name);
}

/** The formula sentence for a rate: "计算公式：{分子}/{分母}×100%" (with inputs) or the closest template's. */
export function formulaFor(
  i: Pick<Indicator, "name">,
  templates: readonly IndicatorTemplate[]
): { text: string; inputs: FixInput[] } {
  if (isSatisfactionName(i.name)) return { text: "计算公式：满意问卷数/问卷总数×100%", inputs: [] };
  const t = bestTemplateFor(i, templates);
  if (t) {
    const m = /计算公式[:：][^。；;]*/.exec(t.explanation);
    if (m && !/\{/.test(m[0])) return { text: m[0], inputs: [] };
  }
  return {
    text: "计算公式：{分子}/{分母}×100%",
    inputs: [
      { placeholder: "{分子}", label: "公式的分子（如：验收合格数）", type: "text" },
      { placeholder: "{分母}", label: "公式的分母（如：验收总数）", type: "text" },
    ],
  };
}

export function suggestExplanation(i: Indicator, templates: readonly IndicatorTemplate[]): ExplanationSuggestion {
  const name = i.name.replace(/[（(][^）)]*[）)]$/, "");
  const isRate = RATE.test(name) || isSatisfactionName(name) || isPercentUnit(i.value.unit);
  if (isSatisfactionName(name)) {
    const { object, work } = satisfactionParts(name);
    const inputs: FixInput[] = [SAMPLE_SIZE_INPUT];
    if (!work)
      inputs.push({
        placeholder: "{评价的工作}",
        label: "评价的工作（如：财政评审工作）",
        type: "text",
        defaultValue: "相关工作",
      });
    const w = work ?? "{评价的工作}";
    return {
      text: `反映${object}对${w}的满意程度，随机抽取{N}名${object}发放调查问卷，计算公式：满意问卷数/问卷总数×100%`,
      inputs,
    };
  }
  const template = bestTemplateFor(i, templates);
  if (template && !/\{/.test(template.explanation)) {
    return { text: template.explanation, inputs: [] };
  }
  const stem = name.replace(RATE, "");
  if (isRate) {
    const f = formulaFor(i, templates);
    return { text: `反映${stem}情况，${f.text}`, inputs: f.inputs };
  }
  return { text: `反映${name}情况`, inputs: [] };
}
