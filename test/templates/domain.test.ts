/**
 * Domain correctness of the whole library (issue 17), as a reviewer of 预算绩效管理 would check it:
 * every template, filled with its defaults (plain substitution, and the pane's filling), passes
 * every rule; rates stay within 100% and give a formula that computes them; costs are money with ≤;
 * explanations say what the indicator reflects; satisfaction samples people; 效益 holds no outputs;
 * a concept sits in one place; 社会成本/生态环境成本 are never offered as money under 产出/成本.
 */
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import type { Level2Name, TargetTable } from "../../src/core/model";
import { parseWorkbook } from "../../src/core/parse";
import { isPercentUnit, parseTargetValue } from "../../src/core/parse/value";
import { bareName } from "../../src/core/rules/util";
import { isMoneyUnit } from "../../src/core/value";
import { fillTemplate } from "../../src/core/templates/fill";
import { TEMPLATES } from "../../src/core/templates/library";
import { defaultTemplate, notOfferedReason, planFillRow, planInsertion } from "../../src/core/templates/plan";
import { displayName } from "../../src/core/templates/search";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import { PROJECT_FIELDS, sheetOf, type TableSpec } from "../helpers/tables";

/* ------------------------------------------------------------------ clean tables to insert into */

// names no template uses, and a budget large enough for any default cost
const FIELDS = PROJECT_FIELDS.map(([label, value]) =>
  label.startsWith("预算资金") ? ([label, 100000000] as const) : ([label, value] as const)
);
const OUTPUT_COST = [
  ["产出指标", "数量指标", "测试专用数量指标甲", "≥2次", "反映测试甲"],
  ["产出指标", "成本指标", "测试专用成本指标乙", "≤10万元", "反映测试乙"],
  ["效益指标", "社会效益指标", "测试专用效益指标丙", "≥90%", "反映测试丙，计算公式：达标数/总数×100%"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "测试专用满意度丁",
    "≥90%",
    "反映测试对象对测试工作的满意程度，随机抽取30名测试对象发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];
const OWN_COST = OUTPUT_COST.map((r) => (r[1] === "成本指标" ? ["成本指标", "经济成本指标", r[2], r[3], r[4]] : r));
const NO_COST = OUTPUT_COST.filter((r) => r[1] !== "成本指标");
const LAYOUTS = [
  ["成本 under 产出", OUTPUT_COST],
  ["成本 as its own 一级", OWN_COST],
  ["no 成本 at all", NO_COST],
] as const;

function tableWith(rows: readonly (readonly string[])[], year: number) {
  const spec: TableSpec = { rows, fields: FIELDS, year };
  const grid = sheetOf("S", spec);
  return { grid, table: parseWorkbook([grid]).tables[0] };
}

/** The template with its placeholders replaced by their defaults, nothing else (no tidying, no budget year). */
function plain(t: IndicatorTemplate): IndicatorTemplate {
  const d = (s: string) => s.replace(/\{([^{}]+)\}/g, (w, k: string) => t.placeholders.find((p) => p.key === k)?.default ?? w);
  return { ...t, name: d(t.name), value: d(t.value), explanation: d(t.explanation), placeholders: [] };
}

/** Errors and warnings anywhere in the table after inserting the template. */
function problemsAfter(t: IndicatorTemplate, grid: ReturnType<typeof tableWith>["grid"], table: TargetTable): string[] {
  const plan = planInsertion(table, t, {}, {});
  const [after] = applyPlanToGrids([grid], plan.plan);
  return checkGrids([after])
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${t.id}（${LAYOUT_NOTE}）: ${f.cell} [${f.rule}] ${f.message}`);
}
let LAYOUT_NOTE = "";

describe.each(LAYOUTS)("filled with its defaults, inserted into a clean table with %s", (layout, rows) => {
  it.each([
    ["plain substitution of the defaults", 2025, plain],
    ["the pane's filling (fill.ts, the table's budget year)", 2026, (t: IndicatorTemplate) => t],
  ] as const)("%s: every template passes every rule (no error, no warning)", (_how, year, prepare) => {
    const { grid, table } = tableWith(rows, year);
    expect(checkGrids([grid]).findings).toEqual([]);
    LAYOUT_NOTE = layout;
    const problems: string[] = [];
    for (const t of TEMPLATES) {
      if (notOfferedReason(table, t)) continue; // checked below: refused
      problems.push(...problemsAfter(prepare(t), grid, table));
    }
    expect(problems).toEqual([]);
  });

  it("left unfilled, every template with blanks is flagged until filled", () => {
    const { grid, table } = tableWith(rows, 2025);
    const unflagged: string[] = [];
    for (const t of TEMPLATES) {
      if (notOfferedReason(table, t) || t.placeholders.length === 0) continue;
      const plan = planInsertion(table, t, {}, { keepUnfilled: true });
      const [after] = applyPlanToGrids([grid], plan.plan);
      const rules = new Set(checkGrids([after]).findings.filter((f) => f.row === plan.row).map((f) => f.rule));
      if (!rules.has("placeholder-left") && !rules.has("blank-sample-size")) unflagged.push(t.id);
    }
    expect(unflagged).toEqual([]);
  });
});

/* ------------------------------------------------------------------ the checks, one template at a time */

const RATE_NAME = /(率|比例|比率|占比|比重|满意度)$/;
const filled = (t: IndicatorTemplate) => fillTemplate(t);
const isRate = (t: IndicatorTemplate) =>
  RATE_NAME.test(bareName(displayName(t))) || isPercentUnit(parseTargetValue(filled(t).value).unit);
const FORMULA = /计算公式：(.+?)\/([^，。；/]+?)×100%/;
const SURVEY = "反映{对象}对{工作}的满意程度，随机抽取{N}名{对象}发放调查问卷，计算公式：满意问卷数/问卷总数×100%";
const PEOPLE =
  /(人员|人|人群|群众|公众|居民|市民|用户|学员|学生|家长|教师|患者|游客|乘客|干部|职工|农户|林农|农民|老年人|劳动者|消费者|经营者|负责人|代表|委员|对象|成员)$/;

/** Words a formula may use for what a rate's name ends in (the name's own words count too). */
const SAME_AS: Readonly<Record<string, RegExp>> = {
  及时: /及时|按时|按期|按月|准点|当日|规定时间|规定时限/,
  按期: /按期|按时|规定期限/,
  合格: /合格|达标|通过|无误|准确/,
  达标: /达标|合格/,
  覆盖: /覆盖|纳入|享受|实行|签约|建立|获得|治理|开展|调用|参训/,
  出勤: /出勤|实到/,
  普及: /使用/,
  执行: /支出|执行/,
  利用: /利用|在用|吸收|入住/,
  参考: /参加/,
  运转: /运行|运转/,
  负荷: /处理量/,
  节支: /采购预算金额-实际采购金额/,
  巩固: /毕业/,
  分担: /公共交通/,
  密度: /免疫/,
  盖度: /植被/,
};

function computesTheRate(name: string, formula: string): boolean {
  const stem = bareName(name).replace(/(率|比例|比率|占比|比重|增幅|密度|盖度|水平)$/, "");
  if (SAME_AS[stem.slice(-2)]?.test(formula)) return true;
  // otherwise the formula names what the rate is about: a word of the name's own stem
  for (let i = 0; i < stem.length - 1; i++) if (formula.includes(stem.slice(i, i + 2))) return true;
  return false;
}

/** A rate's default within 100% (“≥”/“>” only below 100%), and a formula that computes it. */
function rateProblems(t: IndicatorTemplate): string[] {
  if (!isRate(t) || t.level1 === "满意度") return [];
  const out: string[] = [];
  for (const value of [plain(t).value, filled(t).value]) {
    const v = parseTargetValue(value);
    if (!isPercentUnit(v.unit)) continue;
    if (v.number === null || v.number > 100 || v.number < 0) out.push(`默认值 ${value} 超出 0–100%`);
    else if ((v.operator === "≥" || v.operator === ">") && v.number === 100) out.push(`默认值 ${value} 只能写作 =100%`);
  }
  const f = filled(t);
  const m = FORMULA.exec(f.explanation);
  if (!m) out.push("解释没有“分子/分母×100%”的计算公式");
  else if (m[1] === m[2]) out.push("公式的分子与分母相同");
  else if (!computesTheRate(f.name, m[0])) out.push(`公式“${m[0]}”算的不是${f.name}`);
  if (/控制率$/.test(bareName(f.name)) && parseTargetValue(f.value).operator !== "≤") out.push("控制率应为上限（≤）");
  return out;
}

/** The seed's survey sentence, sampling people (名) in a plausible number. */
function satisfactionProblems(t: IndicatorTemplate): string[] {
  if (t.level1 !== "满意度") return /满意/.test(displayName(t)) ? ["满意度只放在满意度指标下"] : [];
  const out: string[] = [];
  const obj = t.placeholders.find((p) => p.key === "对象")?.default ?? "";
  const n = Number(t.placeholders.find((p) => p.key === "N")?.default);
  if (t.level2 !== "服务对象满意度" || !/满意度$/.test(displayName(t))) out.push("名称应以满意度结尾");
  if (t.explanation !== SURVEY) out.push("不是问卷调查的标准表述");
  if (!PEOPLE.test(obj) || /单位$/.test(obj)) out.push(`抽样对象“${obj}”不是人`);
  if (!(Number.isInteger(n) && n >= 10 && n <= 300)) out.push(`抽样人数 ${n} 不合理`);
  return out;
}

/** 成本: money or a unit cost with ≤, a round default; 社会/生态环境成本: a negative effect, not money. */
function costProblems(t: IndicatorTemplate): string[] {
  const v = parseTargetValue(filled(t).value);
  if (t.level2 === "成本" || t.level2 === "经济成本") {
    const out: string[] = [];
    if (!isMoneyUnit(v.unit) || v.operator !== "≤") out.push(`成本应为金额或单位成本且用≤，现为 ${v.raw}`);
    // a default is a figure to replace, not one unit's budget (the seed's 548万元)
    if (v.unit === "万元" && v.number !== null && v.number >= 10 && v.number % 5 !== 0) out.push(`默认金额 ${v.raw} 不是整数额`);
    return out;
  }
  if (t.level2 === "社会成本" || t.level2 === "生态环境成本") {
    if (isMoneyUnit(v.unit)) return [`${t.level2}不是金额，现为 ${v.raw}`];
    if (!(v.operator === "≤" || (v.operator === "=" && v.number === 0))) return [`${t.level2}应为上限（≤）或“=0”，现为 ${v.raw}`];
  }
  return [];
}

function explanationProblems(t: IndicatorTemplate): string[] {
  return /^反映[^，。]{2,}/.test(filled(t).explanation) ? [] : ["解释没有说明反映什么"];
}

/** An output under 效益: something done (完成/发放/到位…), money left over, or a count of what was built or held. */
const OUTPUT_WORDS = /完成|发放|到位|执行|结余|验收|及时|按期|按时|办结|新建|购置|举办|印发|培训(人数|人次|班次)|建设(数量|面积|里程)/;

function benefitProblems(t: IndicatorTemplate): string[] {
  if (t.level1 !== "效益") return [];
  const n = displayName(t);
  return OUTPUT_WORDS.test(n) || (/覆盖率$/.test(n) && !/森林|绿化|植被/.test(n)) ? [`${n}是产出，不是效益`] : [];
}

function allProblems(t: IndicatorTemplate): string[] {
  return [rateProblems, satisfactionProblems, costProblems, explanationProblems, benefitProblems].flatMap((f) =>
    f(t).map((p) => `${t.id}：${p}`)
  );
}

describe("every template, as a reviewer checks it", () => {
  it("rates, satisfaction, costs, explanations and benefits are right across the library", () => {
    expect(TEMPLATES.flatMap(allProblems)).toEqual([]);
  });

  /** The defects the issue found in the 233-template library, written as templates: each is caught. */
  const old = (o: Partial<IndicatorTemplate> & Pick<IndicatorTemplate, "id" | "level1" | "level2" | "name" | "value" | "explanation">): IndicatorTemplate => ({
    placeholders: [],
    keywords: ["测试", "缺陷"],
    sector: "测试",
    family: "测试",
    note: "测试。",
    source: "测试",
    ...o,
  });
  const pct = (key: string, d: string) => [{ key, label: "目标值（%）", type: "number" as const, default: d, min: 0, max: 100 }];
  it.each([
    ["成本控制率 “=100%” computed as spending/budget", old({ id: "t-a", level1: "产出", level2: "成本", name: "项目或定额成本控制率", value: "={控制率}%", explanation: "反映项目支出控制在年初预算数以内的情况，计算公式：实际支出数/年初预算数×100%", placeholders: pct("控制率", "100") }), /成本应为金额|算的不是|上限/],
    ["发放完成率 under 社会效益", old({ id: "t-b", level1: "效益", level2: "社会效益", name: "补贴发放完成率", value: "≥98%", explanation: "反映补贴政策落实到位的情况，计算公式：已发放补贴人数/应发放补贴人数×100%" }), /是产出/],
    ["救助覆盖率 under 社会效益", old({ id: "t-c", level1: "效益", level2: "社会效益", name: "困难群众救助覆盖率", value: "=100%", explanation: "反映困难群众基本生活救助是否应救尽救，计算公式：获得救助的困难群众人数/符合救助条件的困难群众人数×100%" }), /是产出/],
    ["结余率 under 经济效益", old({ id: "t-d", level1: "效益", level2: "经济效益", name: "项目资金结余率", value: "≤5%", explanation: "反映项目资金年末结余情况，计算公式：结余资金/预算资金×100%" }), /是产出/],
    ["废旧设备规范处置率 as an ecological cost", old({ id: "t-e", level1: "成本", level2: "生态环境成本", name: "废旧设备规范处置率", value: "=100%", explanation: "反映废旧电子设备按规定回收处置的情况，计算公式：规范处置的废旧设备数/应处置废旧设备数×100%" }), /上限/],
    ["“≥{目标值}%” defaulting to ≥100%", old({ id: "t-f", level1: "产出", level2: "质量", name: "资金使用合规率", value: "≥{目标值}%", explanation: "反映项目资金按规定使用的情况，计算公式：合规使用资金/资金使用总额×100%", placeholders: pct("目标值", "100") }), /只能写作 =100%/],
    ["项目支出成本 defaulting to one department's 548万元", old({ id: "t-g", level1: "产出", level2: "成本", name: "项目支出成本", value: "≤{金额}万元", explanation: "反映项目全年支出总成本", placeholders: [{ key: "金额", label: "金额", type: "number", default: "548", min: 0 }] }), /不是整数额/],
    ["随机抽取10名 units out of 7, and 名 for units", old({ id: "t-h", level1: "满意度", level2: "服务对象满意度", name: "被评价单位满意度", value: "≥{满意度}%", explanation: SURVEY, placeholders: [{ key: "对象", label: "对象", type: "text", default: "被评价单位" }, { key: "工作", label: "工作", type: "text", default: "财政绩效评价" }, { key: "N", label: "抽样人数", type: "integer", default: "10", min: 1 }, ...pct("满意度", "85")] }), /不是人/],
    ["an explanation that does not say what it reflects", old({ id: "t-i", level1: "产出", level2: "数量", name: "培训班次", value: "≥2次", explanation: "财政组织干部职工进行培训，每年不低于2次" }), /没有说明反映什么/],
  ])("catches: %s", (_label, t, pattern) => {
    expect(allProblems(t).join("；")).toMatch(pattern);
  });
});

describe("costs in the table's layout", () => {
  it("社会成本/生态环境成本: refused in a table whose 成本 stands under 产出, placed under their own 二级 otherwise", () => {
    const output = tableWith(OUTPUT_COST, 2025).table;
    const own = tableWith(OWN_COST, 2025).table;
    const none = tableWith(NO_COST, 2025).table;
    const negative = TEMPLATES.filter((x) => x.level2 === "社会成本" || x.level2 === "生态环境成本");
    expect(negative.length).toBeGreaterThanOrEqual(20);
    for (const t of negative) {
      expect(notOfferedReason(output, t)).toMatch(/不是金额/);
      expect(() => planInsertion(output, t)).toThrow(/无法插入.*不能作为产出成本指标插入/);
      for (const table of [own, none]) {
        const plan = planInsertion(table, t);
        expect([t.id, plan.level1, plan.level2]).toEqual([t.id, "成本", t.level2]);
      }
    }
    // money costs are offered everywhere, under 产出/成本 where that is the table's layout
    const money = TEMPLATES.find((x) => x.level2 === "经济成本")!;
    expect([planInsertion(output, money).level1, planInsertion(output, money).level2]).toEqual(["产出", "成本"]);
  });

  it("a blank 产出/成本 row is filled with money, never with a social or ecological cost", () => {
    const { table } = tableWith([...OUTPUT_COST.slice(0, 1), ["产出指标", "成本指标", "", "", ""], ...OUTPUT_COST.slice(2)], 2025);
    const blank = table.indicatorBlock.rows.find((r) => r.rowKind === "blank-level2")!;
    const fill = planFillRow(table, blank, TEMPLATES)!;
    expect(fill.template.level2).toBe("经济成本");
    expect(defaultTemplate(table, TEMPLATES, "成本")?.level2).toBe("经济成本");
  });
});

/* ------------------------------------------------------------------ concepts */

describe("concepts", () => {
  const key = (t: IndicatorTemplate) => bareName(displayName(t)).replace(/[（）()“”、，\s]/g, "");
  const OUTPUT_LEVELS: readonly Level2Name[] = ["数量", "质量", "时效"];

  it("the same concept sits in one 二级: a name that ends another (four characters or more) is in the same 二级", () => {
    const bad: string[] = [];
    for (const a of TEMPLATES)
      for (const b of TEMPLATES) {
        if (a === b || a.level2 === b.level2) continue;
        const [ka, kb] = [key(a), key(b)];
        if (ka.length >= 4 && kb.endsWith(ka)) bad.push(`${displayName(a)}（${a.level2}）/${displayName(b)}（${b.level2}）`);
      }
    expect(bad).toEqual([]);
  });

  it("completion, timeliness and payment rates are outputs; growth and income are 效益", () => {
    for (const t of TEMPLATES) {
      const n = displayName(t);
      if (/(完成率|及时率|到位率|执行率|发放率|办结率|验收合格率)$/.test(n)) expect([n, OUTPUT_LEVELS.includes(t.level2)]).toEqual([n, true]);
      if (/增长率|增收/.test(n)) expect([n, t.level1]).toEqual([n, "效益"]);
    }
  });
});
