/**
 * The parsed model of a 绩效目标表: the words of docs/glossary.md as types. Produced by the parser
 * (parse/), read by the rules (rules/), the template planner (templates/) and every front end.
 */

export type TableKind = "department" | "project" | "unknown";

/** 一级指标, normalised. 成本 may stand as its own 一级 (财预〔2021〕101号 layout). */
export type Level1Name = "产出" | "成本" | "效益" | "满意度";

/** 二级指标, normalised (the suffix 指标 dropped). */
export type Level2Name =
  | "数量"
  | "质量"
  | "时效"
  | "成本"
  | "经济成本"
  | "社会成本"
  | "生态环境成本"
  | "经济效益"
  | "社会效益"
  | "生态效益"
  | "可持续影响"
  | "服务对象满意度";

export type Operator = "=" | "≥" | "≤" | ">" | "<";

/** A money unit of the header block: stated in a label ("预算资金（万元）"), a group or the amount itself ("4753.66万元"). */
export type MoneyUnit = "元" | "万元" | "亿元";

export type ColumnRole =
  "label" | "level1" | "level2" | "name" | "operator" | "value" | "unit" | "explanation" | "weight" | "other";

/** A parsed 指标值. */
export interface TargetValue {
  /** The cell text as written (trimmed). */
  readonly raw: string;
  /** The comparison, normalised; null when none is written (in the cell or the operator column). */
  readonly operator: Operator | null;
  /** The operator exactly as written ("≧", ">=", "大于等于", "≥ " …), null when none. */
  readonly operatorText: string | null;
  /** Where the operator came from. */
  readonly operatorSource: "value" | "column" | null;
  /** The (first) number, as a number; null for qualitative values. */
  readonly number: number | null;
  /** The second number of a range ("90%-95%"). */
  readonly numberTo: number | null;
  /** The unit after the number ("%", "家", "万元", "人次"), or from the unit column. */
  readonly unit: string | null;
  /** The qualitative text when the value is not a number ("进一步加大", "按时限完成"). */
  readonly qualitative: string | null;
  readonly kind: "quantitative" | "qualitative" | "deadline" | "placeholder" | "empty";
  /** A date-like value or deadline ("2025年12月31日前"): its year. */
  readonly year: number | null;
  /** The cell held a number (not text). */
  readonly storedAsNumber: boolean;
}

