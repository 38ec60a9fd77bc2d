/**
 * Filling a template: its {placeholders} replaced by what the user typed, or by their defaults.
 * The result is the row that gets inserted (三级 name, 指标值, 指标解释) with its 一级/二级.
 */
import type { Level1Name, Level2Name } from "../model";
import { isPercentUnit, parseValueText, writeValue } from "../value";
import { halfWidthNumber, normaliseDate, PLACEHOLDER_PATTERN, placeholderValueProblem } from "./placeholders";
import type { IndicatorTemplate, TemplatePlaceholder } from "./types";

export interface FilledTemplate {
  readonly name: string;
  readonly value: string;
  readonly explanation: string;
  readonly level1: Level1Name;
  readonly level2: Level2Name;
}

export interface FillOptions {
  /** Leave `{key}` in the text for every placeholder the user did not fill (no defaults). */
  readonly keepUnfilled?: boolean;
  /**
   * The table's budget year: the year of a date placeholder's default ("2025年12月31日") is
   * replaced by it, so a deadline taken from the defaults is never stale. Typed values are kept.
   */
  readonly budgetYear?: number | null;
}

export interface PlaceholderProblem {
  readonly key: string;
  readonly label: string;
  /** One Chinese sentence. */
  readonly message: string;
}

/** A typed value in the form the texts use: dates as "2025年12月31日", full-width digits made ASCII. */
function normaliseValue(p: TemplatePlaceholder | undefined, raw: string): string {
  const v = raw.trim();
  if (!p) return v;
  if (p.type === "date") return normaliseDate(v) ?? v;
  if (p.type === "integer" || p.type === "number") {
    const n = halfWidthNumber(v);
    return /^[-+]?\d+(\.\d+)?$/.test(n) ? n.replace(/^\+/, "") : v;
  }
  return v;
}

function defaultFor(p: TemplatePlaceholder, budgetYear: number | null | undefined): string | null {
  if (p.default === null) return null;
  if (p.type === "date" && budgetYear) return p.default.replace(/^\d{4}(?=\s*年)/, String(budgetYear));
  return p.default;
}

/**
 * The text each placeholder stands for: the user's value when given (non-blank), else the default
 * (unless keepUnfilled), else null (the `{key}` stays).
 */
export function placeholderValues(
  t: IndicatorTemplate,
  values: Readonly<Record<string, string>> = {},
  options: FillOptions = {}
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const p of t.placeholders) {
    const given = values[p.key];
    if (typeof given === "string" && given.trim() !== "") out.set(p.key, normaliseValue(p, given));
    else out.set(p.key, options.keepUnfilled ? null : defaultFor(p, options.budgetYear));
  }
  return out;
}

function substitute(text: string, map: ReadonlyMap<string, string | null>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, key: string) => {
    const v = map.get(key);
    return v === undefined || v === null ? whole : v;
  });
}

/** "≥100%" can only mean "=100%" (a rate cannot exceed 100%): written the way the rules accept. */
function tidyValue(value: string): string {
  const v = parseValueText(value);
  const capped =
    (v.operator === "≥" || v.operator === ">") && v.number === 100 && v.numberTo === null && isPercentUnit(v.unit);
  return capped ? (writeValue(v, { operator: "=" }) ?? value) : value;
}

/**
 * The template as a row: placeholders replaced by `values` (keyed by placeholder key), defaults for
 * the rest (unless options.keepUnfilled; placeholders with a null default stay as `{key}`).
 */
export function fillTemplate(
  t: IndicatorTemplate,
  values: Readonly<Record<string, string>> = {},
  options: FillOptions = {}
): FilledTemplate {
  const map = placeholderValues(t, values, options);
  return {
    name: substitute(t.name, map),
    value: tidyValue(substitute(t.value, map)),
    explanation: substitute(t.explanation, map),
    level1: t.level1,
    level2: t.level2,
  };
}

/**
 * What is wrong with the values a user typed, per placeholder (Chinese). A blank value is fine when
 * the placeholder has a default (the default is used) and a problem when it has none. Keys that the
 * template does not declare are ignored.
 */
export function validatePlaceholderValues(
  t: IndicatorTemplate,
  values: Readonly<Record<string, string>>
): PlaceholderProblem[] {
  const out: PlaceholderProblem[] = [];
  for (const p of t.placeholders) {
    const given = values[p.key];
    const label = p.label || p.key;
    if (typeof given !== "string" || given.trim() === "") {
      if (p.default === null) out.push({ key: p.key, label, message: `请填写“${label}”` });
      continue;
    }
    const problem = placeholderValueProblem(p, given);
    if (problem) out.push({ key: p.key, label, message: problem });
  }
  return out;
}

/** True when every placeholder has a value to use (typed or default). */
export function isFillable(t: IndicatorTemplate, values: Readonly<Record<string, string>> = {}): boolean {
  return validatePlaceholderValues(t, values).length === 0;
}
