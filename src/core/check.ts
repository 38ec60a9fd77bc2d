/**
 * 校验 with the standard template library as the default for the quick fixes (the command line,
 * the web page, the ribbon, the tests). The check itself is checker.ts, which takes the templates
 * explicitly: the task pane uses it directly, so its first load carries no template library.
 */
import type { SheetGrid } from "./grid";
import type { WorkbookParse } from "./model";
import { RULES } from "./rules";
import type { Rule, RuleContext } from "./rules/types";
import { DEFAULT_SETTINGS, type AddinSettings } from "./settings";
import { checkGridsWith, checkParsedWith, contextWith, type CheckOptions, type CheckResult } from "./checker";
import { templatesFor } from "./templates/registry";
import type { IndicatorTemplate } from "./templates/types";
import { DEFAULT_VALUE_VOCABULARY, type ValueVocabulary } from "./value";

export { ruleState, verdictOf, type CheckOptions, type CheckResult } from "./checker";

/** What the rules are given (templates: the library plus the settings' valid user templates by default). */
export function ruleContext(
  parse: WorkbookParse,
  settings: AddinSettings = DEFAULT_SETTINGS,
  vocabulary: ValueVocabulary = DEFAULT_VALUE_VOCABULARY,
  templates: readonly IndicatorTemplate[] = templatesFor(settings.userTemplates)
): RuleContext {
  return contextWith(parse, settings, vocabulary, templates);
}

export function checkParsed(
  parse: WorkbookParse,
  settings: AddinSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
  options: CheckOptions = {}
): CheckResult {
  return checkParsedWith(parse, settings, rules, {
    ...options,
    templates: options.templates ?? templatesFor(settings.userTemplates),
  });
}

/** Parses the grids and checks them. */
export function checkGrids(
  grids: readonly SheetGrid[],
  settings: AddinSettings = DEFAULT_SETTINGS,
  rules: readonly Rule[] = RULES,
  options: Omit<CheckOptions, "grids"> = {}
): CheckResult {
  return checkGridsWith(
    grids,
    settings,
    { ...options, templates: options.templates ?? templatesFor(settings.userTemplates) },
    rules
  );
}
