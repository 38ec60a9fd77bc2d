/**
 * 校验: parse every sheet, run every enabled rule, apply the user's settings (switches, severities,
 * budget year, ignore list). Pure; the adapters supply the grids. A rule that throws on a table is
 * contained: the other rules' findings stand, and the failure is reported once (ruleFailures).
 *
 * The templates the fixes draw on are given explicitly here (the task pane loads the library as a
 * lazy chunk and passes it); check.ts is the same check with the standard library as the default.
 */
import { fingerprintOf } from "./fingerprint";
import type { Finding, QuickFix, Severity } from "./finding";
import { countsOf, SEVERITY_ORDER } from "./finding";
import type { SheetGrid } from "./grid";
import type { Indicator, ParseProblem, TargetTable, TargetValue, WorkbookParse } from "./model";
import { parseCell } from "./grid";
import { parseWorkbook } from "./parse";
import { rebasePlan } from "./rebase";
import { clip } from "./text";
import { RULES } from "./rules";
import type { Rule, RuleContext, FindingDraft } from "./rules/types";
import type { AddinSettings } from "./settings";
import { DEFAULT_VALUE_VOCABULARY, parseTargetValue, type ValueVocabulary } from "./value";
import type { IndicatorTemplate } from "./templates/types";

interface CheckSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly ignored: number;
  readonly tables: number;
  readonly indicators: number;
  /** "可以提交" when no error remains (and every rule ran), else why not. */
  readonly verdict: string;
}

/** A rule that threw: on one table, or on the workbook (table null). */
interface RuleFailure {
  readonly rule: string;
  readonly sheet: string | null;
  readonly tableId: string | null;
  /** One line in Chinese: "规则“…”（id）在…上出错：…". */
  readonly message: string;
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
  /** Rules that threw (a bug of the tool): each once per table, the rest of the check stands. */
  readonly ruleFailures: readonly RuleFailure[];
}

