/**
 * Approximate matches of a search word in a template name, tried when the word is not a substring:
 * its characters in order with others between ("培训完成率" in "培训计划完成率"), its pieces in
 * another order ("完成率培训"), its pinyin initials in order with others between ("pxwcl") or with
 * one initial wrong ("sgjg" for 三公经费). search.ts ranks them below the exact tiers.
 */

/**
 * The shortest span of `text` holding the characters of `q` in order (q.length when q is a
 * substring), or -1 when they are not all there in order. `anchored`: the span must start at the
 * text's first character.
 */
function subsequenceSpan(text: string, q: string, anchored = false): number {
  if (q.length === 0) return 0;
  let best = -1;
  const first = anchored ? (text[0] === q[0] ? 0 : -1) : text.indexOf(q[0]);
  for (let start = first; start >= 0; start = anchored ? -1 : text.indexOf(q[0], start + 1)) {
    let at = start;
    let k = 1;
    for (; k < q.length; k++) {
      at = text.indexOf(q[k], at + 1);
      if (at < 0) break;
    }
    if (k < q.length) break; // a later start cannot succeed either
    const span = at - start + 1;
    if (best < 0 || span < best) best = span;
  }
  return best;
}

/**
 * True when `q` can be cut, left to right, into pieces of at least two characters (the last may be
 * one) that each occur in `text`, and at least two pieces are needed: the word's parts in another
 * order or apart.
 */
function piecesMatch(text: string, q: string): boolean {
  if (q.length < 3) return false;
  let pos = 0;
  let pieces = 0;
  while (pos < q.length) {
    let len = q.length - pos;
    while (len >= 2 && !text.includes(q.slice(pos, pos + len))) len--;
    if (len < 2) {
      if (pos !== q.length - 1 || !text.includes(q[pos])) return false;
      len = 1;
    }
    pos += len;
    pieces++;
  }
  return pieces >= 2;
}

/**
 * True when the initials start with `q` but for exactly one letter (initials are typed from the
 * name's start). Only for words of four letters or more: shorter ones match too much.
 */
export function oneTypo(initials: string, q: string): boolean {
  if (q.length < 4 || initials.length < q.length) return false;
  let diff = 0;
  for (let k = 0; k < q.length && diff < 2; k++) if (initials[k] !== q[k]) diff++;
  return diff === 1;
}

/** How a word approximately matches a name: characters in order (and how many between), pieces, or one wrong initial. */
export type Approximate = { readonly kind: "inOrder"; readonly between: number } | { readonly kind: "pieces" | "typo" };

/**
 * The approximate match of `q` in a name's bare text (Chinese) or its initials (`initials`): in
 * order with at most four characters between (initials: from the start, at most two), else in
 * pieces (Chinese), else one initial wrong (initials; search.ts uses it only when nothing else
 * matches). Null when none; words under three characters never match approximately.
 */
export function approximateMatch(text: string, q: string, initials: boolean): Approximate | null {
  if (q.length < 3 || !text) return null;
  const span = subsequenceSpan(text, q, initials);
  if (span > 0 && span - q.length <= (initials ? 2 : 4)) return { kind: "inOrder", between: span - q.length };
  if (!initials) return piecesMatch(text, q) ? { kind: "pieces" } : null;
  return oneTypo(text, q) ? { kind: "typo" } : null;
}
