/** User templates: validateTemplate, parseUserTemplates (import) and exportUserTemplates; the format's doc. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { TEMPLATES } from "../../src/core/templates/library";
import { exportUserTemplates, parseUserTemplates, USER_FAMILY, USER_SECTOR, USER_SOURCE } from "../../src/core/templates/user";
import { validateTemplate, validateTemplates } from "../../src/core/templates/validate";
import type { IndicatorTemplate } from "../../src/core/templates/types";

const GOOD: IndicatorTemplate = {
  id: "user-visit-count",
  level1: "产出",
  level2: "数量",
  name: "走访慰问困难企业次数",
  value: "≥{次数}次",
  explanation: "反映走访慰问困难企业的次数，全年不少于{次数}次",
  placeholders: [{ key: "次数", label: "走访次数", type: "integer", default: "4", min: 1 }],
  keywords: ["走访", "慰问"],
  sector: "自定义",
  family: "自定义",
  note: "走访慰问类项目使用。",
  source: "用户自定义模板",
};

const without = (field: keyof IndicatorTemplate) => {
  const o: Record<string, unknown> = { ...GOOD };
  delete o[field];
  return o;
};

describe("validateTemplate", () => {
  it("accepts a complete template", () => {
    expect(validateTemplate(GOOD)).toEqual([]);
  });

  it.each([
    ["not an object", "模板", ["模板不是 JSON 对象"]],
    ["no id", without("id"), ["缺少字段 id（应为非空文字）"]],
    ["no name", without("name"), ["缺少字段 name（应为非空文字）"]],
    ["blank explanation", { ...GOOD, explanation: " " }, ["缺少字段 explanation（应为非空文字）"]],
    ["no keywords", without("keywords"), ["缺少字段 keywords（应为文字列表，可为空）"]],
    ["an id in Chinese", { ...GOOD, id: "走访次数" }, ["编号 id“走访次数”应为小写英文、数字和连字符，并带类别前缀，如 training-attendance-rate"]],
    ["an id without a family prefix", { ...GOOD, id: "visits" }, ["编号 id“visits”应为小写英文、数字和连字符，并带类别前缀，如 training-attendance-rate"]],
    ["an unknown 一级", { ...GOOD, level1: "项目完成" }, ["一级指标“项目完成”不在标准名称内（产出、成本、效益、满意度）"]],
    ["an unknown 二级", { ...GOOD, level2: "其他" }, [expect.stringContaining("二级指标“其他”不在标准名称内")]],
    ["a 二级 not under its 一级", { ...GOOD, level1: "满意度" }, ["二级指标“数量”不属于一级指标“满意度”（应在“产出”下）"]],
    ["经济成本 under 产出", { ...GOOD, level1: "产出", level2: "经济成本" }, ["二级指标“经济成本”不属于一级指标“产出”（应在“成本”下）"]],
    ["a placeholder used but not declared", { ...GOOD, name: "走访{对象}次数" }, ["文字中用了占位符{对象}，但 placeholders 中没有声明"]],
    ["a placeholder declared but not used", { ...GOOD, placeholders: [...GOOD.placeholders, { key: "对象", label: "对象", type: "text", default: "企业" }] }, ["占位符{对象}已声明，但名称、指标值和指标解释中都没有用到"]],
    ["a placeholder declared twice", { ...GOOD, placeholders: [GOOD.placeholders[0], GOOD.placeholders[0]] }, ["占位符{次数}重复声明"]],
    ["a default that is not an integer", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], default: "四" }] }, ["占位符{次数}的默认值不合规：“走访次数”应为整数，现为“四”"]],
    ["a default below min", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], default: "0" }] }, ["占位符{次数}的默认值不合规：“走访次数”应不小于1"]],
    ["a default above max", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], max: 3 }] }, ["占位符{次数}的默认值不合规：“走访次数”应不大于3"]],
    ["a default as a number", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], default: 4 }] }, ["占位符{次数}的默认值应为文字或 null"]],
    ["no default at all", { ...GOOD, placeholders: [{ key: "次数", label: "走访次数", type: "integer" }] }, ["占位符{次数}缺少默认值 default（可为 null，表示必须填写）"]],
    ["a null default (must be filled) is allowed", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], default: null }] }, []],
    ["an unknown type", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], type: "数字" }] }, ["占位符{次数}的类型 type 应为 integer、number、text、date、choice 之一"]],
    ["a choice without choices", { ...GOOD, placeholders: [{ key: "次数", label: "走访次数", type: "choice", default: "4" }] }, ["占位符{次数}为选项类型，须给出 choices（选项列表）", "占位符{次数}的默认值不合规：“走访次数”应为以下之一：，现为“4”"]],
    ["a date default that is no date", { ...GOOD, value: "{日期}前", explanation: "反映走访慰问困难企业的完成时间", placeholders: [{ key: "日期", label: "完成日期", type: "date", default: "年底" }] }, ["占位符{日期}的默认值不合规：“完成日期”应为日期，如“2025年12月31日”，现为“年底”"]],
    ["no label", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], label: "" }] }, ["占位符{次数}缺少中文说明 label"]],
    ["min above max", { ...GOOD, placeholders: [{ ...GOOD.placeholders[0], min: 5, max: 1, default: "4" }] }, ["占位符{次数}的 min 大于 max", "占位符{次数}的默认值不合规：“走访次数”应不小于5"]],
    ["a brace left open", { ...GOOD, value: "≥{次数次" }, ["指标值中的花括号不成对，或占位符名称超过12个字符、含空格"]],
  ])("%s", (_label, t, problems) => {
    expect(validateTemplate(t)).toEqual(problems);
  });

  it("validateTemplates reports duplicate ids and prefixes each problem", () => {
    expect(validateTemplates([GOOD, GOOD, { ...GOOD, id: "user-x", level2: "其他" }])).toEqual([
      "模板“user-visit-count”：编号 id 重复",
      expect.stringMatching(/^模板“user-x”：二级指标“其他”不在标准名称内/),
    ]);
    expect(validateTemplates(["x"])).toEqual(["第1个模板：模板不是 JSON 对象"]);
  });
});

describe("parseUserTemplates", () => {
  it("reads a JSON array", () => {
    expect(parseUserTemplates(JSON.stringify([GOOD]))).toEqual({ templates: [GOOD], problems: [] });
  });

  it("reads {templates: [...]} (the export format), with a BOM", () => {
    expect(parseUserTemplates("\uFEFF" + JSON.stringify({ version: 1, templates: [GOOD] })).templates).toEqual([GOOD]);
  });

  it("fills what users may leave out and accepts the usual level spellings", () => {
    const minimal = { id: "user-a-b", level1: "产出指标", level2: "数量指标", name: "走访户数", value: "≥{户数}户", explanation: "反映走访的户数", placeholders: [{ key: "户数", label: "户数", type: "integer", default: "10" }] };
    const { templates, problems } = parseUserTemplates(JSON.stringify([minimal, { ...minimal, id: "user-a-c", level1: "效果指标", level2: "社会效益指标" }]));
    expect(problems).toEqual([]);
    expect(templates[0]).toEqual({ ...minimal, level1: "产出", level2: "数量", keywords: [], sector: USER_SECTOR, family: USER_FAMILY, note: "用户自定义模板。", source: USER_SOURCE });
    expect(templates[1]).toMatchObject({ level1: "效益", level2: "社会效益" });
  });

  it("an older export's source \"user\" and a missing sector are read in words", () => {
    const old: Record<string, unknown> = { ...GOOD, source: "user" };
    delete old.sector;
    expect(parseUserTemplates(JSON.stringify([old])).templates[0]).toMatchObject({ sector: USER_SECTOR, source: USER_SOURCE });
  });

  it("a template without placeholders is fine for users", () => {
    const fixed = { ...GOOD, id: "user-fixed", value: "=100%", explanation: "反映走访完成情况，计算公式：已走访企业数/计划走访企业数×100%", placeholders: [] };
    expect(parseUserTemplates(JSON.stringify([fixed])).problems).toEqual([]);
  });

  it.each([
    ["not JSON", "{templates: [", [expect.stringMatching(/^文件不是有效的 JSON：/)]],
    ["a JSON string", '"模板"', ["文件内容应为模板列表（JSON 数组），或带 templates 列表的对象"]],
    ["an object without templates", '{"a": 1}', ["文件内容应为模板列表（JSON 数组），或带 templates 列表的对象"]],
    ["an empty list", "[]", ["文件中没有模板"]],
  ])("%s", (_label, json, problems) => {
    expect(parseUserTemplates(json)).toEqual({ templates: [], problems });
  });

  it("skips invalid entries and says why, in Chinese", () => {
    const bad = { ...GOOD, id: "user-bad", name: "走访{对象}次数", level1: "满意度" };
    const { templates, problems } = parseUserTemplates(JSON.stringify([GOOD, bad, 42, { ...GOOD }]));
    expect(templates).toEqual([GOOD]);
    expect(problems).toEqual([
      "第2个模板“走访{对象}次数”未导入：二级指标“数量”不属于一级指标“满意度”（应在“产出”下）；文字中用了占位符{对象}，但 placeholders 中没有声明",
      "第3个模板未导入：模板不是 JSON 对象",
      "第4个模板“走访慰问困难企业次数”未导入：编号“user-visit-count”在文件中重复",
    ]);
    for (const p of problems) expect(p).toMatch(/[\u4e00-\u9fff]/);
  });

  it("an id that clashes with the library (or the given existing list) is skipped", () => {
    const clash = { ...GOOD, id: TEMPLATES[0].id };
    expect(parseUserTemplates(JSON.stringify([clash])).problems).toEqual([`第1个模板“走访慰问困难企业次数”未导入：编号“${TEMPLATES[0].id}”与已有模板重复，请改用其他编号`]);
    expect(parseUserTemplates(JSON.stringify([GOOD]), { existing: [GOOD] }).templates).toEqual([]);
    expect(parseUserTemplates(JSON.stringify([clash]), { existing: [] }).templates).toHaveLength(1);
  });
});

describe("exportUserTemplates", () => {
  it("round-trips through parseUserTemplates", () => {
    const text = exportUserTemplates([GOOD]);
    expect(JSON.parse(text)).toEqual({ version: 1, templates: [GOOD] });
    expect(parseUserTemplates(text)).toEqual({ templates: [GOOD], problems: [] });
  });
  it("keeps the field order of the format, two-space indented", () => {
    const shuffled = Object.fromEntries(Object.entries(GOOD).reverse()) as unknown as IndicatorTemplate;
    const text = exportUserTemplates([shuffled]);
    expect(Object.keys(JSON.parse(text).templates[0])).toEqual(Object.keys(GOOD));
    expect(text).toMatch(/^\{\n {2}"version": 1,/);
    expect(text.endsWith("\n")).toBe(true);
  });
  it("the whole library survives export and re-import (as if it were a user's file)", () => {
    const { templates, problems } = parseUserTemplates(exportUserTemplates(TEMPLATES), { existing: [] });
    expect(problems).toEqual([]);
    expect(templates).toEqual([...TEMPLATES]);
  });
});

describe("docs/templates.md", () => {
  const md = readFileSync(path.join(__dirname, "..", "..", "docs", "templates.md"), "utf8");
  it("its example file imports without problems", () => {
    const json = /```json\n([\s\S]*?)```/.exec(md)![1];
    const { templates, problems } = parseUserTemplates(json);
    expect(problems).toEqual([]);
    expect(templates).toHaveLength(3);
  });
  it("states the library's size", () => {
    expect(md).toContain(`内置模板库共 ${TEMPLATES.length} 条`);
  });
});
