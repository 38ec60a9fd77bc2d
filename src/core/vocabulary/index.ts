/**
 * The domain vocabulary, built once from the data files: category names (levels.ts), indicator
 * column headers (column-headers.ts), header-block words (fields.ts) and how values are written.
 * Everything is matched on normalised keys (keys.ts); cell text is never rewritten.
 */
import type { Operator } from "../model";
import values from "./values.json";

export {
  type LevelMatch,
  LEVEL1_ORDER,
  LEVEL2_ORDER,
  LEVEL2_PARENTS,
  matchLevel1,
  matchLevel2,
  looksLikeCategory,
  standardLevelText,
} from "./levels";
export { type HeaderRole, matchColumnHeader, mayBeHeader, targetPreference } from "./column-headers";
export {
  type TrailerKind,
  isBlockLabel,
  isSignOff,
  isSubHeader,
  isTargetSubHeader,
  isTitleText,
  matchFieldLabel,
  matchGroupLabel,
  moneyUnitIn,
  trailerKind,
} from "./fields";

/* ------------------------------------------------------------------ values */

export const OPERATOR_TEXTS: Readonly<Record<string, Operator>> = values.operators as Record<string, Operator>;
export const STANDARD_OPERATORS: readonly string[] = values.standardOperators;
export const SUFFIX_OPERATORS: Readonly<Record<string, Operator>> = values.suffixOperators as Record<string, Operator>;
export const PLACEHOLDER_TOKENS: readonly string[] = values.placeholders;
export const QUALITATIVE_WORDS: readonly string[] = values.qualitativeWords;
export const TIME_UNITS: readonly string[] = values.timeUnits;
export const MONEY_UNITS: readonly string[] = values.moneyUnits;
export const PERCENT_UNITS: readonly string[] = values.percentUnits;
