/**
 * 标准指标模板库: typed access to library.json, the schema check every template must pass (the
 * library's own and the ones users import), and the user templates' JSON import/export format
 * (docs/templates.md). Pure TypeScript: no Node, DOM or Office.
 */
import type { Level1Name, Level2Name } from "../model";
import { LEVEL1_ORDER, LEVEL2_ORDER, LEVEL2_PARENTS, matchLevel1, matchLevel2 } from "../vocabulary";
import library from "./library.json";
import type { IndicatorTemplate, TemplatePlaceholder } from "./types";

/** The built-in library, in library order (the order search uses to break ties). */
export const TEMPLATES: readonly IndicatorTemplate[] = Object.freeze(
  (library.templates as unknown as IndicatorTemplate[]).map((t) => Object.freeze(t))
);

const byId = new Map<string, IndicatorTemplate>(TEMPLATES.map((t) => [t.id, t]));

/** A built-in template by id. */
export function templateById(id: string): IndicatorTemplate | undefined {
  return byId.get(id);
}

/** The family names of the built-in library, in order of first appearance. */
export const TEMPLATE_FAMILIES: readonly string[] = Object.freeze([...new Set(TEMPLATES.map((t) => t.family))]);

/* ------------------------------------------------------------------ placeholders */

/** `{key}`: a key is 1–12 characters, no braces or white space (the parser's placeholder pattern). */
export const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,12})\}/g;

/** The placeholder keys used in a text, in order of first use. */
export function placeholderKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) if (!keys.includes(m[1])) keys.push(m[1]);
  return keys;
}

