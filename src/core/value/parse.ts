/**
 * The value model: a 指标值 text split into its parts, in order — brackets, a word before the number
 * ("各"), the operator (a glyph, ASCII, or words before or after the number: "不低于", "以上",
 * "控制在…以内"), the number (half- or full-width digits, a range) or the template blank in its
 * place, the unit, and spaces. Joining the parts gives back the text exactly, so a fix changes only
 * the parts it means to (write.ts). docs/framework.md “指标值”; the words are vocabulary/values.json.
 */
import type { Operator } from "../model";
import { DEFAULT_VALUE_VOCABULARY, type ValueVocabulary } from "./vocabulary";

type PartRole = "open" | "close" | "prefix" | "operator" | "number" | "range" | "unit" | "space" | "text";

export interface ValuePart {
  readonly role: PartRole;
  readonly text: string;
  /** For an operator part: what it means. For a number part: null when it is a template blank. */
  readonly op?: Operator;
  readonly value?: number | null;
}

type ValueKind = "quantitative" | "qualitative" | "deadline" | "placeholder" | "empty";

export interface ValueText {
  /** The text parsed; the parts joined. */
  readonly text: string;
  readonly parts: readonly ValuePart[];
  readonly kind: ValueKind;
  /** The operator written in the text (before the number wins over after it), null when none. */
  readonly operator: Operator | null;
  /** That operator as written, with the spaces after a leading one ("≥ "). */
  readonly operatorText: string | null;
  readonly operatorPlace: "before" | "after" | null;
  readonly number: number | null;
  readonly numberTo: number | null;
  /** The unit after the number (the first one of a range, else the second). */
  readonly unit: string | null;
  /** The whole value stands in brackets: "(≥100%)". */
  readonly bracketed: boolean;
  /** A deadline's year. */
  readonly year: number | null;
}

export interface ValueTextOptions {
  /** The cell held a date: the text is a deadline. */
  readonly isDate?: boolean;
}

const DIGIT = "[0-9０-９]";
const NUMBER_RE = new RegExp(`^[-+−－]?${DIGIT}+(?:,${DIGIT}{3})*(?:[.．]${DIGIT}+)?`);
const RANGE_SEP = "[-~～—–至到－]";
/** The unit runs up to a range separator followed by a number, or to the end. */
const UNIT_RE = new RegExp(
  String.raw`^(\s*)([^\d０-９\s~～—–至到\-－](?:[^\d０-９~～—–至到\-－]*[^\d０-９\s~～—–至到\-－])?)?(?=\s*(?:${RANGE_SEP}\s*[-+]?${DIGIT}|$))`
);
const RANGE_RE = new RegExp(`^(\\s*)(${RANGE_SEP})(\\s*)([-+]?${DIGIT}+(?:[.．]${DIGIT}+)?)`);
const DEADLINE_RE =
  /^(\d{4})\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\/\d{1,2}(?!\d))\s*(?:底|末|年底|年末)?\s*(?:前|之前|以前|内|止|完成)?/;
/** A period: "2023.07-2024.01", "2023年7月-2024年1月"; its year is the year it ends. */
const PERIOD_RE =
  /^(\d{4})\s*(?:[./-]\s*\d{1,2}|年\s*\d{1,2}\s*月)\s*[-~～—–至到]\s*(?:(\d{4})\s*(?:[./-]\s*\d{1,2}|年\s*\d{1,2}\s*月)|\d{1,2}\s*月)(?:\s*\d{1,2}\s*日)?$/;
const SHORT_DEADLINE_RE = /^(\d{1,2})\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前|内|止)/;
const DATE_SUFFIX = /^(?:之前|以前|前|内|止|底|末|年底|年末)$/;
const OPEN = "(（【[［〔";
const CLOSE = ")）】]］〕";
const CJK = /^[\u4e00-\u9fff]/;

/** A number as written → its value: full-width digits and signs made ASCII, thousands commas dropped. */
function numberOf(text: string): number {
  const ascii = text.replace(/[０-９．－]/g, (c) =>
    c === "．" ? "." : c === "－" ? "-" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)
  );
  return Number(ascii.replace(/,/g, "").replace("−", "-"));
}

