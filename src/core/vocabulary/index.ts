/**
 * Lookup tables built once from the vocabulary data files. Everything keyed by matchKey().
 */
import type { ColumnRole, Level1Name, Level2Name } from "../model";
import { matchKey, matchKeyNoBrackets, stripColon } from "../text";
import columns from "./columns.json";
import headerFields from "./header-fields.json";
import levels from "./levels.json";
import traditional from "./traditional.json";

export interface LevelMatch<T> {
  readonly name: T;
  /** true when the spelling is a standard one (with or without 指标). */
  readonly standard: boolean;
}

function buildLevelIndex<T extends string>(
  table: Record<string, { standard: string[]; aliases: string[] }>
): Map<string, LevelMatch<T>> {
  const index = new Map<string, LevelMatch<T>>();
  for (const [name, spec] of Object.entries(table)) {
    for (const s of spec.standard) index.set(matchKey(s), { name: name as T, standard: true });
    for (const s of spec.aliases)
      if (!index.has(matchKey(s))) index.set(matchKey(s), { name: name as T, standard: false });
  }
  return index;
}

const LEVEL1 = buildLevelIndex<Level1Name>(levels.level1);
const LEVEL2 = buildLevelIndex<Level2Name>(levels.level2);

export const LEVEL1_ORDER: readonly Level1Name[] = levels.order.level1 as Level1Name[];
export const LEVEL2_ORDER: readonly Level2Name[] = levels.order.level2 as Level2Name[];

/** Parents of each 二级 (成本 has two: 产出 in the older layout, 成本 in the 101号 layout). */
export const LEVEL2_PARENTS: Readonly<Record<Level2Name, readonly Level1Name[]>> = Object.fromEntries(
  Object.entries(levels.level2).map(([k, v]) => [k, v.parents as Level1Name[]])
) as Record<Level2Name, Level1Name[]>;

function levelKey(text: string): string {
  // "一、产出指标", "1.产出指标", "（一）产出指标" → "产出指标"
  return matchKey(text)
    .replace(/^(\(?[一二三四五六七八九十\d]+\)?[、.．:]?)/, "")
    .replace(/等$/, "");
}

const levelKeyCache = new Map<string, string>();
function cachedLevelKey(text: string): string {
  let k = levelKeyCache.get(text);
  if (k === undefined) {
    if (levelKeyCache.size > 20000) levelKeyCache.clear();
    k = text.length > 40 ? "" : levelKey(text);
    levelKeyCache.set(text, k);
  }
  return k;
}

export function matchLevel1(text: string): LevelMatch<Level1Name> | null {
  return LEVEL1.get(cachedLevelKey(text)) ?? null;
}

export function matchLevel2(text: string): LevelMatch<Level2Name> | null {
  return LEVEL2.get(cachedLevelKey(text)) ?? null;
}

const CATEGORY_HINT = /指[标標]|满意|滿意|产出|產出|效益|效果|成本|数量|數量|质量|質量|时效|時效|可持续|可持續/;

/** Looks like a category name even if not in the vocabulary ("项目完成指标"). */
export function looksLikeCategory(text: string): boolean {
  if (text.length > 24 || !CATEGORY_HINT.test(text)) return false;
  const k = cachedLevelKey(text);
  if (LEVEL1.has(k) || LEVEL2.has(k)) return true;
  return k.length >= 3 && k.length <= 12 && /指标$/.test(k) && !/[\d%≥≤=<>]/.test(k);
}

/** The standard display name ("数量" → "数量指标", "服务对象满意度" → "服务对象满意度指标"). */
export function standardLevelText(name: Level1Name | Level2Name): string {
  return `${name}指标`;
}

/* ------------------------------------------------------------------ columns */

const COLUMN_INDEX = new Map<string, ColumnRole | "remark">();
for (const role of [
  "level1",
  "level2",
  "name",
  "value",
  "operator",
  "unit",
  "explanation",
  "weight",
  "remark",
  "other",
  "label",
] as const) {
  for (const h of (columns as Record<string, string[] | string>)[role] as string[]) {
    const k = matchKey(h);
    if (!COLUMN_INDEX.has(k)) COLUMN_INDEX.set(k, role);
    const nb = matchKeyNoBrackets(h);
    if (!COLUMN_INDEX.has(nb)) COLUMN_INDEX.set(nb, role);
  }
}

