/**
 * 指标值 → TargetValue: operator + number + unit, a range, a deadline, a qualitative word or a
 * template placeholder. See FRAMEWORK.md "Values".
 */
import type { Operator, TargetValue } from "../model";
import { clean } from "../text";
import { OPERATOR_TEXTS, PLACEHOLDER_TOKENS, SUFFIX_OPERATORS } from "../vocabulary";

const OPERATOR_KEYS = Object.keys(OPERATOR_TEXTS).sort((a, b) => b.length - a.length);
/** Operator texts by their first character, longest first. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const key of OPERATOR_KEYS) {
  const list = OPERATORS_BY_FIRST.get(key[0]);
  if (list) list.push(key);
  else OPERATORS_BY_FIRST.set(key[0], [key]);
}
const SUFFIX_KEYS = Object.keys(SUFFIX_OPERATORS).sort((a, b) => b.length - a.length);

const NUMBER_RE = /^[-+−]?\d+(?:,\d{3})*(?:\.\d+)?/;
const RANGE_RE = /^\s*[-~～—–至到]\s*([-+]?\d+(?:\.\d+)?)/;
const DEADLINE_RE =
  /^(\d{4})\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\/\d{1,2}(?!\d))\s*(?:底|末|年底|年末)?\s*(?:前|之前|以前|内|止|完成)?/;
const SHORT_DEADLINE_RE = /^(\d{1,2})\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前|内|止)/;
/** A period of months: "2023.07-2024.01". */
const PERIOD_RE = /^(\d{4})[./-](\d{1,2})\s*[-~～—–至到]\s*(\d{4})[./-](\d{1,2})$/;
/** A count after a quantifier word: "各 1 次", "共3批", "每年2次". */
const COUNTED_RE = /^(各|共|累计|全年|每[年月季周日天])\s*(?=\d)/;
const PLACEHOLDER_RE = /\*{2,}|＊{2,}|[xX]{2,}|ＸＸ|_{2,}|＿{2,}|×{2,}|\{[^{}]{1,12}\}|[（(]\s*[必选]填\s*[)）]|□/;

function matchOperatorPrefix(t: string): { op: Operator; text: string } | null {
  const candidates = OPERATORS_BY_FIRST.get(t[0]);
  if (!candidates) return null;
  for (const key of candidates) {
    if (t.startsWith(key)) {
      // "达到" etc. only count as operators when a number follows.
      const rest = t.slice(key.length);
      const spaced = /^\s+/.exec(rest);
      const after = spaced ? rest.slice(spaced[0].length) : rest;
      if (/^[\u4e00-\u9fff]/.test(key) && !/^[-+]?\d|^\*\*|^[xX]{2}/.test(after)) return null;
      return { op: OPERATOR_TEXTS[key], text: key + (spaced ? spaced[0] : "") };
    }
  }
  return null;
}

export interface ValueContext {
  readonly storedAsNumber?: boolean;
  readonly isDate?: boolean;
  /** Text of the operator column on the same row, if the table has one. */
  readonly operatorColumn?: string | null;
  /** Text of the unit column on the same row, if the table has one. */
  readonly unitColumn?: string | null;
}

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER_RE.test(text) || PLACEHOLDER_TOKENS.some((p) => p.length > 2 && text.includes(p));
}

function toNumber(s: string): number {
  return Number(s.replace(/,/g, "").replace("−", "-"));
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

/** Parsed values by text and context: tables repeat the same values ("=100%", "按时限完成") a lot. */
const cache = new Map<string, TargetValue>();
const CACHE_LIMIT = 10000;

export function parseTargetValue(rawText: string, ctx: ValueContext = {}): TargetValue {
  const plain = !ctx.storedAsNumber && !ctx.isDate && !ctx.operatorColumn && !ctx.unitColumn;
  const key = plain
    ? rawText
    : `${rawText}\u0001${ctx.storedAsNumber ? 1 : 0}${ctx.isDate ? 1 : 0}\u0001${ctx.operatorColumn ?? ""}\u0001${ctx.unitColumn ?? ""}`;
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = parseUncached(rawText, ctx);
    cache.set(key, v);
  }
  return v;
}