/** A 一级 or 二级 cell as it applies to one indicator row. */
interface LevelRef {
  /** As written in the sheet (the merge's or the group's top cell), trimmed; "" when none. */
  readonly text: string;
  /** The standard name it normalises to, or null when outside the vocabulary. */
  readonly standard: Level1Name | Level2Name | null;
  /** The cell that holds the text (top-left of the merge or of the group). */
  readonly cell: string | null;
  /** The row range of the group (merge or blank continuation). */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface IndicatorLevel1 extends LevelRef {
  readonly standard: Level1Name | null;
}
export interface IndicatorLevel2 extends LevelRef {
  readonly standard: Level2Name | null;
}

/** What an indicator row holds. */
export type IndicatorRowKind =
  /** a 三级 name and/or a value: an indicator */
  | "indicator"
  /** a 二级 written on this row with no 三级 name and no value */
  | "blank-level2"
  /** only a 一级 on the row (no 二级, no name, no value) */
  | "category-only";

export interface Indicator {
  readonly row: number;
  readonly rowKind: IndicatorRowKind;
  readonly level1: IndicatorLevel1;
  readonly level2: IndicatorLevel2;
  /** 三级 name, trimmed ("" for a blank-level2 row). */
  readonly name: string;
  readonly nameCell: string | null;
  readonly value: TargetValue;
  readonly valueCell: string | null;
  /** 指标解释, trimmed; "" when blank. null when the table has no explanation column. */
  readonly explanation: string | null;
  readonly explanationCell: string | null;
  /** Operator column text, unit column text, weight, when the table has such columns. */
  readonly operatorText: string | null;
  readonly operatorCell: string | null;
  readonly unitText: string | null;
  readonly unitCell: string | null;
  readonly weight: number | null;
  readonly weightCell: string | null;
  /** Other columns (指标值类型, 备注 …): header → text. */
  readonly extras: Readonly<Record<string, string>>;
}

export interface IndicatorColumn {
  readonly role: ColumnRole;
  readonly column: number;
  readonly letter: string;
  /** Header text as written. */
  readonly header: string;
  /** The header cell that shows it (the top-left cell of its merge; the upper row of a two-row header). */
  readonly cell: string;
}

export interface IndicatorBlock {
  /** The header row (一级/二级/三级/指标值 …). When the header spans two rows, the lower one. */
  readonly headerRow: number;
  /** The first row of the header: headerRow, or the upper row of a two-row header. */
  readonly headerTop: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: readonly IndicatorColumn[];
  /** Column numbers by role (first column for each role; label may be several). */
  readonly roles: Readonly<Partial<Record<ColumnRole, number>>>;
  /** Every row of the block that holds something: indicators, blank 二级 rows, category-only rows. */
  readonly rows: readonly Indicator[];
  /** rows with rowKind "indicator". */
  readonly indicators: readonly Indicator[];
  /** Merged ranges that intersect the block's rows (label, 一级, 二级 merges …), as A1 ranges. */
  readonly merges: readonly string[];
}

export interface HeaderField {
  /** Normalised key: 项目名称, 部门名称, 项目负责人, 联系电话, 主管部门, 实施单位, 项目属性, 实施时间, 预算资金, 资金总额, 财政拨款, 其他资金, 基本支出, 项目支出, 年度目标, 绩效目标, 明细目标1 … */
  readonly key: string;
  /** The label as written ("项目负责人", "组织机构：") or null when label and value share a cell. */
  readonly label: string | null;
  readonly value: string;
  readonly valueType: "text" | "number" | "date" | "boolean" | "error" | "empty";
  readonly labelCell: string | null;
  readonly valueCell: string | null;
  /** The enclosing group label ("本年度实施计划", "支出预算(本级)") when there is one. */
  readonly group: string | null;
  /** A money unit stated in the label, the group or the value itself ("元", "万元", "亿元"). */
  readonly unit: MoneyUnit | null;
}

export interface BudgetPart {
  readonly key: string;
  readonly label: string;
  readonly amount: number | null;
  /** The part's own unit (its label, group or cell text); null when none is stated (then the budget's unit applies). */
  readonly unit: MoneyUnit | null;
  readonly cell: string | null;
}

export interface Budget {
  /** The stated total (预算资金 / 资金总额 / 年度资金总额); null when not stated. */
  readonly amount: number | null;
  /** The total's unit (its label, group, cell text, or a unit stated in the header area). */
  readonly unit: MoneyUnit | null;
  readonly cell: string | null;
  readonly label: string | null;
  /** 财政拨款/其他资金 or 基本支出/项目支出. */
  readonly parts: readonly BudgetPart[];
}

export interface TargetTable {
  /** Stable id within a workbook: "sheet!A4". */
  readonly id: string;
  readonly sheet: string;
  readonly kind: TableKind;
  readonly title: string | null;
  readonly titleCell: string | null;
  /** Budget year read from the title, a "（2025年度）" line or the header; null when none. */
  readonly budgetYear: number | null;
  /** The table's cell range (header blocks + indicator block), "A9:F66". */
  readonly range: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly headerFields: readonly HeaderField[];
  readonly budget: Budget | null;
  readonly annualTarget: HeaderField | null;
  readonly detailTargets: readonly HeaderField[];
  readonly indicatorBlock: IndicatorBlock;
}

/** What the parser could not understand on a sheet (shown as "未识别到绩效目标表" and why). */
export interface ParseProblem {
  readonly sheet: string;
  readonly cell: string | null;
  /**
   * One sentence in Chinese. A "sheet" problem names its sheet itself; the others do not repeat
   * their sheet and cell: problemText (parse/problems.ts) puts them in front.
   */
  readonly message: string;
  /**
   * What it is about: a whole sheet with no table ("sheet": worth showing only when no table was
   * found at all), a region of a sheet that looks like a table but could not be read ("table"), or
   * one cell, an error value ("cell"). Problems other than "sheet" are always shown.
   */
  readonly scope?: "sheet" | "table" | "cell";
}

export interface SheetParse {
  readonly sheet: string;
  readonly tables: readonly TargetTable[];
  readonly problems: readonly ParseProblem[];
}

export interface WorkbookParse {
  readonly sheets: readonly SheetParse[];
  readonly tables: readonly TargetTable[];
}
