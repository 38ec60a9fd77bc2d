/** The findings list's groups: by rule (catalogue order, worst first) or by sheet/table (workbook order). */
import type { Finding, Severity } from "../core/finding";
import { SEVERITY_ORDER } from "../core/finding";
import { RULES } from "../core/rules";
import { isAutoFix } from "./assistant";

export type GroupBy = "rule" | "table";

export interface FindingGroup {
  readonly key: string;
  readonly title: string;
  /** A second line: the table's title (by table), the rule's category (by rule). */
  readonly subtitle: string | null;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
  /** The rule, when grouped by rule. */
  readonly ruleId: string | null;
  /** Every finding of the group has a safe fix that needs no input: "全部修复" applies. */
  readonly autoFixable: boolean;
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.meta.id, i]));

function worst(list: readonly Finding[]): Severity {
  let s: Severity = "info";
  for (const f of list) if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[s]) s = f.severity;
  return s;
}

export function groupFindings(findings: readonly Finding[], by: GroupBy): FindingGroup[] {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = by === "rule" ? f.rule : f.tableId || `${f.sheet}!`;
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  const groups: FindingGroup[] = [];
  for (const [key, list] of map) {
    const first = list[0];
    if (by === "rule") {
      const meta = RULES[RULE_INDEX.get(key) ?? -1]?.meta;
      groups.push({
        key: `rule:${key}`,
        title: meta?.title ?? key,
        subtitle: meta?.category ?? null,
        severity: worst(list),
        findings: list,
        ruleId: key,
        autoFixable: list.every(isAutoFix),
      });
    } else {
      groups.push({
        key: `table:${key}`,
        title: first.sheet,
        subtitle: first.tableTitle,
        severity: worst(list),
        findings: list,
        ruleId: null,
        autoFixable: false,
      });
    }
  }
  if (by === "rule") {
    groups.sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (RULE_INDEX.get(a.ruleId!) ?? 99) - (RULE_INDEX.get(b.ruleId!) ?? 99)
    );
  }
  // by table: the findings come sorted by sheet order and row, so the map's order is the workbook's
  return groups;
}

/** Every finding in the order the list shows them (collapsed groups included). */
export function displayOrder(groups: readonly FindingGroup[]): Finding[] {
  return groups.flatMap((g) => g.findings);
}