const EMPTY_TEXT: ValueText = Object.freeze({
  ...resultOf(emptyFound()),
  text: "",
  parts: [],
  kind: "empty" as const,
  bracketed: false,
});

/** Parsed texts by vocabulary: tables repeat the same values ("=100%", "按时限完成") a lot. */
const caches = new WeakMap<ValueVocabulary, Map<string, ValueText>>();
const CACHE_LIMIT = 10000;

export function parseValueText(
  text: string,
  vocab: ValueVocabulary = DEFAULT_VALUE_VOCABULARY,
  options: ValueTextOptions = {}
): ValueText {
  let cache = caches.get(vocab);
  if (!cache) caches.set(vocab, (cache = new Map()));
  const key = options.isDate ? `\u0001${text}` : text;
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = parseUncached(text, vocab, !!options.isDate);
    cache.set(key, v);
  }
  return v;
}

/** Parts under construction, with what was found. */
interface Found {
  parts: ValuePart[];
  operator: Operator | null;
  operatorText: string | null;
  operatorPlace: "before" | "after" | null;
  number: number | null;
  numberTo: number | null;
  unit: string | null;
  slot: boolean;
  deadline: boolean;
  year: number | null;
}

function parseUncached(text: string, vocab: ValueVocabulary, isDate: boolean): ValueText {
  if (text.trim() === "") return text === "" ? EMPTY_TEXT : { ...EMPTY_TEXT, text, parts: [{ role: "space", text }] };
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  let inner = text.slice(lead.length, text.length - trail.length);
  const head: ValuePart[] = lead ? [{ role: "space", text: lead }] : [];
  const tail: ValuePart[] = trail ? [{ role: "space", text: trail }] : [];
  // "(≥**%)", "（95%）": brackets around the whole value
  const bracketed =
    inner.length > 2 &&
    OPEN.includes(inner[0]) &&
    CLOSE.includes(inner[inner.length - 1]) &&
    ![...inner.slice(1, -1)].some((c) => OPEN.includes(c) || CLOSE.includes(c));
  if (bracketed) {
    head.push({ role: "open", text: inner[0] });
    tail.unshift({ role: "close", text: inner[inner.length - 1] });
    inner = inner.slice(1, -1);
    const innerLead = /^\s*/.exec(inner)![0];
    const innerTrail = inner.length > innerLead.length ? /\s*$/.exec(inner)![0] : "";
    pushSpace(head, innerLead);
    if (innerTrail) tail.unshift({ role: "space", text: innerTrail });
    inner = inner.slice(innerLead.length, inner.length - innerTrail.length);
  }
  const found = readDeadline(inner, vocab, isDate) ?? readQuantity(inner, vocab) ?? readOperatorOnly(inner, vocab);
  const placeholder = vocab.placeholder.test(text);
  const base = { text, bracketed };
  if (found)
    return {
      ...base,
      ...resultOf(found),
      parts: [...head, ...found.parts, ...tail],
      kind: kindOf(found, placeholder),
    };
  const innerNumber = /[-+]?\d+(?:\.\d+)?/.exec(inner);
  return {
    ...base,
    ...resultOf(emptyFound()),
    parts: inner ? [...head, { role: "text", text: inner }, ...tail] : [...head, ...tail],
    kind: placeholder ? "placeholder" : "qualitative",
    number: placeholder || !innerNumber ? null : numberOf(innerNumber[0]),
  };
}

function kindOf(f: Found, placeholder: boolean): ValueKind {
  if (f.deadline) return "deadline";
  if (f.number !== null) return placeholder ? "placeholder" : "quantitative";
  if (f.slot || placeholder) return "placeholder";
  // only an operator ("≥") is a blank left to fill; an operator before words ("≥较好") is qualitative
  return f.parts.some((p) => p.role === "text") ? "qualitative" : "placeholder";
}

