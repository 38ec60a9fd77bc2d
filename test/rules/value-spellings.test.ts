/**
 * Every spelling of test/fixtures/values/spellings.ts: the value model reads it as listed, and on
 * the value's cells exactly the listed rules report, each fix writing exactly the listed text (in a
 * cell with line breaks or double spaces, those outside the fix stay). After a fix, its finding is gone.
 */
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import type { RowGrid } from "../../src/core/grid";
import type { Indicator } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { fillPlan } from "../../src/core/rules/util";
import { parseTargetValue, parseValueText } from "../../src/core/value";
import { SPELLINGS, type Context, type Spelling } from "../fixtures/values/spellings";
import { PROJECT_FIELDS, sheetOf, VALID_ROWS } from "../helpers/tables";

const RATE_FORMULA = "计算公式：验收合格数/验收总数×100%";
const CONTEXT: Readonly<Record<Context, readonly [string, string, string, string]>> = {
  rate: ["产出指标", "质量指标", "验收合格率", RATE_FORMULA],
  badRate: ["产出指标", "质量指标", "差错率", "计算公式：差错数/总数×100%"],
  cost: ["产出指标", "成本指标", "设备购置成本", "反映设备购置支出"],
  count: ["产出指标", "数量指标", "培训期数", "反映培训期数"],
  satisfaction: [
    "满意度指标",
    "服务对象满意度指标",
    "服务对象满意度",
    "反映服务对象满意程度，随机抽取30名服务对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
  time: ["产出指标", "时效指标", "问题响应时间", "反映问题响应及时情况"],
  quality: ["产出指标", "质量指标", "服务周期内空气质量", "反映空气质量"],
  benefit: ["效益指标", "社会效益指标", "群众生活改善情况", "反映群众生活改善情况"],
  growth: ["效益指标", "经济效益指标", "全市一般公共预算收入增长率", "计算公式：（本年收入-上年收入）/上年收入×100%"],
};
/** A budget no cost of the list exceeds (budget-mismatch is not what this table is about). */
const FIELDS = PROJECT_FIELDS.map(([label, value]) =>
  label.startsWith("预算资金") ? ([label, 100_000_000] as const) : ([label, value] as const)
);
const COLUMN_HEADERS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标解释及计算公式"];

function gridsOf(s: Spelling): RowGrid[] {
  const [l1, l2, name, explanation] = CONTEXT[s.as];
  if (!s.cols)
    return [
      sheetOf("Sheet1", { year: 2025, fields: FIELDS, rows: [...VALID_ROWS, [l1, l2, name, s.text, explanation]] }),
    ];
  return [
    sheetOf("Sheet1", {
      year: 2025,
      fields: FIELDS,
      headers: COLUMN_HEADERS,
      rows: [[l1, l2, name, ...s.cols, explanation]],
    }),
  ];
}

function indicatorOf(grids: readonly RowGrid[], s: Spelling): Indicator {
  const name = CONTEXT[s.as][2];
  return parseWorkbook(grids).tables[0].indicatorBlock.indicators.find((i) => i.name === name)!;
}

/** The value as the cells hold it: "op|value|unit" in the column layout. */
function valueText(grids: readonly RowGrid[], i: Indicator): string {
  const at = (address: string | null) => {
    if (!address) return "";
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return grids[0].cell(Number(m[2]), m[1].charCodeAt(0) - 64)?.text ?? "";
  };
  return i.operatorCell ? `${at(i.operatorCell)}|${at(i.valueCell)}|${at(i.unitCell)}` : at(i.valueCell);
}

function onValue(findings: readonly Finding[], i: Indicator): Finding[] {
  const cells = new Set([i.valueCell, i.operatorCell, i.unitCell].filter(Boolean));
  return findings.filter((f) => cells.has(f.cell));
}

function applied(grids: RowGrid[], f: Finding): RowGrid[] {
  const values = Object.fromEntries(f.fix!.inputs.map((x) => [x.placeholder, x.defaultValue ?? ""]));
  return applyPlanToGrids(grids, fillPlan(f.fix!.plan, values));
}

describe("value spellings", () => {
  it("are at least 80 real spellings, each listed once", () => {
    const keys = SPELLINGS.map((s) => `${s.as}|${s.text}|${s.cols?.join("|") ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(80);
  });

  describe.each(SPELLINGS.map((s) => [s.cols ? s.cols.join(" | ") : JSON.stringify(s.text), s.as, s] as const))(
    "%s (%s)",
    (_label, _as, s) => {
      it("is read as listed; its parts join back to the text", () => {
        const v = s.cols
          ? parseTargetValue(s.cols[1], { operatorColumn: s.cols[0], unitColumn: s.cols[2] })
          : parseTargetValue(s.text);
        expect([v.kind, v.operator, v.number, v.unit]).toEqual([...s.parse]);
        const text = s.cols ? s.cols[1] : s.text;
        expect(
          parseValueText(text)
            .parts.map((p) => p.text)
            .join("")
        ).toBe(text);
      });

      it("each rule reports as listed and its fix writes exactly the listed text", () => {
        const grids = gridsOf(s);
        const i = indicatorOf(grids, s);
        const found = onValue(checkGrids(grids).findings, i);
        const written = Object.fromEntries(
          found.map((f) => [f.rule, f.fix ? valueText(applied(grids, f), indicatorOf(applied(grids, f), s)) : null])
        );
        expect(written).toEqual(s.fixes);
      });

      it("after each fix its finding is gone from the value", () => {
        const grids = gridsOf(s);
        const i = indicatorOf(grids, s);
        for (const f of onValue(checkGrids(grids).findings, i).filter((x) => x.fix)) {
          const after = applied(grids, f);
          expect(onValue(checkGrids(after).findings, indicatorOf(after, s)).map((x) => x.rule)).not.toContain(f.rule);
        }
      });
    }
  );
});
