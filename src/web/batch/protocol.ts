/** The messages between the batch page (run.ts) and its worker (worker.ts). */
import type { FileResult } from "../../core/report/result";

/** A file to check. */
export interface ToWorker {
  readonly index: number;
  readonly path: string;
  readonly file: Blob;
}

/** Its result and marked copy, or why the worker could not even read it. */
export type FromWorker =
  | { readonly index: number; readonly result: FileResult; readonly copy: Uint8Array | null }
  | { readonly index: number; readonly error: string };
