/** The rule catalogue, in the order of docs/rules/README.md. */
import { blankRequiredField } from "./blank-required-field";
import { blankSampleSize } from "./blank-sample-size";
import { boilerplateExplanation } from "./boilerplate-explanation";
import { budgetMismatch } from "./budget-mismatch";
import { duplicateIndicator } from "./duplicate-indicator";
import { emptyLevel2 } from "./empty-level2";
import { formulaStyle } from "./formula-style";
import { misplacedIndicator } from "./misplaced-indicator";
import { missingExplanation } from "./missing-explanation";
import { missingFormula } from "./missing-formula";
import { missingLevel1 } from "./missing-level1";
import { missingOperator } from "./missing-operator";
import { missingUnit } from "./missing-unit";
import { missingValue } from "./missing-value";
import { nonstandardOperator } from "./nonstandard-operator";
import { placeholderLeft } from "./placeholder-left";
import { rateOutOfRange } from "./rate-out-of-range";
import { staleYear } from "./stale-year";
import type { Rule } from "./types";
import { unknownCategory } from "./unknown-category";
import { vagueValue } from "./vague-value";
import { valueConflict } from "./value-conflict";
import { wrongDirection } from "./wrong-direction";

export const RULES: readonly Rule[] = [
  missingExplanation,
  blankSampleSize,
  missingValue,
  missingLevel1,
  emptyLevel2,
  placeholderLeft,
  blankRequiredField,
  missingOperator,
  nonstandardOperator,
  missingUnit,
  vagueValue,
  rateOutOfRange,
  wrongDirection,
  valueConflict,
  missingFormula,
  formulaStyle,
  boilerplateExplanation,
  misplacedIndicator,
  unknownCategory,
  duplicateIndicator,
  budgetMismatch,
  staleYear,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
