/**
 * The templates in use: the standard library plus the user's own (imported in the task pane or
 * loaded from the workbook's settings). The rules' quick fixes and the planner read them here.
 */
import { TEMPLATES } from "./library";
import { setMatchLibrary } from "./match";
import type { IndicatorTemplate } from "./types";

let standard: readonly IndicatorTemplate[] = TEMPLATES;
let user: readonly IndicatorTemplate[] = [];

export function setStandardTemplates(list: readonly IndicatorTemplate[]): void {
  standard = list;
  setMatchLibrary([...standard, ...user]);
}

export function setUserTemplates(list: readonly IndicatorTemplate[]): void {
  user = list;
  setMatchLibrary([...standard, ...user]);
}

setMatchLibrary(standard);

export function getTemplates(): readonly IndicatorTemplate[] {
  return user.length ? [...standard, ...user] : standard;
}
