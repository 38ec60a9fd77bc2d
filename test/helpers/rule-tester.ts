/**
 * RuleTester (after ESLint's): each rule gets valid cases (no finding) and invalid cases (exactly
 * the findings listed), built with the fixture builder. A case may give a whole table spec, or just
 * rows that replace/extend the valid base table.
 */
import { checkParsed, ruleContext } from "../../src/core/check";
import type { Finding, Severity } from "../../src/core/finding";
import type { RowGrid } from "../../src/core/grid";
import { parseWorkbook } from "../../src/core/parse";
import type { Rule } from "../../src/core/rules/types";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../src/core/settings";
import type { IndicatorTemplate } from "../../src/core/templates/types";
import { sheetOf, VALID_ROWS, type TableSpec } from "./tables";

interface ExpectedFinding {
  readonly cell?: string;
  /** Substrings (or a pattern) the message must contain. */
  readonly message?: string | RegExp;
  readonly severity?: Severity;
  /** The fix exists (true), or not (false); a string: its plan writes exactly this text into a cell. */
  readonly fix?: boolean | string;
}

export interface RuleCase {
  /** Shown as the test's title (cases built by helpers get theirs where they are listed). */
  readonly name?: string;
  /** A whole table; or `rows` that are appended to the valid base rows; or several sheets. */
  readonly table?: TableSpec;
  readonly rows?: ReadonlyArray<ReadonlyArray<string | number | null>>;
  readonly sheets?: readonly RowGrid[];
  readonly settings?: Partial<AddinSettings>;
  /** The templates quick fixes draw on (default: the library plus the settings' user templates). */
  readonly templates?: readonly IndicatorTemplate[];
}

export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedFinding[];
}

/** A case for a direct call (the name is not needed). */
export type CaseInput = RuleCase;

export function gridsOf(c: CaseInput): RowGrid[] {
  if (c.sheets) return [...c.sheets];
  const spec: TableSpec = c.table ?? { rows: [...VALID_ROWS, ...(c.rows ?? [])] };
  return [sheetOf("Sheet1", spec)];
}

export function runRule(rule: Rule, c: CaseInput): Finding[] {
  const settings: AddinSettings = { ...DEFAULT_SETTINGS, ...(c.settings ?? {}) };
  const grids = gridsOf(c);
  return [...checkParsed(parseWorkbook(grids), settings, [rule], { grids, templates: c.templates }).findings];
}

/**
 * Every fix the rule emits on the case (asked for as the front ends would) matches the rule's
 * metadata: none; safe (no input); needs the user (not safe); or either. Returns how many fixes it saw.
 */
function checkFixesAgainstMeta(rule: Rule, c: CaseInput): number {
  const settings: AddinSettings = { ...DEFAULT_SETTINGS, ...(c.settings ?? {}) };
  const parse = parseWorkbook(gridsOf(c));
  const ctx = ruleContext(parse, settings);
  const drafts = [
    ...(rule.checkTable ? parse.tables.flatMap((t) => rule.checkTable!(t, ctx)) : []),
    ...(rule.checkWorkbook ? rule.checkWorkbook(ctx) : []),
  ];
  let seen = 0;
  for (const d of drafts) {
    const fix = typeof d.fix === "function" ? d.fix() : (d.fix ?? null);
    if (!fix) continue;
    seen++;
    const kind = fix.safe ? "safe" : "user";
    expect({ rule: rule.meta.id, cell: d.cell, fix: kind, metadata: rule.meta.fix }).toEqual(
      expect.objectContaining({ fix: rule.meta.fix === "safe-or-user" ? kind : rule.meta.fix }),
    );
    if (fix.safe) expect(fix.inputs).toEqual([]);
  }
  return seen;
}

function describeFinding(f: Finding): string {
  return `${f.sheet}!${f.cell} ${f.severity} ${f.message}`;
}

/** `defaults` apply to every case (e.g. the templates a rule's fixes draw on). */
export function ruleTester(
  rule: Rule,
  cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] },
  defaults: Pick<RuleCase, "templates"> = {},
): void {
  describe(`${rule.meta.id} (${rule.meta.title})`, () => {
    it("has metadata and a doc page link", () => {
      expect(rule.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.meta.title).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.meta.docs).toBe(`docs/rules/${rule.meta.id}.md`);
      expect(rule.meta.fixable).toBe(rule.meta.fix !== "none");
    });
    it(`emits only fixes its metadata allows (${rule.meta.fix})`, () => {
      const seen = [...cases.valid, ...cases.invalid].reduce((n, c) => n + checkFixesAgainstMeta(rule, c), 0);
      // a rule that says it has quick fixes shows one in its cases; one that says none shows none
      if (rule.meta.fix === "none") expect(seen).toBe(0);
      else expect(seen).toBeGreaterThan(0);
    });
    describe("valid", () => {
      for (const c of cases.valid) {
        it(c.name ?? "(unnamed case)", () => {
          expect(runRule(rule, { ...defaults, ...c }).map(describeFinding)).toEqual([]);
        });
      }
    });
    describe("invalid", () => {
      for (const c of cases.invalid) {
        it(c.name ?? "(unnamed case)", () => {
          const found = runRule(rule, { ...defaults, ...c });
          expect(found.map(describeFinding)).toHaveLength(c.errors.length);
          c.errors.forEach((e, k) => {
            const f = found[k];
            if (e.cell) expect(f.cell).toBe(e.cell);
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (typeof e.message === "string") expect(f.message).toContain(e.message);
            else if (e.message) expect(f.message).toMatch(e.message);
            if (e.fix === false) expect(f.fix).toBeNull();
            else if (e.fix === true) expect(f.fix).not.toBeNull();
            else if (typeof e.fix === "string") {
              expect(f.fix).not.toBeNull();
              const texts = f.fix!.plan.steps.map((s) => (s.kind === "set" ? s.newText : ""));
              expect(texts).toContain(e.fix);
            }
            // every message: Chinese, names what it is about, one line, at most 80 characters
            expect(f.message).toMatch(/[\u4e00-\u9fff]/);
            expect(f.message.length).toBeLessThanOrEqual(80);
            expect(f.message).not.toMatch(/\n/);
          });
        });
      }
    });
  });
}
