/**
 * Property: over generated 指标值 (every operator spelling of the vocabulary before or after the
 * number, words before the number, brackets, half- and full-width digits, ranges, units, line
 * breaks and double spaces) under indicators where the value rules apply, every quick fix marked
 * safe keeps the value's number(s) and unit and gives it the direction the rule means; its finding
 * disappears and no new finding appears on the cell. The fixes that need the user (a flipped or an
 * added operator) keep number and unit too and write the operator they offer.
 */
import fc from "fast-check";
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import type { RowGrid } from "../../src/core/grid";
import type { Indicator, Operator } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { fillPlan } from "../../src/core/rules/util";
import { DEFAULT_VALUE_VOCABULARY } from "../../src/core/value";
import { sheetOf } from "../helpers/tables";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 3000);

const CONTEXTS = [
  ["产出指标", "质量指标", "验收合格率", "计算公式：验收合格数/验收总数×100%"],
  ["产出指标", "成本指标", "设备购置成本", "反映设备购置支出"],
  ["产出指标", "数量指标", "培训期数", "反映培训期数"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "服务对象满意度",
    "随机抽取30名服务对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
  ["产出指标", "时效指标", "问题响应时间", "反映问题响应及时情况"],
  ["产出指标", "质量指标", "差错率", "计算公式：差错数/总数×100%"],
] as const;

const FIELDS = [
  ["项目名称", "某项目"],
  ["预算资金（元）", 1_000_000_000_000],
] as const;

const FULL = (s: string) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const space = fc.constantFrom("", "", "", " ", "  ", "\n", "\u3000");
const number = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }), fc.boolean())
  .map(([n, d, full]) => {
    const text = d === null ? String(n) : `${n}.${d}`;
    return full ? FULL(text) : text;
  });
const unit = fc.constantFrom("%", "％", "个", "人次", "万元", "元/人", "天", "小时", "家", "");
const prefixOps = DEFAULT_VALUE_VOCABULARY.prefixOperators.map(([t]) => t);
const suffixOps = DEFAULT_VALUE_VOCABULARY.suffixOperators.map(([t]) => t);
const BRACKETS = [
  ["", ""],
  ["(", ")"],
  ["（", "）"],
  ["【", "】"],
  ["[", "]"],
] as const;

/** A value text assembled from parts, with spaces between them. */
const valueText = fc
  .record({
    before: fc.option(fc.constantFrom(...prefixOps), { nil: null }),
    after: fc.option(fc.constantFrom(...suffixOps), { nil: null }),
    word: fc.option(fc.constantFrom("各", "全年"), { nil: null }),
    first: number,
    second: fc.option(number, { nil: null }),
    unit,
    brackets: fc.constantFrom(...BRACKETS),
    s: fc.array(space, { minLength: 6, maxLength: 6 }),
  })
  .map((r) => {
    const range = r.second !== null && r.before === null ? `-${r.second}${r.unit}` : "";
    const core = `${r.word ?? ""}${r.s[0]}${r.before ?? ""}${r.s[1]}${r.first}${r.s[2]}${r.unit}${range}${r.s[3]}${r.after ?? ""}`;
    return `${r.s[4]}${r.brackets[0]}${core}${r.brackets[1]}${r.s[5]}`;
  });

function indicatorOf(grids: readonly RowGrid[], name: string): Indicator | undefined {
  return parseWorkbook(grids).tables[0]?.indicatorBlock.indicators.find((i) => i.name === name);
}

function onCell(grids: readonly RowGrid[], name: string): { i: Indicator; findings: Finding[] } | null {
  const i = indicatorOf(grids, name);
  if (!i) return null;
  return { i, findings: checkGrids(grids).findings.filter((f) => f.cell === i.valueCell) };
}

const OPERATOR_FIXES = new Set(["nonstandard-operator", "rate-out-of-range", "wrong-direction", "missing-operator"]);
const FLIP: Readonly<Record<Operator, Operator>> = { "≥": "≤", "≤": "≥", ">": "<", "<": ">", "=": "=" };

/** The operator a fix means to leave. */
function intended(rule: string, before: Operator | null, fix: Finding["fix"]): Operator | null {
  if (rule === "nonstandard-operator") return before;
  if (rule === "rate-out-of-range") return "=";
  if (rule === "wrong-direction") return before && FLIP[before];
  if (rule === "missing-operator") return (fix!.inputs[0]?.defaultValue as Operator) ?? null;
  return null;
}

describe("quick fixes on generated values (property)", () => {
  it(`keep number and unit, point the intended way, and leave no finding behind (${RUNS} runs)`, () => {
    let safeFixes = 0;
    let userFixes = 0;
    fc.assert(
      fc.property(valueText, fc.constantFrom(...CONTEXTS), (text, [l1, l2, name, explanation]) => {
        const grids = [
          sheetOf("S", {
            title: "某项目绩效目标表",
            year: 2025,
            fields: FIELDS,
            rows: [[l1, l2, name, text, explanation]],
          }),
        ];
        const before = onCell(grids, name);
        if (!before) return;
        // safe fixes, and the fixes that change only the operator (a template value replaces the whole value on purpose)
        const fixes = before.findings.filter((x) => x.fix && (x.fix.safe || OPERATOR_FIXES.has(x.rule)));
        for (const f of fixes) {
          const fix = f.fix!;
          const values = Object.fromEntries(fix.inputs.map((x) => [x.placeholder, x.defaultValue ?? ""]));
          const after = applyPlanToGrids(grids, fillPlan(fix.plan, values));
          const now = onCell(after, name)!;
          const [v0, v1] = [before.i.value, now.i.value];
          expect({ text, rule: f.rule, number: v1.number, to: v1.numberTo, unit: v1.unit }).toEqual({
            text,
            rule: f.rule,
            number: v0.number,
            to: v0.numberTo,
            unit: v0.unit,
          });
          const want = intended(f.rule, v0.operator, fix);
          if (want)
            expect({ text, rule: f.rule, operator: v1.operator }).toEqual({ text, rule: f.rule, operator: want });
          if (!fix.safe) {
            userFixes++;
            continue;
          }
          safeFixes++;
          const had = new Set(before.findings.map((x) => x.rule));
          const left = now.findings.map((x) => x.rule).filter((r) => r === f.rule || !had.has(r));
          expect({ text, rule: f.rule, left }).toEqual({ text, rule: f.rule, left: [] });
        }
      }),
      { numRuns: RUNS }
    );
    if (process.env.PROPERTY_STATS) console.log({ safeFixes, userFixes });
    // the generator reaches the fixes it is about
    expect(safeFixes).toBeGreaterThan(RUNS / 10);
    expect(userFixes).toBeGreaterThan(RUNS / 10);
  });
});
