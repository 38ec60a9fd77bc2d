/**
 * User templates: the JSON import format (a list, or {"version":1,"templates":[…]}) and the export
 * the task pane writes (docs/templates.md). Every entry passes validateTemplate or is skipped with
 * a Chinese reason.
 */
import { matchLevel1, matchLevel2 } from "../vocabulary";
import { TEMPLATES } from "./library";
import type { IndicatorTemplate, TemplatePlaceholder } from "./types";
import { validateTemplate } from "./validate";
import { readJsonText } from "../json-text";

export interface UserTemplateImport {
  /** The valid templates, normalised (一级/二级 spelled the standard way, optional fields filled). */
  readonly templates: IndicatorTemplate[];
  /** Why entries were skipped, or what was wrong with the file, in Chinese. */
  readonly problems: string[];
}

/** The family and the sector of an imported template that names none. */
export const USER_FAMILY = "自定义";
export const USER_SECTOR = "自定义";
/** The source of an imported template that names none (older exports wrote "user"). */
export const USER_SOURCE = "用户自定义模板";

/**
 * Fills what users may leave out (keywords, placeholders, sector, family, note, source) and accepts the
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
  for (const f of ["id", "name", "value", "explanation", "sector", "family", "note", "source"] as const) {
    if (typeof o[f] === "string") o[f] = (o[f] as string).trim();
  }
  if (o.keywords === undefined) o.keywords = [];
  if (o.placeholders === undefined) o.placeholders = [];
  if (o.sector === undefined || o.sector === "") o.sector = USER_SECTOR;
  if (o.family === undefined || o.family === "") o.family = USER_FAMILY;
  if (o.note === undefined || o.note === "") o.note = "用户自定义模板。";
  if (o.source === undefined || o.source === "" || o.source === "user") o.source = USER_SOURCE;
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
  const read = readJsonText(json);
  if (!read.ok) return { templates: [], problems: [`文件不是有效的 JSON：${read.problem}`] };
  const data = read.data;
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
  "sector",
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
