/**
 * The result of checking one file (shared with the web page's batch: src/core/report/result.ts)
 * and the command line's exit codes.
 */
import type { FileResult } from "../core/report/result";

export * from "../core/report/result";

/**
 * Exit codes: no error-severity findings; some; a file (or a sheet of it) could not be read or
 * checked, or a result could not be written, or a usage error.
 */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

/** The file's own exit code: 2 when anything was not read, checked or written; else 1 with errors; else 0. */
export function exitCodeOf(r: FileResult): number {
  if (r.readError || r.writeError || r.incomplete.length) return EXIT.trouble;
  return r.counts.error > 0 ? EXIT.findings : EXIT.ok;
}
