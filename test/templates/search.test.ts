/** searchTemplates: Chinese, full pinyin, initials, filters and ranking. */
import { pinyin } from "pinyin-pro";
import { TEMPLATES } from "../../src/core/templates/library";
import { displayName, PINYIN_OPTIONS, searchTemplates, setPinyinProvider } from "../../src/core/templates/search";
import type { IndicatorTemplate } from "../../src/core/templates/types";

const names = (q: string, o = {}) => searchTemplates(q, o).map((r) => displayName(r.template));
const SATISFACTION = TEMPLATES.filter((t) => t.level1 === "满意度");

afterEach(() => setPinyinProvider(null));

describe("pinyin and initials", () => {
  it.each(["myd", "manyidu", "man yi du", "MYD", "满意度"])("%s → the satisfaction templates first", (q) => {
    const r = searchTemplates(q);
    expect(r.slice(0, SATISFACTION.length).map((x) => x.template.level1)).toEqual(SATISFACTION.map(() => "满意度"));
    expect(new Set(r.slice(0, SATISFACTION.length).map((x) => x.template.id))).toEqual(new Set(SATISFACTION.map((t) => t.id)));
  });

  it("cbkzl → the 成本控制率 templates at the top, the exact one first", () => {
    const r = searchTemplates("cbkzl");
    expect(r[0].template.name).toBe("成本控制率");
    expect(r[0]).toMatchObject({ field: "name", via: "initials" });
    expect(r.slice(0, 2).map((x) => x.template.name)).toEqual(["成本控制率", "项目或定额成本控制率"]);
  });

  it.each([
    ["pxfgl", "培训覆盖率"],
    ["peixunfugailv", "培训覆盖率"],
    ["peixunfugailu", "培训覆盖率"],
    ["cxxymyd", "参训学员满意度"],
    ["xitongguzhangxiufu", "系统故障修复响应时间"],
    ["zfcgjzl", "政府采购节支率"],
  ])("%s finds %s first", (q, name) => {
    expect(names(q)[0]).toBe(name);
  });

  it("full pinyin matches at syllable starts only", () => {
    // "anyi" is inside "manyi" but does not start a syllable there
    expect(searchTemplates("anyi").filter((r) => r.template.level1 === "满意度")).toEqual([]);
  });

  it("keywords match by pinyin too", () => {
    const r = searchTemplates("wenjuandiaocha");
    expect(r.length).toBe(SATISFACTION.length);
    expect(r[0]).toMatchObject({ field: "keywords", via: "pinyin", matched: "问卷调查" });
  });
});

describe("Chinese", () => {
  it("培训 finds the 培训 family, 培训 first", () => {
    const r = searchTemplates("培训");
    const training = TEMPLATES.filter((t) => t.family === "培训");
    for (const t of training) expect(r.map((x) => x.template.id)).toContain(t.id);
    expect(r.slice(0, 10).every((x) => x.template.family === "培训")).toBe(true);
  });

  it("traditional characters and spaces are normalised", () => {
    expect(names("滿意度")).toEqual(names("满意度"));
    expect(names("培 训 覆 盖 率")[0]).toBe("培训覆盖率");
  });

  it.each(["服务对象满意度", "培训覆盖率", "系统验收合格率", "项目或定额成本控制率", "全市一般公共预算收入增长率", "预算单位对资金管理工作的满意度", "工作完成时限"])(
    "the exact name %s ranks first",
    (name) => {
      const r = searchTemplates(name);
      expect(displayName(r[0].template)).toBe(name);
      expect(r[0]).toMatchObject({ field: "name", via: "text", score: 1000 });
    },
  );

  it("several words must all match", () => {
    const r = searchTemplates("培训 满意度");
    expect(r.map((x) => x.template.id)).toEqual(["training-satisfaction"]);
    expect(searchTemplates("培训 不存在")).toEqual([]);
  });

  it("explanations are searched last", () => {
    const r = searchTemplates("审减金额");
    expect(r[0]).toMatchObject({ field: "keywords" });
    const e = searchTemplates("二上二下");
    expect(e.map((x) => [x.template.id, x.field])).toEqual([["review-budget-review-count", "explanation"]]);
  });

  it("ids: exact first, then family prefix", () => {
    expect(searchTemplates("training-satisfaction")[0]).toMatchObject({ field: "id", score: 900 });
    const r = searchTemplates("soe");
    expect(r.length).toBe(TEMPLATES.filter((t) => t.id.startsWith("soe-")).length);
  });

  it("no match → nothing", () => {
    expect(searchTemplates("不存在的指标")).toEqual([]);
    expect(searchTemplates("qqqq")).toEqual([]);
  });
});

