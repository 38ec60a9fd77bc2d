/** The template library: its data files, schema, size and sectors, sources, and the house style of its texts. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Level2Name } from "../../src/core/model";
import { fillTemplate } from "../../src/core/templates/fill";
import { SECTOR_FILES, SECTOR_NAMES, SOURCES, TEMPLATES, templateById } from "../../src/core/templates/library";
import { usedPlaceholderKeys } from "../../src/core/templates/placeholders";
import { displayName } from "../../src/core/templates/search";
import { validateTemplates } from "../../src/core/templates/validate";

const LIBRARY_DIR = path.join(__dirname, "..", "..", "src", "core", "templates", "library");

describe("data files", () => {
  it("every sector file in library/ is loaded, in its order, with a distinct sector name", () => {
    const files = readdirSync(LIBRARY_DIR).filter((f) => f.endsWith(".json") && f !== "sources.json");
    expect(SECTOR_FILES).toHaveLength(files.length);
    expect(SECTOR_FILES.map((f) => f.order)).toEqual(SECTOR_FILES.map((_f, i) => i + 1));
    expect(new Set(SECTOR_NAMES).size).toBe(SECTOR_NAMES.length);
  });

  it("a stored template leaves out its sector (the file's) and names its source by a key of sources.json", () => {
    for (const f of SECTOR_FILES) {
      for (const t of f.templates) {
        expect(Object.keys(t)).not.toContain("sector");
        expect(Object.keys(SOURCES)).toContain(t.source);
      }
    }
  });

  it("every source is cited by some template, and named in words: 《文件名》 or 本项目根据实践编写, never an S-number", () => {
    const used = new Set(SECTOR_FILES.flatMap((f) => f.templates.map((t) => t.source)));
    expect(Object.keys(SOURCES).filter((k) => !used.has(k))).toEqual([]);
    for (const s of Object.values(SOURCES)) {
      expect(s.name).toMatch(/《[^》]+》|^本项目根据实践编写$/);
      expect(s.name).not.toMatch(/\bS\d+|research:|seed:|practice/);
      expect(["国家文件", "技术标准", "地方指标库", "公开绩效目标表", "实践"]).toContain(s.kind);
    }
  });

  it("TEMPLATES resolve sector and source, frozen, in file order", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(SECTOR_FILES.flatMap((f) => f.templates.map((t) => t.id)));
    expect(Object.isFrozen(TEMPLATES)).toBe(true);
    const t = templateById("forest-survival-rate")!;
    expect(t.sector).toBe("林业草原");
    expect(t.source).toBe("《造林技术规程》（GB/T 15776）");
    expect(templateById("no-such-template")).toBeUndefined();
  });
});

describe("schema", () => {
  it("every template is valid (fields, levels, placeholders, defaults, unique ids)", () => {
    expect(validateTemplates(TEMPLATES)).toEqual([]);
  });
  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: placeholders declared and used agree, defaults given", (_id, t) => {
    for (const p of t.placeholders) expect(p.default).not.toBeNull();
    expect(usedPlaceholderKeys(t).sort()).toEqual(t.placeholders.map((p) => p.key).sort());
  });
});

describe("size and sectors", () => {
  const LEVEL2_GROUPS: readonly [string, readonly Level2Name[]][] = [
    ["数量", ["数量"]],
    ["质量", ["质量"]],
    ["时效", ["时效"]],
    ["成本", ["成本", "经济成本"]],
    ["效益", ["经济效益", "社会效益", "生态效益", "可持续影响"]],
    ["满意度", ["服务对象满意度"]],
  ];

  it("at least 600 templates in at least 12 sectors of at least 25 each", () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(600);
    const counts = SECTOR_NAMES.map((s) => TEMPLATES.filter((t) => t.sector === s).length);
    expect(counts.filter((n) => n >= 25).length).toBeGreaterThanOrEqual(12);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(25);
  });

  it.each(SECTOR_NAMES.map((s) => [s]))("%s covers 数量/质量/时效/成本/效益/满意度", (sector) => {
    const list = TEMPLATES.filter((t) => t.sector === sector);
    for (const [label, level2s] of LEVEL2_GROUPS)
      expect([label, list.some((t) => level2s.includes(t.level2))]).toEqual([label, true]);
  });

  it("the sectors a city's units need, and the common sets", () => {
    expect(SECTOR_NAMES).toEqual(
      expect.arrayContaining([
        "部门整体运转",
        "项目通用",
        "财政管理",
        "工程建设",
        "农业农村",
        "林业草原",
        "水利",
        "卫生健康",
        "教育",
        "交通运输",
        "生态环境",
        "城市管理与环卫",
        "市场监管",
        "民政与社会保障",
      ])
    );
  });

  it.each([
    ["部门整体运转", ["保障在职人员人数", "人员工资按时足额发放率", "“三公”经费支出", "部门预算执行率", "政府采购执行率", "资产账实相符率", "主动公开政府信息条数"]],
    ["项目通用", ["资金到位率", "资金支付及时率", "项目（工程）完成及时率", "项目受益人口数", "带动受益群众增收"]],
    ["工程建设", ["工程验收合格率", "建筑安装工程单位造价"]],
    ["林业草原", ["造林成活率", "森林覆盖率", "人工造林单位成本"]],
    ["农业农村", ["高标准农田亩均财政投入"]],
    ["交通运输", ["农村公路建设单位造价"]],
    ["教育", ["义务教育生均公用经费补助标准"]],
  ])("%s has what the issue names", (sector, names) => {
    const here = TEMPLATES.filter((t) => t.sector === sector).map(displayName);
    for (const n of names) expect(here).toContain(n);
  });

  it("unit cost standards are there: 元/亩, 万元/公里, 元/平方米, 生均", () => {
    const values = TEMPLATES.map((t) => fillTemplate(t).value);
    for (const unit of [/元\/亩$/, /万元\/公里$/, /元\/平方米$/, /元\/生·(年|天)$/]) expect(values.some((v) => unit.test(v))).toBe(true);
  });
});

describe("house style", () => {
  it("names shown (defaults filled) are distinct, and so are the explanations", () => {
    const names = TEMPLATES.map(displayName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const explanations = TEMPLATES.map((t) => fillTemplate(t).explanation);
    expect(explanations.filter((e, i) => explanations.indexOf(e) !== i && !/满意问卷数/.test(e))).toEqual([]);
  });

  it("no template text left after filling with defaults, formulas written with ×, no digits in names", () => {
    for (const t of TEMPLATES) {
      const f = fillTemplate(t);
      for (const text of [f.name, f.value, f.explanation]) expect([t.id, text]).not.toEqual([t.id, expect.stringMatching(/\{|\}|\*\*|XX|xx|__/)]);
      expect([t.id, f.explanation]).not.toEqual([t.id, expect.stringMatching(/[*xX]/)]);
      expect([t.id, f.name]).not.toEqual([t.id, expect.stringMatching(/\d/)]);
    }
  });

  it("keywords are Chinese words; notes one Chinese sentence; families named", () => {
    for (const t of TEMPLATES) {
      expect(t.keywords.length).toBeGreaterThanOrEqual(2);
      for (const k of t.keywords) expect([t.id, k]).toEqual([t.id, expect.stringMatching(/^[\u4e00-\u9fff“”、]+$/)]);
      expect(t.note).toMatch(/^[^。]+。$/);
      expect(t.family).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("finance wording only in the 财政管理 sector", () => {
    for (const t of TEMPLATES.filter((x) => x.sector !== "财政管理")) {
      const f = fillTemplate(t);
      expect([t.id, `${f.name}${f.explanation}`]).not.toEqual([t.id, expect.stringMatching(/财政系统|财政组织|财政部门|财政局/)]);
    }
  });
});

describe("docs/templates.md", () => {
  const md = readFileSync(path.join(__dirname, "..", "..", "docs", "templates.md"), "utf8");
  it("lists every sector with its count and families, and the count of each 二级", () => {
    expect(md).toContain(`内置模板库共 ${TEMPLATES.length} 条，分 ${SECTOR_NAMES.length} 个领域`);
    for (const f of SECTOR_FILES) {
      const families = [...new Set(f.templates.map((t) => t.family))].join("、");
      expect(md).toContain(`| ${f.sector} | ${f.templates.length} | ${families} |`);
    }
    const order: readonly Level2Name[] = ["数量", "质量", "时效", "经济成本", "社会成本", "生态环境成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"];
    const counts = order.map((l2) => `${l2} ${TEMPLATES.filter((t) => t.level2 === l2).length}`).join("，");
    expect(md).toContain(`各二级指标的模板数：${counts}。`);
  });
});
