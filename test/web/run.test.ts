/**
 * A batch run on the page (src/web/batch/run.ts), its worker queue and zip maker stood in for: a
 * zip of the marked copies that could not be made is not kept, so asking again makes it again; one
 * that was made is kept.
 */
import { zipOf } from "../../src/web/batch/downloads";
import type { QueueItem } from "../../src/web/batch/queue";
import { reportedFile, type FileResult } from "../../src/core/report/result";
import { BatchRun } from "../../src/web/batch/run";
import { markedCopyName } from "../../src/xlsx/file-kinds";

jest.mock("../../src/web/batch/downloads", () => ({ zipOf: jest.fn() }));

/** How the stand-in worker answers a file: by default as one it could not read. */
let answer: (item: QueueItem, options: { copy: boolean }) => unknown = (item) => ({ index: item.index, error: "无法读取。" });

/** Answers every file at once. */
jest.mock("../../src/web/batch/queue", () => ({
  WorkerQueue: class {
    constructor(
      private readonly items: readonly QueueItem[],
      private readonly options: { copy: boolean },
      private readonly onAnswer: (m: unknown) => void,
      private readonly onEnd: () => void
    ) {}
    start(): void {
      for (const item of this.items) this.onAnswer(answer(item, this.options));
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

test("two files whose copies would take one place in the zip: the later one gets no copy and says why", async () => {
  const passed = (index: number, file: string, output: string | null): FileResult => ({
    index,
    file,
    readError: null,
    writeError: null,
    incomplete: [],
    sheets: ["表"],
    tables: [],
    tableCount: 1,
    indicatorCount: 1,
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    verdict: "可以提交",
    problems: [],
    warnings: [],
    fix: null,
    output,
    format: file.endsWith(".xls") ? "xls" : "xlsx",
  });
  answer = (item, options) => ({
    index: item.index,
    result: reportedFile(passed(item.index, item.path, options.copy ? markedCopyName(item.path) : null)),
    copy: options.copy ? new Uint8Array([item.index]) : null,
  });
  jest.mocked(zipOf).mockReset().mockResolvedValue(new Blob(["zip"]));
  const names = ["县/表.xls", "县/表-已校验.xlsx", "县/另一张.xlsx"];
  const run = new BatchRun(
    names.map((path) => ({ path, file: new File(["x"], path.split("/").pop()!), problem: null })),
    { workbookSettings: true, noticeHint: "" }
  );
  run.start();
  await run.copiesZip();
  const copies = jest.mocked(zipOf).mock.calls[0][0];
  expect(markedCopyName("县/表.xls")).toBe(markedCopyName("县/表-已校验.xlsx")); // the clash this is about
  expect(copies.map((c) => c.path)).toEqual([markedCopyName("县/表.xls"), markedCopyName("县/另一张.xlsx")]);
  const results = run.getSnapshot().results;
  expect(results.map((r) => r.output)).toEqual([markedCopyName("县/表.xls"), null, markedCopyName("县/另一张.xlsx")]);
  expect(results[1].writeError).toBe(
    "无法生成标注副本：压缩包中的“县/表-已校验.xlsx”已是“县/表.xls”的标注副本，不能覆盖；请把其中一个文件改名后再检查。"
  );
});