export interface CheckOptions {
  /** The words of values; default vocabulary/values.json. */
  readonly vocabulary?: ValueVocabulary;
  /**
   * The grids the parse was made from: fixes are then written against the cells' exact texts
   * (line breaks and double spaces the parser tidied away are kept). checkGrids passes them.
   */
  readonly grids?: readonly SheetGrid[];
  /** The templates fixes draw on; default: the library plus the settings' valid user templates. */
  readonly templates?: readonly IndicatorTemplate[];
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

/** "可以提交" only when there is no error and every rule could check the workbook. */
export function verdictOf(errors: number, ruleFailures = 0): string {
  if (errors > 0) return "需修改后再提交";
  return ruleFailures > 0 ? "校验未完成（有规则出错）" : "可以提交";
}

/** A finding under construction: its fingerprint is set once all are sorted (the k-th duplicate gets a suffix). */
interface Draft {
  readonly finding: { -readonly [K in keyof Finding]: Finding[K] };
  readonly fingerprintBase: string;
  readonly column: number;
}

type TextAt = (sheet: string, address: string) => string | undefined;

/** What a check needs besides the rule, the draft and the table. */
interface Completion {
  readonly override: Severity | null;
  readonly textAt: TextAt;
}

/** The fix as check() hands it out: safe only when the rule's metadata allows, written against the exact cell texts. */
function finishFix(rule: Rule, fix: QuickFix | null, textAt: TextAt): QuickFix | null {
  if (!fix) return null;
  const allowsSafe = rule.meta.fix === "safe" || rule.meta.fix === "safe-or-user";
  return { ...fix, safe: fix.safe && allowsSafe && fix.inputs.length === 0, plan: rebasePlan(fix.plan, textAt) };
}

function complete(rule: Rule, draft: FindingDraft, table: TargetTable | null, c: Completion): Draft {
  const t = draft.table ?? table;
  const sheet = draft.sheet ?? t?.sheet ?? "";
  const indicatorName = draft.indicator ? draft.indicator.name : (draft.about ?? null);
  const cell = parseCell(draft.cell);
  const fix = draft.fix;
  // a fix is finished on first access (a check of many workbooks on the command line never asks
  // for most of them; some are built from templates): an accessor property defined in the literal
  // itself, so nothing reads it on the way
  let built: QuickFix | null | undefined;
  const finding: Draft["finding"] = {
    rule: rule.meta.id,
    severity: c.override ?? draft.severity ?? rule.meta.defaultSeverity,
    sheet,
    cell: draft.cell,
    row: cell.row,
    // rules keep messages short; this is the last guard of the one-line, ≤ 80 characters promise
    // (clip collapses whitespace runs and line breaks)
    message: clip(draft.message, 80),
    tableId: t?.id ?? "",
    tableTitle: t?.title ?? null,
    indicator: indicatorName,
    subject: draft.subject,
    relatedCells: draft.relatedCells ?? [],
    fingerprint: "",
    get fix(): QuickFix | null {
      if (built === undefined) {
        try {
          built = finishFix(rule, typeof fix === "function" ? fix() : (fix ?? null), c.textAt);
        } catch {
          built = null; // a fix that cannot be built is no fix; the finding stands
        }
      }
      return built;
    },
  };
  return {
    finding,
    fingerprintBase: fingerprintOf(sheet, rule.meta.id, indicatorName, draft.subject),
    column: cell.column,
  };
}

function errorText(e: unknown): string {
  return clip(e instanceof Error ? e.message : String(e), 60);
}

/** Where a rule failed, for the message: the table's title, else its sheet and range. */
function whereOf(table: TargetTable | null): string {
  if (!table) return "整个工作簿";
  return table.title
    ? `表“${clip(table.title, 24)}”（工作表“${table.sheet}”）`
    : `工作表“${table.sheet}”的表格 ${table.range}`;
}

function failure(rule: Rule, table: TargetTable | null, e: unknown): RuleFailure {
  return {
    rule: rule.meta.id,
    sheet: table?.sheet ?? null,
    tableId: table?.id ?? null,
    message: `规则“${rule.meta.title}”（${rule.meta.id}）在${whereOf(table)}上出错：${errorText(e)}。其他规则的结果照常给出。`,
  };
}

/** Runs one rule on every table (and the workbook); a throw loses only that rule on that table. */
function runRule(rule: Rule, ctx: RuleContext, c: Completion, failures: RuleFailure[]): Draft[] {
  const out: Draft[] = [];
  const attempt = (table: TargetTable | null, run: () => FindingDraft[]) => {
    try {
      const drafts = run().map((d) => complete(rule, d, table, c));
      for (const d of drafts) out.push(d);
    } catch (e) {
      failures.push(failure(rule, table, e));
    }
  };
  if (rule.checkTable) for (const table of ctx.workbook.tables) attempt(table, () => rule.checkTable!(table, ctx));
  if (rule.checkWorkbook) attempt(null, () => rule.checkWorkbook!(ctx));
  return out;
}

/** CheckOptions with the templates given (the check itself never picks a default library). */
export type CheckWith = Omit<CheckOptions, "templates"> & { readonly templates: readonly IndicatorTemplate[] };

/** What the rules are given: the workbook, the budget year, the value vocabulary and values read with it. */
export function contextWith(
  parse: WorkbookParse,
  settings: AddinSettings,
  vocabulary: ValueVocabulary,
  templates: readonly IndicatorTemplate[]
): RuleContext {
  const value =
    vocabulary === DEFAULT_VALUE_VOCABULARY
      ? (i: Indicator): TargetValue => i.value
      : (i: Indicator): TargetValue =>
          i.value.kind === "deadline"
            ? i.value
            : parseTargetValue(
                i.value.raw,
                { storedAsNumber: i.value.storedAsNumber, operatorColumn: i.operatorText, unitColumn: i.unitText },
                vocabulary
              );
  return {
    workbook: parse,
    budgetYear: (table) => settings.budgetYear ?? table.budgetYear,
    vocabulary,
    value,
    templates,
  };
}

function textLookup(grids: readonly SheetGrid[] | undefined): TextAt {
  if (!grids) return () => undefined;
  const byName = new Map(grids.map((g) => [g.name, g]));
  return (sheet, address) => {
    const grid = byName.get(sheet);
    if (!grid) return undefined;
    const { row, column } = parseCell(address);
    return grid.cell(row, column)?.text ?? "";
  };
}

/** Sorts the drafts, gives each its fingerprint (the k-th identical one a suffix) and splits off the ignored. */
function sortDrafts(
  drafts: Draft[],
  parse: WorkbookParse,
  settings: AddinSettings
): { shown: Finding[]; ignored: Finding[] } {
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
  const shown: Finding[] = [];
  const ignored: Finding[] = [];
  for (const { d } of keyed) {
    const n = seen.get(d.fingerprintBase) ?? 0;
    seen.set(d.fingerprintBase, n + 1);
    d.finding.fingerprint = n === 0 ? d.fingerprintBase : `${d.fingerprintBase}~${n}`;
    (ignoredSet.has(d.finding.fingerprint) ? ignored : shown).push(d.finding);
  }
  return { shown, ignored };
}

export function checkParsedWith(
  parse: WorkbookParse,
  settings: AddinSettings,
  rules: readonly Rule[],
  options: CheckWith
): CheckResult {
  const ctx = contextWith(parse, settings, options.vocabulary ?? DEFAULT_VALUE_VOCABULARY, options.templates);
  const textAt = textLookup(options.grids);
  const drafts: Draft[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of rules) {
    const state = ruleState(settings, rule.meta.id);
    if (!state.enabled) continue;
    drafts.push(...runRule(rule, ctx, { override: state.severity, textAt }, ruleFailures));
  }
  const { shown: findings, ignored } = sortDrafts(drafts, parse, settings);
  const counts = countsOf(findings);
  return {
    parse,
    findings,
    ignored,
    summary: {
      error: counts.error,
      warning: counts.warning,
      info: counts.info,
      ignored: ignored.length,
      tables: parse.tables.length,
      indicators: parse.tables.reduce((n, t) => n + t.indicatorBlock.indicators.length, 0),
      verdict: verdictOf(counts.error, ruleFailures.length),
    },
    problems: parse.sheets.flatMap((s) => s.problems),
    ruleFailures,
  };
}

/** Parses the grids and checks them with the templates given. */
export function checkGridsWith(
  grids: readonly SheetGrid[],
  settings: AddinSettings,
  options: Omit<CheckWith, "grids">,
  rules: readonly Rule[] = RULES
): CheckResult {
  return checkParsedWith(parseWorkbook(grids), settings, rules, { ...options, grids });
}
