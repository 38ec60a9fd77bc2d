/**
 * Fixes apply to cells whose text has line breaks or double spaces (the parser tidies them away):
 * through the xlsx adapter, which compares a step's oldText with the cell exactly, nothing is
 * refused, and the line breaks and spaces outside what the fix changes stay.
 */
import { checkGrids } from "../../src/core/check";
import { parseCell } from "../../src/core/grid";
import { parseWorkbook } from "../../src/core/parse";
import { fillPlan } from "../../src/core/rules/util";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { sheetOf, VALID_ROWS, xlsxOf } from "../helpers/tables";

const ROWS = [
  ...VALID_ROWS,
  ["产出指标", "质量指标", "验收合格率", "100%\n以上", "反映验收情况，\n计算公式：验收合格数/验收总数*100%"],
  [
    "满意度指标",
    "服务对象满意度指标",
    "服务对象满意度",
    "≥  90%",
    "反映满意程度，随机抽取  名服务对象\n发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ],
];

/** The value and explanation texts of the two rows, exactly as the cells hold them. */
async function cellTexts(wb: XlsxWorkbook): Promise<string[]> {
  const grids = await wb.readSheets();
  const block = parseWorkbook(grids).tables[0].indicatorBlock;
  const text = (address: string | null) => {
    const { row, column } = parseCell(address!);
    return grids[0].cell(row, column)?.text ?? "";
  };
  return ["验收合格率", "服务对象满意度"].flatMap((name) => {
    const i = block.indicators.find((x) => x.name === name)!;
    return [text(i.valueCell), text(i.explanationCell)];
  });
}

test("every fix on multi-line and double-spaced cells applies and keeps the rest of the text", async () => {
  const wb = await XlsxWorkbook.load(await xlsxOf([sheetOf("Sheet1", { year: 2025, rows: ROWS })]));
  // apply the fixes one at a time, re-checking in between, as --fix and the pane do
  const applied: string[] = [];
  for (let round = 0; round < 6; round++) {
    const f = checkGrids(await wb.readSheets()).findings.find((x) => x.fix && x.row >= 16);
    if (!f) break;
    const values = Object.fromEntries(
      f.fix!.inputs.map((i) => [i.placeholder, i.type === "integer" ? "30" : (i.defaultValue ?? "")])
    );
    await wb.apply(fillPlan(f.fix!.plan, values));
    applied.push(f.rule);
  }
  expect([...new Set(applied)].sort()).toEqual([
    "blank-sample-size",
    "formula-style",
    "nonstandard-operator",
    "rate-out-of-range",
  ]);
  expect(await cellTexts(wb)).toEqual([
    "=100%",
    "反映验收情况，\n计算公式：验收合格数/验收总数×100%",
    "≥90%",
    "反映满意程度，随机抽取30名服务对象\n发放调查问卷，计算公式：满意问卷数/问卷总数×100%",
  ]);
  expect(checkGrids(await wb.readSheets()).findings.filter((f) => f.row >= 16)).toEqual([]);
});
