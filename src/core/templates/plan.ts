/**
 * Where an insertion goes, as an EditPlan (pure). A template lands after the last row of its 二级
 * group; a missing 二级 becomes a new group in its 一级 section at the standard position; a missing
 * 一级 becomes a new section. Merges of the label, 一级 and 二级 columns are extended to cover the
 * new row (Excel grows a merge only when the row is inserted strictly inside it). The plan never
 * writes into a non-empty cell and never breaks a merge.
 *
 * The same planner serves the rules' quick fixes: missing-level1 (a standard section),
 * empty-level2 (fill the blank row), misplaced-indicator (move a row).
 */
import { mergesAfterInsert } from "../plan-steps";
import type { EditPlan } from "../edit-plan";
import { cellAddress, parseCell, parseRange, rangeAddress } from "../grid";
import type { Indicator, Level1Name, Level2Name, TargetTable } from "../model";
import { LEVEL2_ORDER, LEVEL2_PARENTS } from "../vocabulary";
import type { FixInput } from "../finding";
import { fillTemplate } from "./fill";
import { placeholderInputs } from "./placeholders";
import { extendLabelMerges, PlanBuilder, writeRow, type RowTexts } from "./plan-builder";
import {
  columnsOf,
  findTarget,
  houseName,
  mapToTable,
  notOfferedReason,
  repeatsLevelText,
  usesMerges,
  type Placement,
  type Target,
} from "./placement";
import type { IndicatorTemplate } from "./types";

export { notOfferedReason } from "./placement";

export interface InsertionPlan {
  readonly plan: EditPlan;
  /** The row the indicator ends up on (after the plan is applied). */
  readonly row: number;
  readonly placement: Placement;
  /** The 一级/二级 the row belongs to (standard names, as mapped to the table's cost layout). */
  readonly level1: Level1Name;
  readonly level2: Level2Name;
  /** Placeholders left in the texts (when kept unfilled), as fix inputs. */
  readonly inputs: readonly FixInput[];
  readonly template: IndicatorTemplate | null;
}

export interface InsertOptions {
  /** Insert directly below this row of the block (the user's choice) instead of the planned place. */
  readonly atRow?: number;
  /** Keep `{key}` placeholders whose value is not given (they stay flagged until filled). */
  readonly keepUnfilled?: boolean;
}

/* ------------------------------------------------------------ filling */

function plan(
  table: TargetTable,
  level1: Level1Name,
  level2: Level2Name,
  texts: RowTexts,
  target: Target,
  label: string
): { plan: EditPlan; row: number } {
  const block = table.indicatorBlock;
  const cols = columnsOf(block);
  const b = new PlanBuilder(table.sheet, block.merges);
  const row = target.before;
  // before inserting, remember the merges the new row must join
  const level1Merge =
    target.joinLevel1?.level1.cell && cols.level1 !== undefined
      ? b.mergeAt(parseCell(target.joinLevel1.level1.cell).row, cols.level1)
      : undefined;
  const level2Merge =
    target.joinLevel2?.level2.cell && cols.level2 !== undefined
      ? b.mergeAt(parseCell(target.joinLevel2.level2.cell).row, cols.level2)
      : undefined;
  b.insertRow(row, target.formatFrom);
  extendLabelMerges(b, block, cols, row);
  const repeat = repeatsLevelText(block);
  if (cols.level1 !== undefined) {
    if (target.joinLevel1) {
      if (level1Merge && level1Merge.left === cols.level1 && level1Merge.bottom < row)
        b.extendMerge(cols.level1, level1Merge.top, row);
      else if (repeat) b.set(row, cols.level1, target.joinLevel1.level1.text);
      else if (!level1Merge && usesMerges(block, cols.level1) && target.joinLevel1.level1.cell)
        b.extendMerge(cols.level1, parseCell(target.joinLevel1.level1.cell).row, row);
    } else {
      const sectionTop = block.rows.find((r) => r.level1.standard === level1 && r.level1.cell);
      const shifted = sectionTop ? b.mergeAt(parseCell(sectionTop.level1.cell!).row + 1, cols.level1) : undefined;
      if (target.placement === "new-group" && sectionTop && shifted && shifted.top === row + 1) {
        // a new group at the top of a merged section: the section's merge takes the new row in, label moved up
        const text = sectionTop.level1.text;
        b.set(row, cols.level1, text);
        b.set(row + 1, cols.level1, "", text);
        b.merge({ ...shifted, top: row }, shifted);
      } else if (target.placement === "new-group" && sectionTop) {
        b.set(row, cols.level1, sectionTop.level1.text);
      } else {
        b.set(row, cols.level1, houseName(block, level1, 1));
      }
    }
  }
  if (cols.level2 !== undefined) {
    if (target.joinLevel2) {
      if (level2Merge && level2Merge.left === cols.level2 && level2Merge.bottom < row)
        b.extendMerge(cols.level2, level2Merge.top, row);
      else if (repeat) b.set(row, cols.level2, target.joinLevel2.level2.text);
      else if (!level2Merge && usesMerges(block, cols.level2) && target.joinLevel2.level2.cell)
        b.extendMerge(cols.level2, parseCell(target.joinLevel2.level2.cell).row, row);
    } else {
      b.set(row, cols.level2, houseName(block, level2, 2));
    }
  }
  writeRow(b, cols, row, texts);
  const select = cols.name !== undefined ? { sheet: table.sheet, address: cellAddress(row, cols.name) } : null;
  return { plan: { label, steps: b.steps, select }, row };
}

