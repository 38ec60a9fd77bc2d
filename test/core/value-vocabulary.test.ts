/**
 * The rules read the value vocabulary (src/core/vocabulary/values.json): the default is compiled
 * from that file, and a check given an edited word list behaves differently — through the check's
 * options, with no global state (a later check with the default behaves as before).
 */
import values from "../../src/core/vocabulary/values.json";
import { checkGrids } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import { RULES } from "../../src/core/rules";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  compileValueVocabulary,
  DEFAULT_VALUE_VOCABULARY,
  parseTargetValue,
  type ValueVocabularyData,
} from "../../src/core/value";
import { sheetOf } from "../helpers/tables";

const edited = (change: Partial<ValueVocabularyData>) => compileValueVocabulary({ ...values, ...change });

function findingsOn(
  value: string,
  row: readonly [string, string, string],
  vocabulary = DEFAULT_VALUE_VOCABULARY
): string[] {
  const grids = [
    sheetOf("S", { year: 2025, rows: [[...row.slice(0, 3), value, "反映情况，计算公式：分子/分母×100%"]] }),
  ];
  const result = checkGrids(grids, DEFAULT_SETTINGS, RULES, { vocabulary });
  const fixed = (f: Finding) =>
    f.fix ? f.fix.plan.steps.map((s) => (s.kind === "set" ? s.newText : "")).join("|") : "";
  return result.findings.filter((f) => f.cell === "D9").map((f) => `${f.rule} ${fixed(f)}`.trim());
}

const COST = ["产出指标", "成本指标", "设备购置成本"] as const;
const SATISFACTION = ["满意度指标", "服务对象满意度指标", "服务对象满意度"] as const;
const COUNT = ["产出指标", "数量指标", "培训期数"] as const;
const TIME = ["产出指标", "时效指标", "问题响应时间"] as const;

describe("the value vocabulary", () => {
  it("the default is values.json, compiled", () => {
    expect(DEFAULT_VALUE_VOCABULARY.data).toBe(values);
    expect(DEFAULT_VALUE_VOCABULARY.standardOperators).toEqual(values.standardOperators);
    expect(new Set(DEFAULT_VALUE_VOCABULARY.prefixOperators.map(([t]) => t))).toEqual(
      new Set(Object.keys(values.operators))
    );
  });

  it("money units: a unit added to the list makes ≥ on a cost the wrong direction", () => {
    expect(findingsOn("≥100美元", COST)).toEqual([]);
    expect(findingsOn("≥100美元", COST, edited({ moneyUnits: [...values.moneyUnits, "美元"] }))).toEqual([
      "wrong-direction ≤100美元",
    ]);
    // no state left behind
    expect(findingsOn("≥100美元", COST)).toEqual([]);
  });

  it("operators: a word added to the list is read as an operator and rewritten as its glyph", () => {
    expect(findingsOn("不逊于95%", SATISFACTION)).toEqual(["vague-value"]);
    const vocab = edited({ operators: { ...values.operators, 不逊于: "≥" } });
    expect(findingsOn("不逊于95%", SATISFACTION, vocab)).toEqual(["nonstandard-operator ≥95%"]);
    expect(parseTargetValue("不逊于95%", {}, vocab)).toMatchObject({ operator: "≥", number: 95, unit: "%" });
    expect(parseTargetValue("不逊于95%")).toMatchObject({ operator: null, kind: "qualitative" });
  });

  it("operators after the number, standard glyphs: edited lists change what is flagged", () => {
    expect(findingsOn("95%左右", SATISFACTION)).toEqual(["missing-operator {比较符号}95%左右"]);
    expect(
      findingsOn("95%左右", SATISFACTION, edited({ suffixOperators: { ...values.suffixOperators, 左右: "=" } }))
    ).toEqual(["nonstandard-operator =95%"]);
    // the standard glyphs are the choices missing-operator offers, in the list's order
    const choices = (vocabulary = DEFAULT_VALUE_VOCABULARY) =>
      checkGrids([sheetOf("S", { rows: [[...COUNT, "3期", "反映情况"]] })], DEFAULT_SETTINGS, RULES, {
        vocabulary,
      }).findings.find((f) => f.rule === "missing-operator")!.fix!.inputs[0].choices;
    expect(choices()).toEqual(["≥", "=", "≤", ">", "<"]);
    expect(choices(edited({ standardOperators: ["≥", "≤"] }))).toEqual(["≥", "≤"]);
  });

  it("words before the number: without 各 in the list, “各 1 次” is qualitative", () => {
    expect(findingsOn("各 1 次", COUNT)).toEqual(["missing-operator 各 {比较符号}1 次"]);
    expect(
      findingsOn("各 1 次", COUNT, edited({ numberPrefixes: values.numberPrefixes.filter((w) => w !== "各") }))
    ).toEqual(["vague-value"]);
  });

  it("time units: a duration under 时效 is offered ≤ only when its unit is listed", () => {
    expect(findingsOn("2小时", TIME)).toEqual(["missing-operator {比较符号}2小时"]);
    const [f] = checkGrids([sheetOf("S", { rows: [[...TIME, "2小时", "反映情况"]] })]).findings.filter(
      (x) => x.rule === "missing-operator"
    );
    expect(f.fix!.inputs[0].defaultValue).toBe("≤");
    const vocab = edited({ timeUnits: values.timeUnits.filter((u) => u !== "小时") });
    const [g] = checkGrids([sheetOf("S", { rows: [[...TIME, "2小时", "反映情况"]] })], DEFAULT_SETTINGS, RULES, {
      vocabulary: vocab,
    }).findings.filter((x) => x.rule === "missing-operator");
    expect(g.fix!.inputs[0].defaultValue).toBe("≥");
  });

  it("placeholders and percent units are the lists' too", () => {
    expect(parseTargetValue("≥？？%").kind).toBe("qualitative");
    expect(parseTargetValue("≥？？%", {}, edited({ placeholders: [...values.placeholders, "？？"] })).kind).toBe(
      "placeholder"
    );
    expect(findingsOn("≥100％", ["产出指标", "质量指标", "验收合格率"])).toEqual(["rate-out-of-range =100％"]);
    const noFullWidth = edited({ percentUnits: values.percentUnits.filter((u) => u !== "％") });
    expect(findingsOn("≥100％", ["产出指标", "质量指标", "验收合格率"], noFullWidth)).toEqual([]);
  });

  it("a word list with an operator that means nothing is refused in Chinese", () => {
    expect(() => edited({ operators: { 约: "≈" } })).toThrow("比较符号“约”的含义“≈”不是 = ≥ ≤ > < 之一");
  });
});
