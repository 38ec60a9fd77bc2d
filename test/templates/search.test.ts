/** searchTemplates: Chinese, full pinyin, initials, approximate matches, the table's sector first, filters and ranking. */
import { pinyin } from "pinyin-pro";
import { TEMPLATES } from "../../src/core/templates/library";
import { displayName, PINYIN_OPTIONS, searchTemplates, setPinyinProvider } from "../../src/core/templates/search";
import type { IndicatorTemplate } from "../../src/core/templates/types";

const names = (q: string, o = {}) => searchTemplates(q, o).map((r) => displayName(r.template));
const first = (q: string, o = {}) => names(q, o)[0];
const SATISFACTION = TEMPLATES.filter((t) => t.level1 === "满意度");

afterEach(() => setPinyinProvider(null));

describe("what compilers search for (issue 17): a fitting template first, by Chinese and by initials", () => {
  it.each([
    ["培训完成率", "pxwcl", "培训计划完成率"],
    ["三公经费", "sgjf", "“三公”经费支出"],
    ["资金到位率", "zjdwl", "资金到位率"],
    ["工程验收合格率", "gcyshgl", "工程验收合格率"],
    ["成活率", "chl", "造林成活率"],
    ["项目完成及时率", "xmwcjsl", "项目（工程）完成及时率"],
    ["预算执行率", "yszxl", "部门预算执行率"],
  ])("%s / %s → %s", (chinese, initials, name) => {
    expect(first(chinese)).toBe(name);
    expect(first(initials)).toBe(name);
  });
});

describe("approximate matches", () => {
  it("characters between: 培训完成率 finds 培训计划完成率 by its name, 工程验收合格率 also 公路工程交工验收合格率", () => {
    const r = searchTemplates("培训完成率");
    expect(r[0]).toMatchObject({ field: "name", via: "text" });
    expect(displayName(r[0].template)).toBe("培训计划完成率");
    expect(names("培训完成率")).toContain("培训按期完成率");
    expect(names("工程验收合格率")).toContain("公路工程交工验收合格率");
  });

  it("words out of order, with or without a space", () => {
    expect(first("完成率培训")).toBe("培训计划完成率");
    expect(first("完成率 培训")).toBe("培训计划完成率");
    expect(first("合格率工程验收")).toBe("工程验收合格率");
  });

  it("punctuation in a name does not stand in the way (“三公”经费)", () => {
    expect(searchTemplates("三公经费")[0]).toMatchObject({ field: "name", via: "text" });
  });

  it.each([
    ["sgjg", "“三公”经费支出"],
    ["zjdwk", "资金到位率"],
    ["gcyshkl", "工程验收合格率"],
    ["xjdwl", "资金到位率"],
  ])("a wrong initial is tolerated: %s → %s", (q, name) => {
    expect(first(q)).toBe(name);
  });

  it("approximate matches rank below exact ones and do not flood short queries", () => {
    const r = searchTemplates("工程验收合格率");
    expect(r[0].score).toBeGreaterThan(r.find((x) => displayName(x.template) === "公路工程交工验收合格率")!.score);
    // three letters: no wrong-initial matches
    expect(searchTemplates("myd").every((x) => /满意/.test(displayName(x.template)) || x.score >= 600)).toBe(true);
    expect(searchTemplates("qqqq")).toEqual([]);
  });
});

describe("the table's own sector first", () => {
  it("合格率 in a 林业局 table: forestry first; elsewhere another sector's", () => {
    const forest = searchTemplates("合格率", { preferSectors: ["林业草原"] });
    expect(forest[0].template.sector).toBe("林业草原");
    expect(searchTemplates("合格率")[0].template.sector).not.toBe("林业草原");
    const edu = searchTemplates("合格率", { preferSectors: ["教育"] });
    expect(edu[0].template.sector).toBe("教育");
  });

  it("an exact name of another sector still comes first", () => {
    expect(first("三公经费", { preferSectors: ["林业草原"] })).toBe("“三公”经费支出");
  });

  it("an empty query lists the preferred sectors first, then the library in order", () => {
    const r = searchTemplates("", { preferSectors: ["水利", "项目通用"] });
    const sectors = r.map((x) => x.template.sector);
    const n = TEMPLATES.filter((t) => t.sector === "水利").length;
    expect(new Set(sectors.slice(0, n))).toEqual(new Set(["水利"]));
    expect(sectors[n]).toBe("项目通用");
    expect(r).toHaveLength(TEMPLATES.length);
  });
});