/** Plans the insertion of a template into a table; throws (a Chinese message) when the table does not offer it. */
export function planInsertion(
  table: TargetTable,
  template: IndicatorTemplate,
  values: Readonly<Record<string, string>> = {},
  options: InsertOptions = {}
): InsertionPlan {
  const notOffered = notOfferedReason(table, template);
  if (notOffered) throw new Error(`无法插入“${template.name}”：${notOffered}。`);
  const texts: RowTexts = fillTemplate(template, values, {
    keepUnfilled: !!options.keepUnfilled,
    budgetYear: table.budgetYear,
  });
  return planRow(table, template.level1, template.level2, texts, options, template, `插入指标“${texts.name}”`);
}

function planRow(
  table: TargetTable,
  templateLevel1: Level1Name,
  templateLevel2: Level2Name,
  texts: RowTexts,
  options: InsertOptions,
  template: IndicatorTemplate | null,
  label: string
): InsertionPlan {
  const block = table.indicatorBlock;
  const { level1, level2 } = mapToTable(block, templateLevel1, templateLevel2);
  const inputs = template ? placeholderInputs(template, `${texts.name}\n${texts.value}\n${texts.explanation}`) : [];
  if (options.atRow !== undefined) {
    const at =
      block.rows.find((r) => r.row === options.atRow) ??
      block.rows.filter((r) => r.row <= options.atRow!).pop() ??
      block.rows[0];
    if (at) {
      const end = at.row;
      const target: Target = {
        before: end + 1,
        formatFrom: at.row,
        placement: "at-row",
        joinLevel1: at,
        joinLevel2: at,
      };
      const p = plan(table, at.level1.standard ?? level1, at.level2.standard ?? level2, texts, target, label);
      return {
        ...p,
        placement: "at-row",
        level1: at.level1.standard ?? level1,
        level2: at.level2.standard ?? level2,
        inputs,
        template,
      };
    }
  }
  // an empty row of the same 二级 (a blank template row) is filled instead of inserting a new one
  const blank = block.rows.find(
    (r) => r.rowKind === "blank-level2" && r.level1.standard === level1 && r.level2.standard === level2
  );
  if (blank) {
    const filled = fillRow(table, blank, texts, label);
    if (filled) return { plan: filled, row: blank.row, placement: "fill-row", level1, level2, inputs, template };
  }
  const target = findTarget(block, level1, level2);
  const p = plan(table, level1, level2, texts, target, label);
  return { ...p, placement: target.placement, level1, level2, inputs, template };
}

function fillRow(table: TargetTable, row: Indicator, texts: RowTexts, label: string): EditPlan | null {
  const cols = columnsOf(table.indicatorBlock);
  const b = new PlanBuilder(table.sheet, table.indicatorBlock.merges);
  for (const c of [cols.name, cols.value, cols.explanation, cols.operator, cols.unit]) {
    if (c === undefined) continue;
    if (b.mergeAt(row.row, c) && b.mergeAt(row.row, c)!.top !== row.row) return null;
  }
  writeRow(b, cols, row.row, texts);
  return {
    label,
    steps: b.steps,
    select: cols.name !== undefined ? { sheet: table.sheet, address: cellAddress(row.row, cols.name) } : null,
  };
}

/* ------------------------------------------------------------ defaults */

/**
 * The standard template for a 二级 of a table: the first of `templates` in that 二级, those of the
 * common sector of the table's kind first (部门整体运转 for a department table, else 项目通用).
 * 产出/成本 takes a 经济成本 template (money); a template the table does not offer is never chosen.
 */
