/** formula-style 公式写法不规范 (docs/rules, 解释与公式): "*" or x/X as the multiplication sign instead of "×". */
import type { Rule } from "./types";
import { indicatorsOf, meta, q, quickFix, setPlan } from "./util";

const OPERAND_BEFORE = /[\u4e00-\u9fff）)\]\d%％]/;
const OPERAND_AFTER = /[\u4e00-\u9fff（(\d]/;

function neighbour(text: string, from: number, step: 1 | -1): string {
  let k = from + step;
  while (k >= 0 && k < text.length && (text[k] === " " || text[k] === "\u3000")) k += step;
  return text[k] ?? "";
}

/**
 * Rewrites ASCII "*" (or full-width "＊", or a letter x/X) used as a multiplication sign between two
 * operands of a formula ("问卷总数*100%", "天数x100%") as "×". "**" placeholders are left alone.
 */
export function fixFormulaStyle(text: string): string {
  if (!/[*＊xX]/.test(text)) return text;
  let out = "";
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === "*" || ch === "＊") {
      const star = (c: string | undefined) => c === "*" || c === "＊";
      if (
        !star(text[k - 1]) &&
        !star(text[k + 1]) &&
        OPERAND_BEFORE.test(neighbour(text, k, -1)) &&
        OPERAND_AFTER.test(neighbour(text, k, 1))
      ) {
        out += "×";
        continue;
      }
    } else if (ch === "x" || ch === "X") {
      // the letter only as in "总数x100%": between an operand and 100% (a model number "型号X100" is not a formula)
      const before = neighbour(text, k, -1);
      if (/[\u4e00-\u9fff）)\d]/.test(before) && /^\s*100\s*[%％]/.test(text.slice(k + 1))) {
        out += "×";
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export const formulaStyle: Rule = {
  meta: meta({
    id: "formula-style",
    title: "公式写法不规范",
    description: "计算公式用半角“*”或字母 x/X 作乘号（如“满意问卷数/问卷总数*100%”），应写作“×”。",
    defaultSeverity: "info",
    category: "解释与公式",
    fix: "safe",
  }),
  checkTable(table) {
    const out = [];
    for (const i of indicatorsOf(table)) {
      const text = i.explanation;
      if (!text || !i.explanationCell) continue;
      const fixed = fixFormulaStyle(text);
      if (fixed === text) continue;
      let sign = "*";
      for (let k = 0; k < text.length; k++) {
        if (text[k] !== fixed[k]) {
          sign = text[k];
          break;
        }
      }
      out.push({
        cell: i.explanationCell,
        indicator: i,
        subject: text,
        message: `指标${q(i.name)}的计算公式用“${sign}”作乘号，应写作“×”`,
        fix: quickFix(
          `把“${sign}”改为“×”`,
          setPlan(`规范“${i.name}”的计算公式`, table.sheet, i.explanationCell, text, fixed),
          true
        ),
      });
    }
    return out;
  },
};
