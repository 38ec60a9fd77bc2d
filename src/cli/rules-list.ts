/** `perf-target --rules`: the rule catalogue (Chinese title, default severity, category, quick fix), from the rules' metadata. */
import { ruleState } from "../core/check";
import { SEVERITY_LABEL } from "../core/finding";
import { RULES } from "../core/rules";
import { FIX_LABEL, SAFE_FIX_JSON } from "../core/rules/catalogue";
import type { AddinSettings } from "../core/settings";
import { columns } from "./output/width";
import type { Paint } from "./output/text";

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
      safeFix: SAFE_FIX_JSON[r.meta.fix],
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
    FIX_LABEL[r.meta.fix],
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
