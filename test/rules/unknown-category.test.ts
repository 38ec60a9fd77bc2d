import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { unknownCategory } from "../../src/core/rules/unknown-category";
import { gridsOf, ruleTester, runRule } from "../helpers/rule-tester";
import { VALID_ROWS } from "../helpers/tables";

// base table: title row 1, fields 2–6, header 7, VALID_ROWS 8–14, appended rows from 15 (A 一级, B 二级)
const [, , , , , BENEFIT, SATISFACTION] = VALID_ROWS;
const withCategories = (l1: string, l2: string) => [l1, l2, "培训期数", "≥3期", "反映培训期数"];
const sat = (l1: string, l2: string) => [l1, l2, "群众满意度", "≥90%", "随机抽取30名群众发放调查问卷，计算公式：满意问卷数/问卷总数×100%"];

ruleTester(unknownCategory, {
  valid: [
    { name: "standard names with 指标", rows: [] },
    {
      name: "standard names without 指标 (数量 = 数量指标)",
      table: { rows: [["产出", "数量", "培训班次", "≥2次", "反映班次"], ["效益", "社会效益", "参训人员业务能力提升率", "≥90%", "计算公式：能力提升人数/参训人数×100%"], sat("满意度", "服务对象满意度")] },
    },
    { name: "社会公众或服务对象满意度指标", rows: [sat("满意度指标", "社会公众或服务对象满意度指标")] },
    { name: "满意度指标 as the 二级 under 满意度指标", rows: [sat("满意度指标", "满意度指标")] },
    { name: "the older 环境效益指标", rows: [withCategories("效益指标", "环境效益指标")] },
    { name: "the 101号 cost names", rows: [["成本指标", "经济成本指标", "设备购置成本", "≤5万元", "反映"], ["成本指标", "社会成本指标", "对周边居民影响", "无明显影响", "反映"], ["成本指标", "生态环境成本指标", "施工扬尘", "达标", "反映"]] },
    { name: "可持续影响指标", rows: [withCategories("效益指标", "可持续影响指标")] },
    { name: "numbered names: 一、产出指标 / 1.数量指标", rows: [withCategories("一、产出指标", "1.数量指标")] },
    { name: "traditional characters: 產出指標 / 數量指標", rows: [withCategories("產出指標", "數量指標")] },
  ],
  invalid: [
    {
      name: "一级 “项目完成指标” (the RULES example): the nearest name, not a safe fix",
      rows: [withCategories("项目完成指标", "数量指标")],
      errors: [{ cell: "A15", severity: "info", message: "一级指标名称“项目完成指标”不规范，建议改为“产出指标”", fix: "产出指标" }],
    },
    {
      name: "known aliases: 项目产出 / 产出数量指标",
      rows: [withCategories("项目产出", "产出数量指标")],
      errors: [
        { cell: "A15", message: "一级指标名称“项目产出”不规范，建议改为“产出指标”", fix: "产出指标" },
        { cell: "B15", message: "二级指标名称“产出数量指标”不规范，建议改为“数量指标”", fix: "数量指标" },
      ],
    },
    { name: "群众满意度指标 as the 二级", rows: [sat("满意度指标", "群众满意度指标")], errors: [{ cell: "B15", message: "建议改为“服务对象满意度指标”" }] },
    { name: "服务对象满意度指标 as the 一级", rows: [sat("服务对象满意度指标", "服务对象满意度指标")], errors: [{ cell: "A15", message: "一级指标名称“服务对象满意度指标”不规范，建议改为“满意度指标”" }] },
    {
      name: "once per merged group",
      table: { rows: [["项目完成指标", "数量指标", "培训班次", "≥2次", "反映班次"], ["项目完成指标", "数量指标", "培训人数", "≥160人", "反映人数"], BENEFIT, SATISFACTION] },
      errors: [{ cell: "A8" }],
    },
    {
      name: "repeat layout: every cell that holds the name is reported (each fix rewrites its own cell)",
      table: { layout: "repeat", rows: [["项目完成指标", "数量指标", "培训班次", "≥2次", "反映班次"], ["项目完成指标", "数量指标", "培训人数", "≥160人", "反映人数"], BENEFIT, SATISFACTION] },
      errors: [{ cell: "A8" }, { cell: "A9" }],
    },
  ],
});

describe("unknown-category quick fix", () => {
  it("a known alias is renamed by a safe fix; re-checked, no finding of any rule remains", () => {
    const grids = gridsOf({ table: { rows: [["项目产出指标", "数量指标", "培训班次", "≥2次", "反映组织培训的班次数量"], BENEFIT, SATISFACTION] } });
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["unknown-category"]);
    expect(before[0].fix!.safe).toBe(true);
    const fixed = applyPlanToGrids(grids, before[0].fix!.plan);
    expect(fixed[0].cell(8, 1)?.text).toBe("产出指标");
    expect(checkGrids(fixed).findings).toEqual([]);
  });

  it("an unknown name gets the nearest standard name, not safe; applied and re-checked, nothing remains", () => {
    const grids = gridsOf({ table: { rows: [["项目完成指标", "数量指标", "培训班次", "≥2次", "反映组织培训的班次数量"], BENEFIT, SATISFACTION] } });
    const before = checkGrids(grids).findings;
    expect(before.map((f) => f.rule)).toEqual(["unknown-category"]); // 数量指标 tells the parser it is 产出
    const fix = before.find((f) => f.rule === "unknown-category")!.fix!;
    expect(fix.safe).toBe(false);
    expect(fix.inputs).toEqual([]);
    expect(checkGrids(applyPlanToGrids(grids, fix.plan)).findings).toEqual([]);
  });
});

describe("unknown-category edge cases (once known gaps)", () => {
  // A 二级 "效果指标" matches the 一级 alias 效果 → the safe fix renames the 二级 cell to the 一级 name
  // "效益指标" (which then passes as "standard"). A 二级 should get a 二级 name (e.g. 社会效益指标).
  it("二级 “效果指标” is not renamed to the 一级 name “效益指标”", () => {
    const [f] = runRule(unknownCategory, { rows: [withCategories("效益指标", "效果指标")] });
    expect(f.message).not.toContain("建议改为“效益指标”");
  });
});

