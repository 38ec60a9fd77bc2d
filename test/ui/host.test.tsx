/** @jest-environment jsdom */
/**
 * The task pane's links to Office: worksheet change events (excelChangeSource) and the theme
 * (Office's body colour, else prefers-color-scheme), on a stand-in for office.js.
 */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { excelChangeSource } from "../../src/taskpane/excel-changes";
import { luminance, officeThemeIsDark, useDarkMode } from "../../src/taskpane/theme";

type Handler = (args?: Partial<Excel.WorksheetChangedEventArgs>) => Promise<void>;

function installOffice(options: { sets?: boolean; bodyBackgroundColor?: string; active?: string } = {}) {
  const handlers: Handler[] = [];
  const removed: Handler[] = [];
  let syncs = 0;
  const context = {
    workbook: {
      worksheets: {
        getActiveWorksheet: () => ({ load: () => undefined, id: options.active ?? "{A}" }),
        onChanged: {
          add(h: Handler) {
            handlers.push(h);
            return {
              context,
              remove() {
                removed.push(h);
              },
            };
          },
        },
      },
    },
    sync: async () => {
      syncs++;
    },
  };
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = {
    context: {
      requirements: { isSetSupported: () => options.sets !== false },
      officeTheme: options.bodyBackgroundColor ? { bodyBackgroundColor: options.bodyBackgroundColor } : undefined,
    },
  };
  g.Excel = {
    run: async (a: unknown, b?: (ctx: unknown) => Promise<unknown>) =>
      typeof a === "function" ? (a as (c: unknown) => Promise<unknown>)(context) : b!(context),
  };
  return { handlers, removed, syncs: () => syncs };
}

afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Office;
  delete g.Excel;
});

test("excelChangeSource: subscribes to worksheets.onChanged, reports each change, unsubscribes", async () => {
  const office = installOffice();
  const source = excelChangeSource()!;
  expect(source).not.toBeNull();
  const seen: number[] = [];
  const stop = source(() => seen.push(1));
  await new Promise((r) => setTimeout(r, 0));
  expect(office.handlers).toHaveLength(1);
  await office.handlers[0]();
  await office.handlers[0]();
  expect(seen).toHaveLength(2);
  stop();
  await new Promise((r) => setTimeout(r, 0));
  expect(office.removed).toHaveLength(1);
});

test("excelChangeSource: a subscription Excel refuses is reported with advice for the user", async () => {
  installOffice();
  (globalThis as unknown as { Excel: unknown }).Excel = { run: async () => Promise.reject(new Error("GeneralException")) };
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  const advice: string[] = [];
  excelChangeSource()!(
    () => undefined,
    (text) => advice.push(text)
  );
  await new Promise((r) => setTimeout(r, 0));
  expect(advice).toEqual([expect.stringMatching(/修改.*请手动点击“一键校验”/)]);
  expect(warn).toHaveBeenCalled();
  warn.mockRestore();
});

test("excelChangeSource: null outside Office and where ExcelApi 1.9 is missing", () => {
  expect(excelChangeSource()).toBeNull();
  installOffice({ sets: false });
  expect(excelChangeSource()).toBeNull();
});

test("the theme follows Office's body colour; unknown outside Office", () => {
  expect(officeThemeIsDark()).toBeNull();
  installOffice({ bodyBackgroundColor: "#262626" });
  expect(officeThemeIsDark()).toBe(true);
  installOffice({ bodyBackgroundColor: "#FFFFFF" });
  expect(officeThemeIsDark()).toBe(false);
  installOffice({ bodyBackgroundColor: "#e6e6e6" });
  expect(officeThemeIsDark()).toBe(false);
  expect(luminance("#000000")).toBe(0);
  expect(luminance("#ffffff")).toBeCloseTo(1);
  expect(luminance("not a colour")).toBeNull();
});

describe("change events: what the event says (learn.microsoft.com: Excel.WorksheetChangedEventArgs)", () => {
  const changes = async (args: Partial<Excel.WorksheetChangedEventArgs>[]) => {
    const office = installOffice({ active: "{A}" });
    const seen: string[] = [];
    excelChangeSource()!((() => seen.push("re-check")) as () => void);
    await new Promise((r) => setTimeout(r, 0));
    for (const a of args) await office.handlers[0](a);
    return seen.length;
  };

  test("the add-in's own changes (triggerSource ThisLocalAddin, ExcelApi 1.14) start no re-check", async () => {
    expect(await changes([{ source: "Local", triggerSource: "ThisLocalAddin", worksheetId: "{A}" }])).toBe(0);
    expect(await changes([{ source: "Local", triggerSource: "Unknown", worksheetId: "{A}" }])).toBe(1);
  });

  test("a co-author's change (source Remote) only when it is on the sheet the user looks at", async () => {
    expect(await changes([{ source: "Remote", triggerSource: "Unknown", worksheetId: "{B}" }])).toBe(0);
    expect(await changes([{ source: "Remote", triggerSource: "Unknown", worksheetId: "{A}" }])).toBe(1);
  });
});

test("the theme handler is registered once Office.onReady has resolved (learn.microsoft.com: Office.onReady)", async () => {
  let ready!: () => void;
  const registered: Array<() => void> = [];
  const office: Record<string, unknown> = {
    onReady: () => new Promise<void>((r) => (ready = r)),
    EventType: { OfficeThemeChanged: "officeThemeChanged" },
    AsyncResultStatus: { Succeeded: "succeeded" },
    context: {},
  };
  (globalThis as unknown as Record<string, unknown>).Office = office;
  function Probe(): React.JSX.Element {
    return <span data-testid="theme">{useDarkMode() ? "dark" : "light"}</span>;
  }
  render(<Probe />);
  // Office becomes ready: only now is there a document to register on
  office.context = {
    officeTheme: { bodyBackgroundColor: "#ffffff" },
    document: {
      addHandlerAsync: (_t: string, h: () => void, cb: (r: { status: string }) => void) => {
        registered.push(h);
        cb({ status: "succeeded" });
      },
    },
  };
  await act(async () => ready());
  expect(registered).toHaveLength(1);
  expect(screen.getByTestId("theme").textContent).toBe("light");
  (office.context as { officeTheme: { bodyBackgroundColor: string } }).officeTheme.bodyBackgroundColor = "#262626";
  act(() => registered[0]());
  expect(screen.getByTestId("theme").textContent).toBe("dark");
});
