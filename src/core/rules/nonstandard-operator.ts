/** nonstandard-operator 比较符号不规范 (docs/rules, 指标值): >=, <=, ≧, ≦, ═, ＝, words, a space after the sign. */
import type { Rule } from "./types";
import { indicatorsOf, meta, q, quickFix, setPlan } from "./util";

const STANDARD = new Set(["≥", "≤", "=", ">", "<"]);

export const nonstandardOperator: Rule = {
  meta: meta({
    id: "nonstandard-operator",
    title: "比较符号不规范",
    description: "比较符号写成“>=”“<=”“≧”“≦”“═”“＝”或“大于等于/不低于/不超过”等文字，或符号后多了空格。",
    defaultSeverity: "info",
    category: "指标值",
    fixable: true,
  }),
  checkTable(table) {
    const out = [];
    for (const i of indicatorsOf(table)) {
      const v = i.value;
      if (!v.operator || !v.operatorText || STANDARD.has(v.operatorText)) continue;
      const fromColumn = v.operatorSource === "column";
      const cell = fromColumn ? i.operatorCell : i.valueCell;
      if (!cell) continue;
      const oldText = fromColumn ? (i.operatorText ?? "") : v.raw;
      let newText: string;
      if (fromColumn) newText = v.operator;
      else if (v.raw.startsWith(v.operatorText)) newText = v.operator + v.raw.slice(v.operatorText.length).trim();
      else if (v.raw.endsWith(v.operatorText)) newText = v.operator + v.raw.slice(0, -v.operatorText.length).trim();
      else continue;
      const written =
        v.operatorText.trim() === v.operator ? `“${v.operatorText.trim()}”后有空格` : `写作“${v.operatorText.trim()}”`;
      out.push({
        cell,
        indicator: i,
        subject: oldText,
        message: `指标${q(i.name, 12)}的比较符号${written}，建议改为${q(newText, 12)}`,
        fix: quickFix(
          `改为${q(newText, 12)}`,
          setPlan(`规范“${i.name}”的比较符号`, table.sheet, cell, oldText, newText),
          true
        ),
      });
    }
    return out;
  },
};
