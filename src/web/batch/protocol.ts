/** The messages between the batch page (run.ts) and its worker (worker.ts). */
import type { ReportedFile } from "../../core/report/result";
import type { BatchOptions } from "../../xlsx/batch-file";

/** A file to check (and, for the zip, to copy with its marks). */
export interface ToWorker {
  readonly index: number;
  readonly path: string;
  readonly file: Blob;
  readonly options: BatchOptions;
}

/** Its report and marked copy, or why the worker could not even read it. */
export type FromWorker =
  | {
      readonly index: number;
      readonly result: ReportedFile;
      readonly copy: Uint8Array | null;
    }
  | { readonly index: number; readonly error: string };