/** Every character that occurs in a header text of columns.json: a text with any other character is no header. */
const HEADER_CHARS = new Set<string>();
for (const list of Object.values(columns))
  if (Array.isArray(list)) for (const h of list) for (const ch of matchKey(h)) HEADER_CHARS.add(ch);
for (const ch of "()（）:：/ 　") HEADER_CHARS.add(ch);
addVariants(HEADER_CHARS);

/** Adds the traditional and full-width forms of the characters in a set (so no matchKey is needed to test one). */
function addVariants(set: Set<string>): void {
  for (const [trad, simp] of Object.entries(traditional.map as Record<string, string>))
    if (set.has(simp)) set.add(trad);
  for (const ch of [...set]) {
    const code = ch.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) {
      set.add(String.fromCharCode(code + 0xfee0));
      set.add(ch.toUpperCase());
    }
  }
}

/** Quick test: could the text be a column header at all? */
export function mayBeHeader(text: string): boolean {
  if (text.length > 30) return false;
  for (let k = 0; k < text.length; k++) if (!HEADER_CHARS.has(text[k])) return false;
  return true;
}

const columnCache = new Map<string, ColumnRole | "remark" | null>();

/** The role a header text names, or null. "remark" is a 备注 column (an explanation only if filled like one). */
export function matchColumnHeader(text: string): ColumnRole | "remark" | null {
  if (!mayBeHeader(text)) return null;
  const cached = columnCache.get(text);
  if (cached !== undefined) return cached;
  if (columnCache.size > 20000) columnCache.clear();
  const role = matchColumnHeaderUncached(text);
  columnCache.set(text, role);
  return role;
}

function matchColumnHeaderUncached(text: string): ColumnRole | "remark" | null {
  const k = stripColon(matchKey(text));
  const direct = COLUMN_INDEX.get(k) ?? COLUMN_INDEX.get(k.replace(/\([^()]*\)/g, ""));
  if (direct) return direct;
  // "三级指标名称（必填）", "指标值(%)": try without trailing brackets and with 指标 optional
  const nb = k.replace(/\([^()]*\)/g, "");
  if (COLUMN_INDEX.has(nb + "指标")) return COLUMN_INDEX.get(nb + "指标")!;
  if (nb.endsWith("指标") && COLUMN_INDEX.has(nb.slice(0, -2))) return COLUMN_INDEX.get(nb.slice(0, -2))!;
  return null;
}

/* ------------------------------------------------------------- header fields */

const FIELD_INDEX = new Map<string, string>();
for (const [key, labels] of Object.entries(headerFields.fields)) {
  for (const l of labels) {
    FIELD_INDEX.set(matchKey(l), key);
    FIELD_INDEX.set(matchKeyNoBrackets(l), key);
  }
}
const GROUP_INDEX = new Map<string, string>();
for (const [key, labels] of Object.entries(headerFields.groups)) {
  for (const l of labels) {
    GROUP_INDEX.set(matchKey(l), key);
    GROUP_INDEX.set(matchKeyNoBrackets(l), key);
  }
}
const BLOCKS = new Set(headerFields.blocks.map((b) => matchKeyNoBrackets(b)));
const SUB_HEADERS = new Set(headerFields.subHeaders.map((b) => matchKey(b)));
const SIGN_OFF = headerFields.signOff.map((s) => matchKey(s));
const TITLE_WORDS = headerFields.titleWords.map((s) => matchKey(s));

const FIELD_CHARS = new Set<string>();
for (const list of [
  ...Object.values(headerFields.fields),
  ...Object.values(headerFields.groups),
  headerFields.blocks,
  headerFields.signOff,
  headerFields.subHeaders,
])
  for (const l of list) for (const ch of matchKey(l)) FIELD_CHARS.add(ch);
