/**
 * The settings file read back (the format `perf-target --config` reads) and the user's template
 * files added: pure functions over the template library, so they are part of the library's chunk
 * (library.ts), loaded when a file is read.
 */
import { normaliseSettings, type AddinSettings } from "../core/settings";
import { TEMPLATES } from "../core/templates/library";
import { parseUserTemplates } from "../core/templates/user";
import type { IndicatorTemplate } from "../core/templates/types";
import { readJsonText } from "../core/json-text";

/** A settings file read back: the settings (broken parts dropped) and what was wrong, or why it is not JSON. */
export function readSettingsFile(
  json: string
): { readonly settings: AddinSettings; readonly problems: readonly string[] } | { readonly error: string } {
  const read = readJsonText(json);
  if (!read.ok) return { error: `设置文件不是有效的 JSON：${read.problem}。` };
  const { settings, problems } = normaliseSettings(read.data);
  const parsed = settings.userTemplates.length
    ? parseUserTemplates(JSON.stringify(settings.userTemplates))
    : { templates: [], problems: [] };
  return {
    settings: { ...settings, userTemplates: parsed.templates },
    problems: [...problems, ...parsed.problems.map((p) => `自定义模板：${p}`)],
  };
}

/** The templates of a user template file that can be added to these settings, and what was wrong. */
export function readTemplatesFile(
  s: AddinSettings,
  json: string
): { readonly templates: readonly IndicatorTemplate[]; readonly problems: readonly string[] } {
  return parseUserTemplates(json, { existing: [...TEMPLATES, ...s.userTemplates] });
}
