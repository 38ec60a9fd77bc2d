/**
 * The parser gives the rules cell texts with whitespace tidied (text.ts clean(): trimmed, runs of
 * spaces and line breaks made one space). A fix built on such a text must still be written onto the
 * cell as it is: the edit (what changed between the tidied old text and the new one) is carried
 * over to the exact text, so line breaks and double spaces outside the edit stay, and the step's
 * oldText is what the cell really holds (the adapters refuse a plan whose oldText differs).
 */
import type { EditPlan, EditStep } from "./edit-plan";
import { clean } from "./text";

const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;

/**
 * Where each character of `tidy` (= clean(exact)) stands in `exact`; the last entry is the end of
 * the content. A space of `tidy` maps to the start of the whitespace run it stands for.
 */
function positions(exact: string, tidy: string): number[] | null {
  const at: number[] = [];
  let j = 0;
  for (let i = 0; i < tidy.length; i++) {
    const c = tidy[i];
    if (c === " ") {
      if (j >= exact.length || !SPACE.test(exact[j])) return null;
      at.push(j);
      while (j < exact.length && SPACE.test(exact[j])) j++;
      continue;
    }
    while (j < exact.length && exact[j] !== c && SPACE.test(exact[j])) j++;
    if (exact[j] !== c) return null;
    at.push(j++);
  }
  at.push(j);
  return at;
}

/**
 * `newText` (an edit of clean(exact)) carried over to `exact`: the changed middle is replaced, the
 * rest of `exact` is kept as it is. Null when `tidyOld` is not clean(exact).
 */
function rebaseText(exact: string, tidyOld: string, newText: string): string | null {
  if (exact === tidyOld) return newText;
  if (clean(exact) !== tidyOld) return null;
  const at = positions(exact, tidyOld);
  if (!at) return null;
  let p = 0;
  while (p < tidyOld.length && p < newText.length && tidyOld[p] === newText[p]) p++;
  let s = 0;
  while (
    s < tidyOld.length - p &&
    s < newText.length - p &&
    tidyOld[tidyOld.length - 1 - s] === newText[newText.length - 1 - s]
  )
    s++;
  // a change that only inserts at a collapsed space goes after the whole run
  const start = p < tidyOld.length ? at[p] : at[tidyOld.length];
  const end = at[tidyOld.length - s];
  return exact.slice(0, start) + newText.slice(p, newText.length - s) + exact.slice(Math.max(start, end));
}

/**
 * A plan whose `set` steps expect tidied texts, made to expect the cells' exact texts (`textAt`
 * gives a cell's text as the grid holds it; undefined when unknown). Steps that already match, or
 * whose cell does not tidy to their oldText, are left as they are.
 */
export function rebasePlan(plan: EditPlan, textAt: (sheet: string, address: string) => string | undefined): EditPlan {
  let changed = false;
  const written = new Set<string>();
  const steps = plan.steps.map((s): EditStep => {
    if (s.kind !== "set") {
      // after rows move, addresses no longer name the cells the grid holds: leave the rest alone
      written.add("*");
      return s;
    }
    const key = `${s.sheet}!${s.address}`;
    if (written.has("*") || written.has(key)) return s;
    written.add(key);
    const exact = textAt(s.sheet, s.address);
    if (exact === undefined || exact === s.oldText) return s;
    const newText = rebaseText(exact, s.oldText, s.newText);
    if (newText === null) return s;
    changed = true;
    return { ...s, oldText: exact, newText };
  });
  return changed ? { ...plan, steps } : plan;
}
