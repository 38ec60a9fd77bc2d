/**
 * Indicator column headers by meaning (docs/framework.md, “列 / Columns”): first the spellings of
 * columns.json, then what the words of an unfamiliar header mean ("考核评分要点" explains,
 * "预期2022年实现值" is a target value, "2021年实际实现值" is not).
 */
import type { ColumnRole } from "../model";
import { matchKey } from "../text";
import columns from "./columns.json";
import { addVariants, cached, labelKey, withoutBrackets } from "./keys";

export type HeaderRole = ColumnRole | "remark";

/** The roles a table has one column of (a second column naming the same role is an other column). */
export const SINGLE_ROLES: ReadonlySet<HeaderRole> = new Set<HeaderRole>([
  "level1",
  "level2",
  "name",
  "value",
  "operator",
  "unit",
  "explanation",
  "weight",
]);
const ROLES = [...SINGLE_ROLES, "remark", "other", "label"] as const;

const COLUMN_INDEX = new Map<string, HeaderRole>();
for (const role of ROLES) {
  for (const h of (columns as unknown as Record<string, string[]>)[role]) {
    for (const k of [matchKey(h), withoutBrackets(matchKey(h))]) if (!COLUMN_INDEX.has(k)) COLUMN_INDEX.set(k, role);
  }
}

/** Words that give an unfamiliar header its meaning, in the order they are tried. */
const MEANING: readonly (readonly [RegExp, HeaderRole])[] = [
  [/一级/, "level1"],
  [/二级/, "level2"],
  [/三级/, "name"],
  // what was achieved, scored or deviated (自评 tables): never the target
  [/实际|完成值|完成数|完成情况|得分|偏差|原因|上年|上一年|去年|以前年度|执行数/, "other"],
  [/权重|权数/, "weight"],
  [
    /解释|说明|定义|口径|内涵|公式|评分|扣分|计分|打分|评价标准|评价要点|考核|衡量|计算方法|标准|依据|细则|规则|要点/,
    "explanation",
  ],
  [/^(计量|度量|指标|计算|数值|指标值)?单位$/, "unit"],
  [/^(指标|计算|比较|运算)?(符号|性质|方向)$/, "operator"],
  [/值/, "value"],
  [/^(指标|绩效指标|三级指标)(名称|内容)$|(指标|考核|评价)(名称|内容|项目)$|^具体指标/, "name"],
];

/** Every character that occurs in a known header or a meaning word: a text with another character is no header. */
const HEADER_CHARS = new Set<string>();
for (const list of Object.values(columns))
  if (Array.isArray(list)) for (const h of list) for (const ch of matchKey(h)) HEADER_CHARS.add(ch);
for (const [re] of MEANING) for (const ch of re.source.replace(/[^\u4e00-\u9fff]/g, "")) HEADER_CHARS.add(ch);
// the small words that join header words ("指标标准或依据", "解释及计算公式"); digits only in a year (below)
for (const ch of "年度预期本计划目标%或及和与并含对应其中各项之") HEADER_CHARS.add(ch);
for (const ch of "0123456789") HEADER_CHARS.delete(ch);
addVariants(HEADER_CHARS);

/** Quick test: could the text be a column header at all (every character outside brackets is one a header uses)? */
export function mayBeHeader(text: string): boolean {
  if (text.length > 30) return false;
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === "(" || ch === "（" || ch === "【" || ch === "[") depth++;
    else if (ch === ")" || ch === "）" || ch === "】" || ch === "]") depth = Math.max(0, depth - 1);
    else if (depth > 0 || HEADER_CHARS.has(ch)) continue;
    // a year is the only number a header has ("2021年实际实现值", "预期2022年实现值")
    else if (ch >= "0" && ch <= "9" && isYearAt(text, k)) k += 3;
    else return false;
  }
  return true;
}

function isDigitCode(x: number): boolean {
  return x >= 48 && x <= 57;
}

/** "19xx" or "20xx" at k. */
function isYearAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  const d = text.charCodeAt(k + 1);
  return (
    ((c === 49 && d === 57) || (c === 50 && d === 48)) &&
    isDigitCode(text.charCodeAt(k + 2)) &&
    isDigitCode(text.charCodeAt(k + 3))
  );
}

function roleOf(text: string): HeaderRole | null {
  const k = labelKey(text);
  const nb = withoutBrackets(k);
  if (nb === "") return null;
  const direct = COLUMN_INDEX.get(k) ?? COLUMN_INDEX.get(nb);
  if (direct) return direct;
  // "三级指标名称（必填）", "指标值(%)": with 指标 optional
  if (COLUMN_INDEX.has(nb + "指标")) return COLUMN_INDEX.get(nb + "指标")!;
  if (nb.endsWith("指标") && COLUMN_INDEX.has(nb.slice(0, -2))) return COLUMN_INDEX.get(nb.slice(0, -2))!;
  if (nb.length > 16) return null;
  for (const [re, role] of MEANING) if (re.test(role === "other" ? k : nb)) return role;
  return null;
}

const cachedRole = cached(20000, roleOf);

/** The role a header text names, or null. "remark" is a 备注 column (an explanation only if filled like one). */
export function matchColumnHeader(text: string): HeaderRole | null {
  if (text === "" || !mayBeHeader(text)) return null;
  return cachedRole(text);
}

/**
 * How much a value-like header means "the target of the budget year": 预期/本年/目标/计划 up, a
 * year adds itself (the latest year is the budget year's), 实际/上年/完成 down.
 */
export function targetPreference(text: string): number {
  const k = labelKey(text);
  let score = 0;
  if (/预期|本年|目标|计划|年度指标值|申报/.test(k)) score += 10000;
  if (/实际|上年|去年|完成|执行/.test(k)) score -= 10000;
  const year = /(19|20)\d\d/.exec(k);
  if (year) score += Number(year[0]) - 1900;
  return score;
}
