/** The sector of a table, inferred from its header (unit, project name, target), and search ranking it first. */
import type { GridInput } from "../../src/core/grid";
import { parseWorkbook } from "../../src/core/parse";
import { SECTOR_NAMES } from "../../src/core/templates/library";
import { displayName, searchTemplates } from "../../src/core/templates/search";
import { inferSector, tableSectors } from "../../src/core/templates/sector";
import { loadGrids, SAMPLE } from "../helpers/seed";
import { sheetOf, VALID_ROWS } from "../helpers/tables";

function project(fields: ReadonlyArray<readonly [string, GridInput]>, title: string | null = null) {
  const grid = sheetOf("S", {
    title,
    fields: [...fields, ["项目负责人", "张三"], ["联系电话", "0858-1234567"], ["预算资金（万元）", 100]],
    rows: VALID_ROWS,
  });
  return parseWorkbook([grid]).tables[0];
}

describe("inferSector", () => {
  it.each([
    [[["项目名称", "退化林修复项目"], ["主管部门", "某县林业局"]], "林业草原"],
    [[["项目名称", "松材线虫病疫木除治"]], "林业草原"],
    [[["项目名称", "高标准农田建设项目"], ["主管部门", "某县农业农村局"]], "农业农村"],
    [[["项目名称", "农村饮水安全巩固提升工程"], ["实施单位", "某县水务局"]], "水利"],
    [[["项目名称", "基本公共卫生服务补助资金"], ["主管部门", "某区卫生健康局"]], "卫生健康"],
    [[["项目名称", "义务教育营养改善计划专项资金"], ["主管部门", "某县教育体育局"]], "教育"],
    [[["项目名称", "农村公路养护经费"], ["主管部门", "某县交通运输局"]], "交通运输"],
    [[["项目名称", "雾炮车降尘抑尘服务"], ["实施单位", "某市环境卫生管理处"]], "城市管理与环卫"],
    [[["项目名称", "食品安全抽检经费"], ["主管部门", "某州市场监督管理局"]], "市场监管"],
    [[["项目名称", "城乡低保资金"], ["主管部门", "某县民政局"]], "民政与社会保障"],
    [[["项目名称", "送戏下乡惠民演出"], ["主管部门", "某县文化和旅游局"]], "文化旅游体育"],
    [[["项目名称", "村组干部报酬"], ["实施单位", "某县某镇人民政府"]], "乡镇与基层治理"],
    [[["项目名称", "政务服务平台运行维护"], ["主管部门", "某市大数据局"]], "科技与信息化"],
    [[["项目名称", "办公楼维修改造工程"], ["主管部门", "某市机关事务管理局"]], "工程建设"],
    [[["项目名称", "大气污染防治监测经费"], ["主管部门", "某市生态环境局"]], "生态环境"],
  ] as const)("%j → %s", (fields, sector) => {
    expect(inferSector(project(fields))).toBe(sector);
    expect(SECTOR_NAMES).toContain(sector);
  });

  it("a department table by its unit name; the common sets are never inferred", async () => {
    const grids = await loadGrids(SAMPLE);
    const tables = parseWorkbook(grids).tables;
    const dept = tables.find((t) => t.kind === "department")!;
    expect(inferSector(dept)).toBe("财政管理");
    expect(tableSectors(dept)).toEqual(["财政管理", "部门整体运转"]);
    for (const t of tables.filter((x) => x.kind === "project")) expect(tableSectors(t)).toEqual(["财政管理", "项目通用"]);
  });

  it("nothing to go by, or a tie: no sector, only the common set", () => {
    const t = project([["项目名称", "专项工作经费"]]);
    expect(inferSector(t)).toBeNull();
    expect(tableSectors(t)).toEqual(["项目通用"]);
  });

  it("the search ranks the inferred sector first", () => {
    const t = project([["项目名称", "国土绿化项目"], ["主管部门", "某县林业局"]]);
    const r = searchTemplates("合格率", { preferSectors: tableSectors(t) });
    expect(r[0].template.sector).toBe("林业草原");
    const found = searchTemplates("合格率", { preferSectors: tableSectors(project([["项目名称", "农村公路养护经费"], ["主管部门", "某县交通运输局"]])) });
    expect(found[0].template.sector).toBe("交通运输");
    expect(displayName(searchTemplates("资金到位率", { preferSectors: tableSectors(t) })[0].template)).toBe("资金到位率");
  });
});
