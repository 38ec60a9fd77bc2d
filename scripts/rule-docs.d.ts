/** A rule doc's Markdown → the HTML fragment the 设置 view shows (scripts/rule-docs.js). */
export function renderRuleDoc(markdown: string): string;
