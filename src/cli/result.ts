/**
 * The result of checking one file, shared with the web page's batch (src/core/report/result.ts),
 * and the command line's exit codes.
 */
export * from "../core/report/result";

/** Exit codes: no error-severity findings; some; a file could not be read or a result written, or a usage error. */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;
