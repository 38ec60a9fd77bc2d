/**
 * A batch run on the page (src/web/batch/run.ts), its worker queue and zip maker stood in for: a
 * zip of the marked copies that could not be made is not kept, so asking again makes it again; one
 * that was made is kept.
 */
import { zipOf } from "../../src/web/batch/downloads";
import type { QueueItem } from "../../src/web/batch/queue";
import { BatchRun } from "../../src/web/batch/run";

jest.mock("../../src/web/batch/downloads", () => ({ zipOf: jest.fn() }));

/** Answers every file at once, as one the worker could not read. */
jest.mock("../../src/web/batch/queue", () => ({
  WorkerQueue: class {
    constructor(
      private readonly items: readonly QueueItem[],
      _options: unknown,
      private readonly onAnswer: (m: { index: number; error: string }) => void,
      private readonly onEnd: () => void
    ) {}
    start(): void {
      for (const item of this.items) this.onAnswer({ index: item.index, error: "无法读取。" });
      this.onEnd();
    }
    stop(): void {}
  },
}));

test("a zip that could not be made is not kept: asking again makes it again", async () => {
  const zip = new Blob(["zip"]);
  jest.mocked(zipOf).mockRejectedValueOnce(new Error("内存不足")).mockResolvedValue(zip);
  const run = new BatchRun([{ path: "表.xlsx", file: new File(["x"], "表.xlsx"), problem: null }], {
    workbookSettings: true,
    noticeHint: "",
  });
  run.start();
  expect(run.getSnapshot().state).toBe("done");
  await expect(run.copiesZip()).rejects.toThrow("内存不足");
  await expect(run.copiesZip()).resolves.toBe(zip);
  await expect(run.copiesZip()).resolves.toBe(zip);
  expect(zipOf).toHaveBeenCalledTimes(2);
});
