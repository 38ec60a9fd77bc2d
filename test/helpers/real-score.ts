/**
 * Scores check results against the annotated ground truth of real published tables
 * (test/fixtures/real/expected.json), with the logic of shared/real/score.mjs: an indicator counts
 * when the row holds the expected name and value; a `must` finding counts when a finding of its rule
 * is reported on its row; a reported finding is false when its (sheet, row, rule) is neither `must`
 * nor `may`.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkGrids, type CheckResult } from "../../src/core/check";
import { RowGrid, type GridCell, type SheetGrid } from "../../src/core/grid";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

const REAL_DIR = path.join(__dirname, "..", "fixtures", "real");

interface TruthFinding {
  readonly row?: number;
  readonly cell?: string;
  readonly rule: string;
  readonly certainty: "must" | "may";
  readonly why?: string;
}

interface TruthIndicator {
  readonly row: number;
  readonly name: string;
  readonly value: string;
  readonly level1: string | null;
  readonly level2: string | null;
}

export interface TruthEntry {
  readonly file: string;
  readonly sheet: string;
  readonly indicators: readonly TruthIndicator[];
  readonly findings: readonly TruthFinding[];
}

/** What the CLI's --json gives for one file (the keys the score reads). */
export interface ScoredFile {
  readonly file: string;
  readonly tables: readonly {
    sheet: string;
    indicators: readonly { row: number; name: string; value: string; level1: string; level2: string }[];
  }[];
  readonly findings: readonly { sheet: string; cell: string; rule: string; message: string }[];
}

export interface Score {
  readonly indicators: number;
  readonly parsed: number;
  readonly levels: number;
  readonly must: number;
  readonly mustHit: number;
  readonly reported: number;
  readonly falseCount: number;
  readonly parseMisses: string[];
  readonly misses: string[];
  readonly falses: string[];
}

const norm = (s: unknown) =>
  String(s ?? "")
    .replace(/\s+/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
const lvl = (s: unknown) => norm(s).replace(/指标$/, "");
const rowOf = (f: { row?: number; cell?: string }) =>
  f.row ?? Number(String(f.cell ?? "").replace(/^.*?([0-9]+)$/, "$1"));

export async function loadTruth(): Promise<TruthEntry[]> {
  return JSON.parse(await fs.readFile(path.join(REAL_DIR, "expected.json"), "utf8")) as TruthEntry[];
}

/** A change of a sheet that real tables show too (moved, unmerged …); `rows`: how many rows it inserts on top. */
export interface Variation {
  readonly change: (grid: SheetGrid) => SheetGrid;
  readonly rows: number;
}

const AS_IS: Variation = { change: (g) => g, rows: 0 };

/**
 * Checks one workbook the way `perf-target check --json` does (its own settings, no fixes); with a
 * variation, on its sheets so changed, rows given back in the original numbering.
 */
export async function checkFile(file: string, variation: Variation = AS_IS): Promise<ScoredFile> {
  const bytes = await fs.readFile(path.join(REAL_DIR, file));
  const wb = await XlsxWorkbook.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const result = checkGrids((await wb.readSheets()).map(variation.change), await wb.loadSettings());
  return scoredFile(file, result, variation);
}

/** What the scorer compares of a check of `file` made on sheets changed by `variation`: rows given back in the original numbering. */
export function scoredFile(file: string, result: CheckResult, variation: Variation = AS_IS): ScoredFile {
  const back = (row: number) => row - variation.rows;
  return {
    file,
    tables: result.parse.tables.map((t) => ({
      sheet: t.sheet,
      indicators: t.indicatorBlock.indicators.map((i) => ({
        row: back(i.row),
        name: i.name,
        value: i.value.raw,
        level1: i.level1.text,
        level2: i.level2.text,
      })),
    })),
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell.replace(/\d+$/, (n) => String(back(Number(n)))),
      rule: f.rule,
      message: f.message,
    })),
  };
}

function cellsOf(g: SheetGrid): (GridCell | undefined)[][] {
  const rows: (GridCell | undefined)[][] = [];
  for (let r = 1; r <= g.rowCount; r++) {
    const row: (GridCell | undefined)[] = [];
    for (let c = 1; c <= g.columnCount; c++) row.push(g.cell(r, c));
    rows.push(row);
  }
  return rows;
}

