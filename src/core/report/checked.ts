/**
 * A checked workbook's result, as the command line and the web page's batch both report it: the
 * --json shapes, the counts, the verdict, and what could not be understood.
 */
import { verdictOf, type CheckResult } from "../check";
import { countsOf, findingJson, tableJson, type FileResult, type FixReport } from "./result";

/** What became of the marked copy. */
export interface CopyOutcome {
  /** The findings left (after fixing, those of the copy). */
  readonly result: CheckResult;
  readonly fix: FixReport | null;
  readonly output: string | null;
  readonly writeError: string | null;
}

export function checkedResult(
  task: { readonly index: number; readonly given: string },
  copy: CopyOutcome,
  warnings: string[],
  format: FileResult["format"]
): FileResult {
  const { result } = copy;
  // a rule that threw (a bug of the tool): said once; the --json document keeps its shape
  for (const f of result.ruleFailures) warnings.push(f.message);
  const findings = result.findings.map(findingJson);
  const counts = countsOf(findings);
  const found = result.parse.tables.length > 0;
  return {
    index: task.index,
    file: task.given,
    readError: null,
    writeError: copy.writeError,
    tables: result.parse.tables.map(tableJson),
    findings,
    counts,
    verdict: found ? verdictOf(counts.error, result.ruleFailures.length) : "未识别到绩效目标表",
    // with tables found, a sheet without one (a sheet of notes beside the tables) is no news
    problems: result.problems
      .filter((p) => !found || p.scope !== "sheet")
      .map((p) => `工作表“${p.sheet}”${p.cell ? ` ${p.cell}` : ""}：${p.message}`),
    warnings,
    fix: copy.fix,
    output: copy.output,
    format,
  };
}
