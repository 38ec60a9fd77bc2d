/** Shared reasoning of the rules: what is a rate, a cost, a satisfaction indicator; message helpers. */
import type { EditPlan, SetCellStep } from "../edit-plan";
import type { FixInput, QuickFix } from "../finding";
import type { Indicator, Level2Name, TargetTable } from "../model";
import { clip } from "../text";
import { isMoneyUnit, isPercentUnit } from "../value";
import type { RuleContext, RuleMeta } from "./types";

function docsLink(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's metadata: `fixable` follows from `fix`, the doc link from the id. */
export function meta(m: Omit<RuleMeta, "docs" | "fixable">): RuleMeta {
  return { ...m, fixable: m.fix !== "none", docs: docsLink(m.id) };
}

/** “名称” clipped for a one-line message. */
export function q(text: string, max = 14): string {
  return `“${clip(text, max)}”`;
}

/** Indicator rows that hold an indicator (not blank 二级 rows or category rows). */
export function indicatorsOf(table: TargetTable): readonly Indicator[] {
  return table.indicatorBlock.indicators;
}

const RATE_NAME = /(率|比例|比率|占比|覆盖率|满意度|满意率|达标率|知晓率)[)）]?$/;

/** A rate: a 三级 name ending in 率/比例/比率/占比/覆盖率/满意度, or a value in %. */
/** The name without a trailing bracketed note ("培训覆盖率（%）" → "培训覆盖率"). */
export function bareName(name: string): string {
  const last = name.charCodeAt(name.length - 1);
  return last === 0x29 || last === 0xff09 ? name.replace(/[（(][^）)]*[）)]$/, "") : name;
}

export function isRate(i: Indicator, ctx: RuleContext): boolean {
  const name = bareName(i.name);
  if (RATE_NAME.test(name) && !/效率$/.test(name)) return true;
  return isPercentUnit(ctx.value(i).unit, ctx.vocabulary);
}

/** A satisfaction indicator: the name ends in 满意度/满意率/满意程度 ("满意度调查完成率" is not one). */
export function isSatisfaction(i: Indicator): boolean {
  return /(满意度|满意率|满意程度)(指标)?$/.test(bareName(i.name).trim());
}

/** The value as the user reads it: with the operator of its own column when the table has one. */
export function shownValue(i: Indicator, ctx: RuleContext): string {
  const v = ctx.value(i);
  return v.operatorSource === "column" && i.operatorText ? `${i.operatorText.trim()}${v.raw}` : v.raw;
}

const COST_LEVEL2: ReadonlySet<Level2Name> = new Set(["成本", "经济成本", "社会成本", "生态环境成本"]);

/** Under a cost category (成本 as 一级 or as a 二级 under 产出). */
export function isUnderCost(i: Indicator): boolean {
  return i.level1.standard === "成本" || (i.level2.standard !== null && COST_LEVEL2.has(i.level2.standard));
}

/** The value is in a money unit (vocabulary/values.json moneyUnits). */
export function hasMoneyUnit(i: Indicator, ctx: RuleContext): boolean {
  return isMoneyUnit(ctx.value(i).unit, ctx.vocabulary);
}

/** An amount of money spent (a cost or an input); money under 效益 is a benefit (带动投资, 增收金额). */
export function isCostAmount(i: Indicator, ctx: RuleContext): boolean {
  if (i.level1.standard === "效益" || i.level1.standard === "满意度") return false;
  return hasMoneyUnit(i, ctx) && /成本|费用|费|经费|支出|投入|投资|资金|金额|价格|单价|造价|预算/.test(i.name);
}

/** Under 数量/质量/时效/成本: where a quantity is expected. */
export function expectsQuantity(i: Indicator): boolean {
  if (i.level1.standard === "成本") return true;
  const l2 = i.level2.standard;
  return l2 === "数量" || l2 === "质量" || l2 === "时效" || (l2 !== null && COST_LEVEL2.has(l2));
}

/** Replaces a cell's text: a one-step plan. */
export function setPlan(label: string, sheet: string, address: string, oldText: string, newText: string): EditPlan {
  return {
    label,
    steps: [{ kind: "set", sheet, address, oldText, newText }],
    select: { sheet, address },
  };
}

/** A plan of cell edits (from the value model's operatorSteps/valueSteps) that selects `select` after. */
export function stepsPlan(label: string, steps: readonly SetCellStep[], select: string): EditPlan {
  return { label, steps, select: { sheet: steps[0].sheet, address: select } };
}

export function quickFix(title: string, plan: EditPlan, safe: boolean, inputs: readonly FixInput[] = []): QuickFix {
  return { title, plan, safe, inputs };
}

/** Replaces `{key}` placeholders of a plan's texts with values (used when the user gave a fix's inputs). */
export function fillPlan(plan: EditPlan, values: Readonly<Record<string, string>>): EditPlan {
  const fill = (text: string) => text.replace(/\{[^{}]+\}/g, (m) => (values[m] !== undefined ? values[m] : m));
  return {
    ...plan,
    steps: plan.steps.map((s) => (s.kind === "set" ? { ...s, newText: fill(s.newText) } : s)),
  };
}
