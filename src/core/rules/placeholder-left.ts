/** placeholder-left 模板占位未替换 (docs/rules, 表格完整性): template text left in the table. */
import type { ValueVocabulary } from "../value";
import { findSampleBlanks } from "./blank-sample-size";
import type { FindingDraft, Rule } from "./types";
import { meta, q, quickFix, setPlan } from "./util";

interface Placeholder {
  readonly re: RegExp;
  /** The group that is the placeholder, when the pattern also matches context before it; else the whole match. */
  readonly group?: number;
  /** Removing the matched text is safe (annotations like "(必填)"). */
  readonly removable: boolean;
}

const PLACEHOLDERS: readonly Placeholder[] = [
  { re: /[（(]\s*(必填|选填|可选|示例)\s*[)）]/g, removable: true },
  // a template hint in brackets after a name: "开发数量(≥**个)", "(≥**%)" — removable from a name, not from a value
  { re: /[（(]\s*[≥≤=><]?\s*[*＊]{2,}\s*[^()（）]{0,6}[)）]/g, removable: true },
  { re: /^\s*指标\s*\d+\s*[:：]\s*/g, removable: true },
  { re: /\{[^{}]{1,20}\}/g, removable: false },
  { re: /[*＊]{2,}/g, removable: false },
  // not inside a Latin word; no lookbehind (EdgeHTML and Safari before 16.4 have none)
  { re: /(^|[^A-Za-z])(XX+|xx+|ＸＸ+)(?![A-Za-z])/g, removable: false, group: 2 },
  { re: /[_＿]{2,}/g, removable: false },
  { re: /□/g, removable: false },
];

/** Characters every placeholder contains: a quick test before the full search. */
const HINT = /[*＊_＿{□]|[xXＸ]{2}|[（(]\s*(必填|选填|可选|示例)|^\s*指标\s*\d/;

/** Placeholder texts in a cell text (sample-size blanks excluded: blank-sample-size reports those, with the same vocabulary). */
function findPlaceholders(
  text: string,
  vocab: ValueVocabulary
): { match: string; removable: boolean; index: number }[] {
  if (!HINT.test(text)) return [];
  const sampleBlanks = findSampleBlanks(text, vocab).filter((b) => b.blank.trim() !== "");
  const inSample = (index: number) => sampleBlanks.some((b) => index >= b.index && index < b.index + b.blank.length);
  const found: { match: string; removable: boolean; index: number }[] = [];
  for (const p of PLACEHOLDERS) {
    for (const m of text.matchAll(p.re)) {
      const match = m[p.group ?? 0];
      const index = (m.index ?? 0) + m[0].length - match.length;
      if (inSample(index)) continue;
      if (found.some((f) => index >= f.index && index < f.index + f.match.length)) continue;
      found.push({ match, removable: p.removable, index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function removeAll(text: string, found: readonly { match: string; index: number }[]): string {
  let out = text;
  for (const f of [...found].sort((a, b) => b.index - a.index))
    out = out.slice(0, f.index) + out.slice(f.index + f.match.length);
  return out.trim();
}

export const placeholderLeft: Rule = {
  meta: meta({
    id: "placeholder-left",
    title: "模板占位未替换",
    description:
      "表格里留着模板的占位文字：≥**个、(≥**%)、XX、**、{N}、__、(必填)、(选填)、“指标1:”，或类别名称末尾的“等”。",
    defaultSeverity: "error",
    category: "表格完整性",
    fix: "safe",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    const sheet = table.sheet;
    // allowFix false: in a value the placeholder is the value itself; removing it would leave nothing sensible
    const report = (
      cell: string | null,
      text: string,
      indicatorName: string,
      draftIndicator: FindingDraft["indicator"],
      about: string | null,
      allowFix = true
    ) => {
      if (!cell || !text) return;
      const found = findPlaceholders(text, ctx.vocabulary);
      if (found.length === 0) return;
      const allRemovable = found.every((f) => f.removable);
      const cleaned = removeAll(text, found);
      out.push({
        cell,
        indicator: draftIndicator ?? null,
        about,
        subject: text,
        message: `${indicatorName ? `指标${q(indicatorName)}` : q(about ?? "", 14)}留有模板占位${q(found.map((f) => f.match.trim()).join(" "), 10)}，请替换为实际内容`,
        fix:
          allowFix && allRemovable && cleaned
            ? quickFix("删除占位文字", setPlan("删除模板占位文字", sheet, cell, text, cleaned), true)
            : null,
      });
    };
    for (const i of table.indicatorBlock.indicators) {
      report(i.nameCell, i.name, i.name, i, null);
      report(i.valueCell, i.value.raw, i.name, i, null, false);
      if (i.explanation) report(i.explanationCell, i.explanation, i.name, i, null);
    }
    // a trailing 等 on a category name, once per group
    const seen = new Set<string>();
    for (const r of table.indicatorBlock.rows) {
      for (const level of [r.level1, r.level2]) {
        if (!level.cell || seen.has(level.cell)) continue;
        seen.add(level.cell);
        if (/等$/.test(level.text)) {
          out.push({
            cell: level.cell,
            about: level.text,
            subject: level.text,
            message: `类别名称${q(level.text, 14)}末尾的“等”是模板文字，请删除`,
            fix: quickFix(
              "删除“等”",
              setPlan("删除类别名称末尾的“等”", sheet, level.cell, level.text, level.text.replace(/等$/, "")),
              true
            ),
          });
        } else {
          report(level.cell, level.text, "", null, level.text);
        }
      }
    }
    for (const f of table.headerFields) report(f.valueCell, f.value, "", null, f.label ?? f.key);
    return out;
  },
};
