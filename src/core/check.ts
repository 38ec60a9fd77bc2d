/**
 * 校验: parse every sheet, run every enabled rule, apply the user's settings (switches, severities,
 * budget year, ignore list). Pure; the adapters supply the grids.
 */
import { fingerprintOf } from "./fingerprint";
import type { Finding, QuickFix, Severity } from "./finding";
import { SEVERITY_ORDER } from "./finding";
import type { SheetGrid } from "./grid";
import type { ParseProblem, TargetTable, WorkbookParse } from "./model";
import { parseCell } from "./grid";
import { parseWorkbook } from "./parse";
import { clip } from "./text";
import { RULES } from "./rules";
import type { Rule, RuleContext, FindingDraft } from "./rules/types";
import { DEFAULT_SETTINGS, type AddinSettings } from "./settings";
import { templatesFor } from "./templates/registry";
import type { IndicatorTemplate } from "./templates/types";

export interface CheckSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly ignored: number;
  readonly tables: number;
  readonly indicators: number;
  /** "可以提交" when no error remains, else "需修改后再提交". */
  readonly verdict: string;
}

export interface CheckResult {
  readonly parse: WorkbookParse;
  /** Findings to show, sorted by sheet order, row, column, rule. */
  readonly findings: readonly Finding[];
  /** Findings the user ignored (kept for the settings view). */
  readonly ignored: readonly Finding[];
  readonly summary: CheckSummary;
  /** What the parser could not understand, per sheet. */
  readonly problems: readonly ParseProblem[];
}

export interface RuleState {
  readonly enabled: boolean;
  readonly severity: Severity | null;
}

/** The effective switch and severity override of a rule under the settings. */
export function ruleState(settings: AddinSettings, id: string): RuleState {
  const s = settings.rules[id];
  if (s === undefined) return { enabled: true, severity: null };
  if (s === "off") return { enabled: false, severity: null };
  if (typeof s === "string") return { enabled: true, severity: s };
  return { enabled: s.enabled !== false, severity: s.severity ?? null };
}

export function verdictOf(errors: number): string {
  return errors === 0 ? "可以提交" : "需修改后再提交";
}

/** A finding under construction: its fingerprint is set once all are sorted (the k-th duplicate gets a suffix). */
interface Draft {
  readonly finding: { -readonly [K in keyof Finding]: Finding[K] };
  readonly fingerprintBase: string;
  readonly column: number;
}

function complete(rule: Rule, draft: FindingDraft, table: TargetTable | null, override: Severity | null): Draft {
  const t = draft.table ?? table;
  const sheet = draft.sheet ?? t?.sheet ?? "";
  const indicatorName = draft.indicator ? draft.indicator.name : (draft.about ?? null);
  const cell = parseCell(draft.cell);
  const fix = draft.fix;
  // a fix given as a function is built on first access (a check of many workbooks on the command
  // line never asks for most of them): an accessor property defined in the literal itself, so
  // nothing reads it on the way
  let built: QuickFix | null | undefined = typeof fix === "function" ? undefined : (fix ?? null);
  const finding: Draft["finding"] = {
    rule: rule.meta.id,
    severity: override ?? draft.severity ?? rule.meta.defaultSeverity,
    sheet,
    cell: draft.cell,
    row: cell.row,
    // rules keep messages short; this is the last guard of the one-line, ≤ 80 characters promise
    message: clip(/\s/.test(draft.message) ? draft.message.replace(/\s+/g, " ") : draft.message, 80),
    tableId: t?.id ?? "",
    tableTitle: t?.title ?? null,
    indicator: indicatorName,
    subject: draft.subject,
    relatedCells: draft.relatedCells ?? [],
    fingerprint: "",
    get fix(): QuickFix | null {
      if (built === undefined) built = (fix as () => QuickFix | null)() ?? null;
      return built;
    },
  };
  return {
    finding,
    fingerprintBase: fingerprintOf(sheet, rule.meta.id, indicatorName, draft.subject),
    column: cell.column,
  };
}

export function checkParsed(
  parse: WorkbookParse,
  settings: AddinSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
  /** The templates fixes draw on; default: the library plus the settings' user templates. */
  templates: readonly IndicatorTemplate[] = templatesFor(settings.userTemplates)
): CheckResult {
  const ctx: RuleContext = {
    workbook: parse,
    budgetYear: (table) => settings.budgetYear ?? table.budgetYear,
    templates,
  };
  const drafts: Draft[] = [];
  for (const rule of rules) {
    const state = ruleState(settings, rule.meta.id);
    if (!state.enabled) continue;
    if (rule.checkTable) {
      for (const table of parse.tables) {
        for (const d of rule.checkTable(table, ctx)) drafts.push(complete(rule, d, table, state.severity));
      }
    }
    if (rule.checkWorkbook) {
      for (const d of rule.checkWorkbook(ctx)) drafts.push(complete(rule, d, null, state.severity));
    }
  }
  // fingerprints: the k-th identical finding gets a suffix, so identical rows stay distinguishable
  const seen = new Map<string, number>();
  const sheetOrder = new Map(parse.sheets.map((s, i) => [s.sheet, i]));
  const keyed = drafts.map((d) => ({ d, sheet: sheetOrder.get(d.finding.sheet) ?? 0 }));
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      a.d.finding.row - b.d.finding.row ||
      a.d.column - b.d.column ||
      SEVERITY_ORDER[a.d.finding.severity] - SEVERITY_ORDER[b.d.finding.severity] ||
      (a.d.finding.rule < b.d.finding.rule ? -1 : a.d.finding.rule > b.d.finding.rule ? 1 : 0)
  );
  const ignoredSet = new Set(settings.ignored.map((i) => i.fingerprint));
  const findings: Finding[] = [];
  const ignored: Finding[] = [];
  for (const { d } of keyed) {
    const n = seen.get(d.fingerprintBase) ?? 0;
    seen.set(d.fingerprintBase, n + 1);
    d.finding.fingerprint = n === 0 ? d.fingerprintBase : `${d.fingerprintBase}~${n}`;
    (ignoredSet.has(d.finding.fingerprint) ? ignored : findings).push(d.finding);
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const count = (s: Severity) => counts[s];
  const errors = count("error");
  return {
    parse,
    findings,
    ignored,
    summary: {
      error: errors,
      warning: count("warning"),
      info: count("info"),
      ignored: ignored.length,
      tables: parse.tables.length,
      indicators: parse.tables.reduce((n, t) => n + t.indicatorBlock.indicators.length, 0),
      verdict: verdictOf(errors),
    },
    problems: parse.sheets.flatMap((s) => s.problems),
  };
}

/** Parses the grids and checks them. */
export function checkGrids(
  grids: readonly SheetGrid[],
  settings: AddinSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
  templates?: readonly IndicatorTemplate[]
): CheckResult {
  return checkParsed(parseWorkbook(grids), settings, rules, templates);
}
