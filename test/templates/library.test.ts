/** The template library: schema, coverage of every 二级 and family, and the house style of its texts. */
import type { Level1Name, Level2Name } from "../../src/core/model";
import { isPercentUnit, parseTargetValue } from "../../src/core/parse/value";
import { fillTemplate } from "../../src/core/templates/fill";
import library from "../../src/core/templates/library.json";
import { TEMPLATE_FAMILIES, TEMPLATES, templateById, usedPlaceholderKeys, validateTemplates } from "../../src/core/templates/library";
import { displayName } from "../../src/core/templates/search";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import expected from "../fixtures/seed/liupanshui-2025.expected.json";

const SATISFACTION_EXPLANATION = "反映{对象}对{工作}的满意程度，随机抽取{N}名{对象}发放调查问卷，计算公式：满意问卷数/问卷总数×100%";
const RATE_NAME = /(率|比例|比率|占比|比重|满意度)$/;
const COST_LEVEL2: readonly Level2Name[] = ["成本", "经济成本", "社会成本", "生态环境成本"];
const filled = (t: IndicatorTemplate) => fillTemplate(t);

describe("schema", () => {
  it("every template is valid (fields, levels, placeholders, defaults, unique ids)", () => {
    expect(validateTemplates(library.templates)).toEqual([]);
  });
  it("TEMPLATES is the file's list, frozen, in file order", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(library.templates.map((t) => t.id));
    expect(Object.isFrozen(TEMPLATES)).toBe(true);
    expect(templateById("training-satisfaction")?.name).toBe("参训学员满意度");
    expect(templateById("no-such-template")).toBeUndefined();
  });
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: at least one placeholder, each with a non-null default", (_id, t) => {
    expect(t.placeholders.length).toBeGreaterThan(0);
    for (const p of t.placeholders) expect(p.default).not.toBeNull();
    expect(usedPlaceholderKeys(t).sort()).toEqual(t.placeholders.map((p) => p.key).sort());
  });
});

describe("counts", () => {
  it("has at least 110 templates", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(110);
  });

  const LEVELS: readonly [Level1Name, Level2Name, number][] = [
    ["产出", "数量", 5],
    ["产出", "质量", 5],
    ["产出", "时效", 5],
    ["产出", "成本", 5],
    ["成本", "经济成本", 5],
    ["成本", "社会成本", 3],
    ["成本", "生态环境成本", 3],
    ["效益", "经济效益", 5],
    ["效益", "社会效益", 5],
    ["效益", "生态效益", 3],
    ["效益", "可持续影响", 5],
    ["满意度", "服务对象满意度", 5],
  ];
  it.each(LEVELS)("%s / %s has at least %i templates", (level1, level2, min) => {
    expect(TEMPLATES.filter((t) => t.level1 === level1 && t.level2 === level2).length).toBeGreaterThanOrEqual(min);
  });

  it("cost templates exist for both layouts (成本 under 产出, and 成本 as its own 一级)", () => {
    expect(TEMPLATES.some((t) => t.level1 === "产出" && t.level2 === "成本")).toBe(true);
    expect(TEMPLATES.some((t) => t.level1 === "成本")).toBe(true);
  });

  const FAMILIES: readonly [string, string][] = [
    ["通用", "general-"],
    ["评审", "review-"],
    ["培训", "training-"],
    ["考试", "exam-"],
    ["系统运维", "it-"],
    ["监督检查", "inspection-"],
    ["政府采购", "procurement-"],
    ["国资监管", "soe-"],
    ["绩效评价", "evaluation-"],
    ["债务", "debt-"],
    ["收支", "finance-"],
    ["会议", "meeting-"],
    ["购置", "purchase-"],
    ["调研", "research-"],
    ["补贴发放", "subsidy-"],
  ];
  it.each(FAMILIES)("family %s is covered (产出, 效益 and 满意度 or 成本), ids prefixed %s", (family, prefix) => {
    const list = TEMPLATES.filter((t) => t.family === family);
    expect(list.length).toBeGreaterThanOrEqual(8);
    for (const t of list) expect(t.id.startsWith(prefix)).toBe(true);
    const levels = new Set(list.map((t) => t.level1));
    expect(levels.has("产出")).toBe(true);
    expect(levels.has("效益")).toBe(true);
  });
  it("no other families", () => {
    expect([...TEMPLATE_FAMILIES].sort()).toEqual(FAMILIES.map((f) => f[0]).sort());
  });
  it("every family of the seed's tables has a satisfaction template", () => {
    for (const family of ["评审", "培训", "考试", "系统运维", "监督检查", "政府采购", "国资监管", "绩效评价", "债务", "收支"]) {
      expect(TEMPLATES.some((t) => t.family === family && t.level1 === "满意度")).toBe(true);
    }
  });
});

