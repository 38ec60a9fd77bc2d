/**
 * The words of a 指标值, compiled once from a data object shaped like vocabulary/values.json. The
 * default comes from that file; a check can be given another (RuleContext.vocabulary, the `vocabulary`
 * option of checkParsed/checkGrids), so editing a word list changes what the value model and the
 * rules do, and tests can prove it without touching global state.
 */
import type { Operator } from "../model";
import values from "../vocabulary/values.json";

/** The data: the shape of values.json (without its comment). */
export interface ValueVocabularyData {
  readonly operators: Readonly<Record<string, string>>;
  readonly standardOperators: readonly string[];
  readonly suffixOperators: Readonly<Record<string, string>>;
  readonly numberPrefixes: readonly string[];
  readonly placeholders: readonly string[];
  readonly timeUnits: readonly string[];
  readonly moneyUnits: readonly string[];
  readonly percentUnits: readonly string[];
}

/** The compiled vocabulary: lookups the value model and the rules use. */
export interface ValueVocabulary {
  readonly data: ValueVocabularyData;
  /** Operator texts written before the number, longest first, with what they mean. */
  readonly prefixOperators: readonly (readonly [string, Operator])[];
  /** Operator texts written after the number and unit, longest first. */
  readonly suffixOperators: readonly (readonly [string, Operator])[];
  /** Operator text (a whole cell of an operator column) → operator. */
  readonly operatorOf: ReadonlyMap<string, Operator>;
  readonly standardOperators: readonly Operator[];
  readonly numberPrefixes: readonly string[];
  /** Matches a template blank anywhere in a text. */
  readonly placeholder: RegExp;
  /** Matches a template blank standing where a number belongs (at the start of the text). */
  readonly numberSlot: RegExp;
  /** A unit that starts with a percent unit ("%", "个百分点"). */
  readonly percentUnit: RegExp;
  /** A money unit, alone or per something ("万元", "元/人"). */
  readonly moneyUnit: RegExp;
  readonly timeUnits: ReadonlySet<string>;
}

const OPERATORS: ReadonlySet<string> = new Set(["=", "≥", "≤", ">", "<"]);

function operatorEntries(map: Readonly<Record<string, string>>, what: string): [string, Operator][] {
  const out: [string, Operator][] = [];
  for (const [text, op] of Object.entries(map)) {
    if (!OPERATORS.has(op)) throw new Error(`${what}“${text}”的含义“${op}”不是 = ≥ ≤ > < 之一`);
    if (text.trim() !== "") out.push([text, op as Operator]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A placeholder token as a pattern: "**" also matches "***", "{N}" any template blank "{…}". */
function tokenPattern(token: string): string {
  if (/^\{.*\}$/.test(token)) return String.raw`\{[^{}]{1,12}\}`;
  if (token.length > 1 && [...token].every((c) => c === token[0])) return `${escape(token[0])}{${token.length},}`;
  return escape(token);
}

/** Words as a regex alternation, longest first; one that never matches when there are none. */
function alternatives(words: readonly string[]): string {
  const list = [...words]
    .filter((w) => w !== "")
    .sort((a, b) => b.length - a.length)
    .map(escape);
  return list.length ? list.join("|") : "(?!)";
}

export function compileValueVocabulary(data: ValueVocabularyData): ValueVocabulary {
  const prefixOperators = operatorEntries(data.operators, "比较符号");
  const suffixOperators = operatorEntries(data.suffixOperators, "后置比较词");
  const tokens = [...new Set(data.placeholders.map(tokenPattern))].sort((a, b) => b.length - a.length);
  const any = tokens.length ? tokens.join("|") : "(?!)";
  return {
    data,
    prefixOperators,
    suffixOperators,
    operatorOf: new Map([...prefixOperators, ...suffixOperators]),
    standardOperators: data.standardOperators.filter((o): o is Operator => OPERATORS.has(o)),
    numberPrefixes: [...data.numberPrefixes].sort((a, b) => b.length - a.length),
    placeholder: new RegExp(any),
    numberSlot: new RegExp(`^(?:${any})`),
    percentUnit: new RegExp(`^(?:${alternatives(data.percentUnits)})`),
    moneyUnit: new RegExp(`^(?:${alternatives(data.moneyUnits)})\\s*(?:/|$)`),
    timeUnits: new Set(data.timeUnits),
  };
}

/** The vocabulary of vocabulary/values.json. */
export const DEFAULT_VALUE_VOCABULARY: ValueVocabulary = compileValueVocabulary(values);

/** A unit in %, ‰ or 百分点. */
export function isPercentUnit(unit: string | null, vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY): boolean {
  return !!unit && vocab.percentUnit.test(unit);
}

/** A money unit ("万元"), also per something ("元/人", "万元/年"). */
export function isMoneyUnit(unit: string | null, vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY): boolean {
  return !!unit && vocab.moneyUnit.test(unit);
}

/** A duration ("2小时", "5个工作日"). */
export function isTimeUnit(unit: string | null, vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY): boolean {
  return !!unit && vocab.timeUnits.has(unit.trim());
}
