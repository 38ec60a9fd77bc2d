/**
 * Fixture builder: small 绩效目标表 as in-memory grids, in every layout the parser must handle
 * (merged 一级/二级, blank continuation cells, text repeated on every row), with header fields, a
 * title and a label column; several tables can be stacked on one sheet. Also writes them as .xlsx.
 */
import ExcelJS from "exceljs";
import { cellAddress, gridFromRows, type GridInput, type RowGrid } from "../../src/core/grid";
import type { TargetTable } from "../../src/core/model";
import { parseSheet } from "../../src/core/parse";

export type Layout = "merged" | "blank" | "repeat";

export interface TableSpec {
  readonly kind?: "project" | "department";
  /** null: no title row. */
  readonly title?: string | null;
  /** Adds a "（2025年度）" line under the title. */
  readonly year?: number | null;
  /** Header fields, one per row: [label, value]. Default: a complete project header. */
  readonly fields?: ReadonlyArray<readonly [string, GridInput]>;
  /** Indicator header texts. Default 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标解释及计算公式. */
  readonly headers?: readonly string[];
  /** Indicator rows: 一级, 二级 written on every row; the layout decides how they land in the sheet. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridInput>>;
  readonly layout?: Layout;
  /** A label column left of 一级 (merged down the block in the merged layout). */
  readonly label?: string | null;
  /** Sign-off lines below the table. */
  readonly footer?: readonly string[];
}

export const PROJECT_FIELDS: ReadonlyArray<readonly [string, GridInput]> = [
  ["项目名称", "干部培训经费（2025年）"],
  ["项目负责人", "张三"],
  ["联系电话", "0858-1234567"],
  ["预算资金（元）", 100000],
  ["年度目标", "组织全市财政干部业务培训，提升干部业务能力。"],
];

export const DEPARTMENT_FIELDS: ReadonlyArray<readonly [string, GridInput]> = [
  ["部门(单位)名称", "某市财政局"],
  ["基本支出", 200],
  ["项目支出", 50],
  ["资金总额(万元)", 250],
  ["部门(单位)绩效目标", "保障财政平稳运行，提升财政管理质效。"],
];

const STANDARD_HEADERS = ["一级指标", "二级指标", "三级指标", "指标值", "指标解释及计算公式"] as const;