function emptyFound(): Found {
  return {
    parts: [],
    operator: null,
    operatorText: null,
    operatorPlace: null,
    number: null,
    numberTo: null,
    unit: null,
    slot: false,
    deadline: false,
    year: null,
  };
}

function resultOf(f: Found): Omit<ValueText, "text" | "parts" | "kind" | "bracketed"> {
  return {
    operator: f.operator,
    operatorText: f.operatorText,
    operatorPlace: f.operatorPlace,
    number: f.number,
    numberTo: f.numberTo,
    unit: f.unit,
    year: f.year,
  };
}

/** The operator written before the number, when one is: words only count when a number (or a blank) follows. */
function operatorBefore(t: string, vocab: ValueVocabulary): { text: string; op: Operator; space: string } | null {
  for (const [key, op] of vocab.prefixOperators) {
    if (!t.startsWith(key)) continue;
    const space = /^\s*/.exec(t.slice(key.length))![0];
    const after = t.slice(key.length + space.length);
    if (CJK.test(key) && !NUMBER_RE.test(after) && !vocab.numberSlot.test(after)) continue;
    return { text: key, op, space };
  }
  return null;
}

function addOperatorBefore(f: Found, op: { text: string; op: Operator; space: string }): void {
  f.parts.push({ role: "operator", text: op.text, op: op.op });
  pushSpace(f.parts, op.space);
  f.operator = op.op;
  f.operatorText = op.text + op.space;
  f.operatorPlace = "before";
}

/** A deadline ("2025年12月31日前", "≤2025年底"), or the text of a date cell. */
function readDeadline(t: string, vocab: ValueVocabulary, isDate: boolean): Found | null {
  const op = operatorBefore(t, vocab);
  const rest = op ? t.slice(op.text.length + op.space.length) : t;
  const mayBeDate = isDate || rest.includes("年") || rest.includes("月") || /^\d{4}[-/.]/.test(rest);
  if (!mayBeDate) return null;
  const period = PERIOD_RE.exec(rest);
  const m = period ?? DEADLINE_RE.exec(rest);
  const year = period ? Number(period[2] ?? period[1]) : m ? Number(m[1]) : null;
  const isDeadline =
    isDate ||
    period !== null ||
    (m !== null && year! >= 1990 && year! <= 2100 && (/月|[-/.]\d/.test(m[0]) || /前|底|末|内|止/.test(m[0]))) ||
    (m === null && SHORT_DEADLINE_RE.test(rest));
  if (!isDeadline) return null;
  const f = emptyFound();
  if (op) addOperatorBefore(f, op);
  if (rest) f.parts.push({ role: "text", text: rest });
  f.deadline = true;
  f.year = year;
  return f;
}

/** A word allowed before the number ("各 1 次"), when an operator or a number follows it. */
function prefixWord(t: string, vocab: ValueVocabulary): { text: string; space: string } | null {
  for (const word of vocab.numberPrefixes) {
    if (!t.startsWith(word)) continue;
    const space = /^\s*/.exec(t.slice(word.length))![0];
    const after = t.slice(word.length + space.length);
    if (NUMBER_RE.test(after) || vocab.numberSlot.test(after) || operatorBefore(after, vocab))
      return { text: word, space };
  }
  return null;
}

function pushSpace(parts: ValuePart[], space: string): void {
  if (space) parts.push({ role: "space", text: space });
}

/** [word] [operator] number-or-blank [unit] [range] [operator]: null when no number or blank stands where it belongs. */
function readQuantity(t: string, vocab: ValueVocabulary): Found | null {
  const f = emptyFound();
  let rest = t;
  const word = prefixWord(rest, vocab);
  if (word) {
    f.parts.push({ role: "prefix", text: word.text });
    pushSpace(f.parts, word.space);
    rest = rest.slice(word.text.length + word.space.length);
  }
  const op = operatorBefore(rest, vocab);
  if (op) {
    addOperatorBefore(f, op);
    rest = rest.slice(op.text.length + op.space.length);
    // "≥各2次": the word may also follow the operator
    const after = word ? null : prefixWord(rest, vocab);
    if (after) {
      f.parts.push({ role: "prefix", text: after.text });
      pushSpace(f.parts, after.space);
      rest = rest.slice(after.text.length + after.space.length);
    }
  }
  const num = NUMBER_RE.exec(rest);
  const slot = num ? null : vocab.numberSlot.exec(rest);
  if (!num && !slot) return null;
  const first = (num ?? slot)![0];
  f.number = num ? numberOf(first) : null;
  f.slot = !num;
  f.parts.push({ role: "number", text: first, value: f.number });
  readAfterNumber(rest.slice(first.length), f, vocab);
  return f;
}

