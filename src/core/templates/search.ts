/**
 * Template search: Chinese words, full pinyin without tones ("manyidu") and pinyin initials ("myd",
 * "cbkzl"), filtered by 一级/二级/sector/family. Ranked: exact name, name prefix, name substring,
 * then approximate name matches (fuzzy.ts: characters between, pieces out of order, initials in
 * order), keywords, a wrong initial, id, explanation; the table's own sector gets a bonus (sector.ts
 * infers it); ties keep library order. Pinyin comes from pinyin.ts.
 */
import type { Level1Name, Level2Name } from "../model";
import { matchLevel1, matchLevel2 } from "../vocabulary";
import { approximateMatch } from "./fuzzy";
import { TEMPLATES } from "./library";
import {
  bareOf,
  candidates,
  freshCaches,
  listIndex,
  searchKey,
  startsSyllable,
  typoCandidates,
  type Prepared,
  type PreparedText,
  type Term,
} from "./search-index";
import type { IndicatorTemplate } from "./types";

export { PINYIN_OPTIONS, pinyinKeyOf, setPinyinProvider } from "./pinyin";
export { displayName } from "./placeholders";
export { searchKey } from "./search-index";

/* ------------------------------------------------------------------ matching */

type MatchField = "name" | "keywords" | "explanation" | "id";
type MatchVia = "text" | "pinyin" | "initials";

export interface TemplateSearchResult {
  readonly template: IndicatorTemplate;
  /** Higher is better: SCORE below, summed over the words of the query, plus the sector bonus (only that for an empty query). */
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
  /** Only this sector (林业草原 …). */
  readonly sector?: string | null;
  /** Only this family (培训, 造林绿化 …). */
  readonly family?: string | null;
  /** Sectors to rank first, best first: the table's own (sector.ts, tableSectors). */
  readonly preferSectors?: readonly string[];
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
  /** the word's characters (or initials) in order with others between; less per character between */
  nameInOrder: 520,
  nameInOrderMin: 460,
  namePieces: 470,
  /** added to an approximate name match when a keyword is the word itself */
  confirmed: 20,
  keywordExact: 450,
  keyword: 400,
  nameTypo: 350,
  idPrefix: 300,
  id: 250,
  explanation: 200,
} as const;

/** Added to the score of a template of the preferred sectors (first, second …). */
const SECTOR_BONUS: readonly number[] = [150, 60];

