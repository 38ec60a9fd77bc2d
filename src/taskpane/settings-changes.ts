/**
 * The changes the task pane makes to the workbook's settings, as pure functions: 忽略 / 恢复 a
 * finding, a rule's switch and severity. The settings file read back and the user's template files
 * added are in settings-files.ts (they need the template library, loaded on demand). The Assistant
 * saves what they return.
 */
import type { Finding } from "../core/finding";
import { type AddinSettings, type IgnoredFinding, type RuleSetting } from "../core/settings";

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
