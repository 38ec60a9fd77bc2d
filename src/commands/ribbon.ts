/**
 * The ribbon buttons' functions (一键校验, 清除标记). Placeholder: another engineer replaces this file
 * with the real implementation (runCheck over the Excel workbook port). Each function must call
 * event.completed() exactly once, or Excel keeps the button busy.
 */

/** 一键校验: check every performance target table in the workbook and mark the problems. */
export async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}

/** 清除标记: remove the marks this add-in made. */
export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}
