/**
 * Writing a value back from the model (parse.ts): the one place where a value's text is rebuilt.
 * A change names what it means to change (the operator); every other part — brackets, words, the
 * number as written, the unit, spaces — is kept exactly.
 */
import type { ValuePart, ValueText } from "./parse";

export interface ValueChange {
  /**
   * The new operator, written right before the number: a glyph ("="), a fix input's placeholder
   * ("{比较符号}"), or "" to remove it. Every operator the text had (before or after the number,
   * "控制在…以内") goes, with the spaces that only served it.
   */
  readonly operator?: string;
}

/** Parts without the operator ones (and the space right after a leading one or right before a trailing one). */
function withoutOperators(parts: readonly ValuePart[]): ValuePart[] {
  const firstNumber = parts.findIndex((p) => p.role === "number");
  const out: ValuePart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.role !== "operator") {
      out.push(p);
      continue;
    }
    if (k < firstNumber) {
      if (parts[k + 1]?.role === "space") k++; // "≥ 95%": the space after the sign
    } else if (out.length > 0 && out[out.length - 1].role === "space") {
      out.pop(); // "95% 以上": the space before the word
    }
  }
  return out;
}

/**
 * The text of a value with a change applied; null when the change cannot be written (no number or
 * template blank to put an operator before).
 */
export function writeValue(v: ValueText, change: ValueChange): string | null {
  let parts: ValuePart[] = [...v.parts];
  if (change.operator !== undefined) {
    parts = withoutOperators(parts);
    const at = parts.findIndex((p) => p.role === "number");
    if (at < 0) return null;
    if (change.operator !== "") parts.splice(at, 0, { role: "operator", text: change.operator });
  }
  return parts.map((p) => p.text).join("");
}

/** True when the text has operator words or signs that a change of operator would remove. */
export function hasWrittenOperator(v: ValueText): boolean {
  return v.parts.some((p) => p.role === "operator");
}

export interface ColumnTexts {
  /** The operator, normalised ("≥"), "" when none. */
  readonly operator: string;
  /** The value without operator and (when `unitColumn`) without unit. */
  readonly value: string;
  /** The unit, "" when none or when it stays in the value. */
  readonly unit: string;
}

/**
 * A value split over a table's operator / value / unit columns (the template planner writes a
 * filled template into such a table): "≥{目标值}%" → "≥" | "{目标值}" | "%".
 */
export function splitForColumns(v: ValueText, columns: { operator: boolean; unit: boolean }): ColumnTexts {
  let parts: ValuePart[] = [...v.parts];
  let operator = "";
  if (columns.operator && v.operator && v.parts.some((p) => p.role === "number")) {
    operator = v.operator;
    parts = withoutOperators(parts);
  }
  let unit = "";
  const units = parts.filter((p) => p.role === "unit");
  if (columns.unit && units.length > 0 && units.every((u) => u.text === units[0].text)) {
    unit = units[0].text;
    const out: ValuePart[] = [];
    for (const p of parts) {
      if (p.role === "unit") {
        if (out.length > 0 && out[out.length - 1].role === "space") out.pop();
        continue;
      }
      out.push(p);
    }
    parts = out;
  }
  return {
    operator,
    value: parts
      .map((p) => p.text)
      .join("")
      .trim(),
    unit,
  };
}