describe("pinyin and initials", () => {
  it.each(["myd", "manyidu", "man yi du", "MYD", "满意度"])("%s → the satisfaction templates first", (q) => {
    const r = searchTemplates(q);
    expect(new Set(r.slice(0, SATISFACTION.length).map((x) => x.template.id))).toEqual(new Set(SATISFACTION.map((t) => t.id)));
  });

  it.each([
    ["pxfgl", "培训覆盖率"],
    ["peixunfugailv", "培训覆盖率"],
    ["peixunfugailu", "培训覆盖率"],
    ["cxxymyd", "参训学员满意度"],
    ["xitongguzhangxiufu", "系统故障修复响应时间"],
    ["zfcgjzl", "政府采购节支率"],
  ])("%s finds %s first", (q, name) => {
    expect(first(q)).toBe(name);
  });

  it("full pinyin of a word: zaolin → the 造林 templates", () => {
    expect(names("zaolin").slice(0, 3).every((n) => n.startsWith("造林"))).toBe(true);
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
    for (const t of TEMPLATES.filter((x) => x.family === "培训")) expect(r.map((x) => x.template.id)).toContain(t.id);
    expect(r.slice(0, 10).every((x) => /培训/.test(displayName(x.template)))).toBe(true);
  });

  it("traditional characters and spaces are normalised", () => {
    expect(names("滿意度")).toEqual(names("满意度"));
    expect(first("培 训 覆 盖 率")).toBe("培训覆盖率");
  });

  it.each(["服务对象满意度", "培训覆盖率", "工程验收合格率", "项目总成本", "全市一般公共预算收入增长率", "预算单位对资金管理工作的满意度", "工作完成时限"])(
    "the exact name %s ranks first",
    (name) => {
      const r = searchTemplates(name);
      expect(displayName(r[0].template)).toBe(name);
      expect(r[0]).toMatchObject({ field: "name", via: "text", score: 1000 });
    }
  );

  it("成本控制率 finds the cost a table controls (项目总成本, kept within the budget)", () => {
    expect(first("成本控制率")).toBe("项目总成本");
    expect(first("cbkzl")).toBe("项目总成本");
  });

  it("several words must all match", () => {
    const r = searchTemplates("培训 满意度");
    expect(r[0].template.id).toBe("training-satisfaction");
    expect(r.every((x) => x.template.level1 === "满意度" && /训/.test(JSON.stringify(x.template)))).toBe(true);
    expect(searchTemplates("培训 不存在")).toEqual([]);
  });

  it("explanations are searched last", () => {
    const e = searchTemplates("二上二下");
    expect(e.map((x) => [x.template.id, x.field])).toEqual([["review-budget-review-count", "explanation"]]);
  });

  it("ids: exact first, then prefix", () => {
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
    sector: "测试",
    family: "测试",
    note: "测试。",
    source: "本项目根据实践编写",
  });
  const list = [
    t("explanation", "甲指标", [], "反映验收情况"),
    t("keyword", "乙指标", ["验收"], "反映乙"),
    t("substring", "设备验收数", [], "反映丙"),
    t("prefix", "验收数量", [], "反映丁"),
    t("exact", "验收", [], "反映戊"),
    t("keyword2", "己指标", ["验收单"], "反映己"),
    t("apart", "验货收讫", [], "反映庚"),
  ];
  it("exact name, name prefix, name substring, characters between, keywords, explanation", () => {
    const r = searchTemplates("验收", { templates: list });
    expect(r.map((x) => x.template.id)).toEqual(["test-exact", "test-prefix", "test-substring", "test-keyword", "test-keyword2", "test-explanation"]);
    expect(r.map((x) => x.field)).toEqual(["name", "name", "name", "keywords", "keywords", "explanation"]);
    expect(r.map((x) => x.score)).toEqual([1000, 810, 608, 450, 400, 200]);
    // three characters or more: characters between count
    expect(searchTemplates("验收讫", { templates: list }).map((x) => x.template.id)).toEqual(["test-apart"]);
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
    [{ level2: "经济成本" }, (x: IndicatorTemplate) => x.level2 === "经济成本"],
    [{ level2: "环境效益" }, (x: IndicatorTemplate) => x.level2 === "生态效益"],
    [{ level1: "产出", level2: "时效" }, (x: IndicatorTemplate) => x.level2 === "时效"],
    [{ sector: "林业草原" }, (x: IndicatorTemplate) => x.sector === "林业草原"],
    [{ family: "政府债务" }, (x: IndicatorTemplate) => x.family === "政府债务"],
  ])("filter %j", (options, keep) => {
    const all = TEMPLATES.filter(keep);
    expect(all.length).toBeGreaterThan(0);
    expect(searchTemplates("", options).map((r) => r.template)).toEqual(all);
    const q = searchTemplates("率", options);
    expect(q.every((r) => keep(r.template))).toBe(true);
  });

  it("filters combine with the query", () => {
    expect(searchTemplates("myd", { level1: "产出" }).every((r) => r.template.level1 === "产出")).toBe(true);
    expect(searchTemplates("myd", { level1: "产出" }).some((r) => /满意/.test(displayName(r.template)))).toBe(false);
    expect(searchTemplates("chl", { sector: "财政管理" }).map((r) => displayName(r.template))).toEqual(["到期政府债务足额偿还率"]);
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
    name: "企业走访慰问次数",
    value: "≥{次数}次",
    explanation: "反映走访慰问困难企业的次数",
    placeholders: [{ key: "次数", label: "走访次数", type: "integer", default: "4", min: 1 }],
    keywords: ["走访", "慰问"],
    sector: "自定义",
    family: "自定义",
    note: "用户自定义模板。",
    source: "用户自定义模板",
  };
  const list = [...TEMPLATES, user];

  it("are found by Chinese without a pinyin provider", () => {
    expect(searchTemplates("企业走访", { templates: list })[0].template.id).toBe("user-visit-count");
    expect(searchTemplates("qyzfww", { templates: list })).toEqual([]);
  });

  it("are found by pinyin and initials through the provider", () => {
    setPinyinProvider((text) => pinyin(text, { ...PINYIN_OPTIONS }));
    expect(searchTemplates("qyzfww", { templates: list }).map((r) => r.template.id)).toEqual(["user-visit-count"]);
    expect(searchTemplates("qiyezoufang", { templates: list })[0]).toMatchObject({ field: "name", via: "pinyin" });
    expect(searchTemplates("weiwencishu", { templates: list })[0].template.id).toBe("user-visit-count");
    // the library still ranks as before
    expect(first("zjdwl", { templates: list })).toBe("资金到位率");
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
    const queries = ["myd", "培训", "cbkzl", "manyidu", "正常运行率", "评审", "zfcg", "", "率", "培训完成率"];
    searchTemplates("warm up");
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) searchTemplates(queries[i % queries.length]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
