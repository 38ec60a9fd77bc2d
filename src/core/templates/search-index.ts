/**
 * What search compares, prepared once per template and per list: the texts as keys (with and
 * without punctuation), their pinyin and initials (pinyin.ts), and the list's joined haystacks and
 * character postings that narrow a word down to the templates where it can match.
 */
import { matchKey } from "../text";
import { approximateMatch, oneTypo } from "./fuzzy";
import { pinyinGeneration, pinyinOf } from "./pinyin";
import { shownText } from "./placeholders";
import type { IndicatorTemplate } from "./types";

/** The key texts and queries are compared by: matchKey (text.ts). */
export const searchKey = matchKey;

/** The key without punctuation, quotes and brackets: "“三公”经费" → "三公经费". */
export function bareOf(key: string): string {
  return key.replace(NOT_LETTER_OR_DIGIT, "");
}

/**
 * What bareOf drops: everything but letters and digits of the scripts templates are written in (CJK,
 * kana, Hangul, Latin, Greek, Cyrillic, full-width forms, circled and Roman numerals; characters
 * outside the BMP are kept). Written out because \p{L} needs a regular expression level that
 * EdgeHTML 18 (an Office webview) does not parse.
 */
const NOT_LETTER_OR_DIGIT =
  /[^0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u2160-\u2188\u2460-\u249b\u2776-\u2793\u3005-\u3007\u3021-\u3029\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\ud800-\udfff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** A word of a query. */
export interface Term {
  /** searchKey of the term, and the same without punctuation. */
  readonly key: string;
  readonly bare: string;
  /** The term as pinyin letters (ü as u), or null when it is not ASCII. */
  readonly pinyin: string | null;
}

/* ------------------------------------------------------------------ prepared texts */

export interface PreparedText {
  readonly text: string;
  /** searchKey of the text, and the same without punctuation. */
  readonly key: string;
  readonly bare: string;
  /** Syllables joined without spaces, ü written u ("chengbenkongzhilu"); "" when unknown. */
  readonly full: string;
  /** The same with a space between syllables ("cheng ben kong zhi lu"): where syllables start. */
  readonly spaced: string;
  readonly initials: string;
}

export interface Prepared {
  readonly name: PreparedText;
  readonly keywords: readonly PreparedText[];
  readonly explanation: string;
  /** "-" + the id in lower case: a word of the id starts after a "-". */
  readonly id: string;
  /** Every searchKey'd text (name, keywords, explanation), joined: where a Chinese word can match. */
  readonly textHay: string;
  /** Every pinyin and initials string and the id, joined: where an ASCII word can match. */
  readonly pinyinHay: string;
}

function prepareText(text: string): PreparedText {
  const p = pinyinOf(text);
  const spaced = p ? p.full.replace(/v/g, "u") : "";
  const key = searchKey(text);
  return {
    text,
    key,
    bare: bareOf(key),
    full: spaced.replace(/ /g, ""),
    spaced,
    initials: p ? p.initials.replace(/v/g, "u") : "",
  };
}

/** True when position `i` of `full` starts a syllable (counting the syllables of `spaced`). */
export function startsSyllable(p: PreparedText, i: number): boolean {
  let letters = 0;
  for (let k = 0; k < p.spaced.length && letters <= i; k++) {
    if (p.spaced[k] === " ") continue;
    if (letters === i) return k === 0 || p.spaced[k - 1] === " ";
    letters++;
  }
  return false;
}

let prepared = new WeakMap<IndicatorTemplate, Prepared>();
let listIndexes = new WeakMap<readonly IndicatorTemplate[], ListIndex>();
let preparedGeneration = pinyinGeneration();

/** Drops what was prepared with another pinyin provider. */
export function freshCaches(): void {
  if (preparedGeneration === pinyinGeneration()) return;
  preparedGeneration = pinyinGeneration();
  prepared = new WeakMap();
  listIndexes = new WeakMap();
}

function prepare(t: IndicatorTemplate): Prepared {
  let p = prepared.get(t);
  if (!p) {
    const name = prepareText(shownText(t, t.name));
    const keywords = t.keywords.map(prepareText);
    const explanation = searchKey(shownText(t, t.explanation));
    const id = "-" + t.id.toLowerCase();
    const all = [name, ...keywords];
    p = {
      name,
      keywords,
      explanation,
      id,
      textHay: [...all.flatMap((x) => (x.bare === x.key ? [x.key] : [x.key, x.bare])), explanation].join("\n"),
      pinyinHay: [...all.flatMap((x) => [x.full, x.initials]), id].join("\n"),
    };
    prepared.set(t, p);
  }
  return p;
}

/* ------------------------------------------------------------------ the list's index */

const SEP = "\u0000";

/** All templates' texts joined into two strings (a word is looked up with a few indexOf calls), and which names hold which character or initial (for approximate matches). */
export interface ListIndex {
  readonly prepared: readonly Prepared[];
  readonly textHay: string;
  /** Start of each template's part in textHay. */
  readonly textStarts: readonly number[];
  readonly pinyinHay: string;
  readonly pinyinStarts: readonly number[];
  /** A character of a bare name → the templates whose name has it. */
  readonly nameChars: ReadonlyMap<string, readonly number[]>;
  /** The first letter of a name's initials → the templates whose name starts with it. */
  readonly firstInitial: ReadonlyMap<string, readonly number[]>;
}

function joined(parts: readonly string[]): { hay: string; starts: number[] } {
  const starts: number[] = [];
  let length = 0;
  for (const p of parts) {
    starts.push(length);
    length += p.length + 1;
  }
  return { hay: parts.join(SEP), starts };
}

export function listIndex(list: readonly IndicatorTemplate[]): ListIndex {
  let x = listIndexes.get(list);
  if (!x) {
    const prepared = list.map(prepare);
    const text = joined(prepared.map((p) => p.textHay));
    const pinyin = joined(prepared.map((p) => p.pinyinHay));
    const nameChars = new Map<string, number[]>();
    const firstInitial = new Map<string, number[]>();
    const post = (m: Map<string, number[]>, c: string, k: number) => {
      const l = m.get(c);
      if (l) l.push(k);
      else m.set(c, [k]);
    };
    prepared.forEach((p, k) => {
      for (const c of new Set(p.name.bare)) post(nameChars, c, k);
      if (p.name.initials) post(firstInitial, p.name.initials[0], k);
    });
    x = {
      prepared,
      textHay: text.hay,
      textStarts: text.starts,
      pinyinHay: pinyin.hay,
      pinyinStarts: pinyin.starts,
      nameChars,
      firstInitial,
    };
    listIndexes.set(list, x);
  }
  return x;
}

/** The template whose part of a haystack holds position `pos` (binary search over the starts). */
function owner(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The templates whose part of a haystack holds the needle: one hit per template, then on to the next one's part. */
function collect(hay: string, starts: readonly number[], needle: string, into: Set<number>): void {
  if (!needle) return;
  for (let i = hay.indexOf(needle); i >= 0;) {
    const k = owner(starts, i);
    into.add(k);
    i = k + 1 < starts.length ? hay.indexOf(needle, starts[k + 1]) : -1;
  }
}

/** The names the word approximately matches (fuzzy.ts), looked for among those that can: the names with its rarest character, or starting with its first initial. */
function approximateCandidates(x: ListIndex, term: Term, into: Set<number>): void {
  const q = term.pinyin ?? term.bare;
  if (q.length < 3) return;
  let pool: readonly number[] = [];
  if (term.pinyin) pool = x.firstInitial.get(q[0]) ?? [];
  else {
    for (const c of new Set(q)) {
      const l = x.nameChars.get(c) ?? [];
      if (pool.length === 0 || l.length < pool.length) pool = l;
      if (l.length === 0) return;
    }
  }
  for (const k of pool) {
    const name = x.prepared[k].name;
    const m = term.pinyin ? approximateMatch(name.initials, q, true) : approximateMatch(name.bare, q, false);
    if (m && m.kind !== "typo") into.add(k);
  }
}

/** The positions in the list of the templates where a word can match (a superset of the matches). */
export function candidates(x: ListIndex, term: Term): number[] {
  const found = new Set<number>();
  // an ASCII word is looked for in the pinyin haystack, which also holds the ASCII runs of names and keywords
  if (!term.pinyin) collect(x.textHay, x.textStarts, term.key, found);
  if (!term.pinyin && term.bare !== term.key) collect(x.textHay, x.textStarts, term.bare, found);
  if (term.pinyin) {
    collect(x.pinyinHay, x.pinyinStarts, term.pinyin, found);
    // an id word with its hyphen ("training-satisfaction"); without one the pinyin search above found it
    if (term.key !== term.pinyin) collect(x.pinyinHay, x.pinyinStarts, "-" + term.key, found);
  }
  approximateCandidates(x, term, found);
  return [...found].sort((a, b) => a - b);
}

/** The templates whose name's initials start with the word but for one letter (oneTypo), in list order. */
export function typoCandidates(x: ListIndex, term: Term): number[] {
  const q = term.pinyin;
  if (!q || q.length < 4) return [];
  const out: number[] = [];
  x.prepared.forEach((p, k) => {
    if (oneTypo(p.name.initials, q)) out.push(k);
  });
  return out;
}