describe("ranking", () => {
  const t = (id: string, name: string, keywords: string[], explanation: string): IndicatorTemplate => ({
    id: `test-${id}`,
    level1: "产出",
    level2: "数量",
    name,
    value: "≥{n}个",
    explanation,
    placeholders: [{ key: "n", label: "数量", type: "integer", default: "1", min: 1 }],
    keywords,
    family: "测试",
    note: "测试。",
    source: "practice",
  });
  const list = [
    t("explanation", "甲指标", [], "反映验收情况"),
    t("keyword", "乙指标", ["验收"], "反映乙"),
    t("substring", "设备验收数", [], "反映丙"),
    t("prefix", "验收数量", [], "反映丁"),
    t("exact", "验收", [], "反映戊"),
    t("keyword2", "己指标", ["验收单"], "反映己"),
  ];
  it("exact name, name prefix, name substring, keywords, explanation", () => {
    const r = searchTemplates("验收", { templates: list });
    expect(r.map((x) => x.template.id)).toEqual(["test-exact", "test-prefix", "test-substring", "test-keyword", "test-keyword2", "test-explanation"]);
    expect(r.map((x) => x.field)).toEqual(["name", "name", "name", "keywords", "keywords", "explanation"]);
    expect(r.map((x) => x.score)).toEqual([1000, 800, 600, 450, 400, 200]);
  });
  it("ties keep library order", () => {
    const r = searchTemplates("指标", { templates: list });
    expect(r.map((x) => x.template.id)).toEqual(["test-explanation", "test-keyword", "test-keyword2"]);
  });
});

describe("filters and listing", () => {
  it("an empty query lists everything, in library order", () => {
    expect(searchTemplates("").map((r) => r.template)).toEqual([...TEMPLATES]);
    expect(searchTemplates("   ")[0]).toMatchObject({ score: 0, field: null, via: null });
  });

  it.each([
    [{ level1: "成本" }, (x: IndicatorTemplate) => x.level1 === "成本"],
    [{ level1: "满意度指标" }, (x: IndicatorTemplate) => x.level1 === "满意度"],
    [{ level1: "效果指标" }, (x: IndicatorTemplate) => x.level1 === "效益"],
    [{ level2: "数量指标" }, (x: IndicatorTemplate) => x.level2 === "数量"],
    [{ level2: "成本" }, (x: IndicatorTemplate) => x.level2 === "成本"],
    [{ level2: "环境效益" }, (x: IndicatorTemplate) => x.level2 === "生态效益"],
    [{ level1: "产出", level2: "时效" }, (x: IndicatorTemplate) => x.level2 === "时效"],
    [{ family: "债务" }, (x: IndicatorTemplate) => x.family === "债务"],
  ])("filter %j", (options, keep) => {
    const all = TEMPLATES.filter(keep);
    expect(all.length).toBeGreaterThan(0);
    expect(searchTemplates("", options).map((r) => r.template)).toEqual(all);
    const q = searchTemplates("率", options);
    expect(q.every((r) => keep(r.template))).toBe(true);
  });

  it("filters combine with the query", () => {
    expect(searchTemplates("myd", { level1: "产出" })).toEqual([]);
    expect(searchTemplates("cbkzl", { level1: "成本" }).map((r) => r.template.name)).toEqual(["成本控制率"]);
    expect(searchTemplates("cbkzl", { level2: "成本" }).map((r) => r.template.name)).toEqual(["项目或定额成本控制率"]);
  });

  it("an unknown level matches nothing", () => {
    expect(searchTemplates("", { level1: "项目完成指标" })).toEqual([]);
    expect(searchTemplates("", { level2: "其他" })).toEqual([]);
  });

  it("limit", () => {
    expect(searchTemplates("", { limit: 5 })).toHaveLength(5);
    expect(searchTemplates("myd", { limit: 3 }).map((r) => r.template.level1)).toEqual(["满意度", "满意度", "满意度"]);
    expect(searchTemplates("myd", { limit: 0 })).toEqual([]);
  });
});

describe("user templates", () => {
  const user: IndicatorTemplate = {
    id: "user-visit-count",
    level1: "产出",
    level2: "数量",
    name: "走访慰问困难企业次数",
    value: "≥{次数}次",
    explanation: "反映走访慰问困难企业的次数",
    placeholders: [{ key: "次数", label: "走访次数", type: "integer", default: "4", min: 1 }],
    keywords: ["走访", "慰问"],
    family: "自定义",
    note: "用户自定义模板。",
    source: "user",
  };
  const list = [...TEMPLATES, user];

  it("are found by Chinese without a pinyin provider", () => {
    expect(searchTemplates("走访", { templates: list })[0].template.id).toBe("user-visit-count");
    expect(searchTemplates("zfwwkn", { templates: list })).toEqual([]);
  });

  it("are found by pinyin and initials through the provider", () => {
    setPinyinProvider((text) => pinyin(text, { ...PINYIN_OPTIONS }));
    expect(searchTemplates("zfwwkn", { templates: list }).map((r) => r.template.id)).toEqual(["user-visit-count"]);
    expect(searchTemplates("zoufangweiwen", { templates: list })[0]).toMatchObject({ field: "name", via: "pinyin" });
    expect(searchTemplates("weiwen", { templates: list })[0].template.id).toBe("user-visit-count");
    // the library still ranks as before
    expect(searchTemplates("cbkzl", { templates: list })[0].template.name).toBe("成本控制率");
  });

  it("the library needs no provider", () => {
    let calls = 0;
    setPinyinProvider((text) => {
      calls++;
      return pinyin(text, { ...PINYIN_OPTIONS });
    });
    searchTemplates("myd");
    searchTemplates("peixun");
    expect(calls).toBe(0);
  });
});

describe("speed", () => {
  it("100 queries over the library take well under a second (bench/templates.ts measures the goal of 50 ms)", () => {
    const queries = ["myd", "培训", "cbkzl", "manyidu", "正常运行率", "评审", "zfcg", "", "率", "kaoshi"];
    searchTemplates("warm up");
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) searchTemplates(queries[i % queries.length]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
