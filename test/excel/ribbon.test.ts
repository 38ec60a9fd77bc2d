/** The ribbon commands over the Office adapter on the fake: counts by severity in Chinese, errors reported, event completed once. */
import ExcelJS from "exceljs";
import { checkWorkbook, clearMarks, errorMessage, ribbonDeps, type NoticeKind } from "../../src/commands/ribbon";
import { WorkbookError, type WorkbookPort } from "../../src/core/port";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { fakeHost, type FakeWorkbook } from "../fakes/excel";
import { fakeFromExcelJS } from "../fakes/load";
import { SAMPLE } from "../helpers/seed";

let model: FakeWorkbook;
let notices: Array<{ title: string; message: string; kind: NoticeKind }>;
let completed: number;
const event = () => ({ completed: () => void completed++, source: { id: "x" } }) as unknown as Office.AddinCommands.Event;
const original = { ...ribbonDeps };

beforeEach(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  model = fakeFromExcelJS(wb);
  notices = [];
  completed = 0;
  ribbonDeps.createPort = () => new ExcelWorkbook(fakeHost(model));
  ribbonDeps.notify = async (title, message, kind) => void notices.push({ title, message, kind });
});
afterAll(() => Object.assign(ribbonDeps, original));

it("一键校验 checks, marks, and tells the counts by severity without the pane", async () => {
  await checkWorkbook(event());
  expect(completed).toBe(1);
  expect(notices).toHaveLength(1);
  expect(notices[0].kind).toBe("result");
  expect(notices[0].title).toBe("校验完成");
  expect(notices[0].message).toMatch(/共检查 6 张绩效目标表、111 条指标。/);
  expect(notices[0].message).toMatch(/发现错误 \d+ 条、警告 \d+ 条、提示 \d+ 条|未发现问题/);
  expect(notices[0].message).toMatch(/结论：(可以提交|需修改后再提交)。/);
});

it("a protected sheet is named in the message", async () => {
  model.sheet("部门整体支出").protected = true;
  await checkWorkbook(event());
  const m = notices[0].message;
  if (/发现/.test(m)) expect(m).toMatch(/工作表“部门整体支出”受保护，未能标记/);
});

it("清除标记 clears and says so", async () => {
  await checkWorkbook(event());
  await clearMarks(event());
  expect(completed).toBe(2);
  expect(notices[1].message).toMatch(/已清除/);
  for (const s of model.sheets) expect(s.cfs).toEqual([]);
});

it("errors are reported (kind error, Chinese) and the button is released", async () => {
  ribbonDeps.createPort = () => ({ readSheets: async () => { throw new WorkbookError("failed", "Excel 拒绝了请求。"); } }) as unknown as WorkbookPort;
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await checkWorkbook(event());
  expect(spy).toHaveBeenCalled(); // logged as well
  spy.mockRestore();
  expect(completed).toBe(1);
  expect(notices[0]).toEqual({ title: "校验完成失败", message: "Excel 拒绝了请求。", kind: "error" });
  expect(errorMessage(Object.assign(new Error("boom"), { code: "GeneralException" }))).toBe("出现意外错误：boom（GeneralException）。请重试；如果问题持续，请在“打开助手”中校验。");
});

it("a failing notification still completes the event", async () => {
  ribbonDeps.notify = async () => {
    throw new Error("dialog blocked");
  };
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  await checkWorkbook(event());
  expect(completed).toBe(1);
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
});

it("marks that cannot be written: the counts are still given, with why nothing is marked", async () => {
  ribbonDeps.createPort = () => {
    const port = new ExcelWorkbook(fakeHost(model));
    port.mark = async () => {
      throw new WorkbookError("failed", "标记失败：Excel 拒绝了请求。");
    };
    return port;
  };
  await checkWorkbook(event());
  expect(notices[0].kind).toBe("result");
  expect(notices[0].message).toMatch(/共检查 6 张绩效目标表、111 条指标。/);
  expect(notices[0].message).toMatch(/未能在单元格上标记问题：标记失败：Excel 拒绝了请求。/);
  expect(notices[0].message).not.toMatch(/问题单元格已标出颜色/);
});
