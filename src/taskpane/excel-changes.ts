/**
 * The user's edits in Excel, for the re-check after editing: Office.js `worksheets.onChanged`
 * (ExcelApi 1.9) on the whole workbook, using what the event says. Changes the add-in made itself
 * are left out by the event's `triggerSource` (ExcelApi 1.14; older hosts: the assistant's timing
 * window). Changes made by co-authors (`source: "Remote"`) start a re-check only when they are on
 * the sheet the user is looking at. The xlsx side has no such events (the web page only changes the
 * workbook through the task pane, which re-checks by itself).
 */
import { officeHost } from "../excel/host";
import type { ChangeSource } from "./check-loop";

const supported = (version: string) => officeHost().isSetSupported("ExcelApi", version);

/** What the user is told when the change events cannot be subscribed to. */
const NO_EVENTS = "无法接收工作表的修改通知：修改表格后不会自动重新校验，请手动点击“一键校验”。";

/** The host tells the add-in's own changes apart (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14). */
export function excelTellsOwnChanges(): boolean {
  return typeof Office !== "undefined" && typeof Excel !== "undefined" && supported("1.14");
}

/** The id of the sheet the user is looking at (a remote change elsewhere does not disturb them). */
async function activeSheetId(): Promise<string | null> {
  try {
    return await Excel.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("id");
      await context.sync();
      return ws.id;
    });
  } catch {
    return null;
  }
}

/** Whether a change event is one the automatic re-check should follow. */
async function followsChange(args: Excel.WorksheetChangedEventArgs, ownChanges: boolean): Promise<boolean> {
  if (ownChanges && args?.triggerSource === "ThisLocalAddin") return false;
  if (args?.source === "Remote") return args.worksheetId === (await activeSheetId());
  return true;
}

/** A ChangeSource over Excel's worksheet change events, or null when the host lacks them. */
export function excelChangeSource(): ChangeSource | null {
  if (typeof Office === "undefined" || typeof Excel === "undefined" || !supported("1.9")) return null;
  const ownChanges = supported("1.14");
  return (listener, onError) => {
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let removed = false;
    Excel.run(async (context) => {
      handler = context.workbook.worksheets.onChanged.add(async (args) => {
        if (await followsChange(args, ownChanges)) listener();
      });
      await context.sync();
      if (removed) await unregister();
    }).catch((e) => {
      console.warn(`绩效目标表助手：${NO_EVENTS}`, e);
      onError?.(NO_EVENTS);
    });

    async function unregister(): Promise<void> {
      const h = handler;
      if (!h) return;
      handler = null;
      await Excel.run(h.context, async (ctx) => {
        h.remove();
        await ctx.sync();
      }).catch(() => undefined);
    }

    return () => {
      removed = true;
      void unregister();
    };
  };
}
