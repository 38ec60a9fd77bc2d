/**
 * A worker thread of the pool (pool.ts): checks the files it is sent, one at a time, and posts
 * each result back. Never prints: its stdout is drained into the main thread's stderr anyway.
 */
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type FileTask, type RunOptions } from "./process-file";

const options = (workerData as { options: RunOptions }).options;

parentPort?.on("message", (task: FileTask) => {
  processFile(task, options).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (e: unknown) =>
      parentPort?.postMessage({ ok: false, index: task.index, message: e instanceof Error ? e.message : String(e) })
  );
});
