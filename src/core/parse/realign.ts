/**
 * Reading one block row: by position when every cell sits where the header says, else by content
 * (a messy paste shifts rows left or right): labels, categories, then name, value, explanation in
 * that order.
 */
import { looksLikeCategory, matchLevel1, matchLevel2 } from "../vocabulary/levels";
import { matchColumnHeader } from "../vocabulary/column-headers";
import type { ColumnLayout } from "./layout";
import type { SheetReader } from "./reader";
import { valueLikeness } from "./value";

interface Part {
  readonly text: string;
  readonly column: number;
}

export interface RowParts {
  l1: Part | null;
  l2: Part | null;
  name: Part | null;
  value: Part | null;
  explanation: Part | null;
  realigned: boolean;
}

export interface RowContext {
  readonly reader: SheetReader;
  readonly layout: ColumnLayout;
  /** Columns whose cells are expected (named by the header, labels, project or data columns). */
  readonly known: ReadonlySet<number>;
  readonly labelColumns: ReadonlySet<number>;
  /** The header texts of the label columns (repeated on every row when the label is not merged). */
  readonly labelTexts: ReadonlySet<string>;
}

function isLabelText(ctx: RowContext, text: string): boolean {
  return ctx.labelTexts.has(text) || matchColumnHeader(text) === "label";
}

/** A row read by position is trusted unless something is in the wrong column. */
export function isConsistent(ctx: RowContext, r: number, p: RowParts): boolean {
  const reader = ctx.reader;
  for (let c = 1; c <= ctx.layout.right; c++) {
    const text = reader.own(r, c);
    if (!text) continue;
    if (ctx.labelColumns.has(c)) {
      if (!isLabelText(ctx, text)) return false;
      continue;
    }
    if (!ctx.known.has(c)) return false;
  }
  if (p.l1 && p.l1.text && !looksLikeCategory(p.l1.text)) return false;
  if (p.l2 && p.l2.text && !looksLikeCategory(p.l2.text)) return false;
  if (p.name && p.name.text) {
    if (!(p.value && p.value.text && valueLikeness(p.value.text) > 0) && looksLikeCategory(p.name.text)) return false;
    if (/^[≥≤=<>＞＜≧≦＝]|^\d/.test(p.name.text) && valueLikeness(p.name.text) === 2) return false;
  }
  const explanationBlank = !p.explanation || !p.explanation.text;
  if (p.value && p.value.text.length > 24 && valueLikeness(p.value.text) === 0 && p.explanation && explanationBlank)
    return false;
  return true;
}

/** The 一级/二级 cells at the start of a shifted row. `currentL1`: the 一级 of the group the row continues. */
function categoriesOf(
  tokens: readonly Part[],
  start: number,
  currentL1: string | undefined
): { l1: Part | null; l2: Part | null; next: number; categories: Part[] } {
  let i = start;
  let l1: Part | null = null;
  let l2: Part | null = null;
  const categories: Part[] = [];
  while (i < tokens.length && !(l1 && l2)) {
    const t = tokens[i];
    if (!looksLikeCategory(t.text)) break;
    const m1 = matchLevel1(t.text);
    const m2 = matchLevel2(t.text);
    const nextIsCategory = i + 1 < tokens.length && looksLikeCategory(tokens[i + 1].text);
    if (m1 && m2) {
      // 成本指标 / 满意度指标: 一级 when a 二级 follows or when it opens a new section
      if (!l1 && (nextIsCategory || (m2.name === "成本" ? currentL1 !== "产出" : currentL1 !== m1.name))) l1 = t;
      else if (!l2) l2 = t;
    } else if (m1 && !l1) l1 = t;
    else if (m1 && l1) {
      if (l1.text !== t.text) break;
    } else if (m2 && !l2) l2 = t;
    else if (m2 && l2) {
      if (l2.text !== t.text) break;
    } else if (!m1 && !m2) {
      // a category outside the vocabulary: 一级 if nothing yet, else 二级
      if (!l1 && !l2 && nextIsCategory) l1 = t;
      else if (!l2) l2 = t;
      else break;
    }
    categories.push(t);
    i++;
  }
  return { l1, l2, next: i, categories };
}

/** Reads a shifted row by content. */
export function realign(ctx: RowContext, r: number, positional: RowParts, currentL1: string | undefined): RowParts {
  const tokens = ctx.reader.rowCells(r, 1, Math.max(ctx.layout.right, ctx.reader.columnCount));
  let i = 0;
  while (
    i < tokens.length &&
    isLabelText(ctx, tokens[i].text) &&
    !matchLevel1(tokens[i].text) &&
    !matchLevel2(tokens[i].text)
  )
    i++;
  const found = categoriesOf(tokens, i, currentL1);
  let { l1, l2 } = found;
  const categories = found.categories;
  const rest = tokens.slice(found.next);
  let name: Part | null = null;
  let value: Part | null = null;
  let explanation: Part | null = null;
  let k = 0;
  if (rest.length > 0 && valueLikeness(rest[0].text) === 2) {
    // no name before the value: a satisfaction name may have been taken for a category
    const last = categories[categories.length - 1];
    if (last && /满意度$/.test(last.text) && categories.length >= 2) {
      name = last;
      if (l2 === last) l2 = null;
      else if (l1 === last) l1 = null;
    }
  } else if (rest.length > 0) {
    name = rest[k++];
  }
  if (k < rest.length) {
    const candidate = rest[k];
    const next = rest[k + 1];
    if (valueLikeness(candidate.text) < 2 && next && valueLikeness(next.text) === 2) k++; // a repeated name or a stray cell
    // a sentence after the name is the explanation, when the table has a column for one
    const explains = ctx.layout.roles.explanation !== undefined;
    if (explains && valueLikeness(rest[k].text) === 0 && rest[k].text.length > 16) {
      explanation = rest[k++];
    } else {
      value = rest[k++];
      if (k < rest.length) explanation = rest[k++];
    }
  }
  const blank = (p: Part | null) => (p ? { text: "", column: p.column } : null);
  return {
    l1,
    l2,
    name: name ?? blank(positional.name),
    value: value ?? blank(positional.value),
    explanation: explanation ?? blank(positional.explanation),
    realigned: true,
  };
}
