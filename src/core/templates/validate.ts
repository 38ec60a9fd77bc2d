/**
 * The schema every template must pass, the library's own and the ones users import
 * (docs/templates.md): fields and their types, 一级/二级, placeholders and their defaults.
 */
import type { Level1Name, Level2Name } from "../model";
import { LEVEL1_ORDER, LEVEL2_ORDER, LEVEL2_PARENTS } from "../vocabulary";
import { PLACEHOLDER_PATTERN, placeholderValueProblem, usedPlaceholderKeys } from "./placeholders";
import type { TemplatePlaceholder } from "./types";

const TYPES: readonly TemplatePlaceholder["type"][] = ["integer", "number", "text", "date", "choice"];
const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const REQUIRED_TEXT = ["id", "name", "value", "explanation", "sector", "family", "note", "source"] as const;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

function validatePlaceholder(p: unknown, index: number, out: string[]): string | null {
  const where = `占位符第${index + 1}项`;
  if (!p || typeof p !== "object" || Array.isArray(p)) {
    out.push(`${where}不是对象`);
    return null;
  }
  const o = p as Record<string, unknown>;
  if (typeof o.key !== "string" || !/^[^{}\s]{1,12}$/.test(o.key)) {
    out.push(`${where}的 key 应为 1–12 个字符、不含空格和花括号`);
    return null;
  }
  const key = o.key;
  const at = `占位符{${key}}`;
  if (typeof o.label !== "string" || o.label.trim() === "") out.push(`${at}缺少中文说明 label`);
  if (typeof o.type !== "string" || !TYPES.includes(o.type as TemplatePlaceholder["type"])) {
    out.push(`${at}的类型 type 应为 integer、number、text、date、choice 之一`);
    return key;
  }
  for (const k of ["min", "max"] as const) {
    if (o[k] !== undefined && (typeof o[k] !== "number" || !Number.isFinite(o[k]))) out.push(`${at}的 ${k} 应为数字`);
  }
  if (typeof o.min === "number" && typeof o.max === "number" && o.min > o.max) out.push(`${at}的 min 大于 max`);
  if (o.type === "choice") {
    if (!isStringArray(o.choices) || o.choices.length === 0) out.push(`${at}为选项类型，须给出 choices（选项列表）`);
  } else if (o.choices !== undefined && !isStringArray(o.choices)) {
    out.push(`${at}的 choices 应为文字列表`);
  }
  if (o.default === undefined) out.push(`${at}缺少默认值 default（可为 null，表示必须填写）`);
  else if (o.default !== null && typeof o.default !== "string") out.push(`${at}的默认值应为文字或 null`);
  else if (typeof o.default === "string") {
    const problem = placeholderValueProblem(o as unknown as TemplatePlaceholder, o.default);
    if (problem) out.push(`${at}的默认值不合规：${problem}`);
  }
  return key;
}

/**
 * Problems of one template (Chinese, one sentence each); [] when it is valid. Checks the fields
 * and their types, the 一级/二级 names and that the 二级 belongs to the 一级 (成本 under 产出 or
 * 成本), and that the placeholders used in name/value/explanation and the declared ones agree.
 */
export function validateTemplate(t: unknown): string[] {
  const out: string[] = [];
  if (!t || typeof t !== "object" || Array.isArray(t)) return ["模板不是 JSON 对象"];
  const o = t as Record<string, unknown>;
  for (const f of REQUIRED_TEXT) {
    if (typeof o[f] !== "string" || (o[f] as string).trim() === "") out.push(`缺少字段 ${f}（应为非空文字）`);
  }
  if (typeof o.id === "string" && o.id.trim() !== "" && !ID_PATTERN.test(o.id)) {
    out.push(`编号 id“${o.id}”应为小写英文、数字和连字符，并带类别前缀，如 training-attendance-rate`);
  }
  let level1: Level1Name | null = null;
  if (typeof o.level1 !== "string") out.push("缺少字段 level1（一级指标）");
  else if (!LEVEL1_ORDER.includes(o.level1 as Level1Name))
    out.push(`一级指标“${o.level1}”不在标准名称内（${LEVEL1_ORDER.join("、")}）`);
  else level1 = o.level1 as Level1Name;
  let level2: Level2Name | null = null;
  if (typeof o.level2 !== "string") out.push("缺少字段 level2（二级指标）");
  else if (!LEVEL2_ORDER.includes(o.level2 as Level2Name))
    out.push(`二级指标“${o.level2}”不在标准名称内（${LEVEL2_ORDER.join("、")}）`);
  else level2 = o.level2 as Level2Name;
  if (level1 && level2 && !LEVEL2_PARENTS[level2].includes(level1)) {
    out.push(`二级指标“${level2}”不属于一级指标“${level1}”（应在“${LEVEL2_PARENTS[level2].join("”或“")}”下）`);
  }
  if (!isStringArray(o.keywords)) out.push("缺少字段 keywords（应为文字列表，可为空）");

  const declared: string[] = [];
  if (!Array.isArray(o.placeholders)) out.push("缺少字段 placeholders（应为列表，可为空）");
  else {
    o.placeholders.forEach((p, i) => {
      const key = validatePlaceholder(p, i, out);
      if (key === null) return;
      if (declared.includes(key)) out.push(`占位符{${key}}重复声明`);
      else declared.push(key);
    });
  }
  if (typeof o.name === "string" && typeof o.value === "string" && typeof o.explanation === "string") {
    const used = usedPlaceholderKeys({ name: o.name, value: o.value, explanation: o.explanation });
    for (const k of used) if (!declared.includes(k)) out.push(`文字中用了占位符{${k}}，但 placeholders 中没有声明`);
    if (Array.isArray(o.placeholders))
      for (const k of declared)
        if (!used.includes(k)) out.push(`占位符{${k}}已声明，但名称、指标值和指标解释中都没有用到`);
    for (const [field, label] of [
      ["name", "三级指标名称"],
      ["value", "指标值"],
      ["explanation", "指标解释"],
    ] as const) {
      const text = o[field] as string;
      const stray = text.replace(PLACEHOLDER_PATTERN, "");
      if (/[{}]/.test(stray)) out.push(`${label}中的花括号不成对，或占位符名称超过12个字符、含空格`);
    }
  }
  return out;
}

/** Problems of a list: each template's (prefixed with its id or position) and duplicate ids. */
export function validateTemplates(list: readonly unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const id =
      t && typeof t === "object" && typeof (t as { id?: unknown }).id === "string" ? (t as { id: string }).id : "";
    const where = id ? `模板“${id}”` : `第${i + 1}个模板`;
    for (const p of validateTemplate(t)) out.push(`${where}：${p}`);
    if (id) {
      if (seen.has(id)) out.push(`${where}：编号 id 重复`);
      seen.add(id);
    }
  });
  return out;
}
