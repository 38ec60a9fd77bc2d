/**
 * Placeholders of a template's texts (`{N}`, `{对象}`): finding them, and checking a value typed for
 * one (its type, range and choices). Used by the schema check (validate.ts) and by filling (fill.ts).
 */
import type { FixInput } from "../finding";
import type { IndicatorTemplate, TemplatePlaceholder } from "./types";

/** `{key}`: a key is 1–12 characters, no braces or white space (the parser's placeholder pattern). */
export const PLACEHOLDER_PATTERN = /\{([^{}\s]{1,12})\}/g;

/** The placeholder keys used in a text, in order of first use. */
function placeholderKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) if (!keys.includes(m[1])) keys.push(m[1]);
  return keys;
}

/** The keys used anywhere in a template's name, value and explanation. */
export function usedPlaceholderKeys(t: Pick<IndicatorTemplate, "name" | "value" | "explanation">): string[] {
  const keys: string[] = [];
  for (const text of [t.name, t.value, t.explanation])
    for (const k of placeholderKeys(text)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^()(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
];

/** "2025-12-31", "2025/12/31", "2025年12月31日", "12月31日" → "2025年12月31日" / "12月31日"; null when not a date. */
export function normaliseDate(text: string): string | null {
  const t = text.trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    if (m[1]) {
      const year = Number(m[1]);
      if (year < 1990 || year > 2100) return null;
      return `${year}年${month}月${day}日`;
    }
    return `${month}月${day}日`;
  }
  return null;
}

/** Full-width digits, signs and points → ASCII ("９５" → "95"). */
export function halfWidthNumber(text: string): string {
  return text.trim().replace(/[０-９．－＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * What is wrong with a value for a placeholder (Chinese), or null when it fits the placeholder's
 * type, min, max and choices. Used for defaults (validateTemplate) and for what users type (fill.ts).
 */
export function placeholderValueProblem(p: TemplatePlaceholder, raw: string): string | null {
  const label = p.label || p.key;
  const value = raw.trim();
  if (value === "") return `“${label}”不能为空`;
  if (/[{}]/.test(value)) return `“${label}”不能包含花括号`;
  const range = (n: number): string | null => {
    if (typeof p.min === "number" && n < p.min) return `“${label}”应不小于${p.min}`;
    if (typeof p.max === "number" && n > p.max) return `“${label}”应不大于${p.max}`;
    return null;
  };
  switch (p.type) {
    case "integer": {
      const v = halfWidthNumber(value);
      if (!/^[-+]?\d+$/.test(v)) return `“${label}”应为整数，现为“${value}”`;
      return range(Number(v));
    }
    case "number": {
      const v = halfWidthNumber(value);
      if (!/^[-+]?\d+(\.\d+)?$/.test(v)) return `“${label}”应为数字，现为“${value}”`;
      return range(Number(v));
    }
    case "date":
      return normaliseDate(value) === null ? `“${label}”应为日期，如“2025年12月31日”，现为“${value}”` : null;
    case "choice":
      return p.choices && p.choices.includes(value)
        ? null
        : `“${label}”应为以下之一：${(p.choices ?? []).join("、")}，现为“${value}”`;
    case "text":
      return /[\r\n]/.test(value) ? `“${label}”不能换行` : null;
    default:
      return `“${label}”的类型无效`;
  }
}

/** A text with its placeholders replaced by their defaults; a blank without a default shows its key (fillTemplate's defaults, without braces). */
export function shownText(t: Pick<IndicatorTemplate, "placeholders">, text: string): string {
  if (!text.includes("{")) return text;
  return text.replace(/\{([^{}]*)\}/g, (_w, key: string) => t.placeholders.find((p) => p.key === key)?.default ?? key);
}

/** The name a template shows (placeholders filled with their defaults; a blank without one shows its key). */
export function displayName(t: Pick<IndicatorTemplate, "name" | "placeholders">): string {
  return shownText(t, t.name);
}

/** The fix inputs for the template's placeholders that occur in `text` (the texts a fix writes). */
export function placeholderInputs(template: IndicatorTemplate, text: string): FixInput[] {
  return template.placeholders
    .filter((p) => text.includes(`{${p.key}}`))
    .map((p) => ({
      placeholder: `{${p.key}}`,
      label: p.label,
      type: p.type === "integer" ? "integer" : p.type === "choice" ? "choice" : "text",
      ...(p.choices ? { choices: p.choices } : {}),
      ...(p.default !== null ? { defaultValue: p.default } : {}),
      ...(p.min !== undefined ? { min: p.min } : {}),
    }));
}
