/**
 * Category labels (一级/二级) are recognised through the decoration real tables carry: scores,
 * requirement tags, spaces and line breaks between characters, 繁体, pinyin debris, numbering,
 * marks, a template's trailing 等 — in every 一级/二级 layout (merged, blank continuation, repeated).
 * The texts here are made up for the test; none is taken from the real fixtures.
 */
import type { Level1Name, Level2Name } from "../../src/core/model";
import { looksLikeCategory, matchLevel1, matchLevel2 } from "../../src/core/vocabulary";
import { tableOf, type Layout } from "../helpers/tables";

const L1: readonly (readonly [string, Level1Name])[] = [
  ["产出指标（40分）", "产出"],
  ["产出指标 (50)", "产出"],
  ["效益指标 30分)", "效益"],
  ["效益指标（权重30%）", "效益"],
  ["满意度指标(10分)", "满意度"],
  ["产 出 指 标", "产出"],
  ["效\n益\n指\n标", "效益"],
  ["產出指標", "产出"],
  ["滿意度指標", "满意度"],
  ["效(xiào)益(yì)指標(biāo)", "效益"],
  ["一、产出指标", "产出"],
  ["（二）效益指标", "效益"],
  ["3.满意度指标", "满意度"],
  ["*产出指标", "产出"],
  ["产出指标：", "产出"],
  ["成本指标（20分）", "成本"],
];

const L2: readonly (readonly [string, Level2Name])[] = [
  ["数量指标（必填硬性指标）", "数量"],
  ["质量指标(选填)", "质量"],
  ["时效指标【必填】", "时效"],
  ["经济效\n益指标", "经济效益"],
  ["社 会 效 益 指 标", "社会效益"],
  ["生態效益指標", "生态效益"],
  ["可持續影響指標", "可持续影响"],
  ["數(shù)量指標(biāo)", "数量"],
  ["服务对象满意度指标等", "服务对象满意度"],
  ["(1)质量指标", "质量"],
  ["★时效指标", "时效"],
  ["社会效益指标（15分）", "社会效益"],
  ["经济成本指标（选填）", "经济成本"],
];

describe("decorated category labels match their standard name", () => {
  it.each(L1)("一级 %j → %s", (text, name) => {
    expect(matchLevel1(text)?.name).toBe(name);
    expect(looksLikeCategory(text)).toBe(true);
  });
  it.each(L2)("二级 %j → %s", (text, name) => {
    expect(matchLevel2(text)?.name).toBe(name);
    expect(looksLikeCategory(text)).toBe(true);
  });
  it.each([
    "产出指标完成率",
    "数量完成",
    "指标1:",
    "培训人次（人）",
    "≥95%",
    "2025年12月31日前",
    "反映产出指标的完成情况",
  ])("%j is no category of the vocabulary", (text) => {
    expect(matchLevel1(text)).toBeNull();
    expect(matchLevel2(text)).toBeNull();
  });
});

/** A table whose 一级/二级 cells carry the decorations, read in each layout. */
function decoratedRows(l1: readonly [string, string, string], l2: readonly string[]) {
  return [
    [l1[0], l2[0], "组织培训班次", "≥3次", "反映组织培训的班次"],
    [l1[0], l2[0], "培训人数", "≥120人", "反映参训人数"],
    [l1[0], l2[1], "培训考核合格率", "≥95%", "反映考核合格情况，计算公式：合格人数/参训人数×100%"],
    [l1[0], l2[2], "培训完成时限", "2025年11月30日前", "反映培训按期完成情况"],
    [l1[1], l2[3], "参训人员履职能力提升率", "≥85%", "反映能力提升情况，计算公式：提升人数/参训人数×100%"],
    [
      l1[2],
      l2[4],
      "参训人员满意度",
      "≥90%",
      "反映满意程度，随机抽取40名参训人员发放问卷，计算公式：满意问卷数/问卷总数×100%",
    ],
  ];
}

const VARIANTS: readonly (readonly [string, readonly [string, string, string], readonly string[]])[] = [
  [
    "scores",
    ["产出指标（50分）", "效益指标 30分)", "满意度指标(20)"],
    ["数量指标（20分）", "质量指标(10分)", "时效指标 10分", "社会效益指标（30分）", "服务对象满意度指标（20分）"],
  ],
  [
    "requirement tags",
    ["产出指标", "效益指标", "满意度指标"],
    [
      "数量指标（必填硬性指标）",
      "质量指标（选填）",
      "时效指标(必填)",
      "社会效益指标（选填）",
      "服务对象满意度指标（必填）",
    ],
  ],
  [
    "spaces and line breaks",
    ["产 出 指 标", "效益\n指标", "满 意 度\n指 标"],
    ["数 量 指 标", "质量\n指标", "时 效\n指 标", "社会效\n益指标", "服务对象\n满意度指标"],
  ],
  [
    "繁体 with pinyin debris",
    ["產(chǎn)出指標(biāo)", "效益指標", "滿意度指標"],
    ["數量指標", "質(zhì)量指標(biāo)", "時效指標", "社會(huì)效益指標", "服務(wù)對象滿意度指標"],
  ],
  [
    "numbering and marks",
    ["一、产出指标", "二、效益指标", "三、满意度指标"],
    ["★数量指标", "（1）质量指标", "2.时效指标", "*社会效益指标", "服务对象满意度指标等"],
  ],
];

describe.each(VARIANTS)("a table with %s", (_name, l1, l2) => {
  it.each(["merged", "blank", "repeat"] as Layout[])("read in the %s layout", (layout) => {
    const t = tableOf({ rows: decoratedRows(l1, l2), layout });
    const got = t.indicatorBlock.indicators.map((i) => [i.level1.standard, i.level2.standard, i.name, i.value.raw]);
    expect(got).toEqual([
      ["产出", "数量", "组织培训班次", "≥3次"],
      ["产出", "数量", "培训人数", "≥120人"],
      ["产出", "质量", "培训考核合格率", "≥95%"],
      ["产出", "时效", "培训完成时限", "2025年11月30日前"],
      ["效益", "社会效益", "参训人员履职能力提升率", "≥85%"],
      ["满意度", "服务对象满意度", "参训人员满意度", "≥90%"],
    ]);
    // the label is kept as written
    expect(t.indicatorBlock.indicators[0].level1.text).toBe(l1[0].trim());
    expect(t.indicatorBlock.rows.every((r) => r.rowKind === "indicator")).toBe(true);
  });
});
