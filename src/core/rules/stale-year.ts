/** stale-year 年份不符 (docs/rules, 前后一致): a past year still to be achieved, or a deadline after the budget year. */
import type { HeaderField } from "../model";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

/** "力争2022年基本建成", "到2023年实现", "2022年底前完成". */
const GOAL_BEFORE = /(力争|争取|确保|计划|预计|将于?|要|到|至)\s*(\d{4})\s*年(?!度?[）)])/g;
const GOAL_AFTER =
  /(\d{4})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)?\s*(?:前|之前|以前)?\s*(?:基本|全面|全部|初步)?(建成|完成|实现|达到|建立|形成)/g;
/** a deadline: "2026年12月31日前", "2026年底前". */
const DEADLINE = /(\d{4})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)?\s*(?:前|之前|以前|内)/g;

/** Words after a year that make it a past fact, not a goal: "在2023年建成的基础上", "2022年以来". */
const CONTEXT_AFTER = /^.{0,4}(的基础|基础上|以来|至今|成果|经验)/;

export function staleYears(
  text: string,
  budgetYear: number
): { year: number; snippet: string; kind: "past" | "late" } | null {
  if (!/\d{4}/.test(text)) return null;
  for (const re of [GOAL_BEFORE, GOAL_AFTER]) {
    for (const m of text.matchAll(re)) {
      const year = Number(re === GOAL_BEFORE ? m[2] : m[1]);
      const after = text.slice((m.index ?? 0) + m[0].length);
      if (CONTEXT_AFTER.test(after)) continue;
      if (year >= 1990 && year < budgetYear) return { year, snippet: m[0], kind: "past" };
    }
  }
  for (const m of text.matchAll(DEADLINE)) {
    const year = Number(m[1]);
    if (year > budgetYear && year < 2100) return { year, snippet: m[0], kind: "late" };
    if (year >= 1990 && year < budgetYear) return { year, snippet: m[0], kind: "past" };
  }
  return null;
}

const TARGET_KEYS = /^(年度目标|绩效目标|明细目标\d+|计划\d+)$/;

export const staleYear: Rule = {
  meta: meta({
    id: "stale-year",
    title: "年份不符",
    description:
      "目标文字把早于预算年度的年份当作待实现目标（如2025年表里写“力争2022年基本建成”），或完成时限晚于预算年度。",
    defaultSeverity: "warning",
    category: "前后一致",
    fix: "none",
  }),
  checkTable(table, ctx) {
    const year = ctx.budgetYear(table);
    if (year === null) return [];
    const out: FindingDraft[] = [];
    const message = (what: string, s: NonNullable<ReturnType<typeof staleYears>>) =>
      s.kind === "past"
        ? `${what}写${q(s.snippet, 14)}，${s.year}年早于预算年度${year}年，请更新`
        : `${what}的时限${q(s.snippet, 14)}晚于预算年度${year}年，请核实`;
    const fields: HeaderField[] = table.headerFields.filter((f) => TARGET_KEYS.test(f.key) && f.valueCell);
    for (const f of fields) {
      const s = staleYears(f.value, year);
      if (!s) continue;
      const label = (f.label ?? f.key).replace(/[:：]$/, "");
      out.push({
        cell: f.valueCell!,
        about: f.key === "年度目标" || !f.label ? f.key : label,
        subject: s.snippet,
        message: message(q(f.key, 10), s),
      });
    }
    for (const i of indicatorsOf(table)) {
      for (const [text, cell] of [
        [i.value.raw, i.valueCell],
        [i.name, i.nameCell],
      ] as const) {
        if (!text || !cell) continue;
        const s = staleYears(text, year);
        if (!s) continue;
        out.push({ cell, indicator: i, subject: s.snippet, message: message(`指标${q(i.name, 12)}`, s) });
        break;
      }
    }
    return out;
  },
};
