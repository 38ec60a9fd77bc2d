/**
 * The value model of a 指标值 (docs/framework.md “指标值”): parse a value text into its parts
 * (parse.ts), read it as the TargetValue the rules see (target.ts), write it back with one change
 * (write.ts), and the words it is made of (vocabulary.ts, from vocabulary/values.json).
 */
export { parseValueText, type ValueText } from "./parse";
export { parseTargetValue, valueLikeness } from "./target";
export {
  compileValueVocabulary,
  DEFAULT_VALUE_VOCABULARY,
  isMoneyUnit,
  isPercentUnit,
  isTimeUnit,
  type ValueVocabulary,
  type ValueVocabularyData,
} from "./vocabulary";
export { splitForColumns, writeValue } from "./write";
export { operatorSteps, valueSteps } from "./edit";
