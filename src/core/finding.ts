/** Findings: what the rules report. See docs/rules/README.md and docs/glossary.md (问题 / 发现 = Finding). */
import type { EditPlan } from "./edit-plan";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };

/** How many findings of each severity. */
export function countsOf(findings: readonly { readonly severity: Severity }[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A value the user must give before a quick fix can be applied (a sample size, an operator). */
export interface FixInput {
  /** The placeholder in the fix's step texts that the value replaces, e.g. "{N}". */
  readonly placeholder: string;
  readonly label: string;
  readonly type: "integer" | "choice" | "text";
  readonly choices?: readonly string[];
  readonly defaultValue?: string;
  readonly min?: number;
}

export interface QuickFix {
  /** Button text, in Chinese ("改为"≥2%""). */
  readonly title: string;
  readonly plan: EditPlan;
  /** Values the user must supply; the plan's texts hold their placeholders until then. */
  readonly inputs: readonly FixInput[];
  /** Safe fixes need no judgement: "fix all" and `perf-target --fix` apply only these. */
  readonly safe: boolean;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the finding is about. */
  readonly cell: string;
  readonly row: number;
  /** One line in Chinese: what is wrong and what to do. */
  readonly message: string;
  /** Table id ("sheet!A4") and title. */
  readonly tableId: string;
  readonly tableTitle: string | null;
  /** The 三级 name (or header field label) the finding belongs to, null for table-level findings. */
  readonly indicator: string | null;
  /** The text the finding is about (value, explanation …): part of the fingerprint. */
  readonly subject: string;
  /** Other cells involved (the other duplicate, the parts of a total). */
  readonly relatedCells: readonly string[];
  readonly fix: QuickFix | null;
  /** Identifies the finding across re-checks, inserted and moved rows (not the row number). */
  readonly fingerprint: string;
}