interface TermMatch {
  readonly score: number;
  readonly field: MatchField;
  readonly via: MatchVia;
  readonly matched: string | null;
  /** Matched only with a wrong initial: such matches are shown only when nothing else matches. */
  readonly typo?: true;
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

function keyTier(text: string, q: string): number {
  if (!q) return 0;
  if (text === q) return 3;
  if (text.startsWith(q)) return 2;
  return text.includes(q) ? 1 : 0;
}

/** The best exact tier of a term in a text: Chinese (with or without punctuation), pinyin, initials. */
function tierOf(p: PreparedText, term: Term): { tier: number; via: MatchVia } {
  let tier = Math.max(keyTier(p.key, term.key), keyTier(p.bare, term.bare));
  let via: MatchVia = "text";
  if (tier < 3 && term.pinyin) {
    const py = pinyinTier(p, term.pinyin);
    if (py.tier > tier) ({ tier, via } = py);
  }
  return { tier, via };
}

/** An approximate name match (fuzzy.ts), or null. */
function approximate(name: PreparedText, term: Term): { score: number; via: MatchVia; typo?: true } | null {
  const m = term.pinyin
    ? approximateMatch(name.initials, term.pinyin, true)
    : approximateMatch(name.bare, term.bare, false);
  const via: MatchVia = term.pinyin ? "initials" : "text";
  if (!m) return null;
  if (m.kind === "inOrder") return { score: Math.max(SCORE.nameInOrderMin, SCORE.nameInOrder - 10 * m.between), via };
  return m.kind === "pieces" ? { score: SCORE.namePieces, via } : { score: SCORE.nameTypo, via, typo: true };
}

function keywordMatch(p: Prepared, term: Term): TermMatch | null {
  let best: TermMatch | null = null;
  for (const k of p.keywords) {
    const { tier, via } = tierOf(k, term);
    if (tier === 0) continue;
    const score = tier === 3 ? SCORE.keywordExact : SCORE.keyword;
    if (!best || score > best.score) best = { score, field: "keywords", via, matched: k.text };
    if (score === SCORE.keywordExact) break;
  }
  return best;
}

/**
 * A name that holds the word ranks higher the more of it the word covers (up to 20), and higher
 * still (25) when the word ends it: a Chinese indicator name ends in its head word (造林成活率).
 */
function closeness(name: PreparedText, term: Term, via: MatchVia): number {
  const whole = via === "initials" ? name.initials : via === "pinyin" ? name.full : name.bare;
  const part = via === "text" ? term.bare : (term.pinyin ?? "");
  if (!whole || !part) return 0;
  const cover = Math.round((20 * Math.min(part.length, whole.length)) / whole.length);
  return cover + (whole.endsWith(part) ? 25 : 0);
}

function matchTerm(p: Prepared, term: Term): TermMatch | null {
  const { tier, via } = tierOf(p.name, term);
  const name = (score: number, v: MatchVia = via): TermMatch => ({
    score,
    field: "name",
    via: v,
    matched: p.name.text,
  });
  if (tier === 3) return name(SCORE.nameExact);
  if (term.pinyin && p.id === "-" + term.key) return { score: SCORE.idExact, field: "id", via: "text", matched: null };
  if (tier === 2) return name(SCORE.namePrefix + closeness(p.name, term, via));
  if (tier === 1) return name(SCORE.nameSubstring + closeness(p.name, term, via));
  const near = approximate(p.name, term);
  const keyword = keywordMatch(p, term);
  // an approximate name match that a keyword confirms word for word ranks above one it does not
  const confirmed = keyword?.score === SCORE.keywordExact ? SCORE.confirmed : 0;
  if (near?.typo && !keyword) return { ...name(near.score, near.via), typo: true };
  if (near && (!keyword || near.score > keyword.score)) return name(near.score + confirmed, near.via);
  if (keyword) return keyword;
  if (term.pinyin && p.id.startsWith("-" + term.key))
    return { score: SCORE.idPrefix, field: "id", via: "text", matched: null };
  if (term.pinyin && p.id.includes("-" + term.key)) return { score: SCORE.id, field: "id", via: "text", matched: null };
  if (p.explanation.includes(term.key))
    return {
      score: SCORE.explanation,
      field: "explanation",
      via: "text",
      matched: null,
    };
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
    terms.push({
      key,
      bare: bareOf(key),
      pinyin: ascii ? key.replace(/[üv]/g, "u").replace(/-/g, "") || null : null,
    });
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

/* ------------------------------------------------------------------ search */

function sectorBonus(t: IndicatorTemplate, prefer: readonly string[] | undefined): number {
  if (!prefer) return 0;
  const i = prefer.indexOf(t.sector);
  return i >= 0 && i < SECTOR_BONUS.length ? SECTOR_BONUS[i] : 0;
}

function scored(p: Prepared, terms: readonly Term[]): { score: number; best: TermMatch; typo: boolean } | null {
  let score = 0;
  let best: TermMatch | null = null;
  let typo = false;
  for (const term of terms) {
    const m = matchTerm(p, term);
    if (!m) return null;
    score += m.score;
    typo ||= !!m.typo;
    if (!best || m.score > best.score) best = m;
  }
  return best ? { score, best, typo } : null;
}

/**
 * Searches the templates. An empty query lists every template that passes the filters, in
 * library order (the preferred sectors first). A query of several words (separated by spaces)
 * must match every word.
 */
export function searchTemplates(query: string, options: TemplateSearchOptions = {}): TemplateSearchResult[] {
  freshCaches();
  const list = options.templates ?? TEMPLATES;
  const level1 = levelFilter(options.level1, matchLevel1);
  const level2 = levelFilter(options.level2, matchLevel2);
  // an unknown level name matches nothing
  if (level1 === null || level2 === null) return [];
  const sector = options.sector?.trim() || null;
  const family = options.family?.trim() || null;
  const passes = (t: IndicatorTemplate) =>
    (!level1 || t.level1 === level1) &&
    (!level2 || t.level2 === level2) &&
    (!sector || t.sector === sector) &&
    (!family || t.family === family);
  const terms = termsOf(query);
  const prefer = options.preferSectors;
  const results: TemplateSearchResult[] = [];
  if (terms.length === 0) {
    for (const t of list)
      if (passes(t))
        results.push({ template: t, score: sectorBonus(t, prefer), field: null, via: null, matched: null });
  } else {
    const x = listIndex(list);
    const add = (k: number, typo: boolean) => {
      const t = list[k];
      const m = passes(t) ? scored(x.prepared[k], terms) : null;
      if (!m || m.typo !== typo) return;
      const { field, via, matched } = m.best;
      results.push({ template: t, score: m.score + sectorBonus(t, prefer), field, via, matched });
    };
    for (const k of candidates(x, terms[0])) add(k, false);
    // a wrong initial is tolerated when nothing matches as typed
    if (results.length === 0) for (const k of typoCandidates(x, terms[0])) add(k, true);
  }
  // candidates come in list order and Array.prototype.sort is stable: equal scores keep library order
  results.sort((a, b) => b.score - a.score);
  const limit = options.limit;
  return typeof limit === "number" && limit >= 0 && limit < results.length ? results.slice(0, limit) : results;
}
