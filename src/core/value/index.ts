/**
 * The value model of a 指标值 (docs/framework.md “指标值”): parse a value text into its parts
 * (parse.ts), read it as the TargetValue the rules see (target.ts), write it back with one change
 * (write.ts), and the words it is made of (vocabulary.ts, from vocabulary/values.json).
 */
export { numberOf, parseValueText, type PartRole, type ValueKind, type ValuePart, type ValueText } from "./parse";
export { hasPlaceholder, parseTargetValue, valueLikeness, type ValueContext } from "./target";
export {
  compileValueVocabulary,
  DEFAULT_VALUE_VOCABULARY,
  isMoneyUnit,
  isPercentUnit,
  isTimeUnit,
  type ValueVocabulary,
  type ValueVocabularyData,
} from "./vocabulary";
export { hasWrittenOperator, splitForColumns, writeValue, type ColumnTexts, type ValueChange } from "./write";
export { operatorSteps, valueSteps } from "./edit";