function parseUncached(rawText: string, ctx: ValueContext): TargetValue {
  const raw = clean(rawText);
  const opColumn = ctx.operatorColumn ? clean(ctx.operatorColumn) : "";
  const unitColumn = ctx.unitColumn ? clean(ctx.unitColumn) : "";
  if (raw === "" && opColumn === "") return EMPTY;

  let t = raw;
  // "(≥**%)": template brackets around the whole value
  const wrapped = /^[(（]([^()（）]*)[)）]$/.exec(t);
  if (wrapped) t = wrapped[1].trim();

  let operator: Operator | null = null;
  let operatorText: string | null = null;
  let operatorSource: "value" | "column" | null = null;
  const prefix = matchOperatorPrefix(t);
  if (prefix) {
    operator = prefix.op;
    operatorText = prefix.text;
    operatorSource = "value";
    t = t.slice(prefix.text.length).trim();
  }
  if (!operator && opColumn) {
    const colOp =
      matchOperatorPrefix(opColumn) ??
      (OPERATOR_TEXTS[opColumn] ? { op: OPERATOR_TEXTS[opColumn], text: opColumn } : null);
    if (colOp && clean(opColumn) === colOp.text.trim()) {
      operator = colOp.op;
      operatorText = colOp.text;
      operatorSource = "column";
    }
  }

  const placeholder = /[*＊xX_＿×{（(□ＸX]/.test(raw) && hasPlaceholder(raw);
  let number: number | null = null;
  let numberTo: number | null = null;
  let unit: string | null = null;
  let year: number | null = null;
  let kind: TargetValue["kind"];

  const mayBeDate = ctx.isDate || t.includes("年") || t.includes("月") || /^\d{4}[-/.]/.test(t);
  const deadline = mayBeDate ? DEADLINE_RE.exec(t) : null;
  const shortDeadline = mayBeDate && !deadline ? SHORT_DEADLINE_RE.exec(t) : null;
  const isDeadline =
    !!deadline &&
    Number(deadline[1]) >= 1990 &&
    Number(deadline[1]) <= 2100 &&
    (/月|[-/.]\d/.test(deadline[0]) || /前|底|末|内|止/.test(deadline[0]));
  const period = mayBeDate && !isDeadline ? PERIOD_RE.exec(t) : null;
  if (ctx.isDate || isDeadline) {
    kind = "deadline";
    year = deadline ? Number(deadline[1]) : null;
  } else if (period) {
    kind = "deadline";
    year = Number(period[3]);
  } else if (shortDeadline) {
    kind = "deadline";
  } else {
    const counted = COUNTED_RE.exec(t);
    if (counted) t = t.slice(counted[0].length);
    const num = NUMBER_RE.exec(t);
    if (num) {
      number = toNumber(num[0]);
      let rest = t.slice(num[0].length);
      // unit up to a range separator or the end
      const unitMatch = /^\s*([^\d\s~～—–至到-][^\d~～—–至到]*?)?(?=\s*(?:[-~～—–至到]\s*[-+]?\d|$))/.exec(rest);
      let unit1 = unitMatch && unitMatch[1] ? unitMatch[1].trim() : "";
      rest = rest.slice(unitMatch ? unitMatch[0].length : 0);
      const range = RANGE_RE.exec(rest);
      if (range) {
        numberTo = toNumber(range[1]);
        const unit2 = rest.slice(range[0].length).trim();
        if (!unit1) unit1 = unit2;
        rest = "";
      } else if (!unitMatch) {
        unit1 = rest.trim();
      }
      for (const key of SUFFIX_KEYS) {
        if (unit1.endsWith(key)) {
          if (!operator) {
            operator = SUFFIX_OPERATORS[key];
            operatorText = key;
            operatorSource = "value";
          }
          unit1 = unit1.slice(0, -key.length).trim();
          break;
        }
      }
      unit = unit1 || null;
      kind = placeholder ? "placeholder" : "quantitative";
    } else if (placeholder) {
      kind = "placeholder";
      const u = /[*＊xX_＿]+\s*(.*)$/.exec(t);
      unit = u && u[1] ? u[1].replace(/[)）]$/, "").trim() || null : null;
    } else if (t === "" && operator) {
      kind = "placeholder";
    } else {
      kind = "qualitative";
      const inner = /[-+]?\d+(?:\.\d+)?/.exec(t);
      if (inner) number = toNumber(inner[0]);
    }
  }
  if (!unit && unitColumn) unit = unitColumn;
  return {
    raw,
    operator,
    operatorText,
    operatorSource,
    number,
    numberTo,
    unit,
    qualitative: kind === "qualitative" ? raw : null,
    kind,
    year,
    storedAsNumber: !!ctx.storedAsNumber,
  };
}

/** True for "%", "％" and "个百分点" units. */
export function isPercentUnit(unit: string | null): boolean {
  return !!unit && /^(%|％|‰|个?百分点)/.test(unit);
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
