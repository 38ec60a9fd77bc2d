/**
 * @jest-environment jsdom
 *
 * The single-file view's 打开文件: a file that cannot be read (moved, deleted, locked since it was
 * picked) says so in Chinese instead of failing without a word.
 */
import { act, renderHook } from "@testing-library/react";
import { useWorkbookFile } from "../../src/web/useWorkbookFile";

// the workbook readers (exceljs, JSZip) are not reached when the file cannot be read, and need what jsdom lacks
jest.mock("../../src/xlsx/open", () => ({ openWorkbook: jest.fn() }));
jest.mock("../../src/web/web-port", () => ({ WebWorkbook: jest.fn() }));

test("a picked file that cannot be read: a Chinese message, nothing opened", async () => {
  const { result } = renderHook(() => useWorkbookFile(undefined));
  const file = new File(["x"], "县区报送.xlsx");
  Object.defineProperty(file, "arrayBuffer", { value: () => Promise.reject(new Error("NotReadableError")) });
  await act(() => result.current.openFile(file));
  expect(result.current.error).toBe(
    "无法读取“县区报送.xlsx”：文件可能已被移动、删除或正被其他程序占用（NotReadableError）。"
  );
  expect(result.current.doc).toBeNull();
  expect(result.current.loading).toBeNull();
});