describe("house style", () => {
  it("names shown (defaults filled) are distinct, and so are the explanations", () => {
    const names = TEMPLATES.map(displayName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const explanations = TEMPLATES.map((t) => filled(t).explanation);
    expect(explanations.filter((e, i) => explanations.indexOf(e) !== i && !/满意问卷数/.test(e))).toEqual([]);
  });

  it.each(TEMPLATES.filter((t) => t.level1 === "满意度").map((t) => [t.id, t] as const))("%s follows the seed's satisfaction pattern", (_id, t) => {
    expect(t.level2).toBe("服务对象满意度");
    expect(t.explanation).toBe(SATISFACTION_EXPLANATION);
    expect(t.value).toBe("≥{满意度}%");
    const n = t.placeholders.find((p) => p.key === "N")!;
    expect(n).toMatchObject({ label: "抽样人数", type: "integer", min: 1 });
    expect(Number(n.default)).toBeGreaterThanOrEqual(1);
    expect(filled(t).name).toMatch(/满意度$/);
  });

  it("satisfaction appears only under 满意度", () => {
    for (const t of TEMPLATES) if (t.level1 !== "满意度") expect(displayName(t)).not.toMatch(/满意/);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: value, direction, formula and wording", (_id, t) => {
    const f = filled(t);
    const v = parseTargetValue(f.value);
    const isCost = t.level1 === "成本" || COST_LEVEL2.includes(t.level2);
    const isRate = RATE_NAME.test(f.name) || isPercentUnit(v.unit);
    // no template text left after filling with defaults
    for (const text of [f.name, f.value, f.explanation]) expect(text).not.toMatch(/\{|\}|\*\*|XX|xx|__/);
    // formulas written with ×, never * or x
    expect(f.explanation).not.toMatch(/[*xX]/);
    if (v.kind === "qualitative") {
      // graded qualitative values only under 效益, from a fixed choice
      expect(t.level1).toBe("效益");
      expect(t.placeholders.some((p) => p.type === "choice" && t.value === `{${p.key}}`)).toBe(true);
      return;
    }
    expect(["quantitative", "deadline"]).toContain(v.kind);
    if (v.kind === "deadline") {
      expect(t.level2).toBe("时效");
      expect(f.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日前$/);
      return;
    }
    expect(v.operator).not.toBeNull();
    expect(v.unit).not.toBeNull();
    expect(f.value).toMatch(/^[≥≤=]\d/);
    if (isCost) expect(["≤", "="]).toContain(v.operator);
    else if (v.operator === "≤") expect(f.name).toMatch(/时间|时限|结余率/);
    if (isPercentUnit(v.unit)) {
      expect(v.number).toBeGreaterThanOrEqual(0);
      expect(v.number).toBeLessThanOrEqual(100);
      expect(f.value).not.toMatch(/^[≥>]\s*100\s*%/);
    }
    if (isRate) expect(f.explanation).toMatch(/计算公式：.*\/.*×100%/);
    if (t.level2 === "数量") expect(isRate).toBe(false);
  });

  it("keywords are Chinese words; notes one Chinese sentence", () => {
    for (const t of TEMPLATES) {
      expect(t.keywords.length).toBeGreaterThanOrEqual(2);
      for (const k of t.keywords) expect(k).toMatch(/^[\u4e00-\u9fff“”]+$/);
      expect(t.note).toMatch(/^[^。]+。$/);
      expect(t.note).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("sources", () => {
  const nameCells = new Map<string, string>();
  for (const s of expected.sheets) for (const i of s.indicators) nameCells.set(`${s.sheet}!${i.cells.level3}`, i.level3);

  it.each(TEMPLATES.map((t) => [t.id, t.source] as const))("%s cites %s", (_id, source) => {
    expect(source).toMatch(/^(seed:[^!]+![A-Z]+\d+|research:S\d+#\d+|practice)$/);
    if (source.startsWith("seed:")) expect(nameCells.has(source.slice(5))).toBe(true);
  });
  it("draws on all three kinds of source", () => {
    const kinds = TEMPLATES.map((t) => t.source.split(":")[0]);
    expect(kinds.filter((k) => k === "seed").length).toBeGreaterThanOrEqual(40);
    expect(kinds.filter((k) => k === "research").length).toBeGreaterThanOrEqual(30);
    expect(kinds).toContain("practice");
  });
});
