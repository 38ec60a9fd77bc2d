/**
 * What search compares, prepared once per template and per list: the texts as keys (with and
 * without punctuation), their pinyin and initials (pinyin.ts), and the list's joined haystacks and
 * character postings that narrow a word down to the templates where it can match.
 */
import { matchKey } from "../text";
import { pinyinGeneration, pinyinOf } from "./pinyin";
import type { IndicatorTemplate } from "./types";

/** The key texts and queries are compared by: matchKey (text.ts). */
export const searchKey = matchKey;

/** The key without punctuation, quotes and brackets: "“三公”经费" → "三公经费". */
export function bareOf(key: string): string {
  return key.replace(/[^\p{L}\p{N}]/gu, "");
}

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

/** A text with its placeholders replaced by their defaults; a blank without a default shows its key. Same as fillTemplate's defaults, without braces. */
function shown(t: IndicatorTemplate, text: string): string {
  if (!text.includes("{")) return text;
  return text.replace(/\{([^{}]*)\}/g, (_w, key: string) => t.placeholders.find((p) => p.key === key)?.default ?? key);
}

/** The name a template shows (placeholders filled with their defaults; a blank without one shows its key). */
export function displayName(t: IndicatorTemplate): string {
  return shown(t, t.name);
}

function prepare(t: IndicatorTemplate): Prepared {
  let p = prepared.get(t);
  if (!p) {
    const name = prepareText(shown(t, t.name));
    const keywords = t.keywords.map(prepareText);
    const explanation = searchKey(shown(t, t.explanation));
    const id = "-" + t.id.toLowerCase();
    const all = [name, ...keywords];
    p = {
      name,
      keywords,
      explanation,
      id,
      textHay: [...all.flatMap((x) => [x.key, x.bare]), explanation].join("\n"),
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
  /** A character of a bare name, or a letter of its initials → the templates whose name has it. */
  readonly nameChars: ReadonlyMap<string, readonly number[]>;
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
    prepared.forEach((p, k) => {
      for (const c of new Set(p.name.bare + p.name.initials)) {
        const l = nameChars.get(c);
        if (l) l.push(k);
        else nameChars.set(c, [k]);
      }
    });
    x = {
      prepared,
      textHay: text.hay,
      textStarts: text.starts,
      pinyinHay: pinyin.hay,
      pinyinStarts: pinyin.starts,
      nameChars,
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

function collect(hay: string, starts: readonly number[], needle: string, into: Set<number>): void {
  if (!needle) return;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) into.add(owner(starts, i));
}

/** Names holding all but (for initials) one of the word's characters: where an approximate match can be. */
function approximateCandidates(x: ListIndex, term: Term, into: Set<number>): void {
  const q = term.pinyin ?? term.bare;
  if (q.length < 3) return;
  const chars = [...new Set(q)];
  const need = term.pinyin ? chars.length - 1 : chars.length;
  const counts = new Map<number, number>();
  for (const c of chars) for (const k of x.nameChars.get(c) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, n] of counts) if (n >= need) into.add(k);
}

/** The positions in the list of the templates where a word can match (a superset of the matches). */
export function candidates(x: ListIndex, term: Term): number[] {
  const found = new Set<number>();
  collect(x.textHay, x.textStarts, term.key, found);
  if (term.bare !== term.key) collect(x.textHay, x.textStarts, term.bare, found);
  if (term.pinyin) {
    collect(x.pinyinHay, x.pinyinStarts, term.pinyin, found);
    collect(x.pinyinHay, x.pinyinStarts, "-" + term.key, found);
  }
  approximateCandidates(x, term, found);
  return [...found].sort((a, b) => a - b);
}
