/**
 * 指标值 → TargetValue (model.ts), the parsed value every rule reads: the value model (parse.ts) of
 * the value cell, with the operator and unit of their own columns when the table has them.
 */
import type { Operator, TargetValue } from "../model";
import { clean } from "../text";
import { parseValueText } from "./parse";
import { DEFAULT_VALUE_VOCABULARY, type ValueVocabulary } from "./vocabulary";

export interface ValueContext {
  readonly storedAsNumber?: boolean;
  readonly isDate?: boolean;
  /** Text of the operator column on the same row, if the table has one. */
  readonly operatorColumn?: string | null;
  /** Text of the unit column on the same row, if the table has one. */
  readonly unitColumn?: string | null;
}

const EMPTY: TargetValue = Object.freeze({
  raw: "",
  operator: null,
  operatorText: null,
  operatorSource: null,
  number: null,
  numberTo: null,
  unit: null,
  qualitative: null,
  kind: "empty" as const,
  year: null,
  storedAsNumber: false,
});

/** Parsed values by text and context, per vocabulary: tables repeat the same values a lot. */
const caches = new WeakMap<ValueVocabulary, Map<string, TargetValue>>();
const CACHE_LIMIT = 10000;

export function parseTargetValue(
  rawText: string,
  ctx: ValueContext = {},
  vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY
): TargetValue {
  const plain = !ctx.storedAsNumber && !ctx.isDate && !ctx.operatorColumn && !ctx.unitColumn;
  const key = plain
    ? rawText
    : `${rawText}\u0001${ctx.storedAsNumber ? 1 : 0}${ctx.isDate ? 1 : 0}\u0001${ctx.operatorColumn ?? ""}\u0001${ctx.unitColumn ?? ""}`;
  let cache = caches.get(vocab);
  if (!cache) caches.set(vocab, (cache = new Map()));
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = parseUncached(rawText, ctx, vocab);
    cache.set(key, v);
  }
  return v;
}

function parseUncached(rawText: string, ctx: ValueContext, vocab: ValueVocabulary): TargetValue {
  const raw = clean(rawText);
  const opColumn = ctx.operatorColumn ? clean(ctx.operatorColumn) : "";
  const unitColumn = ctx.unitColumn ? clean(ctx.unitColumn) : "";
  if (raw === "" && opColumn === "") return EMPTY;
  const v = parseValueText(raw, vocab, { isDate: ctx.isDate });
  // the operator: before the number in the value, else its own column, else after the number
  let operator: Operator | null = null;
  let operatorText: string | null = null;
  let operatorSource: TargetValue["operatorSource"] = null;
  const columnOp = opColumn ? (vocab.operatorOf.get(opColumn) ?? null) : null;
  if (v.operator && v.operatorPlace === "before") {
    [operator, operatorText, operatorSource] = [v.operator, v.operatorText, "value"];
  } else if (columnOp) {
    [operator, operatorText, operatorSource] = [columnOp, opColumn, "column"];
  } else if (v.operator) {
    [operator, operatorText, operatorSource] = [v.operator, v.operatorText, "value"];
  }
  // an operator in its own column and nothing in the value: a blank left to fill
  const kind = v.kind === "empty" && operator ? "placeholder" : v.kind;
  return {
    raw,
    operator,
    operatorText,
    operatorSource,
    number: v.number,
    numberTo: v.numberTo,
    unit: v.unit ?? (unitColumn || null),
    qualitative: kind === "qualitative" ? raw : null,
    kind,
    year: v.year,
    storedAsNumber: !!ctx.storedAsNumber,
  };
}

/**
 * How strongly a text looks like a 指标值 (used to realign shifted rows):
 * 2 = operator/number/unit form ("≥95%", "130家", "2025年12月31日前"), 1 = a short qualitative
 * value ("进一步加大", "按时限完成"), 0 = not a value.
 */
export function valueLikeness(text: string): 0 | 1 | 2 {
  const t = clean(text);
  if (t === "") return 0;
  if (t.length <= 24) {
    const v = parseTargetValue(t);
    if (
      (v.kind === "quantitative" &&
        (v.operator || (v.unit !== null && v.unit.length <= 6) || /^\d+(\.\d+)?$/.test(t))) ||
      v.kind === "deadline"
    )
      return 2;
    if (v.kind === "placeholder" && v.operator) return 2;
  }
  if (t.length <= 16 && !/[，。；,;:：]/.test(t)) return 1;
  return 0;
}
