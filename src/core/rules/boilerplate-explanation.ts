/** boilerplate-explanation 解释内容雷同 (docs/rules, 解释与公式): the same explanation on ≥ 3 different indicators of a table. */
import type { Indicator } from "../model";
import { isBlankText, matchKey } from "../text";
import type { FindingDraft, Rule } from "./types";
import { indicatorsOf, meta, q } from "./util";

const MIN_ROWS = 3;
const NEEDS_NORMALISING = /[\s\u3000]|[。．.，,；;]$/;
const RELATED_LIMIT = 5;

export const boilerplateExplanation: Rule = {
  meta: meta({
    id: "boilerplate-explanation",
    title: "解释内容雷同",
    description: "同一张表里，同一段指标解释被复制到 3 个及以上不同的指标上。",
    defaultSeverity: "info",
    category: "解释与公式",
    fix: "none",
  }),
  checkTable(table) {
    // one indicator per text until a second one shows up (most texts occur once)
    const groups = new Map<string, Indicator | Indicator[]>();
    for (const i of indicatorsOf(table)) {
      if (!i.explanation || !i.explanationCell || isBlankText(i.explanation)) continue;
      const e = i.explanation;
      const key = NEEDS_NORMALISING.test(e) ? e.replace(/[\s\u3000]+/g, "").replace(/[。．.，,；;]+$/, "") : e;
      const seen = groups.get(key);
      if (seen === undefined) groups.set(key, i);
      else if (Array.isArray(seen)) seen.push(i);
      else groups.set(key, [seen, i]);
    }
    const out: FindingDraft[] = [];
    for (const list of groups.values()) {
      if (!Array.isArray(list)) continue;
      const names = new Set(list.map((i) => matchKey(i.name)));
      if (list.length < MIN_ROWS || names.size < 2) continue;
      // related cells: the first few others (a sheet may repeat one text on thousands of rows)
      const sample = list.slice(0, RELATED_LIMIT + 1);
      for (const i of list) {
        out.push({
          cell: i.explanationCell!,
          indicator: i,
          subject: i.explanation!,
          relatedCells: sample
            .filter((x) => x !== i)
            .slice(0, RELATED_LIMIT)
            .map((x) => x.explanationCell!),
          message: `指标${q(i.name, 12)}的解释与另外${list.length - 1}个指标相同，请分别说明`,
        });
      }
    }
    return out;
  },
};
