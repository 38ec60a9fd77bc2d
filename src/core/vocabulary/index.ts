/**
 * The domain vocabulary, built once from the data files: category names (levels.ts), indicator
 * column headers (column-headers.ts), header-block words (fields.ts) and how values are written.
 * Everything is matched on normalised keys (keys.ts); cell text is never rewritten.
 */
export {
  LEVEL1_ORDER,
  LEVEL2_ORDER,
  LEVEL2_PARENTS,
  matchLevel1,
  matchLevel2,
  looksLikeCategory,
  standardLevelText,
} from "./levels";
export { matchColumnHeader } from "./column-headers";

/* ------------------------------------------------------------------ values */
// The words of 指标值 (values.json) are compiled by src/core/value/vocabulary.ts.