addVariants(FIELD_CHARS);

/** Quick test: could the text be a header-field label (all its characters occur in some label)? */
function mayBeLabel(text: string): boolean {
  if (text.length > 24) return false;
  let n = 0;
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === "（" || ch === "(") depth++;
    else if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0 || ch === " " || ch === "：" || ch === ":" || (ch >= "0" && ch <= "9")) continue;
    else if (!FIELD_CHARS.has(ch)) return false;
    else n++;
  }
  return n > 0;
}

function fieldKeyOf(text: string): string {
  return stripColon(matchKey(text));
}

/** The header field key a label names ("预算资金（元）" → "预算资金"), or null. */
const matchFieldLabelCache = new Map<string, string | null>();

export function matchFieldLabel(text: string): string | null {
  if (!mayBeLabel(text)) return null;
  const cached = matchFieldLabelCache.get(text);
  if (cached !== undefined) return cached;
  if (matchFieldLabelCache.size > 5000) matchFieldLabelCache.clear();
  const result = matchFieldLabelUncached(text);
  matchFieldLabelCache.set(text, result);
  return result;
}

function matchFieldLabelUncached(text: string): string | null {
  const k = fieldKeyOf(text);
  return FIELD_INDEX.get(k) ?? FIELD_INDEX.get(k.replace(/\([^()]*\)/g, "")) ?? null;
}

const matchGroupLabelCache = new Map<string, string | null>();

export function matchGroupLabel(text: string): string | null {
  if (!mayBeLabel(text)) return null;
  const cached = matchGroupLabelCache.get(text);
  if (cached !== undefined) return cached;
  if (matchGroupLabelCache.size > 5000) matchGroupLabelCache.clear();
  const result = matchGroupLabelUncached(text);
  matchGroupLabelCache.set(text, result);
  return result;
}

function matchGroupLabelUncached(text: string): string | null {
  const k = fieldKeyOf(text);
  return GROUP_INDEX.get(k) ?? GROUP_INDEX.get(k.replace(/\([^()]*\)/g, "")) ?? null;
}

const blockLabelCache = new Map<string, boolean>();

export function isBlockLabel(text: string): boolean {
  if (!mayBeLabel(text)) return false;
  const cached = blockLabelCache.get(text);
  if (cached !== undefined) return cached;
  if (blockLabelCache.size > 5000) blockLabelCache.clear();
  const result = isBlockLabelUncached(text);
  blockLabelCache.set(text, result);
  return result;
}

function isBlockLabelUncached(text: string): boolean {
  return BLOCKS.has(fieldKeyOf(text).replace(/\([^()]*\)/g, ""));
}

export function isSubHeader(text: string): boolean {
  if (text.length > 24) return false;
  return SUB_HEADERS.has(fieldKeyOf(text)) || /^\d{4}年度?预算金额/.test(matchKey(text));
}

const SIGN_OFF_FIRST = new Set(headerFields.signOff.map((s) => s[0]));
addVariants(SIGN_OFF_FIRST);

export function isSignOff(text: string): boolean {
  if (!SIGN_OFF_FIRST.has(text[0])) return false;
  const k = matchKey(text);
  return SIGN_OFF.some((s) => k.startsWith(s));
}

export function isTitleText(text: string): boolean {
  if (text.length > 60 || !/[表報报]/.test(text)) return false;
  const k = matchKey(text);
  return k.length <= 60 && TITLE_WORDS.some((w) => k.includes(w)) && /表$|表\)?$|申报$/.test(k.replace(/\(.*\)$/, ""));
}

/** The money unit a label or header states: "预算资金（元）" → 元, "资金总额(万元)" → 万元. */
export function moneyUnitIn(text: string): "元" | "万元" | null {
  if (!text.includes("元")) return null;
  const k = matchKey(text);
  if (/万元/.test(k)) return "万元";
  if (/\(元\)|单位:元|\/元|元\)/.test(k)) return "元";
  return null;
}

/* ------------------------------------------------------------------ values */
// The words of 指标值 (values.json) are compiled by src/core/value/vocabulary.ts.
