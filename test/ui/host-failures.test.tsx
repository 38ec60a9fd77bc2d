/** @jest-environment jsdom */
/**
 * The task pane when the host gets in the way (issue 13): marks that cannot be written (the findings
 * stay listed, one message), a check met by cell-edit mode on a host that would not wait (no red
 * banner, checked again shortly), settings an .xls workbook cannot keep (the settings view says
 * so), an export where the download cannot start (Excel on the Mac: the text to copy).
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { SheetGrid } from "../../src/core/grid";
import { WorkbookError } from "../../src/core/port";
import { FakePort } from "./fake-port";
import { findingItems, ready, renderPane, runCheck } from "./render";

class RefusingMarks extends FakePort {
  override async mark(): Promise<void> {
    throw new WorkbookError("failed", "标记失败：工作表受保护（AccessDenied）");
  }
}

class EditingCell extends FakePort {
  editing = 0;
  override async readSheets(onProgress?: (done: number, total: number) => void): Promise<SheetGrid[]> {
    if (this.editing > 0) {
      this.editing--;
      throw Object.assign(new Error("Excel 正处于单元格编辑模式"), { code: "InvalidOperationInCellEditMode" });
    }
    return super.readSheets(onProgress);
  }
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("marks that cannot be written: the findings are still listed, with one message about the marks", async () => {
  const port = new RefusingMarks((await FakePort.seed()).grids);
  renderPane(port);
  await ready();
  await runCheck();
  expect(findingItems().length).toBeGreaterThan(5);
  const notice = screen.getByTestId("notice");
  expect(notice.textContent).toMatch(/问题已列在下方.*标记失败：工作表受保护/);
  expect(screen.queryByText(/校验未完成/)).toBeNull();
});

test("cell-edit mode on a host that would not wait: no error banner, the re-check runs again by itself", async () => {
  const port = new EditingCell((await FakePort.seed()).grids);
  let changed = () => {};
  renderPane(port, {
    assistant: { changes: (l) => ((changed = l), () => undefined), debounceMs: 10, selfWriteMs: 0 },
  });
  await ready();
  await runCheck();
  const reads = port.calls.filter((c) => c === "readSheets").length;
  port.editing = 1;
  act(() => changed());
  await waitFor(() => expect(port.calls.filter((c) => c === "readSheets").length).toBe(reads + 1), { timeout: 3000 });
  expect(screen.queryByTestId("notice")).toBeNull();
  expect(findingItems().length).toBeGreaterThan(5);
});

test("an .xls workbook: the settings view says the settings cannot be kept", async () => {
  const port = await FakePort.seed();
  (port as { settingsWarning?: string }).settingsWarning = "当前工作簿是 .xls 格式（Excel 97–2003），无法保存本助手的设置";
  renderPane(port, { view: "settings" });
  await ready();
  expect((await screen.findByTestId("settings-warning")).textContent).toMatch(/\.xls.*无法保存/);
});

test("export in Excel on the Mac (no downloads from the pane): the text to copy, and why", async () => {
  (globalThis as { Office?: unknown }).Office = { context: { platform: "Mac" } };
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  const port = await FakePort.seed();
  renderPane(port, { view: "settings" });
  await ready();
  fireEvent.click(screen.getByRole("button", { name: "导出设置（JSON 文件）" }));
  const panel = await screen.findByTestId("export-text");
  expect(panel.textContent).toMatch(/Mac.*无法.*下载/);
  expect(JSON.parse((panel.querySelector("textarea") as HTMLTextAreaElement).value)).toMatchObject({ version: expect.anything() });
  expect(click).not.toHaveBeenCalled();
  click.mockRestore();
});

test("a download that cannot start: the text to copy, and a message", async () => {
  const had = Object.getOwnPropertyDescriptor(URL, "createObjectURL");
  Object.defineProperty(URL, "createObjectURL", {
    configurable: true,
    value: () => {
      throw new Error("blocked");
    },
  });
  const port = await FakePort.seed();
  renderPane(port, { view: "settings" });
  await ready();
  fireEvent.click(screen.getByRole("button", { name: "导出设置（JSON 文件）" }));
  expect((await screen.findByTestId("export-text")).textContent).toMatch(/未能开始下载/);
  if (had) Object.defineProperty(URL, "createObjectURL", had);
  else delete (URL as { createObjectURL?: unknown }).createObjectURL;
});
