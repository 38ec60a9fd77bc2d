/**
 * The pane's controller without React (src/taskpane/assistant.ts, check-loop.ts) on the in-memory
 * port: the re-check after an edit made while another action runs, a fix's cell selected by apply
 * alone, change events that cannot be subscribed to.
 */
import { Assistant } from "../../src/taskpane/assistant";
import type { AssistantOptions } from "../../src/taskpane/check-loop";
import { FakePort } from "./fake-port";

jest.setTimeout(30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await sleep(10)) if (Date.now() > end) throw new Error("timed out");
}

let assistant: Assistant | null = null;
afterEach(() => assistant?.dispose());

async function started(port: FakePort, options: AssistantOptions = {}): Promise<Assistant> {
  assistant = new Assistant(port, options);
  await assistant.start();
  return assistant;
}

test("an edit reported just before 清除标记 is re-checked once the pane is free", async () => {
  const port = await FakePort.seed();
  let changed = () => {};
  const a = await started(port, { changes: (l) => ((changed = l), () => undefined), debounceMs: 20, selfWriteMs: 0 });
  await a.check();
  const reads = () => port.calls.filter((c) => c === "readSheets").length;
  expect(reads()).toBe(1);
  // 清除标记 takes a while (a big workbook): the debounce ends while it runs
  let release = () => {};
  const clear = port.clearMarks.bind(port);
  port.clearMarks = async () => {
    await new Promise<void>((r) => (release = r));
    await clear();
  };
  changed();
  expect(a.getState().stale).toBe(true);
  const clearing = a.clearMarks();
  await sleep(80);
  expect(reads()).toBe(1);
  release();
  await clearing;
  await until(() => reads() === 2 && !a.getState().running);
  expect(a.getState().stale).toBe(false);
  // nothing more once it has run
  await sleep(80);
  expect(reads()).toBe(2);
});

test("a fix's cell is selected by apply itself: no second call to select", async () => {
  const port = await FakePort.seed();
  const a = await started(port);
  const result = await a.check();
  const finding = result!.findings.find((f) => f.fix && f.fix.inputs.length === 0 && f.fix.plan.select)!;
  expect(await a.applyFix(finding)).toBe(true);
  expect(port.calls.filter((c) => c.startsWith("select"))).toEqual([]);
  expect(port.selection).toEqual(finding.fix!.plan.select);
});

test("change events that cannot be subscribed to: the user is told to check by hand", async () => {
  const port = await FakePort.seed();
  let fail: (advice: string) => void = () => {};
  const a = await started(port, { changes: (_l, onError) => ((fail = onError ?? fail), () => undefined) });
  fail("无法接收工作表的修改通知：修改表格后不会自动重新校验，请手动点击“一键校验”。");
  expect(a.getState().notice).toEqual({ kind: "warning", text: expect.stringContaining("请手动点击“一键校验”") });
});
