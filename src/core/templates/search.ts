/**
 * Template search: Chinese substrings, full pinyin without tones ("manyidu") and pinyin initials
 * ("myd", "cbkzl"), filtered by 一级/二级/family, ranked: exact name, name prefix, name substring,
 * keywords, explanation; ties keep library order.
 *
 * Pinyin comes from pinyin-index.json (written at dev time by scripts/build-template-index.ts with
 * pinyin-pro) for the library; for other texts (user templates) from a provider the front end
 * installs with setPinyinProvider — so the core bundle carries no pinyin dictionary. Without a
 * provider, such texts are found by Chinese only.
 */
import type { Level1Name, Level2Name } from "../model";
import { matchKey } from "../text";
import { matchLevel1, matchLevel2 } from "../vocabulary";
import { TEMPLATES } from "./library";
import pinyinIndex from "./pinyin-index.json";
import type { IndicatorTemplate } from "./types";

/* ------------------------------------------------------------------ keys */

/** The key texts and queries are compared by: matchKey (text.ts). */
export const searchKey = matchKey;

/* ------------------------------------------------------------------ pinyin */

/**
 * One pinyin syllable (no tones) per character of the text; characters that are not Chinese come
 * back as themselves. pinyin-pro with PINYIN_OPTIONS does exactly this:
 * `setPinyinProvider((t) => pinyin(t, PINYIN_OPTIONS))`.
 */
export type PinyinProvider = (text: string) => readonly string[];

/** The pinyin-pro options the index is built with (and the front ends should use). */
export const PINYIN_OPTIONS = { toneType: "none", type: "array", v: true } as const;

/** The pinyin of a text: syllables separated by spaces ("cheng ben kong zhi lv") and initials ("cbkzl"). */
export interface PinyinKey {
  readonly full: string;
  readonly initials: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const ALNUM = /[A-Za-z0-9]/;

/**
 * The pinyin key of a text through a provider. Chinese characters give a syllable each; runs of
 * ASCII letters and digits are kept as one token (in the initials too); other characters
 * (punctuation, brackets) are dropped.
 */
export function pinyinKeyOf(text: string, provider: PinyinProvider): PinyinKey {
  const chars = Array.from(text);
  let syllables = provider(text);
  if (syllables.length !== chars.length) syllables = chars.map((c) => (CJK.test(c) ? (provider(c)[0] ?? c) : c));
  const tokens: { text: string; cjk: boolean }[] = [];
  let run = "";
  const flush = () => {
    if (run) tokens.push({ text: run, cjk: false });
    run = "";
  };
  chars.forEach((c, i) => {
    if (CJK.test(c)) {
      flush();
      const s = (syllables[i] ?? "")
        .toLowerCase()
        .replace(/ü/g, "v")
        .replace(/[^a-z]/g, "");
      if (s) tokens.push({ text: s, cjk: true });
    } else if (ALNUM.test(c)) {
      run += c.toLowerCase();
    } else {
      flush();
    }
  });
  flush();
  return {
    full: tokens.map((t) => t.text).join(" "),
    initials: tokens.map((t) => (t.cjk ? t.text[0] : t.text)).join(""),
  };
}

interface IndexEntry {
  readonly text: string;
  readonly full: string;
  readonly initials: string;
}

/** The shape of pinyin-index.json. */
export interface TemplatePinyinIndex {
  readonly templates: Readonly<Record<string, { readonly name: IndexEntry; readonly keywords: readonly IndexEntry[] }>>;
}

/** Text → pinyin, from the committed index (names and keywords of the library). */
const indexed = new Map<string, PinyinKey>();
for (const entry of Object.values((pinyinIndex as unknown as TemplatePinyinIndex).templates)) {
  for (const e of [entry.name, ...entry.keywords]) indexed.set(e.text, { full: e.full, initials: e.initials });
}

let provider: PinyinProvider | null = null;
const computed = new Map<string, PinyinKey>();

/** Installs (or, with null, removes) the run-time pinyin source for texts the index does not hold. */
export function setPinyinProvider(fn: PinyinProvider | null): void {
  provider = fn;
  computed.clear();
  prepared = new WeakMap();
  listIndexes = new WeakMap();
}

function pinyinOf(text: string): PinyinKey | null {
  const hit = indexed.get(text);
  if (hit) return hit;
  if (!provider) return null;
  let key = computed.get(text);
  if (!key) {
    if (computed.size > 5000) computed.clear();
    key = pinyinKeyOf(text, provider);
    computed.set(text, key);
  }
  return key;
}

/* ------------------------------------------------------------------ prepared texts */

interface PreparedText {
  readonly text: string;
  /** searchKey of the text. */
  readonly key: string;
  /** Syllables joined without spaces, ü written u ("chengbenkongzhilu"); "" when unknown. */
  readonly full: string;
  /** The same with a space between syllables ("cheng ben kong zhi lu"): where syllables start. */
  readonly spaced: string;
  readonly initials: string;
}

interface Prepared {
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
  return {
    text,
    key: searchKey(text),
    full: spaced.replace(/ /g, ""),
    spaced,
    initials: p ? p.initials.replace(/v/g, "u") : "",
  };
}

/** True when position `i` of `full` starts a syllable (counting the syllables of `spaced`). */
function startsSyllable(p: PreparedText, i: number): boolean {
  let letters = 0;
  for (let k = 0; k < p.spaced.length && letters <= i; k++) {
    if (p.spaced[k] === " ") continue;
    if (letters === i) return k === 0 || p.spaced[k - 1] === " ";
    letters++;
  }
  return false;
}

let prepared = new WeakMap<IndicatorTemplate, Prepared>();

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
      textHay: [...all.map((x) => x.key), explanation].join("\n"),
      pinyinHay: [...all.flatMap((x) => [x.full, x.initials]), id].join("\n"),
    };
    prepared.set(t, p);
  }
  return p;
}

