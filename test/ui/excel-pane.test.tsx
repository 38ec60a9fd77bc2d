/** @jest-environment jsdom */
/**
 * The task pane over the Office.js adapter (ExcelWorkbook on the in-memory Excel fake of
 * test/fakes/excel.ts), as it runs inside Excel: check and marks (conditional formats), go to a
 * cell, a quick fix, 上一个/下一个 from Excel's active cell, a protected sheet, settings in the
 * workbook's custom XML part.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { parseRange } from "../../src/core/grid";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { fakeHost, type FakeWorkbook } from "../fakes/excel";
import { fakeFromFile } from "../fakes/load";
import { SAMPLE } from "../helpers/seed";
import { itemAt, ready, renderPane, runCheck } from "./render";

jest.setTimeout(30_000);

async function excel(): Promise<{ model: FakeWorkbook; port: ExcelWorkbook }> {
  const model = await fakeFromFile(SAMPLE);
  return { model, port: new ExcelWorkbook(fakeHost(model) as never) };
}

function marksOn(model: FakeWorkbook, sheet: string): string[] {
  return model
    .sheet(sheet)
    .cfs.filter((cf) => /perf-target:/.test(cf.formula ?? ""))
    .map((cf) => cf.formula!);
}

async function open(cell: string, rule: string): Promise<HTMLElement> {
  const item = await waitFor(() => itemAt(cell, rule)!);
  fireEvent.click(within(item).getAllByRole("button")[0]);
  return waitFor(() => {
    const el = itemAt(cell, rule)!;
    expect(within(el).getAllByRole("button").length).toBeGreaterThan(1);
    return el;
  });
}

test("check, marks as conditional formats, go to a cell, fix a sample size, 下一个 from the active cell", async () => {
  const { model, port } = await excel();
  renderPane(port);
  await ready();
  await runCheck();
  expect(itemAt("部门整体支出!F63", "blank-sample-size")?.textContent).toContain("问卷说明有2处抽样数量空白");
  expect(marksOn(model, "部门整体支出").some((f) => f.includes("perf-target:error"))).toBe(true);

  await open("部门整体支出!F66", "blank-sample-size");
  expect(model.selection?.sheet).toBe("部门整体支出");
  expect(model.selection?.range).toEqual(parseRange("F66"));
  const item = itemAt("部门整体支出!F66", "blank-sample-size")!;
  fireEvent.change(within(item).getByLabelText("抽样数量"), { target: { value: "25" } });
  fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
  await waitFor(() => expect(itemAt("部门整体支出!F66", "blank-sample-size")).toBeUndefined());
  expect(model.sheet("部门整体支出").cell(66, 6)?.text).toContain("随机抽取25名");

  // the user clicks a cell in Excel: 下一个 starts from there
  model.active = model.sheets.findIndex((s) => s.name === "会计职称考试");
  model.selection = { sheet: "会计职称考试", range: parseRange("F16") };
  fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
  await waitFor(() => expect(model.selection?.range).not.toEqual(parseRange("F16")));
  expect(model.selection?.sheet).toBe("会计职称考试");
});

test("a protected sheet: a clear message, nothing written; settings live in the workbook", async () => {
  const { model, port } = await excel();
  model.sheet("部门整体支出").protected = true;
  renderPane(port);
  await ready();
  await runCheck();
  // protected sheets are not marked: the pane says so
  const bar = await screen.findByText(/受保护，问题未能标记在单元格上/);
  expect(bar.textContent).toContain("工作表“部门整体支出”受保护");
  expect(marksOn(model, "部门整体支出")).toEqual([]);
  expect(marksOn(model, "会计职称考试").length).toBeGreaterThan(0);
  const item = await open("部门整体支出!F66", "blank-sample-size");
  fireEvent.change(within(item).getByLabelText("抽样数量"), { target: { value: "25" } });
  fireEvent.click(within(item).getByRole("button", { name: "填写抽样数量" }));
  const notice = await screen.findByTestId("notice");
  await waitFor(() => expect(notice.textContent).toContain("受保护"));
  expect(model.sheet("部门整体支出").cell(66, 6)?.text).not.toContain("25名");
  // 关闭此规则 is saved in the workbook's custom XML part
  fireEvent.click(
    within(itemAt("部门整体支出!F66", "blank-sample-size")!).getByRole("button", { name: "关闭规则“抽样数量空白”" })
  );
  await waitFor(() => expect(itemAt("部门整体支出!F66")).toBeUndefined());
  expect(model.parts.some((p) => p.xml.includes("blank-sample-size"))).toBe(true);
});
