/**
 * The web page's batch worker (a Web Worker, its own bundle batch-worker.js): checks the files it
 * is sent, one at a time in the order sent, and posts each report back (with its marked copy, when
 * asked for: transferred, not copied). The page stays responsive; only one workbook is in memory at
 * a time. Imports only src/core and src/xlsx.
 */
import { checkBatchFile } from "../../xlsx/batch-file";
import type { FromWorker, ToWorker } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
};

async function check({ index, path, file, options }: ToWorker): Promise<void> {
  let message: FromWorker;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await checkBatchFile({ index, path, bytes }, options);
    message = { index, result: outcome.result, copy: outcome.copy };
  } catch (err) {
    message = { index, error: `无法读取：${err instanceof Error ? err.message : String(err)}` };
  }
  const copy = "copy" in message ? message.copy : null;
  scope.postMessage(message, copy ? [copy.buffer] : []);
}

// one file at a time, in the order sent (the page sends the next one before this one is done)
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const task = e.data;
  queue = queue.then(() => check(task));
};