/* ------------------------------------------------------------------ matching */

export type MatchField = "name" | "keywords" | "explanation" | "id";
export type MatchVia = "text" | "pinyin" | "initials";

export interface TemplateSearchResult {
  readonly template: IndicatorTemplate;
  /** Higher is better: 1000 exact name, 900 exact id, 800 name prefix, 600 name substring, 450/400 keyword, 300/250 id prefix/word, 200 explanation (summed over the words of the query). 0 for an empty query. */
  readonly score: number;
  /** Which field matched best; null for an empty query. */
  readonly field: MatchField | null;
  /** How it matched: the Chinese text, full pinyin or pinyin initials; null for an empty query. */
  readonly via: MatchVia | null;
  /** The name or keyword that matched (for highlighting); null otherwise. */
  readonly matched: string | null;
}

export interface TemplateSearchOptions {
  /** Only this 一级 (standard name, with or without 指标). */
  readonly level1?: Level1Name | string | null;
  /** Only this 二级 (standard name, with or without 指标). */
  readonly level2?: Level2Name | string | null;
  /** Only this family (通用, 培训 …). */
  readonly family?: string | null;
  /** The templates to search (default: the library). Pass the library plus the user's templates. */
  readonly templates?: readonly IndicatorTemplate[];
  /** At most this many results. */
  readonly limit?: number;
}

const SCORE = {
  nameExact: 1000,
  idExact: 900,
  namePrefix: 800,
  nameSubstring: 600,
  keywordExact: 450,
  keyword: 400,
  idPrefix: 300,
  id: 250,
  explanation: 200,
} as const;

interface TermMatch {
  readonly score: number;
  readonly field: MatchField;
  readonly via: MatchVia;
  readonly matched: string | null;
}

/** 3 exact, 2 prefix, 1 substring (at a syllable start), 0 none. */
function pinyinTier(p: PreparedText, q: string): { tier: number; via: MatchVia } {
  if (!p.full) return { tier: 0, via: "pinyin" };
  if (p.full === q) return { tier: 3, via: "pinyin" };
  if (p.initials === q) return { tier: 3, via: "initials" };
  if (p.full.startsWith(q)) return { tier: 2, via: "pinyin" };
  if (p.initials.startsWith(q)) return { tier: 2, via: "initials" };
  for (let i = p.full.indexOf(q, 1); i >= 0; i = p.full.indexOf(q, i + 1))
    if (startsSyllable(p, i)) return { tier: 1, via: "pinyin" };
  if (p.initials.includes(q)) return { tier: 1, via: "initials" };
  return { tier: 0, via: "pinyin" };
}

function textTier(p: PreparedText, q: string): number {
  if (p.key === q) return 3;
  if (p.key.startsWith(q)) return 2;
  return p.key.includes(q) ? 1 : 0;
}

interface Term {
  /** searchKey of the term. */
  readonly key: string;
  /** The term as pinyin letters (ü as u), or null when it is not ASCII. */
  readonly pinyin: string | null;
}

function matchTerm(p: Prepared, term: Term): TermMatch | null {
  // name
  let tier = textTier(p.name, term.key);
  let via: MatchVia = "text";
  if (tier < 3 && term.pinyin) {
    const py = pinyinTier(p.name, term.pinyin);
    if (py.tier > tier) {
      tier = py.tier;
      via = py.via;
    }
  }
  if (tier === 3) return { score: SCORE.nameExact, field: "name", via, matched: p.name.text };
  if (term.pinyin && p.id === "-" + term.key) return { score: SCORE.idExact, field: "id", via: "text", matched: null };
  if (tier === 2) return { score: SCORE.namePrefix, field: "name", via, matched: p.name.text };
  if (tier === 1) return { score: SCORE.nameSubstring, field: "name", via, matched: p.name.text };
  // keywords
  let best: TermMatch | null = null;
  for (const k of p.keywords) {
    let kt = textTier(k, term.key);
    let kv: MatchVia = "text";
    if (kt < 3 && term.pinyin) {
      const py = pinyinTier(k, term.pinyin);
      if (py.tier > kt) {
        kt = py.tier;
        kv = py.via;
      }
    }
    if (kt === 0) continue;
    const score = kt === 3 ? SCORE.keywordExact : SCORE.keyword;
    if (!best || score > best.score) best = { score, field: "keywords", via: kv, matched: k.text };
    if (score === SCORE.keywordExact) break;
  }
  if (best) return best;
  if (term.pinyin && p.id.startsWith("-" + term.key))
    return { score: SCORE.idPrefix, field: "id", via: "text", matched: null };
  if (term.pinyin && p.id.includes("-" + term.key)) return { score: SCORE.id, field: "id", via: "text", matched: null };
  if (p.explanation.includes(term.key))
    return { score: SCORE.explanation, field: "explanation", via: "text", matched: null };
  return null;
}

