/** misplaced-indicator 指标归类不当 (docs/rules, 指标归类). */
import type { Indicator, Level1Name, Level2Name } from "../model";
import { planMove } from "../templates/plan";
import { LEVEL2_PARENTS, matchLevel1, matchLevel2 } from "../vocabulary";
import type { FindingDraft, Rule, RuleContext } from "./types";
import { hasMoneyUnit, indicatorsOf, isRate, isSatisfaction, isUnderCost, meta, q, quickFix } from "./util";

/** Words of a cost indicator (what it costs). */
const COST_WORDS = /成本|费|经费|资金|支出|投入|投资|预算|金额|价|额|节支|节约|控制率|采购|定额|标准|结余/;
const INPUT_WORDS = /投入|经费|支出|成本|费用/;

interface Misplacement {
  readonly cell: string;
  readonly message: string;
  readonly target: { level1: Level1Name; level2: Level2Name } | null;
  readonly subject: string;
}

function why(i: Indicator, ctx: RuleContext): Misplacement | null {
  const name = i.name;
  const l1 = i.level1.standard;
  const l2 = i.level2.standard;
  if (!i.nameCell) return null;
  if (isSatisfaction(i) && l1 !== "满意度" && l1 !== null) {
    return {
      cell: i.nameCell,
      subject: name,
      message: `满意度指标${q(name, 12)}应归入“满意度指标”，不应放在${q(i.level2.text || i.level1.text, 10)}下`,
      target: { level1: "满意度", level2: "服务对象满意度" },
    };
  }
  if (l2 === "数量" && isRate(i, ctx)) {
    const growth = /增长|增幅|增速/.test(name);
    return {
      cell: i.nameCell,
      subject: name,
      message: `比率指标${q(name, 12)}不是数量，应归入“${growth ? "经济效益" : "质量"}指标”`,
      target: growth ? { level1: "效益", level2: "经济效益" } : { level1: "产出", level2: "质量" },
    };
  }
  if (isUnderCost(i) && !COST_WORDS.test(name) && !hasMoneyUnit(i, ctx) && ctx.value(i).kind === "qualitative") {
    return {
      cell: i.nameCell,
      subject: name,
      message: `${q(name, 12)}是效益表述，不应放在成本指标下，应归入“效益指标”`,
      target: { level1: "效益", level2: "社会效益" },
    };
  }
  if ((l2 === "数量" || l2 === "质量" || l2 === "时效") && hasMoneyUnit(i, ctx) && INPUT_WORDS.test(name)) {
    return {
      cell: i.nameCell,
      subject: name,
      message: `${q(name, 12)}是资金投入，不是产出，应归入“成本指标”`,
      target: { level1: "产出", level2: "成本" },
    };
  }
  return null;
}

export const misplacedIndicator: Rule = {
  meta: meta({
    id: "misplaced-indicator",
    title: "指标归类不当",
    description:
      "三级指标与其二级/一级不符：满意度放在效益下、比率放在数量下、效益表述放在成本下、资金投入当作产出；二级名称写在一级列；二级不属于其一级。",
    defaultSeverity: "warning",
    category: "指标归类",
    fix: "user",
  }),
  checkTable(table, ctx) {
    const out: FindingDraft[] = [];
    for (const i of indicatorsOf(table)) {
      const m = why(i, ctx);
      if (!m) continue;
      const target = m.target;
      out.push({
        cell: m.cell,
        indicator: i,
        subject: m.subject,
        message: m.message,
        fix: target
          ? () => {
              const move = planMove(table, i, target);
              return move ? quickFix(`移到“${target.level2}指标”`, move, false) : null;
            }
          : null,
      });
    }
    // category-level problems, once per group
    const seen = new Set<string>();
    for (const r of table.indicatorBlock.rows) {
      const g1 = r.level1;
      if (g1.cell && !seen.has(g1.cell)) {
        seen.add(g1.cell);
        if (!matchLevel1(g1.text) && matchLevel2(g1.text)) {
          out.push({
            cell: g1.cell,
            about: g1.text,
            subject: `一级:${g1.text}`,
            message: `${q(g1.text, 12)}是二级指标名称，却写在一级指标列，请补写一级指标`,
          });
        }
      }
      const g2 = r.level2;
      if (g2.cell && g2.cell !== g1.cell && !seen.has(g2.cell) && g2.standard && r.level1.standard) {
        seen.add(g2.cell);
        if (!LEVEL2_PARENTS[g2.standard].includes(r.level1.standard)) {
          out.push({
            cell: g2.cell,
            about: g2.text,
            subject: `二级:${g2.text}`,
            message: `二级指标${q(g2.text, 12)}不属于一级指标${q(r.level1.text, 12)}，请调整归类`,
          });
        }
      }
    }
    return out;
  },
};
