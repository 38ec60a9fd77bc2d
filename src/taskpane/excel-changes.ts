/**
 * The user's edits in Excel, for the re-check after editing: Office.js `worksheets.onChanged`
 * (ExcelApi 1.9) on the whole workbook. The xlsx side has no such events (the web page only
 * changes the workbook through the task pane, which re-checks by itself).
 */
import type { ChangeSource } from "./check-loop";

/** A ChangeSource over Excel's worksheet change events, or null when the host lacks them. */
export function excelChangeSource(): ChangeSource | null {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return null;
  try {
    if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return null;
  } catch {
    return null;
  }
  return (listener) => {
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    let removed = false;
    Excel.run(async (context) => {
      // edits the add-in made itself are reported too: the assistant ignores those by timing
      handler = context.workbook.worksheets.onChanged.add(async () => {
        listener();
      });
      await context.sync();
      if (removed) await unregister();
    }).catch((e) => console.warn("绩效目标表助手：无法订阅工作表修改事件，修改后请手动点击“一键校验”。", e));

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
