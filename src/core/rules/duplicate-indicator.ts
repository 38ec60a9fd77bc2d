/** duplicate-indicator 指标重复 (docs/rules, 指标归类): the same (or near-same) 三级 name twice in a table. Linear. */
import type { Indicator } from "../model";
import { matchKey } from "../text";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

/** Name key: no spaces or punctuation, traditional → simplified, brackets unified. */
export function nameKey(name: string): string {
  const k = matchKey(name);
  return PUNCTUATION.test(k) ? k.replace(PUNCTUATION_ALL, "") : k;
}

const PUNCTUATION = /[()、，,。.；;:：“”"'‘’·\-—_]/;
const PUNCTUATION_ALL = new RegExp(PUNCTUATION.source, "g");

/** A template placeholder left as the name ("指标1:", "……"): placeholder-left's business, not a duplicate. */
function isPlaceholderName(key: string): boolean {
  return /^(指标\d*)?[…⋯.]*$/.test(key);
}

/** Other occurrences named in a finding (a sheet may repeat one name many times). */
const RELATED_LIMIT = 3;

export const duplicateIndicator: Rule = {
  meta: meta({
    id: "duplicate-indicator",
    title: "指标重复",
    description: "同一张表里同一个三级指标出现两次（忽略空格和标点后相同），无论指标值是否相同。",
    defaultSeverity: "warning",
    category: "指标归类",
    fix: "none",
  }),
  checkTable(table) {
    const byName = new Map<string, Indicator | Indicator[]>();
    for (const i of indicatorsOf(table)) {
      if (!i.name || !i.nameCell) continue;
      const k = nameKey(i.name);
      if (isPlaceholderName(k)) continue;
      const seen = byName.get(k);
      if (seen === undefined) byName.set(k, i);
      else if (Array.isArray(seen)) seen.push(i);
      else byName.set(k, [seen, i]);
    }
    const out: FindingDraft[] = [];
    for (const list of byName.values()) {
      if (!Array.isArray(list)) continue;
      const differ = new Set(list.map((i) => i.value.raw)).size > 1;
      const sample = list.slice(0, RELATED_LIMIT + 1);
      for (const i of list) {
        const others = sample.filter((x) => x !== i).slice(0, RELATED_LIMIT);
        const rows = others.map((x) => x.row).join("、") + (list.length - 1 > others.length ? "等" : "");
        out.push({
          cell: i.nameCell!,
          indicator: i,
          subject: i.name,
          relatedCells: others.map((x) => x.nameCell!),
          message: `指标${q(i.name, 14)}与第${rows}行重复${differ ? "且指标值不同" : ""}，请合并或删除`,
        });
      }
    }
    return out;
  },
};
