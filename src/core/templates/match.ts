/**
 * The library template closest to an indicator (same 二级 preferred, name similarity by
 * character bigrams). Used by the suggestions of the rules' quick fixes.
 */
import type { Indicator } from "../model";
import { matchKey } from "../text";
import type { IndicatorTemplate } from "./types";

let library: readonly IndicatorTemplate[] = [];

/** Installs the template list used for matching (the library plus the user's templates). */
export function setMatchLibrary(templates: readonly IndicatorTemplate[]): void {
  library = templates;
  bigramCache.clear();
}

const bigramCache = new Map<string, Set<string>>();

function bigrams(text: string): Set<string> {
  let b = bigramCache.get(text);
  if (!b) {
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

/** The best template for the indicator, or null when none is similar enough (score ≥ minScore). */
export function bestTemplateFor(i: Pick<Indicator, "name"> & Partial<Pick<Indicator, "level2">>, minScore = 0.5): IndicatorTemplate | null {
  let best: IndicatorTemplate | null = null;
  let bestScore = minScore;
  for (const t of library) {
    let s = similarity(i.name, t.name);
    if (i.level2?.standard && t.level2 === i.level2.standard) s += 0.1;
    if (s > bestScore) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}
