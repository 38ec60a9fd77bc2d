/**
 * Cell edits that change an indicator's value, built from the value model: the operator (in the
 * operator column when that is where it is written, else in the value text) and a whole new value
 * (split over the operator / value / unit columns when the table has them). Rules and the template
 * planner use these; none of them rebuilds a value's text itself.
 */
import type { SetCellStep } from "../edit-plan";
import type { Indicator } from "../model";
import { parseValueText } from "./parse";
import { DEFAULT_VALUE_VOCABULARY, type ValueVocabulary } from "./vocabulary";
import { hasWrittenOperator, splitForColumns, writeValue } from "./write";

function step(sheet: string, address: string, oldText: string, newText: string): SetCellStep {
  return { kind: "set", sheet, address, oldText, newText };
}

/**
 * The steps that give an indicator's value the operator `op` (a glyph or a fix input's placeholder):
 * the operator is rewritten where it is written; when none is, it goes into the operator column
 * if the table has one, else right before the number. Null when there is no number to put it before.
 */
export function operatorSteps(
  i: Indicator,
  sheet: string,
  op: string,
  vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY
): SetCellStep[] | null {
  const raw = i.value.raw;
  const text = parseValueText(raw, vocab);
  const inColumn = i.operatorCell !== null && (i.value.operatorSource === "column" || i.value.operatorSource === null);
  if (inColumn) {
    const steps = [step(sheet, i.operatorCell!, i.operatorText ?? "", op)];
    // an operator word left in the value ("100%以上" beside "≥"): it would contradict the column
    if (i.valueCell && hasWrittenOperator(text)) {
      const cleaned = writeValue(text, { operator: "" });
      if (cleaned !== null && cleaned !== raw) steps.push(step(sheet, i.valueCell, raw, cleaned));
    }
    return steps;
  }
  if (!i.valueCell) return null;
  const written = writeValue(text, { operator: op });
  return written === null ? null : [step(sheet, i.valueCell, raw, written)];
}

/**
 * The steps that replace an indicator's value with `value` (a template's "≥{目标值}%"): in a table
 * with operator / unit columns the parts go to their columns.
 */
export function valueSteps(
  i: Indicator,
  sheet: string,
  value: string,
  vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY
): SetCellStep[] | null {
  if (!i.valueCell) return null;
  if (!i.operatorCell && !i.unitCell) return [step(sheet, i.valueCell, i.value.raw, value)];
  const parts = splitForColumns(parseValueText(value, vocab), {
    operator: !!i.operatorCell,
    unit: !!i.unitCell,
  });
  const steps = [step(sheet, i.valueCell, i.value.raw, parts.value)];
  if (i.operatorCell && parts.operator !== (i.operatorText ?? ""))
    steps.unshift(step(sheet, i.operatorCell, i.operatorText ?? "", parts.operator));
  if (i.unitCell && parts.unit && parts.unit !== (i.unitText ?? ""))
    steps.push(step(sheet, i.unitCell, i.unitText ?? "", parts.unit));
  return steps;
}
