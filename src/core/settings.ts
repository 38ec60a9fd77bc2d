/**
 * The add-in's settings: rule switches and severities, the budget year, the ignore list, user
 * templates. Stored in the workbook by the adapters (they travel with the file); the command line's
 * --config file has the same format (the task pane's "导出设置").
 */
import type { Severity } from "./finding";
import type { IndicatorTemplate } from "./templates/types";

export interface RuleSetting {
  /** false switches the rule off. */
  readonly enabled?: boolean;
  /** Overrides the rule's default severity. */
  readonly severity?: Severity;
}

export interface IgnoredFinding {
  readonly fingerprint: string;
  readonly rule: string;
  readonly sheet: string;
  readonly indicator: string | null;
  readonly message: string;
  /** ISO date. */
  readonly ignoredAt: string;
}

export interface AddinSettings {
  readonly version: 1;
  /** Rule id → setting. A bare "off" or a severity is accepted too (ESLint style). */
  readonly rules: Readonly<Record<string, RuleSetting | "off" | Severity>>;
  /** Overrides the budget year read from each table. */
  readonly budgetYear: number | null;
  /** Highlight findings in the sheet. */
  readonly highlight: boolean;
  /** Add a note with the message to each marked cell (never over a note the user wrote). */
  readonly notes: boolean;
  readonly ignored: readonly IgnoredFinding[];
  readonly userTemplates: readonly IndicatorTemplate[];
}

export const DEFAULT_SETTINGS: AddinSettings = Object.freeze({
  version: 1,
  rules: {},
  budgetYear: null,
  highlight: true,
  notes: false,
  ignored: [],
  userTemplates: [],
});

const SEVERITIES: readonly string[] = ["error", "warning", "info"];

/**
 * Reads settings from untrusted JSON (a workbook, a --config file). Unknown keys are dropped,
 * wrong types fall back to the defaults; the problems found are returned in Chinese.
 */
export function normaliseSettings(input: unknown): { settings: AddinSettings; problems: string[] } {
  const problems: string[] = [];
  if (input === null || input === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof input !== "object" || Array.isArray(input)) {
    return { settings: DEFAULT_SETTINGS, problems: ["设置内容不是 JSON 对象，已使用默认设置。"] };
  }
  const o = input as Record<string, unknown>;
  const rules: Record<string, RuleSetting | "off" | Severity> = {};
  if (o.rules !== undefined) {
    if (typeof o.rules !== "object" || o.rules === null || Array.isArray(o.rules)) {
      problems.push("“rules”应为对象（规则编号 → 设置），已忽略。");
    } else {
      for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
        if (v === "off" || (typeof v === "string" && SEVERITIES.includes(v))) rules[id] = v as "off" | Severity;
        else if (v === false) rules[id] = { enabled: false };
        else if (v === true || v === "on") rules[id] = { enabled: true };
        else if (typeof v === "object" && v !== null) {
          const r = v as Record<string, unknown>;
          const s: { enabled?: boolean; severity?: Severity } = {};
          if (typeof r.enabled === "boolean") s.enabled = r.enabled;
          if (typeof r.severity === "string" && SEVERITIES.includes(r.severity)) s.severity = r.severity as Severity;
          else if (r.severity !== undefined)
            problems.push(`规则 ${id} 的严重程度“${String(r.severity)}”无效，应为 error / warning / info。`);
          rules[id] = s;
        } else problems.push(`规则 ${id} 的设置“${String(v)}”无效，已忽略。`);
      }
    }
  }
  let budgetYear: number | null = null;
  if (
    typeof o.budgetYear === "number" &&
    Number.isInteger(o.budgetYear) &&
    o.budgetYear >= 1990 &&
    o.budgetYear <= 2100
  ) {
    budgetYear = o.budgetYear;
  } else if (o.budgetYear !== undefined && o.budgetYear !== null) {
    problems.push(`预算年度“${String(o.budgetYear)}”无效，应为 1990–2100 之间的整数，已忽略。`);
  }
  const ignored: IgnoredFinding[] = [];
  if (Array.isArray(o.ignored)) {
    for (const item of o.ignored) {
      if (item && typeof item === "object" && typeof (item as IgnoredFinding).fingerprint === "string") {
        const i = item as Partial<IgnoredFinding>;
        ignored.push({
          fingerprint: i.fingerprint as string,
          rule: typeof i.rule === "string" ? i.rule : "",
          sheet: typeof i.sheet === "string" ? i.sheet : "",
          indicator: typeof i.indicator === "string" ? i.indicator : null,
          message: typeof i.message === "string" ? i.message : "",
          ignoredAt: typeof i.ignoredAt === "string" ? i.ignoredAt : "",
        });
      }
    }
  }
  const userTemplates = Array.isArray(o.userTemplates) ? (o.userTemplates as IndicatorTemplate[]) : [];
  return {
    settings: {
      version: 1,
      rules,
      budgetYear,
      highlight: typeof o.highlight === "boolean" ? o.highlight : DEFAULT_SETTINGS.highlight,
      notes: typeof o.notes === "boolean" ? o.notes : DEFAULT_SETTINGS.notes,
      ignored,
      userTemplates,
    },
    problems,
  };
}
