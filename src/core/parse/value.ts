/**
 * 指标值 → TargetValue. The value model lives in src/core/value; the parser reads values through it
 * (this file keeps the parser's imports where they were).
 */
export { isPercentUnit, parseTargetValue, valueLikeness } from "../value";