/** The keys used anywhere in a template's name, value and explanation. */
export function usedPlaceholderKeys(t: Pick<IndicatorTemplate, "name" | "value" | "explanation">): string[] {
  const keys: string[] = [];
  for (const text of [t.name, t.value, t.explanation])
    for (const k of placeholderKeys(text)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

const TYPES: readonly TemplatePlaceholder["type"][] = ["integer", "number", "text", "date", "choice"];

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^()(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
];

/** "2025-12-31", "2025/12/31", "2025年12月31日", "12月31日" → "2025年12月31日" / "12月31日"; null when not a date. */
export function normaliseDate(text: string): string | null {
  const t = text.trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (m[1]) {
      const year = Number(m[1]);
      if (year < 1990 || year > 2100) return null;
      return `${year}年${month}月${day}日`;
    }
    return `${month}月${day}日`;
  }
  return null;
}

/** Full-width digits, signs and points → ASCII ("９５" → "95"). */
export function halfWidthNumber(text: string): string {
  return text.trim().replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * What is wrong with a value for a placeholder (Chinese), or null when it fits the placeholder's
 * type, min, max and choices. Used for defaults (validateTemplate) and for what users type (fill.ts).
 */
export function placeholderValueProblem(p: TemplatePlaceholder, raw: string): string | null {
  const label = p.label || p.key;
  const value = raw.trim();
  if (value === "") return `“${label}”不能为空`;
  if (/[{}]/.test(value)) return `“${label}”不能包含花括号`;
  const range = (n: number): string | null => {
    if (typeof p.min === "number" && n < p.min) return `“${label}”应不小于${p.min}`;
    if (typeof p.max === "number" && n > p.max) return `“${label}”应不大于${p.max}`;
    return null;
  };
  switch (p.type) {
    case "integer": {
      const v = halfWidthNumber(value);
      if (!/^[-+]?\d+$/.test(v)) return `“${label}”应为整数，现为“${value}”`;
      return range(Number(v));
    }
    case "number": {
      const v = halfWidthNumber(value);
      if (!/^[-+]?\d+(\.\d+)?$/.test(v)) return `“${label}”应为数字，现为“${value}”`;
      return range(Number(v));
    }
    case "date":
      return normaliseDate(value) === null ? `“${label}”应为日期，如“2025年12月31日”，现为“${value}”` : null;
    case "choice":
      return p.choices && p.choices.includes(value)
        ? null
        : `“${label}”应为以下之一：${(p.choices ?? []).join("、")}，现为“${value}”`;
    case "text":
      return /[\r\n]/.test(value) ? `“${label}”不能换行` : null;
    default:
      return `“${label}”的类型无效`;
  }
}

/* ------------------------------------------------------------------ validation */

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const REQUIRED_TEXT = ["id", "name", "value", "explanation", "family", "note", "source"] as const;

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

/* ------------------------------------------------------------------ user templates */

export interface UserTemplateImport {
  /** The valid templates, normalised (一级/二级 spelled the standard way, optional fields filled). */
  readonly templates: IndicatorTemplate[];
  /** Why entries were skipped, or what was wrong with the file, in Chinese. */
  readonly problems: string[];
}

/** The family of an imported template that names none. */
export const USER_FAMILY = "自定义";

/**
 * Fills what users may leave out (keywords, placeholders, family, note, source) and accepts the
 * usual spellings of the levels ("产出指标", "效果指标" → 产出, 效益). Anything else is left for
 * validateTemplate to judge.
 */
function normaliseUserTemplate(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const o = { ...(input as Record<string, unknown>) };
  if (typeof o.level1 === "string") {
    const m = matchLevel1(o.level1);
    if (m) o.level1 = m.name;
  }
  if (typeof o.level2 === "string") {
    const m = matchLevel2(o.level2);
    if (m) o.level2 = m.name;
  }
  for (const f of ["id", "name", "value", "explanation", "family", "note", "source"] as const) {
    if (typeof o[f] === "string") o[f] = (o[f] as string).trim();
  }
  if (o.keywords === undefined) o.keywords = [];
  if (o.placeholders === undefined) o.placeholders = [];
  if (o.family === undefined || o.family === "") o.family = USER_FAMILY;
  if (o.note === undefined || o.note === "") o.note = "用户自定义模板。";
  if (o.source === undefined || o.source === "") o.source = "user";
  return o;
}

/**
 * Reads a user template file: a JSON array of templates, or an object {"templates": [...]} (what
 * exportUserTemplates writes). Invalid entries are skipped and reported; so are ids that repeat
 * within the file or clash with `existing` (the built-in library by default).
 */
export function parseUserTemplates(
  json: string,
  options: { existing?: readonly IndicatorTemplate[] } = {}
): UserTemplateImport {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { templates: [], problems: [`文件不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`] };
  }
  let list: unknown[];
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === "object" && Array.isArray((data as { templates?: unknown }).templates)) {
    list = (data as { templates: unknown[] }).templates;
  } else {
    return { templates: [], problems: ["文件内容应为模板列表（JSON 数组），或带 templates 列表的对象"] };
  }
  if (list.length === 0) problems.push("文件中没有模板");
  const existing = new Set((options.existing ?? TEMPLATES).map((t) => t.id));
  const seen = new Set<string>();
  const templates: IndicatorTemplate[] = [];
  list.forEach((raw, i) => {
    const t = normaliseUserTemplate(raw);
    const id =
      t && typeof t === "object" && typeof (t as { id?: unknown }).id === "string" ? (t as { id: string }).id : "";
    const name =
      t && typeof t === "object" && typeof (t as { name?: unknown }).name === "string"
        ? (t as { name: string }).name
        : "";
    const where = `第${i + 1}个模板${name ? `“${name}”` : id ? `“${id}”` : ""}`;
    const own = validateTemplate(t);
    if (id && existing.has(id)) own.push(`编号“${id}”与已有模板重复，请改用其他编号`);
    else if (id && seen.has(id)) own.push(`编号“${id}”在文件中重复`);
    if (own.length > 0) {
      problems.push(`${where}未导入：${own.join("；")}`);
      return;
    }
    seen.add(id);
    templates.push(t as IndicatorTemplate);
  });
  return { templates, problems };
}

/** The field order of an exported template (the order of types.ts). */
const FIELD_ORDER: readonly (keyof IndicatorTemplate)[] = [
  "id",
  "level1",
  "level2",
  "name",
  "value",
  "explanation",
  "placeholders",
  "keywords",
  "family",
  "note",
  "source",
];
const PLACEHOLDER_ORDER: readonly (keyof TemplatePlaceholder)[] = [
  "key",
  "label",
  "type",
  "default",
  "min",
  "max",
  "choices",
];

function ordered<T extends object>(o: T, order: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (o[k] !== undefined) out[k as string] = o[k];
  return out;
}

/** The user template file: {"version":1,"templates":[…]}, two-space indented, readable by parseUserTemplates. */
export function exportUserTemplates(list: readonly IndicatorTemplate[]): string {
  const templates = list.map((t) => {
    const o = ordered(t, FIELD_ORDER);
    o.placeholders = t.placeholders.map((p) => ordered(p, PLACEHOLDER_ORDER));
    return o;
  });
  return JSON.stringify({ version: 1, templates }, null, 2) + "\n";
}
