/** @jest-environment jsdom */
/**
 * The task pane's links to Office: worksheet change events (excelChangeSource) and the theme
 * (Office's body colour, else prefers-color-scheme), on a stand-in for office.js.
 */
import { excelChangeSource } from "../../src/taskpane/excel-changes";
import { luminance, officeThemeIsDark } from "../../src/taskpane/theme";

type Handler = () => Promise<void>;

function installOffice(options: { sets?: boolean; bodyBackgroundColor?: string } = {}) {
  const handlers: Handler[] = [];
  const removed: Handler[] = [];
  let syncs = 0;
  const context = {
    workbook: {
      worksheets: {
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
