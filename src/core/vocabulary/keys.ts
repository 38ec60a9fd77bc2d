/**
 * Matching keys for labels (category names, column headers, header-field labels): what is left of
 * a label once the decoration people and conversion sites add to it is taken off. Never shown.
 */
import { matchKey } from "../text";
import traditional from "./traditional.json";

/** Bracketed pinyin a conversion site inserts after a character: "指標(biāo)", "級(jí)". */
const PINYIN_DEBRIS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[1-5]?\)/g;
const HAS_DEBRIS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]/;
/** Marks before a label: "*指标值" (required), "★三级指标" (core), "※". */
const LEADING_MARKS = /^[*★☆※#△▲●○◆◇■□、.\s]+/;
/** Numbering before a label: "一、", "（一）", "1.", "1、", "(1)", "第一". */
const NUMBERING =
  /^(?:\(?[一二三四五六七八九十]{1,3}\)[、.．]?|[一二三四五六七八九十]{1,3}[、.．:]|\(?\d{1,2}\)[、.．]?|\d{1,2}[、.．:](?!\d))/;

/** matchKey without pinyin debris and leading marks, trailing colon removed. */
export function labelKey(text: string): string {
  let k = matchKey(text);
  if (HAS_DEBRIS.test(k)) k = k.replace(PINYIN_DEBRIS, "");
  if (LEADING_MARKS.test(k)) k = k.replace(LEADING_MARKS, "");
  return k.replace(/[:]+$/, "");
}

/** A label key without its numbering prefix ("(一)财政拨款小计" → "财政拨款小计"). */
export function withoutNumbering(key: string): string {
  return key.replace(NUMBERING, "");
}

/** A key without bracketed parts: "权重(%)" → "权重", "预算资金(元)" → "预算资金". */
export function withoutBrackets(key: string): string {
  return key.includes("(") ? key.replace(/\([^()]*\)/g, "") : key;
}

/**
 * Adds to a character set the traditional and full-width forms of its characters, and what a
 * label may carry around its words (brackets, colons, spaces, marks, pinyin debris), so that a
 * quick character test can reject most cell texts before any key is built.
 */
export function addVariants(set: Set<string>): void {
  for (const [trad, simp] of Object.entries(traditional.map as Record<string, string>))
    if (set.has(simp)) set.add(trad);
  for (const ch of "()（）:：/ 　*★※、.\n\r\t") set.add(ch);
  for (const ch of "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ") set.add(ch);
  for (const ch of [...set]) {
    const code = ch.charCodeAt(0);
    if (code >= 0x21 && code <= 0x7e) {
      set.add(String.fromCharCode(code + 0xfee0));
      set.add(ch.toUpperCase());
    }
  }
}

/** A small bounded cache for text → result lookups of unique-ish cell texts. */
export function cached<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    if (cache.size >= limit) cache.clear();
    const value = compute(text);
    cache.set(text, value);
    return value;
  };
}