export function defaultTemplate(
  table: TargetTable,
  templates: readonly IndicatorTemplate[],
  level1: Level1Name,
  level2?: Level2Name
): IndicatorTemplate | null {
  const order = level2 ? [level2] : LEVEL2_ORDER.filter((l2) => LEVEL2_PARENTS[l2].includes(level1));
  const common = table.kind === "department" ? "部门整体运转" : "项目通用";
  for (const l2 of order) {
    const fits = templates.filter(
      (x) =>
        (x.level1 === level1 && x.level2 === l2) ||
        (level1 === "产出" && l2 === "成本" && (x.level2 === "成本" || x.level2 === "经济成本"))
    );
    const offered = fits.filter((x) => !notOfferedReason(table, x));
    const t = offered.find((x) => x.sector === common) ?? offered[0];
    if (t) return t;
  }
  return null;
}

/** missing-level1's fix: a new 一级 section with its standard indicator (placeholders kept as inputs). */
export function planSection(
  table: TargetTable,
  level1: Level1Name,
  templates: readonly IndicatorTemplate[]
): InsertionPlan | null {
  const template = defaultTemplate(table, templates, level1);
  if (!template) return null;
  return planInsertion(table, template, {}, { keepUnfilled: true });
}

/** empty-level2's fix: fill the blank 二级 row with the standard indicator of that 二级. */
export function planFillRow(
  table: TargetTable,
  row: Indicator,
  templates: readonly IndicatorTemplate[]
): { plan: EditPlan; inputs: readonly FixInput[]; template: IndicatorTemplate } | null {
  if (!row.level2.standard || !row.level1.standard) return null;
  const template = defaultTemplate(table, templates, row.level1.standard, row.level2.standard);
  if (!template) return null;
  const texts: RowTexts = fillTemplate(template, {}, { keepUnfilled: true });
  const plan = fillRow(table, row, texts, `在“${row.level2.text}”下填入“${texts.name}”`);
  return plan
    ? { plan, inputs: placeholderInputs(template, `${texts.name}\n${texts.value}\n${texts.explanation}`), template }
    : null;
}

/**
 * misplaced-indicator's fix: moves a row's texts into the suggested 一级/二级 (inserted as the
 * planner would insert a template there) and deletes the old row. When the old row is the top of a
 * merged 一级/二级 group, the group's text is first carried to the next row so no label is lost.
 */
export function planMove(
  table: TargetTable,
  indicator: Indicator,
  target: { level1: Level1Name; level2: Level2Name }
): EditPlan | null {
  const block = table.indicatorBlock;
  const cols = columnsOf(block);
  if (cols.name === undefined || cols.value === undefined) return null;
  if (cols.operator !== undefined || cols.unit !== undefined) return null;
  const texts: RowTexts = {
    name: indicator.name,
    value: indicator.value.raw,
    explanation: indicator.explanation ?? "",
  };
  const mapped = mapToTable(block, target.level1, target.level2);
  const insertion = findTarget(block, mapped.level1, mapped.level2);
  const built = plan(
    table,
    mapped.level1,
    mapped.level2,
    texts,
    insertion,
    `将“${indicator.name}”移到“${mapped.level2}指标”`
  );
  const b = new PlanBuilder(table.sheet, []);
  // replay the insertion on the builder to know the merges as they are after it
  b.merges = block.merges.map((m) => parseRange(m));
  for (const s of built.plan.steps) {
    if (s.kind === "insertRows") b.merges = mergesAfterInsert(b.merges, s.before, s.count);
    else if (s.kind === "merge") {
      if (s.replaces) b.merges = b.merges.filter((m) => rangeAddress(m) !== rangeAddress(parseRange(s.replaces!)));
      b.merges.push(parseRange(s.range));
    }
    b.steps.push(s);
  }
  const source = indicator.row >= insertion.before ? indicator.row + 1 : indicator.row;
  // carry the labels of groups whose top is the row being deleted
  for (const c of [cols.level1, cols.level2, ...cols.labels]) {
    if (c === undefined) continue;
    const m = b.mergeAt(source, c);
    if (!m || m.top !== source || m.bottom === source) continue;
    const text = c === cols.level1 ? indicator.level1.text : c === cols.level2 ? indicator.level2.text : "";
    if (!text) continue;
    b.merge({ ...m, top: source + 1 }, m);
    b.set(source + 1, c, text);
  }
  b.deleteRow(source);
  const newRow = built.row > source ? built.row - 1 : built.row;
  return {
    label: built.plan.label,
    steps: b.steps,
    select: { sheet: table.sheet, address: cellAddress(newRow, cols.name) },
  };
}