/** A complete, valid project table's rows: passes every rule. */
export const VALID_ROWS: ReadonlyArray<readonly GridInput[]> = [
  ["产出指标", "数量指标", "培训班次", "≥2次", "反映组织培训的班次数量"],
  ["产出指标", "数量指标", "培训人数", "≥160人", "反映参加培训的人数"],
  ["产出指标", "质量指标", "培训合格率", "≥95%", "反映参训人员考核合格情况，计算公式：考核合格人数/参训人数×100%"],
  ["产出指标", "时效指标", "培训完成时限", "2025年12月31日前", "反映培训按期完成情况"],
  ["产出指标", "成本指标", "培训成本", "≤10万元", "反映培训经费支出情况"],
  [
    "效益指标",
    "社会效益指标",
    "参训人员业务能力提升率",
    "≥90%",
    "反映培训后业务能力提升情况，计算公式：能力提升人数/参训人数×100%",
  ],
  [
    "满意度指标",
    "服务对象满意度指标",
    "参训学员满意度",
    "≥90%",
    "反映参训学员对培训工作的满意程度，随机抽取30名参训学员发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];

interface Built {
  rows: GridInput[][];
  merges: string[];
}

/** Lays one table out from row `top` (1-based), column A. */
export function layoutTable(spec: TableSpec, top = 1): Built {
  const rows: GridInput[][] = [];
  const merges: string[] = [];
  const layout = spec.layout ?? "merged";
  const headers = spec.headers ?? STANDARD_HEADERS;
  const hasLabel = spec.label !== undefined && spec.label !== null;
  const width = headers.length + (hasLabel ? 1 : 0);
  const kind = spec.kind ?? "project";
  const title =
    spec.title === undefined
      ? kind === "department"
        ? "某市财政局2025年部门整体支出绩效目标表"
        : "某市财政局项目绩效目标表"
      : spec.title;
  const rowAt = () => top + rows.length;
  if (title !== null) {
    merges.push(`A${rowAt()}:${cellAddress(rowAt(), width)}`);
    rows.push([title]);
  }
  if (spec.year !== null && spec.year !== undefined) {
    rows.push([`（${spec.year}年度）`]);
  }
  const fields = spec.fields ?? (kind === "department" ? DEPARTMENT_FIELDS : PROJECT_FIELDS);
  for (const [label, value] of fields) {
    const r = rowAt();
    const row: GridInput[] = [kind === "department" ? "部门(单位)基本情况" : "项目基本情况", label, value];
    if (rows.length > 0 && fields.indexOf(fields.find((f) => f[0] === label)!) > 0) row[0] = null;
    if (width > 3) merges.push(`C${r}:${cellAddress(r, width)}`);
    rows.push(row);
  }
  const offset = hasLabel ? 1 : 0;
  const headerRow = rowAt();
  rows.push([...(hasLabel ? [spec.label as string] : []), ...headers]);
  const first = rowAt();
  const l1col = offset + 1;
  const l2col = offset + 2;
  const groupStart = [0, 0];
  spec.rows.forEach((r, k) => {
    const row: GridInput[] = [...(hasLabel ? [null] : []), ...r];
    const prev = k > 0 ? spec.rows[k - 1] : null;
    const sameL1 = !!prev && prev[0] === r[0] && r[0] !== null && r[0] !== "";
    const sameL2 = sameL1 && !!prev && prev[1] === r[1] && r[1] !== null && r[1] !== "";
    if (!sameL1) groupStart[0] = k;
    if (!sameL2) groupStart[1] = k;
    if (layout !== "repeat") {
      if (sameL1) row[l1col - 1] = null;
      if (sameL2) row[l2col - 1] = null;
    }
    rows.push(row);
  });
  if (layout === "merged") {
    // one merge per run of equal 一级 / 二级
    for (const [col, idx] of [
      [l1col, 0],
      [l2col, 1],
    ] as const) {
      let start = 0;
      for (let k = 1; k <= spec.rows.length; k++) {
        const cur = spec.rows[k];
        const startRow = spec.rows[start];
        const same =
          cur &&
          cur[idx] === startRow[idx] &&
          (idx === 0 || cur[0] === startRow[0]) &&
          cur[idx] !== null &&
          cur[idx] !== "";
        if (!same) {
          if (k - 1 > start) merges.push(`${cellAddress(first + start, col)}:${cellAddress(first + k - 1, col)}`);
          start = k;
        }
      }
    }
    if (hasLabel && spec.rows.length > 0) merges.push(`A${headerRow}:A${first + spec.rows.length - 1}`);
  }
  for (const line of spec.footer ?? []) rows.push([line]);
  return { rows, merges };
}

/** A sheet holding the tables one below the other (a blank row between them). */
export function sheetOf(name: string, ...specs: TableSpec[]): RowGrid {
  const rows: GridInput[][] = [];
  const merges: string[] = [];
  for (const spec of specs) {
    const built = layoutTable(spec, rows.length + 1);
    rows.push(...built.rows);
    merges.push(...built.merges);
    rows.push([]);
  }
  return gridFromRows(name, rows, merges);
}

/** Parses one table built from a spec. */
export function tableOf(spec: TableSpec, sheet = "Sheet1"): TargetTable {
  const parse = parseSheet(sheetOf(sheet, spec));
  if (parse.tables.length !== 1)
    throw new Error(
      `expected one table, got ${parse.tables.length}: ${parse.problems.map((p) => p.message).join("; ")}`,
    );
  return parse.tables[0];
}

/** Writes grids to an .xlsx buffer (values as given: numbers stay numbers; merges kept). */
export async function xlsxOf(grids: readonly RowGrid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    for (let r = 1; r <= g.rowCount; r++) {
      for (let c = 1; c <= g.columnCount; c++) {
        const cell = g.cell(r, c);
        if (!cell) continue;
        ws.getCell(r, c).value = cell.type === "number" ? Number(cell.text) : cell.text;
      }
    }
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
