/**
 * Acceptance: the parse of the bundled seed workbook equals its ground truth
 * (test/fixtures/seed/liupanshui-2025.expected.json), and the messy paste is understood in full.
 */
import expected from "../fixtures/seed/liupanshui-2025.expected.json";
import seedFindings from "../fixtures/seed/liupanshui-2025.findings.json";
import { checkGrids } from "../../src/core/check";
import { score, scoredFile, scoreLine, VARIATIONS, type TruthEntry } from "../helpers/real-score";
import { parseWorkbook } from "../../src/core/parse";
import type { TargetTable } from "../../src/core/model";
import { loadGrids, SAMPLE, SAMPLE_RAW } from "../helpers/seed";

type ExpectedSheet = (typeof expected.sheets)[number];

function tableOf(tables: readonly TargetTable[], sheet: string): TargetTable {
  const t = tables.filter((x) => x.sheet === sheet);
  expect(t).toHaveLength(1);
  return t[0];
}

describe("seed workbook liupanshui-2025.xlsx", () => {
  let tables: readonly TargetTable[];
  beforeAll(async () => {
    const parse = parseWorkbook(await loadGrids(SAMPLE));
    tables = parse.tables;
    for (const s of parse.sheets) expect(s.problems).toEqual([]);
  });

  it("finds one table per sheet, 111 indicators in all", () => {
    expect(tables.map((t) => t.sheet)).toEqual(expected.sheetOrder);
    expect(tables.reduce((n, t) => n + t.indicatorBlock.indicators.length, 0)).toBe(expected.totals.indicators);
  });

  describe.each(expected.sheets.map((s) => [s.sheet, s] as [string, ExpectedSheet]))("%s", (sheet, exp) => {
    it("kind, title, year, range, indicator header", () => {
      const t = tableOf(tables, sheet);
      expect(t.kind).toBe(exp.kind);
      expect(t.title).toBe(exp.title);
      expect(t.titleCell).toBe(exp.titleCell);
      expect(t.budgetYear).toBe(2025);
      expect(t.range).toBe(exp.tableRange);
      expect(t.indicatorBlock.headerRow).toBe(exp.indicatorHeader.row);
      const roles = t.indicatorBlock.roles;
      const letter = (c: number | undefined) => (c === undefined ? undefined : String.fromCharCode(64 + c));
      expect(letter(roles.level1)).toBe(exp.columns.level1);
      expect(letter(roles.level2)).toBe(exp.columns.level2);
      expect(letter(roles.name)).toBe(exp.columns.level3);
      expect(letter(roles.value)).toBe(exp.columns.value);
      expect(letter(roles.explanation)).toBe(exp.columns.explanation);
    });

    it("every indicator: levels, name, value, explanation and addresses", () => {
      const t = tableOf(tables, sheet);
      const got = t.indicatorBlock.indicators.map((i) => ({
        row: i.row,
        level1: i.level1.text,
        level2: i.level2.text,
        level3: i.name,
        value: i.value.raw,
        explanation: i.explanation,
        cells: { level1: i.level1.cell, level2: i.level2.cell, level3: i.nameCell, value: i.valueCell, explanation: i.explanationCell },
        merges: { level1: `${i.level1.cell}`, level2: `${i.level2.cell}` },
        rows: { level1: [i.level1.firstRow, i.level1.lastRow], level2: [i.level2.firstRow, i.level2.lastRow] },
      }));
      const want = exp.indicators.map((i) => {
        const span = (m: string) => {
          const [a, b] = m.split(":");
          const top = Number(/\d+/.exec(a)![0]);
          return [top, b ? Number(/\d+/.exec(b)![0]) : top];
        };
        return {
          row: i.row,
          level1: i.level1,
          level2: i.level2,
          level3: i.level3,
          value: i.value,
          explanation: i.explanation,
          cells: i.cells,
          merges: { level1: i.merges.level1.split(":")[0], level2: i.merges.level2.split(":")[0] },
          rows: { level1: span(i.merges.level1), level2: span(i.merges.level2) },
        };
      });
      expect(got).toEqual(want);
      for (const i of t.indicatorBlock.indicators) {
        expect(i.level1.standard).not.toBeNull();
        expect(i.level2.standard).not.toBeNull();
      }
    });

    it("header fields: label, value and both addresses", () => {
      const t = tableOf(tables, sheet);
      const got = t.headerFields.map((f) => ({ label: f.label, value: f.value, labelCell: f.labelCell, valueCell: f.valueCell }));
      const want = exp.headerFields.map((f) => ({ label: f.label, value: String(f.value), labelCell: f.labelCell, valueCell: f.valueCell }));
      expect(got).toEqual(want);
    });

    it("budget figures", () => {
      const t = tableOf(tables, sheet);
      expect(t.budget).not.toBeNull();
      expect(t.budget!.unit).toBe(exp.budget.unit);
      const figures = [...t.budget!.parts.map((p) => ({ key: p.label, value: p.amount, cell: p.cell })), { key: t.budget!.label, value: t.budget!.amount, cell: t.budget!.cell }];
      expect(figures).toEqual(exp.budget.items);
    });
  });
});

describe("messy paste liupanshui-2025-raw.xlsx", () => {
  it("finds every indicator with the right name and value, without an exception", async () => {
    const parse = parseWorkbook(await loadGrids(SAMPLE_RAW));
    const rowOfSeedLine = new Map(expected.raw.rows.map((r) => [r.seedLine, r.row]));
    const found = new Map<number, { name: string; value: string }>();
    for (const t of parse.tables) for (const i of t.indicatorBlock.indicators) found.set(i.row, { name: i.name, value: i.value.raw });
    let right = 0;
    const wrong: string[] = [];
    let total = 0;
    for (const s of expected.sheets) {
      for (const i of s.indicators) {
        total++;
        const row = rowOfSeedLine.get(i.seedLine)!;
        const got = found.get(row);
        if (got && got.name === i.level3 && got.value === i.value) right++;
        else wrong.push(`${s.sheet} 第${row}行 ${i.level3}=${i.value} → ${got ? `${got.name}=${got.value}` : "未找到"}`);
      }
    }
    expect(total).toBe(111);
    if (right < total) throw new Error(`只找到 ${right}/${total}：\n${wrong.join("\n")}`);
    // the paste holds six tables (one per title)
    expect(parse.tables).toHaveLength(6);
  });
});

describe("the seed laid out as other units lay out theirs", () => {
  type SeedFinding = { sheet: string; row?: number; cell?: string; rule: string; certainty?: "must" | "may" };
  const truth: TruthEntry[] = expected.sheets.map((s) => ({
    file: "liupanshui-2025.xlsx",
    sheet: s.sheet,
    indicators: s.indicators.map((i) => ({ row: i.row, name: i.level3, value: i.value, level1: i.level1, level2: i.level2 })),
    findings: (seedFindings.findings as SeedFinding[])
      .filter((f) => f.sheet === s.sheet)
      .map((f) => ({ ...f, certainty: f.certainty ?? "must" })),
  }));
  it.each(Object.entries(VARIATIONS))("%s: still 100% / 100% / no false finding", async (_name, variation) => {
    const grids = (await loadGrids(SAMPLE)).map(variation.change);
    const result = checkGrids(grids);
    const s = score(truth, [scoredFile("liupanshui-2025.xlsx", result, variation)]);
    expect([s.indicators, s.must]).toEqual([expected.totals.indicators, 74]);
    if (s.parsed < s.indicators || s.mustHit < s.must || s.falseCount > 0)
      throw new Error([scoreLine(s), ...s.parseMisses, ...s.misses, ...s.falses].join("\n"));
  });
});
