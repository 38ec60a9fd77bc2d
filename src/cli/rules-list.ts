/** `perf-target --rules`: the rule catalogue (Chinese title, default severity, category, quick fix). */
import { ruleState } from "../core/check";
import { SEVERITY_LABEL } from "../core/finding";
import { RULES } from "../core/rules";
import type { AddinSettings } from "../core/settings";
import { columns } from "./output/width";
import type { Paint } from "./output/text";

/**
 * Rules whose quick fixes are all safe ("fix all" and --fix apply them). RuleMeta does not say;
 * this follows docs/rules/README.md, and test/cli/rules.test.ts keeps the two in step.
 */
export const SAFE_FIX = new Set(["placeholder-left", "nonstandard-operator", "rate-out-of-range", "formula-style"]);
/** Rules with a quick fix that is safe only sometimes. */
export const PARTLY_SAFE_FIX = new Set(["unknown-category"]);

function fixLabel(id: string, fixable: boolean): string {
  if (!fixable) return "无";
  if (SAFE_FIX.has(id)) return "有（安全）";
  if (PARTLY_SAFE_FIX.has(id)) return "有（部分安全）";
  return "有（需确认）";
}

function settingLabel(settings: AddinSettings, id: string): string {
  const s = ruleState(settings, id);
  if (!s.enabled) return "已关闭";
  if (s.severity) return `级别改为${SEVERITY_LABEL[s.severity]}`;
  return "默认";
}

export function rulesJson(settings: AddinSettings | null): string {
  const rules = RULES.map((r) => {
    const base = {
      id: r.meta.id,
      title: r.meta.title,
      description: r.meta.description,
      defaultSeverity: r.meta.defaultSeverity,
      category: r.meta.category,
      quickFix: r.meta.fixable,
      safeFix: !r.meta.fixable
        ? "none"
        : SAFE_FIX.has(r.meta.id)
          ? "all"
          : PARTLY_SAFE_FIX.has(r.meta.id)
            ? "some"
            : "none",
      docs: r.meta.docs,
    };
    if (!settings) return base;
    const s = ruleState(settings, r.meta.id);
    return { ...base, enabled: s.enabled, severity: s.severity ?? r.meta.defaultSeverity };
  });
  return JSON.stringify({ rules }, null, 2) + "\n";
}

export function rulesText(settings: AddinSettings | null, p: Paint): string {
  const header = ["编号", "名称", "默认级别", "类别", "快速修复", ...(settings ? ["设置文件中"] : [])];
  const rows = RULES.map((r) => [
    r.meta.id,
    r.meta.title,
    SEVERITY_LABEL[r.meta.defaultSeverity],
    r.meta.category,
    fixLabel(r.meta.id, r.meta.fixable),
    ...(settings ? [settingLabel(settings, r.meta.id)] : []),
  ]);
  const lines = columns([header, ...rows]);
  lines[0] = p.bold(lines[0]);
  return (
    `校验规则（共 ${RULES.length} 条）：\n` +
    lines.join("\n") +
    "\n\n级别：错误 = 提交前必须改正；警告 = 审核很可能退回；提示 = 写法和一致性。\n" +
    "“安全”的快速修复不需要判断，check --fix 只应用这类修复。每条规则的说明见 docs/rules/<编号>.md。\n" +
    '关闭规则或改变级别：在设置文件的 rules 中写 "规则编号": "off" 或 "warning" 等，用 --config 指定。\n'
  );
}