/** The words of a query: a query of ASCII letters is one pinyin word ("man yi du" = "manyidu"). */
function termsOf(query: string): Term[] {
  const q = query.trim();
  if (q === "") return [];
  const words = /^[A-Za-zÜü\s]+$/.test(q) ? [q.replace(/\s+/g, "")] : q.split(/\s+/);
  const terms: Term[] = [];
  for (const w of words) {
    const key = searchKey(w);
    if (!key) continue;
    const ascii = /^[a-z0-9ü-]+$/.test(key);
    terms.push({ key, pinyin: ascii ? key.replace(/[üv]/g, "u").replace(/-/g, "") || null : null });
  }
  return terms;
}

function levelFilter<T extends string>(
  value: string | null | undefined,
  match: (s: string) => { name: T } | null
): T | null | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  return match(value)?.name ?? null;
}

/* ------------------------------------------------------------------ the list's haystack */

const SEP = "\u0000";

/** All templates' texts joined into two strings, so a word is looked up with a few indexOf calls. */
interface ListIndex {
  readonly prepared: readonly Prepared[];
  readonly textHay: string;
  /** Start of each template's part in textHay. */
  readonly textStarts: readonly number[];
  readonly pinyinHay: string;
  readonly pinyinStarts: readonly number[];
}

let listIndexes = new WeakMap<readonly IndicatorTemplate[], ListIndex>();

function listIndex(list: readonly IndicatorTemplate[]): ListIndex {
  let x = listIndexes.get(list);
  if (!x) {
    const prepared = list.map(prepare);
    const textStarts: number[] = [];
    const pinyinStarts: number[] = [];
    let textLength = 0;
    let pinyinLength = 0;
    for (const p of prepared) {
      textStarts.push(textLength);
      textLength += p.textHay.length + 1;
      pinyinStarts.push(pinyinLength);
      pinyinLength += p.pinyinHay.length + 1;
    }
    x = {
      prepared,
      textHay: prepared.map((p) => p.textHay).join(SEP),
      textStarts,
      pinyinHay: prepared.map((p) => p.pinyinHay).join(SEP),
      pinyinStarts,
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

/** The positions in the list of the templates where a word can match (a superset of the matches). */
function candidates(x: ListIndex, term: Term): number[] {
  const found = new Set<number>();
  collect(x.textHay, x.textStarts, term.key, found);
  if (term.pinyin) {
    collect(x.pinyinHay, x.pinyinStarts, term.pinyin, found);
    collect(x.pinyinHay, x.pinyinStarts, "-" + term.key, found);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Searches the templates. An empty query lists every template that passes the filters, in
 * library order. A query of several words (separated by spaces) must match every word.
 */
export function searchTemplates(query: string, options: TemplateSearchOptions = {}): TemplateSearchResult[] {
  const list = options.templates ?? TEMPLATES;
  const level1 = levelFilter(options.level1, matchLevel1);
  const level2 = levelFilter(options.level2, matchLevel2);
  // an unknown level name matches nothing
  if (level1 === null || level2 === null) return [];
  const family = options.family && options.family.trim() !== "" ? options.family.trim() : null;
  const passes = (t: IndicatorTemplate) =>
    (!level1 || t.level1 === level1) && (!level2 || t.level2 === level2) && (!family || t.family === family);
  const terms = termsOf(query);
  const results: TemplateSearchResult[] = [];
  if (terms.length === 0) {
    for (const t of list) if (passes(t)) results.push({ template: t, score: 0, field: null, via: null, matched: null });
  } else {
    const x = listIndex(list);
    for (const k of candidates(x, terms[0])) {
      const t = list[k];
      if (!passes(t)) continue;
      const p = x.prepared[k];
      let score = 0;
      let best: TermMatch | null = null;
      for (const term of terms) {
        const m = matchTerm(p, term);
        if (!m) {
          best = null;
          break;
        }
        score += m.score;
        if (!best || m.score > best.score) best = m;
      }
      if (best) results.push({ template: t, score, field: best.field, via: best.via, matched: best.matched });
    }
    // candidates come in list order and Array.prototype.sort is stable: equal scores keep library order
    results.sort((a, b) => b.score - a.score);
  }
  const limit = options.limit;
  return typeof limit === "number" && limit >= 0 && limit < results.length ? results.slice(0, limit) : results;
}
