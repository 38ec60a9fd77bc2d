/**
 * --config: the settings file (the task pane's "导出设置": rule switches and severities, budget
 * year, ignore list, user templates), read with the core's normaliseSettings. A file that cannot
 * be read or is not JSON stops the run (exit 2); problems inside it are warnings.
 */
import { promises as fs } from "node:fs";
import { RULES } from "../core/rules";
import { normaliseSettings, type AddinSettings } from "../core/settings";
import { parseUserTemplates } from "../core/templates/user";
import type { IndicatorTemplate } from "../core/templates/types";
import { UsageError } from "./args";
import { readFailureReason } from "./files";
import { colourFor, paint } from "./output/text";
import { readJsonText } from "../core/json-text";

export interface LoadedConfig {
  readonly settings: AddinSettings;
  /** The valid user templates. */
  readonly userTemplates: readonly IndicatorTemplate[];
  /** What was wrong inside the file, in Chinese (printed on stderr). */
  readonly problems: readonly string[];
}

const KNOWN_KEYS = ["version", "rules", "budgetYear", "highlight", "notes", "ignored", "userTemplates"];

/**
 * What normaliseSettings drops without a word: unknown keys, switches that are not true/false, an
 * ignore list or template list that is not a list, ignored entries without a fingerprint.
 */
function typeProblems(data: unknown): string[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const o = data as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(o)) if (!KNOWN_KEYS.includes(key)) out.push(`没有“${key}”这一项设置，已忽略。`);
  for (const key of ["highlight", "notes"])
    if (o[key] !== undefined && typeof o[key] !== "boolean")
      out.push(`“${key}”应为 true 或 false（现在是 ${JSON.stringify(o[key])}），已忽略，使用默认值。`);
  for (const key of ["ignored", "userTemplates"])
    if (o[key] !== undefined && !Array.isArray(o[key])) out.push(`“${key}”应为数组（[…]），已忽略。`);
  if (Array.isArray(o.ignored))
    o.ignored.forEach((item: unknown, i) => {
      const fp = item && typeof item === "object" ? (item as { fingerprint?: unknown }).fingerprint : undefined;
      if (typeof fp !== "string") out.push(`“ignored”的第 ${i + 1} 项没有“fingerprint”（问题的标识），已忽略。`);
    });
  if (o.version !== undefined && o.version !== 1)
    out.push(`“version”应为 1（现在是 ${JSON.stringify(o.version)}），按版本 1 读取。`);
  return out;
}

async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`无法读取设置文件“${file}”：${readFailureReason(e)}。`);
  }
  const read = readJsonText(text);
  if (!read.ok)
    throw new UsageError(`设置文件“${file}”不是有效的 JSON：${read.problem}。请使用任务窗格“导出设置”得到的文件。`);
  const data = read.data;
  const { settings, problems } = normaliseSettings(data);
  const all = [...problems, ...typeProblems(data)].map((p) => `设置文件“${file}”：${p}`);
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of Object.keys(settings.rules)) {
    if (!known.has(id))
      all.push(`设置文件“${file}”：没有编号为“${id}”的规则，已忽略（perf-target --rules 列出全部规则）。`);
  }
  let userTemplates: IndicatorTemplate[] = [];
  if (settings.userTemplates.length) {
    const parsed = parseUserTemplates(JSON.stringify(settings.userTemplates));
    userTemplates = parsed.templates;
    for (const p of parsed.problems) all.push(`设置文件“${file}”的自定义模板：${p}`);
  }
  return { settings: { ...settings, userTemplates }, userTemplates, problems: all };
}

/** --config, when given: the settings file read, its problems printed on stderr. */
export async function configFromOption(file: string | null): Promise<LoadedConfig | null> {
  if (!file) return null;
  const loaded = await loadConfig(file);
  const pe = paint(colourFor(process.stderr));
  for (const problem of loaded.problems) process.stderr.write(`${pe.yellow("注意：")}${problem}\n`);
  return loaded;
}
