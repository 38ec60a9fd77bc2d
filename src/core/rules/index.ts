/** The rule catalogue, in RULES.md order. */
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
