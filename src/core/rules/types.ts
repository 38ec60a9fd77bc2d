/**
 * What a rule is: metadata (id, Chinese title, default severity, category, what its quick fixes
 * are, docs) and a pure check over a parsed table or the whole workbook. One rule = one file in
 * this folder.
 */
import type { QuickFix, Severity } from "../finding";
import type { Indicator, TargetTable, TargetValue, WorkbookParse } from "../model";
import type { IndicatorTemplate } from "../templates/types";
import type { ValueVocabulary } from "../value";

export type FixSafety = "none" | "safe" | "user" | "safe-or-user";

/** The catalogue's six categories (docs/rules/README.md). */
/** The catalogue sections (docs/rules), A–F, in order. */
export const RULE_CATEGORIES = ["核心检查", "表格完整性", "指标值", "解释与公式", "指标归类", "前后一致"] as const;
type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface RuleMeta {
  /** kebab-case id of the catalogue (docs/rules/README.md): used in JSON, settings, ignore lists and docs/rules/<id>.md. */
  readonly id: string;
  /** Chinese title for the UI. */
  readonly title: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly category: RuleCategory;
  /**
   * What the rule's quick fixes are: none; "safe" (never change what the table means and need no
   * input: 全部修复 and `perf-target --fix` apply them unattended); "user" (need an input or a
   * choice, applied one by one); "safe-or-user" (some of each). check() never lets a fix be safe
   * that the metadata does not allow, and the rule tester checks every fix a rule emits against it.
   */
  readonly fix: FixSafety;
  /** The rule offers a quick fix (at least for some findings): `fix` is not "none". */
  readonly fixable: boolean;
  /** When the severity depends on where the finding is ("效益、满意度下为提示"). */
  readonly severityNote?: string;
  /** Relative link to the rule's doc page. */
  readonly docs: string;
}

/** What a rule reports; check() completes it into a Finding (severity, fingerprint, table). */
export interface FindingDraft {
  readonly cell: string;
  readonly message: string;
  /** The indicator the finding is about, if any. */
  readonly indicator?: Indicator | null;
  /** For findings not on an indicator: the header field label or category named. */
  readonly about?: string | null;
  /** The offending text (fingerprint part: survives moved rows). */
  readonly subject: string;
  /** Severity of this finding when it differs from the rule's default (vague-value under 效益). */
  readonly severity?: Severity;
  readonly relatedCells?: readonly string[];
  /** The quick fix, or a function that builds it when it is first asked for (costly fixes: plans from templates). */
  readonly fix?: QuickFix | null | (() => QuickFix | null);
  /** The sheet, when not the table's (workbook rules). */
  readonly sheet?: string;
  readonly table?: TargetTable;
}

export interface RuleContext {
  readonly workbook: WorkbookParse;
  /** The budget year that applies to a table (settings override, else the table's own). */
  budgetYear(table: TargetTable): number | null;
  /** The words of values (vocabulary/values.json unless the check was given others). */
  readonly vocabulary: ValueVocabulary;
  /** An indicator's value read with that vocabulary (the parser's own reading under the default). */
  value(i: Indicator): TargetValue;
  /** The templates quick fixes draw on: the library plus the settings' valid user templates. */
  readonly templates: readonly IndicatorTemplate[];
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Checks one table. */
  checkTable?(table: TargetTable, ctx: RuleContext): FindingDraft[];
  /** Checks the whole workbook (rules that compare tables). */
  checkWorkbook?(ctx: RuleContext): FindingDraft[];
}