/** Ways the same tables are laid out elsewhere: not at A1, no merges, texts repeated instead of merged, sign-off lines below. */
export const VARIATIONS: Readonly<Record<string, Variation>> = {
  "moved to C4": {
    rows: 3,
    change: (g) =>
      new RowGrid(
        g.name,
        [[], [], [], ...cellsOf(g).map((r) => [undefined, undefined, ...r])],
        g.merges.map((m) => ({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 2, right: m.right + 2 })),
      ),
  },
  "merges removed (blank continuation cells)": { rows: 0, change: (g) => new RowGrid(g.name, cellsOf(g), []) },
  "vertical merges written out on every row": {
    rows: 0,
    change: (g) => {
      const rows = cellsOf(g);
      for (const m of g.merges)
        if (m.left === m.right)
          for (let r = m.top + 1; r <= m.bottom; r++) rows[r - 1][m.left - 1] = rows[m.top - 1][m.left - 1];
      return new RowGrid(
        g.name,
        rows,
        g.merges.filter((m) => m.left !== m.right),
      );
    },
  },
  "sign-off lines and a footnote below": {
    rows: 0,
    change: (g) => {
      const text = (t: string): GridCell => ({ text: t, type: "text" });
      const rows = [
        ...cellsOf(g),
        [text("单位负责人签字："), undefined, text("填报日期：  年  月  日")],
        [text("注：本表由项目单位填报。")],
      ];
      return new RowGrid(g.name, rows, g.merges);
    },
  },
};

export function score(truth: readonly TruthEntry[], files: readonly ScoredFile[]): Score {
  const byFile = new Map(files.map((f) => [path.basename(f.file), f]));
  const s = {
    indicators: 0,
    parsed: 0,
    levels: 0,
    must: 0,
    mustHit: 0,
    reported: 0,
    falseCount: 0,
    parseMisses: [] as string[],
    misses: [] as string[],
    falses: [] as string[],
  };
  const seenSheets = new Set<string>();
  for (const t of truth) {
    const out = byFile.get(path.basename(t.file));
    const got = new Map<number, ScoredFile["tables"][number]["indicators"][number]>();
    for (const tb of out?.tables ?? []) if (tb.sheet === t.sheet) for (const i of tb.indicators) got.set(i.row, i);
    for (const e of t.indicators) {
      s.indicators++;
      const g = got.get(e.row);
      if (g && norm(g.name) === norm(e.name) && norm(g.value) === norm(e.value)) {
        s.parsed++;
        if (lvl(g.level1) === lvl(e.level1) && lvl(g.level2) === lvl(e.level2)) s.levels++;
      } else
        s.parseMisses.push(
          `${t.file}!${e.row} ${e.name} = ${e.value}  got: ${g ? `${g.name} = ${g.value}` : "nothing"}`,
        );
    }
    const key = (row: number, rule: string) => `${row}|${rule}`;
    const allowed = new Set(t.findings.map((f) => key(rowOf(f), f.rule)));
    const reported = (out?.findings ?? []).filter((f) => f.sheet === t.sheet);
    const gotKeys = new Set(reported.map((f) => key(rowOf(f), f.rule)));
    for (const f of t.findings) {
      if (f.certainty !== "must") continue;
      s.must++;
      if (gotKeys.has(key(rowOf(f), f.rule))) s.mustHit++;
      else s.misses.push(`${t.file}!${f.cell ?? rowOf(f)} ${f.rule} — ${f.why ?? ""}`);
    }
    if (seenSheets.has(`${t.file}|${t.sheet}`)) continue;
    seenSheets.add(`${t.file}|${t.sheet}`);
    for (const f of reported) {
      s.reported++;
      if (!allowed.has(key(rowOf(f), f.rule))) {
        s.falseCount++;
        s.falses.push(`${t.file}!${f.cell} ${f.rule}: ${f.message}`);
      }
    }
  }
  return s;
}

export function scoreLine(s: Score): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : "n/a");
  return (
    `parse ${s.parsed}/${s.indicators} (${pct(s.parsed, s.indicators)}%), levels ${s.levels}/${s.indicators}; ` +
    `must-findings ${s.mustHit}/${s.must} (${pct(s.mustHit, s.must)}%); false ${s.falseCount}/${s.reported} (${pct(s.falseCount, s.reported)}%)`
  );
}
