/** perf-target templates: list and search the template library (Chinese, pinyin, initials), JSON shape. */
import fs from "node:fs";
import path from "node:path";
import { TEMPLATES } from "../../src/core/templates/library";
import { rmTemp, runCli, tempDir } from "./helpers";

const KEYS = ["id", "level1", "level2", "name", "value", "explanation", "placeholders", "sector", "source"];

interface Doc {
  templates: Array<
    Record<string, unknown> & { id: string; name: string; level2: string; placeholders: Array<Record<string, unknown>> }
  >;
}

function strict(doc: unknown): Doc {
  expect(Object.keys(doc as object)).toEqual(["templates"]);
  const d = doc as Doc;
  for (const t of d.templates) {
    expect(Object.keys(t)).toEqual(KEYS);
    for (const k of ["id", "level1", "level2", "name", "value", "explanation", "sector", "source"])
      expect(typeof t[k]).toBe("string");
    for (const p of t.placeholders) {
      expect(Object.keys(p).slice(0, 4)).toEqual(["key", "label", "type", "default"]);
      for (const k of Object.keys(p)) expect(["key", "label", "type", "default", "min", "max", "choices"]).toContain(k);
    }
  }
  return d;
}

describe("perf-target templates", () => {
  it("lists the whole library in library order (--json)", async () => {
    const r = await runCli(["templates", "--json"]);
    expect(r.code).toBe(0);
    const doc = strict(JSON.parse(r.stdout));
    expect(doc.templates.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    expect(r.stderr).toBe("");
  });

  it("finds by pinyin initials and full pinyin, best match first", async () => {
    const zjdwl = strict(JSON.parse((await runCli(["templates", "zjdwl", "--json"])).stdout));
    expect(zjdwl.templates[0].name).toBe("资金到位率");
    const myd = strict(JSON.parse((await runCli(["templates", "myd", "--json"])).stdout));
    expect(myd.templates.length).toBeGreaterThan(3);
    expect(myd.templates.slice(0, 10).every((t) => /满意/.test(t.name + JSON.stringify(t)))).toBe(true);
    const full = strict(JSON.parse((await runCli(["templates", "manyidu", "--json"])).stdout));
    expect(full.templates[0].level1).toBe("满意度");
    expect(full.templates.slice(0, 10).every((t) => t.level1 === "满意度")).toBe(true);
  });

  it("filters by 二级 (with or without 指标) and prints a readable list", async () => {
    const r = await runCli(["templates", "--level2", "数量指标"]);
    expect(r.code).toBe(0);
    const n = TEMPLATES.filter((t) => t.level2 === "数量").length;
    expect(r.stdout.split("\n")[0]).toBe(`二级：数量指标的模板，共 ${n} 个：`);
    expect(r.stdout).toContain("产出指标 / 数量指标");
    expect(r.stdout).not.toContain("/ 质量指标");
    const search = await runCli(["templates", "培训", "--level2", "数量"]);
    expect(search.stdout.split("\n")[0]).toMatch(/^找到 \d+ 个模板（“培训”，二级：数量），最匹配的在前：$/);
  });

  it("gives each template's sector and filters by sector (--sector); an unknown sector is refused (exit 2)", async () => {
    const all = strict(JSON.parse((await runCli(["templates", "--json"])).stdout));
    expect(new Set(all.templates.map((t) => t.sector)).size).toBeGreaterThanOrEqual(12);
    expect(all.templates.find((t) => t.id === "forest-survival-rate")).toMatchObject({
      sector: "林业草原",
      source: "《造林技术规程》（GB/T 15776）",
    });
    const forest = strict(JSON.parse((await runCli(["templates", "合格率", "--sector", "林业草原", "--json"])).stdout));
    expect(forest.templates.length).toBeGreaterThan(0);
    expect(forest.templates.every((t) => t.sector === "林业草原")).toBe(true);
    const text = await runCli(["templates", "成活率", "--sector", "林业草原"]);
    expect(text.stdout.split("\n")[0]).toBe("找到 1 个模板（“成活率”，领域：林业草原），最匹配的在前：");
    expect(text.stdout).toContain("来源：《造林技术规程》（GB/T 15776）");
    const bad = await runCli(["templates", "--sector", "林业"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知的领域“林业”");
  });

  it("says so when nothing matches (exit 0) and refuses an unknown 二级 (exit 2)", async () => {
    const none = await runCli(["templates", "zzzzqqq"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("没有找到匹配的模板");
    const empty = strict(JSON.parse((await runCli(["templates", "zzzzqqq", "--json"])).stdout));
    expect(empty.templates).toEqual([]);
    const bad = await runCli(["templates", "--level2", "幸福指标"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("未知的二级指标“幸福指标”");
  });

  it("searches the user templates of a settings file too, by pinyin (pinyin-pro)", async () => {
    const dir = tempDir("templates");
    try {
      const config = path.join(dir, "settings.json");
      fs.writeFileSync(
        config,
        JSON.stringify({
          version: 1,
          userTemplates: [
            {
              id: "my-river-cleaning",
              level1: "产出指标",
              level2: "数量指标",
              name: "河道清淤长度",
              value: "≥{长度}公里",
              explanation: "反映年度完成河道清淤的长度",
              placeholders: [{ key: "长度", label: "清淤长度（公里）", type: "number", default: "5" }],
            },
            { id: "broken", name: "缺字段" },
          ],
        })
      );
      const r = await runCli(["templates", "hdqy", "--config", config, "--json"]);
      expect(r.code).toBe(0);
      const doc = strict(JSON.parse(r.stdout));
      expect(doc.templates.map((t) => t.id)).toEqual(["my-river-cleaning"]);
      expect(doc.templates[0]).toMatchObject({ level1: "产出", level2: "数量", sector: "自定义", source: "用户自定义模板" });
      expect(r.stderr).toContain("自定义模板");
      expect(r.stderr).toContain("未导入");
    } finally {
      rmTemp(dir);
    }
  });
});
