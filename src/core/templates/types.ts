/**
 * 标准指标模板: a standard indicator to insert while drafting. The library is data (one JSON file
 * per sector under library/); users add their own in the same format (docs/templates.md).
 */
import type { Level1Name, Level2Name } from "../model";

export interface TemplatePlaceholder {
  /** The name written in braces in the template's texts: "N" for {N}, "对象" for {对象}. */
  readonly key: string;
  /** What to ask the user, in Chinese ("抽样人数"). */
  readonly label: string;
  readonly type: "integer" | "number" | "text" | "date" | "choice";
  /** Default used when the user accepts the template as is; null = must be filled. */
  readonly default: string | null;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
}

export interface IndicatorTemplate {
  /** Stable id, kebab-case with a family prefix: "training-attendance-rate". */
  readonly id: string;
  readonly level1: Level1Name;
  readonly level2: Level2Name;
  /** 三级 name pattern: "{对象}满意度". */
  readonly name: string;
  /** 指标值 pattern: operator + number or placeholder + unit: "≥{目标值}%", "=100%", "≤{金额}万元". */
  readonly value: string;
  /** 指标解释 pattern, with its 计算公式 when the indicator is a rate. */
  readonly explanation: string;
  readonly placeholders: readonly TemplatePlaceholder[];
  readonly keywords: readonly string[];
  /** 领域: the kind of unit or work it serves (林业草原, 教育, 部门整体运转 …); 自定义 for a user template that names none. */
  readonly sector: string;
  /** The group within the sector (造林绿化, 森林防火, 培训, 会议 …). */
  readonly family: string;
  /** When to use it, one sentence in Chinese. */
  readonly note: string;
  /** Where it comes from, in words a compiler understands: the document's name (《…》（文号）), or 本项目根据实践编写. */
  readonly source: string;
}
