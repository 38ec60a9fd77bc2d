/**
 * What every list of the rules shows, generated from the rules' metadata (no second list kept by
 * hand): `perf-target --rules`, the settings view and the docs/rules/README.md index
 * (scripts/build-rules-index.ts writes it; test/rules/catalogue.test.ts keeps it in step).
 */
import { SEVERITY_LABEL } from "../finding";
import { RULES } from "./index";
import type { FixSafety, RuleMeta } from "./types";
import { WORKBOOK_SETTINGS_NOTICE } from "./workbook-settings";

/** Notices: findings that are not rules (the settings cannot switch them off), documented beside the rules. */
const NOTICES = [WORKBOOK_SETTINGS_NOTICE] as const;

export { RULE_CATEGORIES } from "./types";

export const FIX_LABEL: Readonly<Record<FixSafety, string>> = {
  none: "无",
  safe: "有（安全）",
  user: "有（需确认）",
  "safe-or-user": "有（部分安全）",
};

/** How `perf-target --rules --json` names a rule's fix safety (the JSON contract's values). */
export const SAFE_FIX_JSON: Readonly<Record<FixSafety, "all" | "some" | "none">> = {
  none: "none",
  safe: "all",
  user: "none",
  "safe-or-user": "some",
};

/** "警告", or "警告（效益、满意度下为提示）" when the severity depends on where the finding is. */
function defaultSeverityText(meta: RuleMeta): string {
  const label = SEVERITY_LABEL[meta.defaultSeverity];
  return meta.severityNote ? `${label}（${meta.severityNote}）` : label;
}

/** The table of docs/rules/README.md: one row per rule, in catalogue order. */
export function rulesIndexTable(rules = RULES): string {
  const rows = rules.map(
    ({ meta }) =>
      `| \`${meta.id}\` | ${meta.title} | ${defaultSeverityText(meta)} | ${meta.category} | ${FIX_LABEL[meta.fix]} | [${meta.id}.md](${meta.id}.md) |`
  );
  return ["| 编号 | 中文名 | 默认级别 | 类别 | 快速修复 | 文档 |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** The notices' table of docs/rules/README.md. */
export function noticesIndexTable(): string {
  const rows = NOTICES.map(
    (n) =>
      `| \`${n.id}\` | ${n.title} | ${SEVERITY_LABEL[n.defaultSeverity]} | ${n.description} | [${n.docs}](${n.docs}) |`
  );
  return ["| 编号 | 中文名 | 级别 | 说明 | 文档 |", "|---|---|---|---|---|", ...rows].join("\n");
}
