/**
 * The parser: from a sheet's cells to the 绩效目标表 on it. Pure; never throws on bad input (what it
 * could not understand is reported as ParseProblem, in Chinese).
 */
import type { SheetGrid } from "../grid";
import type { SheetParse, WorkbookParse } from "../model";
import { sheetProblem } from "./problems";
import { parseSheetUnsafe } from "./sheet";

export { parseTargetValue } from "./value";
export { parseAmount } from "./budget";
export { problemText } from "./problems";

export function parseSheet(grid: SheetGrid): SheetParse {
  try {
    return parseSheetUnsafe(grid);
  } catch (error) {
    // The parser must not throw on any input; if it does, the sheet is reported, not the workbook lost.
    return {
      sheet: grid.name,
      tables: [],
      problems: [sheetProblem(grid.name, `解析工作表“${grid.name}”时出错：${(error as Error).message}`)],
    };
  }
}

export function parseWorkbook(grids: readonly SheetGrid[]): WorkbookParse {
  const sheets = grids.map(parseSheet);
  return { sheets, tables: sheets.flatMap((s) => s.tables) };
}