/** Splits the text after a number into space, unit, and what follows (a range or nothing). */
function splitUnit(rest: string, slot: boolean): { space: string; unit: string; after: string } {
  const m = slot ? null : UNIT_RE.exec(rest);
  const space = m ? m[1] : /^\s*/.exec(rest)![0];
  // no clean unit (a digit or a separator inside): the rest is the unit, as written
  const unit = m ? (m[2] ?? "") : rest.slice(space.length).trimEnd();
  return { space, unit, after: rest.slice(space.length + unit.length) };
}

/** The unit, a range and an operator after the number. */
function readAfterNumber(rest: string, f: Found, vocab: ValueVocabulary): void {
  const first = splitUnit(rest, f.slot);
  if (f.slot && DATE_SUFFIX.test(first.unit)) {
    // "{完成日期}前": the blank stands for a date, what follows it is no unit
    pushSpace(f.parts, first.space);
    f.parts.push({ role: "text", text: first.unit });
    return;
  }
  const range = f.slot ? null : RANGE_RE.exec(first.after);
  const second = range ? splitUnit(first.after.slice(range[0].length), true) : null;
  // an operator after the number ends the last unit: "95%以上", "90%-95%以上", "30名以上"
  const last = second ?? first;
  const suffix = takeSuffix(last.unit, vocab);
  last.unit = suffix.unit;
  pushSpace(f.parts, first.space);
  if (first.unit) f.parts.push({ role: "unit", text: first.unit });
  if (range && second) {
    pushSpace(f.parts, range[1]);
    f.parts.push({ role: "range", text: range[2] });
    pushSpace(f.parts, range[3]);
    f.numberTo = numberOf(range[4]);
    f.parts.push({ role: "number", text: range[4], value: f.numberTo });
    pushSpace(f.parts, second.space);
    if (second.unit) f.parts.push({ role: "unit", text: second.unit });
  }
  if (suffix.op) {
    pushSpace(f.parts, suffix.space);
    f.parts.push({ role: "operator", text: suffix.op.text, op: suffix.op.op });
    if (!f.operator) {
      f.operator = suffix.op.op;
      f.operatorText = suffix.op.text;
      f.operatorPlace = "after";
    }
  }
  const after = (second ?? (range ? null : first))?.after ?? "";
  if (after) f.parts.push({ role: "text", text: after });
  f.unit = first.unit.trim() || (second?.unit.trim() ?? "") || null;
}

function takeSuffix(
  unit: string,
  vocab: ValueVocabulary
): { unit: string; space: string; op: { text: string; op: Operator } | null } {
  for (const [key, op] of vocab.suffixOperators) {
    if (!unit.endsWith(key)) continue;
    const before = unit.slice(0, -key.length);
    const space = /\s*$/.exec(before)![0];
    return {
      unit: before.slice(0, before.length - space.length),
      space,
      op: { text: key, op },
    };
  }
  return { unit, space: "", op: null };
}

/** Only an operator ("≥"), or an operator glyph before words ("≥较好"). */
function readOperatorOnly(t: string, vocab: ValueVocabulary): Found | null {
  for (const [key, op] of vocab.prefixOperators) {
    if (CJK.test(key) || !t.startsWith(key)) continue;
    const f = emptyFound();
    const space = /^\s*/.exec(t.slice(key.length))![0];
    addOperatorBefore(f, { text: key, op, space });
    const rest = t.slice(key.length + space.length);
    if (rest) f.parts.push({ role: "text", text: rest });
    return f;
  }
  return null;
}
