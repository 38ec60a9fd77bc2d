/**
 * The ribbon buttons' functions (一键校验, 清除标记), run by the function file (commands.html) without
 * opening the task pane. Each calls event.completed() exactly once, or Excel keeps the button busy.
 *
 * The result (counts by severity) or the error is shown in a small Office dialog: the dialog loads
 * this same page (commands.html?notice=…) and this module renders the notice there. The event is
 * completed when the dialog is closed (as Office asks for dialogs opened by function commands), or
 * at once when no dialog can be shown; errors are logged then, never swallowed silently.
 */
import { SEVERITY_LABEL } from "../core/finding";
import type { CheckResult } from "../core/checker";
import { checkThenMark } from "../core/check-run";
import { WorkbookError, type WorkbookPort } from "../core/port";
import { templatesFor } from "../core/templates/registry";
import { protectedSheets, unexpectedError } from "../excel/host";
import { ExcelWorkbook } from "../excel/workbook";

export type NoticeKind = "result" | "error";

interface RibbonDeps {
  /** The workbook port (the Excel adapter in Office). */
  createPort(): WorkbookPort;
  /** Shows the message to the user; resolves when the user has dismissed it (or at once). */
  notify(title: string, message: string, kind: NoticeKind): Promise<void>;
}

/** The check's result in one Chinese paragraph. */
function resultMessage(result: CheckResult, skippedSheets: readonly string[] = [], marked = true): string {
  const s = result.summary;
  const parts: string[] = [];
  parts.push(`共检查 ${s.tables} 张绩效目标表、${s.indicators} 条指标。`);
  if (s.error + s.warning + s.info === 0) parts.push("未发现问题。");
  else
    parts.push(
      `发现${SEVERITY_LABEL.error} ${s.error} 条、${SEVERITY_LABEL.warning} ${s.warning} 条、${SEVERITY_LABEL.info} ${s.info} 条。`
    );
  if (s.ignored) parts.push(`另有 ${s.ignored} 条已忽略。`);
  parts.push(`结论：${s.verdict}。`);
  if (marked && s.error + s.warning + s.info > 0)
    parts.push("问题单元格已标出颜色（红色＝错误，黄色＝警告，紫色＝提示），点击“打开助手”查看详情和修复建议。");
  if (s.tables === 0) parts.push("没有找到绩效目标表：请确认表中有“一级指标/二级指标/三级指标”等表头。");
  if (skippedSheets.length) parts.push(`${protectedSheets(skippedSheets)}，未能标记，请撤销保护后再校验。`);
  return parts.join("");
}

export function errorMessage(e: unknown): string {
  if (e instanceof WorkbookError) return e.message;
  return unexpectedError(e, "请重试；如果问题持续，请在“打开助手”中校验。");
}

/**
 * 一键校验 without the UI: check, mark (as the settings say), and the message to show. When the
 * marks cannot be written, the counts are still given, with one sentence on why nothing is marked.
 */
async function runRibbonCheck(port: WorkbookPort): Promise<string> {
  const { result, markError } = await checkThenMark(port, { templates: (s) => templatesFor(s.userTemplates) });
  const settings = await port.loadSettings();
  const skipped = port instanceof ExcelWorkbook && !markError ? port.skippedSheets : [];
  const message = resultMessage(result, skipped, settings.highlight && !markError);
  return markError ? `${message}未能在单元格上标记问题：${errorMessage(markError)}` : message;
}

async function runRibbonClear(port: WorkbookPort): Promise<string> {
  await port.clearMarks();
  const skipped = port instanceof ExcelWorkbook ? port.skippedSheets : [];
  return `已清除本助手的全部标记，您自己的格式和批注未改动。${skipped.length ? `${protectedSheets(skipped)}，其中的标记未能清除。` : ""}`;
}

/* -------------------------------------------------------------- the dialog */

const DIALOG_SIZE = { height: 32, width: 30 };

/** Shows the notice in an Office dialog (this page with ?notice=…); resolves when it is closed. */
function officeNotify(title: string, message: string, kind: NoticeKind): Promise<void> {
  return new Promise((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof window === "undefined") {
      (kind === "error" ? console.error : console.info)(`${title}：${message}`);
      resolve();
      return;
    }
    const url = new URL(window.location.href);
    url.search = "";
    url.hash = "";
    url.searchParams.set("notice", message);
    url.searchParams.set("title", title);
    url.searchParams.set("kind", kind);
    ui.displayDialogAsync(url.toString(), { ...DIALOG_SIZE, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        // no dialog (blocked, one already open): the message goes to the log, the button is released
        (kind === "error" ? console.error : console.info)(
          `${title}：${message}（无法显示对话框：${res.error?.message ?? ""}）`
        );
        resolve();
        return;
      }
      const dialog = res.value;
      const done = () => {
        try {
          dialog.close();
        } catch {
          /* already closed */
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

/** Renders a notice when this page is opened as the dialog (commands.html?notice=…). */
export function renderNotice(doc: Document, params: URLSearchParams): boolean {
  const message = params.get("notice");
  if (message === null) return false;
  const title = params.get("title") ?? "绩效目标表助手";
  const kind = params.get("kind") === "error" ? "error" : "result";
  doc.title = title;
  const body = doc.body;
  body.style.cssText =
    "font-family: 'Microsoft YaHei', 'PingFang SC', sans-serif; font-size: 14px; margin: 16px; line-height: 1.6;";
  const h = doc.createElement("h1");
  h.textContent = title;
  h.style.cssText = `font-size: 16px; margin: 0 0 8px; color: ${kind === "error" ? "#a4262c" : "#107c41"};`;
  const p = doc.createElement("p");
  p.textContent = message;
  const button = doc.createElement("button");
  button.textContent = "确定";
  button.style.cssText = "margin-top: 12px; padding: 4px 20px;";
  button.addEventListener("click", () => {
    if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
  });
  body.replaceChildren(h, p, button);
  return true;
}

if (typeof window !== "undefined" && typeof document !== "undefined" && window.location) {
  const params = new URLSearchParams(window.location.search);
  if (params.has("notice")) {
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", () => renderNotice(document, params));
    else renderNotice(document, params);
  }
}

/* ------------------------------------------------------------ the handlers */

export const ribbonDeps: RibbonDeps = {
  createPort: () => new ExcelWorkbook(),
  notify: officeNotify,
};

async function runCommand(
  event: Office.AddinCommands.Event,
  title: string,
  work: (port: WorkbookPort) => Promise<string>
): Promise<void> {
  try {
    let message: string;
    let kind: NoticeKind = "result";
    try {
      message = await work(ribbonDeps.createPort());
    } catch (e) {
      console.error(e);
      message = errorMessage(e);
      kind = "error";
    }
    try {
      await ribbonDeps.notify(kind === "error" ? `${title}失败` : title, message, kind);
    } catch (e) {
      console.error(`${title}：${message}`, e);
    }
  } finally {
    event.completed();
  }
}

/** 一键校验: check every performance target table in the workbook and mark the problems. */
export async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  await runCommand(event, "校验完成", runRibbonCheck);
}

/** 清除标记: remove the marks this add-in made. */
export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  await runCommand(event, "清除标记", runRibbonClear);
}
