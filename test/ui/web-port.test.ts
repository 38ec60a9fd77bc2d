/**
 * The web page's workbook (WebWorkbook over XlsxWorkbook): selection set by the grid and by
 * select(), marks as the grid shows them (also the marks a saved file already carries), edits that
 * refresh the grids, the saved file's name.
 */
import fs from "node:fs";
import path from "node:path";
import { runCheck } from "../../src/core/workflow";
import { XlsxWorkbook } from "../../src/xlsx/workbook";
import { WebWorkbook } from "../../src/web/web-port";
import { layoutOf, lookOf, indexAt } from "../../src/web/layout";
import { sampleFromQuery, savedFileName } from "../../src/web/WebApp";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "liupanshui-2025.xlsx");

async function open(): Promise<WebWorkbook> {
  const port = new WebWorkbook(await XlsxWorkbook.load(fs.readFileSync(SAMPLE)), "liupanshui-2025.xlsx");
  await port.init();
  return port;
}

test("selection: the grid's clicks and the task pane's select() move the same cell", async () => {
  const port = await open();
  const changes: number[] = [];
  port.subscribe(() => changes.push(port.getSnapshot().version));
  port.setSelection("会计职称考试", "D17");
  expect(await port.getSelection()).toEqual({ sheet: "会计职称考试", address: "D17" });
  expect(port.getSnapshot().active).toBe("会计职称考试");
  await port.select("部门整体支出", "F63");
  expect(await port.getSelection()).toEqual({ sheet: "部门整体支出", address: "F63" });
  port.activate("会计职称考试");
  expect(await port.getSelection()).toEqual({ sheet: "会计职称考试", address: "D17" });
  await expect(port.select("没有这个表", "A1")).rejects.toThrow("找不到工作表");
  expect(changes.length).toBeGreaterThanOrEqual(3);
});

test("marks: the check's marks are shown by severity, cleared, and read back from a saved file", async () => {
  const port = await open();
  const result = await runCheck(port);
  const marks = port.getSnapshot().marks.get("部门整体支出")!;
  expect(marks.get("F63")).toBe("error");
  expect(marks.get("E61")).toBe("info");
  expect([...port.getSnapshot().marks.values()].reduce((n, m) => n + m.size, 0)).toBeGreaterThan(50);
  expect(result.findings.length).toBeGreaterThan(50);
  const saved = await port.save();
  const reopened = new WebWorkbook(await XlsxWorkbook.load(saved), "x.xlsx");
  expect(reopened.getSnapshot().marks.get("部门整体支出")?.get("F63")).toBe("error");
  await port.clearMarks();
  expect(port.getSnapshot().marks.size).toBe(0);
});

test("an edit refreshes the grids and moves the selection to the plan's cell", async () => {
  const port = await open();
  const before = port.sheetGrids();
  const text = before[0].cell(66, 6)!.text;
  await port.apply({
    label: "填写抽样数量",
    steps: [
      {
        kind: "set",
        sheet: "部门整体支出",
        address: "F66",
        oldText: text,
        newText: text.replace("随机抽取 名", "随机抽取30名"),
      },
    ],
    select: { sheet: "部门整体支出", address: "F66" },
  });
  const after = port.sheetGrids();
  expect(after).not.toBe(before);
  expect(after[0].cell(66, 6)!.text).toContain("随机抽取30名");
  expect(await port.getSelection()).toEqual({ sheet: "部门整体支出", address: "F66" });
});

test("layout: the file's column widths and row heights, cell looks, merged areas drawn once", async () => {
  const port = await open();
  const grid = port.sheetGrids()[0];
  const ws = port.worksheet(grid.name);
  const layout = layoutOf(ws, grid);
  expect(layout.columns).toBeGreaterThanOrEqual(grid.columnCount);
  expect(layout.rows).toBeGreaterThan(grid.rowCount);
  expect(layout.lefts[layout.columns]).toBeGreaterThan(300);
  expect(indexAt(layout.tops, 0)).toBe(0);
  expect(indexAt(layout.tops, layout.tops[10] + 1)).toBe(10);
  const e31 = lookOf(ws, 31, 5);
  expect(e31.fill?.toLowerCase()).toBe("#ddebf7"); // the user's own fill
});

test("file names and ?sample=", () => {
  expect(savedFileName("预算表.xlsx")).toBe("预算表-已校验.xlsx");
  expect(savedFileName("Report.XLSX")).toBe("Report-已校验.xlsx");
  expect(sampleFromQuery("?sample=liupanshui-2025.xlsx")).toBe("liupanshui-2025.xlsx");
  expect(sampleFromQuery("?sample=../x.xlsx")).toBeUndefined();
  expect(sampleFromQuery("?sample=http://evil/x.xlsx")).toBeUndefined();
});
