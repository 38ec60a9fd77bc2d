/**
 * 一级/二级 category names (levels.json): recognised through the decoration real tables carry —
 * scores ("产出指标（50）", "效益指标 30分）"), requirement tags ("数量指标（必填硬性指标）",
 * "（选填）"), spaces and line breaks between characters ("产 出 指 标", "经济效\n益指标"),
 * 繁体, pinyin debris ("指標(biāo)"), numbering ("一、", "（二）") and a template's trailing 等.
 */
import type { Level1Name, Level2Name } from "../model";
import { matchKey } from "../text";
import { cached, labelKey, withoutBrackets, withoutNumbering } from "./keys";
import levels from "./levels.json";

export interface LevelMatch<T> {
  readonly name: T;
  /** true when the spelling is a standard one (with or without 指标). */
  readonly standard: boolean;
}

function buildLevelIndex<T extends string>(
  table: Record<string, { standard: string[]; aliases: string[] }>
): Map<string, LevelMatch<T>> {
  const index = new Map<string, LevelMatch<T>>();
  for (const [name, spec] of Object.entries(table)) {
    for (const s of spec.standard) index.set(matchKey(s), { name: name as T, standard: true });
    for (const s of spec.aliases)
      if (!index.has(matchKey(s))) index.set(matchKey(s), { name: name as T, standard: false });
  }
  return index;
}

const LEVEL1 = buildLevelIndex<Level1Name>(levels.level1);
const LEVEL2 = buildLevelIndex<Level2Name>(levels.level2);

export const LEVEL1_ORDER: readonly Level1Name[] = levels.order.level1 as Level1Name[];
export const LEVEL2_ORDER: readonly Level2Name[] = levels.order.level2 as Level2Name[];

/** Parents of each 二级 (成本 has two: 产出 in the older layout, 成本 in the 101号 layout). */
export const LEVEL2_PARENTS: Readonly<Record<Level2Name, readonly Level1Name[]>> = Object.fromEntries(
  Object.entries(levels.level2).map(([k, v]) => [k, v.parents as Level1Name[]])
) as Record<Level2Name, Level1Name[]>;

/** A trailing score or weight: "30分)", "(50", ":20%". */
const TRAILING_SCORE = /[:]?\d+(?:\.\d+)?(?:分|%)?\)?$/;

/** The category a label names, decoration removed: "（一）产出指标（30分）" → "产出指标". */
function levelKey(text: string): string {
  if (text.length > 40) return "";
  let k = withoutNumbering(labelKey(text));
  if (/\d/.test(k)) k = k.replace(TRAILING_SCORE, "");
  k = withoutBrackets(k)
    .replace(/\([^()]*$/, "")
    .replace(/[()]/g, "");
  return k.replace(/等$/, "").replace(/[:]+$/, "");
}

const cachedLevelKey = cached(20000, levelKey);

export function matchLevel1(text: string): LevelMatch<Level1Name> | null {
  return LEVEL1.get(cachedLevelKey(text)) ?? null;
}

export function matchLevel2(text: string): LevelMatch<Level2Name> | null {
  return LEVEL2.get(cachedLevelKey(text)) ?? null;
}

const CATEGORY_HINT = /指标|满意|产出|效益|效果|成本|数量|质量|时效|可持续/;

/** Looks like a category name even if not in the vocabulary ("项目完成指标"). */
export function looksLikeCategory(text: string): boolean {
  if (text.length > 40) return false;
  const k = cachedLevelKey(text);
  if (!CATEGORY_HINT.test(k)) return false;
  if (LEVEL1.has(k) || LEVEL2.has(k)) return true;
  return k.length >= 3 && k.length <= 12 && /指标$/.test(k) && !/[\d%≥≤=<>]/.test(k);
}

/** The standard display name ("数量" → "数量指标", "服务对象满意度" → "服务对象满意度指标"). */
export function standardLevelText(name: Level1Name | Level2Name): string {
  return `${name}指标`;
}
