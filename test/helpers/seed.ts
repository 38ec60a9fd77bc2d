/** Loads the bundled sample workbooks as grids (through the xlsx adapter's reader). */
import ExcelJS from "exceljs";
import path from "node:path";
import type { RowGrid } from "../../src/core/grid";
import { gridFromWorksheet } from "../../src/xlsx/grid";

export const SAMPLE = path.join(__dirname, "..", "..", "samples", "liupanshui-2025.xlsx");
export const SAMPLE_RAW = path.join(__dirname, "..", "..", "samples", "liupanshui-2025-raw.xlsx");

const cache = new Map<string, Promise<RowGrid[]>>();

export function loadGrids(file: string): Promise<RowGrid[]> {
  let p = cache.get(file);
  if (!p) {
    p = (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map(gridFromWorksheet);
    })();
    cache.set(file, p);
  }
  return p;
}
