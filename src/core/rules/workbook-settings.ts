/**
 * workbook-settings (a notice, not a rule: it cannot be switched off by the settings it reports).
 * A workbook carries its author's settings; checked under them, rules may be off, severities
 * lowered and findings ignored. That is right for the author, but a reviewer must see it: this
 * notice says which rules the workbook's own settings switched off or lowered, how many findings
 * that hides, and how many findings it ignores. The command line adds it to a file's findings
 * when the workbook's own settings were used. Docs: docs/rules/workbook-settings.md.
 */
import { checkParsedWith, ruleState, type CheckResult } from "../checker";
import { countsOf, SEVERITY_LABEL, SEVERITY_ORDER, type Finding, type Severity } from "../finding";
import type { SheetGrid } from "../grid";
import type { AddinSettings } from "../settings";
import type { IndicatorTemplate } from "../templates/types";
import { RULES } from "./index";
import type { Rule } from "./types";

export const WORKBOOK_SETTINGS_NOTICE = {
  id: "workbook-settings",
  title: "工作簿自带的设置关闭了检查",
  description: "工作簿保存的设置关闭了规则、调低了级别或忽略了问题：说明是哪些规则、隐藏了多少问题。",
  defaultSeverity: "info" as Severity,
  docs: "workbook-settings.md",
} as const;

/** What the settings change against the defaults, per rule. */
interface SettingsEffect {
  readonly rule: string;
  /** "off": switched off; else the severity the rule's findings are lowered to. */
  readonly change: "off" | Severity;
  /** Findings of the rule the change hides (off) or lowers, by their severity under the defaults. */
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface SettingsEffects {
  readonly rules: readonly SettingsEffect[];
  /** Findings shown under the defaults that the settings' ignore list hides. */
  readonly ignored: number;
}

/**
 * What the settings hide in this check (`result`, made under `settings`): the rules they switch
 * off or lower, with the findings concerned; null when they hide nothing. `templates` are the ones
 * the check had (the library plus the settings' user templates): passed in, so the task pane's
 * first load, which reads this module's metadata, carries no template library.
 */
export function settingsEffects(
  result: CheckResult,
  settings: AddinSettings,
  grids: readonly SheetGrid[],
  templates: readonly IndicatorTemplate[],
  rules: readonly Rule[] = RULES
): SettingsEffects | null {
  const changed = rules
    .map((r) => ({ id: r.meta.id, rule: r, state: ruleState(settings, r.meta.id) }))
    .filter(({ state }) => !state.enabled || state.severity !== null);
  const defaults: AddinSettings = { ...settings, rules: {}, ignored: [] };
  const plain = changed.length
    ? checkParsedWith(
        result.parse,
        defaults,
        changed.map((c) => c.rule),
        { grids, templates }
      ).findings
    : [];
  const effects: SettingsEffect[] = [];
  for (const { id, state: s } of changed) {
    const own = plain.filter((f) => f.rule === id);
    const concerned = s.enabled ? own.filter((f) => SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[s.severity!]) : own;
    if (s.enabled && concerned.length === 0) continue; // raised, or lowered with nothing to lower
    effects.push({
      rule: id,
      change: s.enabled ? s.severity! : "off",
      counts: countsOf(concerned),
    });
  }
  const ignored = result.ignored.length;
  return effects.length || ignored ? { rules: effects, ignored } : null;
}

function total(c: Readonly<Record<Severity, number>>): number {
  return c.error + c.warning + c.info;
}

function countsText(c: Readonly<Record<Severity, number>>): string {
  const parts = (["error", "warning", "info"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${SEVERITY_LABEL[s]} ${c[s]}`);
  return parts.length ? parts.join(" · ") : "0 个";
}

/** One line in Chinese: which rules are off or lowered, how many findings that hides, how many are ignored. */
export function settingsEffectsMessage(e: SettingsEffects): string {
  const parts: string[] = [];
  const off = e.rules.filter((r) => r.change === "off");
  const lowered = e.rules.filter((r) => r.change !== "off");
  if (off.length)
    parts.push(`关闭了 ${off.length} 条规则（${off.map((r) => `${r.rule}：${countsText(r.counts)}`).join("；")}）`);
  if (lowered.length)
    parts.push(
      `调低了 ${lowered.length} 条规则的级别（${lowered.map((r) => `${r.rule} 改为${SEVERITY_LABEL[r.change as Severity]}：${countsText(r.counts)}`).join("；")}）`
    );
  if (e.ignored) parts.push(`忽略了 ${e.ignored} 个问题`);
  const hidden = off.reduce((n, r) => n + total(r.counts), 0) + e.ignored;
  const lower = lowered.reduce((n, r) => n + total(r.counts), 0);
  const sum = [hidden ? `隐藏 ${hidden} 个问题` : "", lower ? `降低 ${lower} 个问题的级别` : ""]
    .filter(Boolean)
    .join("、");
  return `本工作簿自带的设置${parts.join("，")}${sum ? `，共${sum}` : ""}。`;
}

/** The notice as a finding on the whole workbook (sheet "", cell A1), or null when the settings hide nothing. */
export function workbookSettingsNotice(e: SettingsEffects | null, hint = ""): Finding | null {
  if (!e) return null;
  return {
    rule: WORKBOOK_SETTINGS_NOTICE.id,
    severity: WORKBOOK_SETTINGS_NOTICE.defaultSeverity,
    sheet: "",
    cell: "A1",
    row: 1,
    message: settingsEffectsMessage(e) + hint,
    tableId: "",
    tableTitle: null,
    indicator: null,
    subject: "",
    relatedCells: [],
    fix: null,
    fingerprint: WORKBOOK_SETTINGS_NOTICE.id,
  };
}
