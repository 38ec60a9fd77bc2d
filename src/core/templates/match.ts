/**
 * The template closest to an indicator (same 二级 preferred, name similarity by character
 * bigrams), among the templates given (the library plus the user's). Used by the suggestions of the
 * rules' quick fixes.
 */
import type { Indicator } from "../model";
import { matchKey } from "../text";
import type { IndicatorTemplate } from "./types";

interface MatchIndex {
  /** bigram → indices of the templates whose name has it (only those can score above 0). */
  readonly postings: Map<string, number[]>;
  readonly best: Map<string, IndicatorTemplate | null>;
}

const indexes = new WeakMap<readonly IndicatorTemplate[], MatchIndex>();

function indexOf(templates: readonly IndicatorTemplate[]): MatchIndex {
  let x = indexes.get(templates);
  if (!x) {
    const postings = new Map<string, number[]>();
    templates.forEach((t, k) => {
      for (const g of bigrams(t.name)) {
        const list = postings.get(g);
        if (list) list.push(k);
        else postings.set(g, [k]);
      }
    });
    x = { postings, best: new Map() };
    indexes.set(templates, x);
  }
  return x;
}

const bigramCache = new Map<string, Set<string>>();

function bigrams(text: string): Set<string> {
  let b = bigramCache.get(text);
  if (!b) {
    if (bigramCache.size > 20000) bigramCache.clear();
    b = new Set<string>();
    const k = matchKey(text).replace(/\{[^}]*\}/g, "");
    for (let i = 0; i < k.length - 1; i++) b.add(k.slice(i, i + 2));
    bigramCache.set(text, b);
  }
  return b;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/** The best of `templates` for the indicator, or null when none is similar enough (score ≥ minScore). */
export function bestTemplateFor(
  i: Pick<Indicator, "name"> & Partial<Pick<Indicator, "level2">>,
  templates: readonly IndicatorTemplate[],
  minScore = 0.5
): IndicatorTemplate | null {
  const x = indexOf(templates);
  const key = `${i.name}\u0001${i.level2?.standard ?? ""}\u0001${minScore}`;
  const cached = x.best.get(key);
  if (cached !== undefined) return cached;
  if (x.best.size > 5000) x.best.clear();
  const candidates = new Set<number>();
  for (const g of bigrams(i.name)) for (const k of x.postings.get(g) ?? []) candidates.add(k);
  let best: IndicatorTemplate | null = null;
  let bestScore = minScore;
  for (const k of candidates) {
    const t = templates[k];
    let s = similarity(i.name, t.name);
    if (i.level2?.standard && t.level2 === i.level2.standard) s += 0.1;
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  x.best.set(key, best);
  return best;
}
