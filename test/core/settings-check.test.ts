/**
 * Settings applied by check(): rules switched off, severities overridden, the budget year
 * overridden, and ignored findings — identified by a fingerprint that survives re-checks, inserted
 * rows and moved rows (sheet + rule + indicator + text, never the row number).
 */
import { applyPlanToGrids } from "../../src/core/apply-grid";
import { checkGrids } from "../../src/core/check";
import { parseWorkbook } from "../../src/core/parse";
import { DEFAULT_SETTINGS, normaliseSettings, type AddinSettings } from "../../src/core/settings";
import { TEMPLATES } from "../../src/core/templates/library";
import { planInsertion, planMove } from "../../src/core/templates/plan";
import { loadGrids, SAMPLE } from "../helpers/seed";

const ignoring = (fingerprints: string[]): AddinSettings => ({
  ...DEFAULT_SETTINGS,
  ignored: fingerprints.map((fingerprint) => ({
    fingerprint,
    rule: "",
    sheet: "",
    indicator: null,
    message: "",
    ignoredAt: "",
  })),
});

describe("settings in check()", () => {
  it("switches a rule off, overrides a severity, and accepts the ESLint-style shorthands", async () => {
    const grids = await loadGrids(SAMPLE);
    const base = checkGrids(grids);
    expect(base.findings.some((f) => f.rule === "formula-style")).toBe(true);
    const { settings, problems } = normaliseSettings({
      rules: { "formula-style": "off", "missing-operator": { severity: "error" }, "vague-value": "info" },
    });
    expect(problems).toEqual([]);
    const r = checkGrids(grids, settings);
    expect(r.findings.some((f) => f.rule === "formula-style")).toBe(false);
    expect(new Set(r.findings.filter((f) => f.rule === "missing-operator").map((f) => f.severity))).toEqual(
      new Set(["error"])
    );
    expect(new Set(r.findings.filter((f) => f.rule === "vague-value").map((f) => f.severity))).toEqual(
      new Set(["info"])
    );
    expect(r.summary.error).toBe(
      base.summary.error + base.findings.filter((f) => f.rule === "missing-operator").length
    );
  });

  it("a budget year set in the settings wins over the tables' own", async () => {
    const grids = await loadGrids(SAMPLE);
    const r = checkGrids(grids, { ...DEFAULT_SETTINGS, budgetYear: 2026 });
    // every "2025年12月31日前" deadline is stale in a 2026 table
    expect(r.findings.some((f) => f.rule === "stale-year" && f.sheet === "国资在线监测" && f.cell === "F26")).toBe(
      true
    );
  });

  it("reports problems in Chinese for bad settings and keeps the rest", () => {
    const { settings, problems } = normaliseSettings({
      rules: { "formula-style": { severity: "fatal" } },
      budgetYear: 1800,
      highlight: false,
    });
    expect(problems.length).toBe(2);
    for (const p of problems) expect(p).toMatch(/[\u4e00-\u9fff]/);
    expect(settings.highlight).toBe(false);
    expect(settings.budgetYear).toBeNull();
  });
});

describe("ignored findings", () => {
  it("stay ignored across a re-check, an inserted row above them and a moved row", async () => {
    const [grid] = await loadGrids(SAMPLE);
    const first = checkGrids([grid]);
    const f63 = first.findings.find((f) => f.cell === "F63" && f.rule === "blank-sample-size")!;
    const e39 = first.findings.find((f) => f.cell === "E39" && f.rule === "vague-value")!;
    const d31 = first.findings.find((f) => f.cell === "D31" && f.rule === "duplicate-indicator")!;
    const settings = ignoring([f63.fingerprint, e39.fingerprint, d31.fingerprint]);

    const again = checkGrids([grid], settings);
    expect(again.ignored.map((f) => f.cell).sort()).toEqual(["D31", "E39", "F63"]);
    expect(again.findings.length).toBe(first.findings.length - 3);
    expect(again.summary.ignored).toBe(3);

    // a row inserted at the end of the 数量 group (row 36): the ignored findings below it move down, still ignored
    const table = parseWorkbook([grid]).tables[0];
    const t = TEMPLATES.find((x) => x.level2 === "数量")!;
    const inserted = planInsertion(table, t);
    expect(inserted.row).toBe(36);
    const [afterInsert] = applyPlanToGrids([grid], inserted.plan);
    const r1 = checkGrids([afterInsert], settings);
    expect(r1.ignored.map((f) => f.cell).sort()).toEqual(["D31", "E40", "F64"]);

    // the row of 全市一般公共预算收入增长率 moved out of 数量 (misplaced-indicator's fix): still ignored
    const row31 = table.indicatorBlock.indicators.find((i) => i.row === 31)!;
    const [afterMove] = applyPlanToGrids([grid], planMove(table, row31, { level1: "效益", level2: "经济效益" })!);
    const r2 = checkGrids([afterMove], settings);
    expect(r2.ignored.filter((f) => f.rule === "duplicate-indicator")).toHaveLength(1);
    expect(r2.ignored.some((f) => f.rule === "blank-sample-size" && f.cell === "F63")).toBe(true);
  });

  it("a finding whose text changed is a new finding (not silently ignored)", async () => {
    const [grid] = await loadGrids(SAMPLE);
    const first = checkGrids([grid]);
    const e31 = first.findings.find((f) => f.cell === "E31" && f.rule === "missing-operator")!;
    const plan = {
      label: "改",
      steps: [{ kind: "set" as const, sheet: grid.name, address: "E31", oldText: "2%", newText: "3%" }],
      select: null,
    };
    const [after] = applyPlanToGrids([grid], plan);
    const r = checkGrids([after], ignoring([e31.fingerprint]));
    expect(r.findings.some((f) => f.cell === "E31" && f.rule === "missing-operator")).toBe(true);
  });
});
