/**
 * `perf-target templates [查询] [--level1 名称] [--level2 名称] [--sector 领域] [--json] [--config 文件]`:
 * the standard indicator library (plus the user templates of a settings file), listed or searched
 * (Chinese, full pinyin, pinyin initials), best match first.
 */
import { SECTOR_NAMES, TEMPLATES } from "../core/templates/library";
import { setPinyinProvider, PINYIN_OPTIONS, searchTemplates } from "../core/templates/search";
import type { IndicatorTemplate, TemplatePlaceholder } from "../core/templates/types";
import { LEVEL1_ORDER, LEVEL2_ORDER, matchLevel1, matchLevel2 } from "../core/vocabulary";
import { UsageError } from "./args";
import type { Paint } from "./output/text";

export interface TemplateQuery {
  readonly query: string;
  readonly level1: string | null;
  readonly level2: string | null;
  readonly sector: string | null;
  /** Validated user templates (from --config). */
  readonly user: readonly IndicatorTemplate[];
}

/** Installs pinyin-pro for texts the committed pinyin index does not hold (user templates). */
function installPinyin(): void {
  // loaded only when needed: the dictionary is large

  const { pinyin } = require("pinyin-pro") as typeof import("pinyin-pro");
  setPinyinProvider((text) => pinyin(text, PINYIN_OPTIONS));
}

export function findTemplates(q: TemplateQuery): IndicatorTemplate[] {
  if (q.level1 !== null && !matchLevel1(q.level1)) {
    throw new UsageError(`未知的一级指标“${q.level1}”。可用：${LEVEL1_ORDER.join("、")}（可带“指标”二字）。`);
  }
  if (q.level2 !== null && !matchLevel2(q.level2)) {
    throw new UsageError(`未知的二级指标“${q.level2}”。可用：${LEVEL2_ORDER.join("、")}（可带“指标”二字）。`);
  }
  const list = q.user.length ? [...TEMPLATES, ...q.user] : TEMPLATES;
  if (q.sector !== null && !list.some((t) => t.sector === q.sector)) {
    throw new UsageError(`未知的领域“${q.sector}”。可用：${SECTOR_NAMES.join("、")}。`);
  }
  if (q.user.length) installPinyin();
  return searchTemplates(q.query, { templates: list, level1: q.level1, level2: q.level2, sector: q.sector }).map(
    (r) => r.template
  );
}

function placeholderJson(p: TemplatePlaceholder): Record<string, unknown> {
  const o: Record<string, unknown> = { key: p.key, label: p.label, type: p.type, default: p.default };
  if (p.min !== undefined) o.min = p.min;
  if (p.max !== undefined) o.max = p.max;
  if (p.choices !== undefined) o.choices = p.choices;
  return o;
}

export function templatesJson(list: readonly IndicatorTemplate[]): string {
  const templates = list.map((t) => ({
    id: t.id,
    level1: t.level1,
    level2: t.level2,
    name: t.name,
    value: t.value,
    explanation: t.explanation,
    placeholders: t.placeholders.map(placeholderJson),
    sector: t.sector,
    source: t.source,
  }));
  return JSON.stringify({ templates }, null, 2) + "\n";
}

function placeholderText(p: TemplatePlaceholder): string {
  const d = p.default === null ? "必填" : `默认“${p.default}”`;
  return `{${p.key}} ${p.label}（${d}）`;
}

export function templatesText(list: readonly IndicatorTemplate[], q: TemplateQuery, p: Paint): string {
  const filters = [
    q.query ? `“${q.query}”` : "",
    q.level1 ? `一级：${q.level1}` : "",
    q.level2 ? `二级：${q.level2}` : "",
    q.sector ? `领域：${q.sector}` : "",
  ]
    .filter(Boolean)
    .join("，");
  if (list.length === 0)
    return `没有找到匹配的模板${filters ? `（${filters}）` : ""}。可以换个词，或用拼音首字母（如 myd = 满意度）。\n`;
  const head = q.query
    ? `找到 ${list.length} 个模板（${filters}），最匹配的在前：`
    : filters
      ? `${filters}的模板，共 ${list.length} 个：`
      : `标准指标模板，共 ${list.length} 个：`;
  const lines = [head, ""];
  list.forEach((t, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${p.bold(t.name)}  ${p.dim(`[${t.id}]`)}  ${t.level1}指标 / ${t.level2}指标  ${t.sector}`
    );
    lines.push(`     指标值：${t.value}`);
    lines.push(`     解释：${t.explanation}`);
    if (t.placeholders.length) lines.push(`     填写：${t.placeholders.map(placeholderText).join("；")}`);
    lines.push(p.dim(`     来源：${t.source}`));
  });
  return lines.join("\n") + "\n";
}
