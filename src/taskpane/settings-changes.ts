/**
 * The changes the task pane makes to the workbook's settings, as pure functions: 忽略 / 恢复 a
 * finding, a rule's switch and severity, the settings file read back (the format `perf-target
 * --config` reads), the user's template files added. The Assistant saves what they return.
 */
import type { Finding } from "../core/finding";
import { normaliseSettings, type AddinSettings, type IgnoredFinding, type RuleSetting } from "../core/settings";
import { TEMPLATES } from "../core/templates/library";
import { parseUserTemplates } from "../core/templates/user";
import type { IndicatorTemplate } from "../core/templates/types";

/** The settings with the finding ignored (it stays out of the list and unmarked until restored). */
export function withIgnored(s: AddinSettings, f: Finding, today = new Date()): AddinSettings {
  const entry: IgnoredFinding = {
    fingerprint: f.fingerprint,
    rule: f.rule,
    sheet: f.sheet,
    indicator: f.indicator,
    message: f.message,
    ignoredAt: today.toISOString().slice(0, 10),
  };
  return { ...s, ignored: [...s.ignored, entry] };
}

/** The settings with a rule's switch and severity override (no severity: the rule's default). */
export function withRule(s: AddinSettings, id: string, setting: RuleSetting): AddinSettings {
  const rules = { ...s.rules };
  const clean: { enabled?: boolean; severity?: RuleSetting["severity"] } = {};
  if (setting.enabled === false) clean.enabled = false;
  if (setting.severity) clean.severity = setting.severity;
  if (clean.enabled === undefined && clean.severity === undefined) delete rules[id];
  else rules[id] = clean;
  return { ...s, rules };
}

/** The rule's severity override, kept when the rule is switched off. */
export function severityOverride(s: AddinSettings, id: string): RuleSetting["severity"] {
  const current = s.rules[id];
  if (typeof current === "object") return current.severity;
  return current === "error" || current === "warning" || current === "info" ? current : undefined;
}

/** A settings file read back: the settings (broken parts dropped) and what was wrong, or why it is not JSON. */
export function readSettingsFile(
  json: string
): { readonly settings: AddinSettings; readonly problems: readonly string[] } | { readonly error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { error: `设置文件不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` };
  }
  const { settings, problems } = normaliseSettings(data);
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

