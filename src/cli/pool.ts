/**
 * Runs the file tasks: in the main thread one after the other, or in a small pool of worker
 * threads. Results are handed on in input order as soon as they can be (nothing is kept after),
 * and at most `ahead` tasks are started beyond the first unfinished one, so memory stays flat
 * however many files there are. A worker that dies (out of memory on a huge workbook) fails only
 * its file; a new worker takes over.
 */
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileTask, RunOptions } from "./process-file";
import { failedResult, type FileResult } from "./result";
import { onShutdown } from "./shutdown";

export interface RunHooks {
  /** A task was started (for the progress bar). */
  onStart?(task: FileTask): void;
  /** A result, in input order. */
  onResult(result: FileResult): void | Promise<void>;
}

export interface PoolPlan {
  /** 0: in the main thread. */
  readonly workers: number;
  /** Old-generation heap limit of each worker, in MB. */
  readonly memoryMb: number;
}

/** Files at least this large are always checked in a worker (a memory limit protects the process). */
const LARGE_FILE = 8 * 1024 * 1024;

function cpuCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Files from which a pool of worker threads pays for starting (each worker loads the checker and
 * warms up: about as long as checking 20–30 files), and CPUs from which it pays at all: the main
 * thread writes the results, so with 2 or 3 CPUs (shared with everything else) the workers only
 * compete with it — measured by bench/cli.ts: on 2 CPUs, 2 workers were slower than one thread.
 */
const POOL_FILES = 64;
const POOL_CPUS = 4;

/**
 * How to run: in the main thread, unless there are at least POOL_FILES files on a machine of at
 * least POOL_CPUS CPUs (then CPU count − 1 workers, at most one per 32 files); `jobs` decides
 * when given; any large file is checked in a worker (its memory limit protects the process).
 */
export function planPool(tasks: readonly { size?: number }[], jobs: number | null, cpus = cpuCount()): PoolPlan {
  const automatic =
    cpus >= POOL_CPUS && tasks.length >= POOL_FILES ? Math.min(cpus - 1, Math.ceil(tasks.length / 32)) : 1;
  const wanted = jobs ?? automatic;
  const large = tasks.some((t) => (t.size ?? 0) >= LARGE_FILE);
  const workers = wanted > 1 || large ? Math.max(1, Math.min(wanted, tasks.length)) : 0;
  const totalMb = Math.floor(os.totalmem() / (1024 * 1024));
  // PERF_TARGET_WORKER_MEMORY_MB: a lower limit on small machines (and in the tests)
  const override = Number(process.env.PERF_TARGET_WORKER_MEMORY_MB);
  const memoryMb =
    override >= 16 ? Math.floor(override) : Math.max(512, Math.min(4096, Math.floor(totalMb / (workers + 1))));
  return { workers, memoryMb };
}

function outOfMemory(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory|heap/i.test(String((e as Error)?.message ?? ""));
}

class Ordered {
  private next = 0;
  private readonly waiting = new Map<number, FileResult>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly hooks: RunHooks) {}

  get flushed(): number {
    return this.next;
  }

  push(result: FileResult): Promise<void> {
    this.waiting.set(result.index, result);
    while (this.waiting.has(this.next)) {
      const r = this.waiting.get(this.next)!;
      this.waiting.delete(this.next);
      this.next++;
      this.chain = this.chain.then(() => this.hooks.onResult(r));
    }
    return this.chain;
  }

  done(): Promise<void> {
    return this.chain;
  }
}

async function runInMainThread(
  tasks: readonly FileTask[],
  options: RunOptions,
  hooks: RunHooks,
  ordered: Ordered
): Promise<void> {
  const { processFile } = await import("./process-file");
  for (const task of tasks) {
    // back to the event loop between files: a file is checked without any I/O wait, so without this a
    // whole batch would run in one go and Ctrl-C or SIGTERM would only be seen at its end
    await new Promise((resolve) => setImmediate(resolve));
    hooks.onStart?.(task);
    let result: FileResult;
    try {
      result = await processFile(task, options);
    } catch (e) {
      result = failedResult(task.index, task.given, `检查时出错：${e instanceof Error ? e.message : String(e)}`);
    }
    await ordered.push(result);
  }
}

type WorkerMessage = { ok: true; result: FileResult } | { ok: false; index: number; message: string };

/**
 * The worker threads: each takes the next task when it is done with one, as long as it is at most
 * `ahead` tasks past the first result not yet handed on (else it waits, idle, until one is).
 */
class WorkerPool {
  private nextTask = 0;
  private finished = 0;
  private readonly live = new Set<Worker>();
  private readonly idle = new Set<() => void>();
  private readonly ahead: number;
  private readonly script = path.join(__dirname, `worker${path.extname(__filename) || ".js"}`);
  private resolve: () => void = () => undefined;

  constructor(
    private readonly tasks: readonly FileTask[],
    private readonly plan: PoolPlan,
    private readonly options: RunOptions,
    private readonly hooks: RunHooks,
    private readonly ordered: Ordered
  ) {
    this.ahead = Math.max(16, plan.workers * 8);
  }

  /** Resolves when every task has a result. */
  run(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
      if (this.tasks.length === 0) resolve();
      else for (let i = 0; i < this.plan.workers; i++) this.start();
    });
  }

  stop(): Promise<unknown> {
    return Promise.all([...this.live].map((w) => w.terminate()));
  }

  private complete(result: FileResult): void {
    this.finished++;
    void this.ordered.push(result);
    if (this.finished === this.tasks.length) this.resolve();
  }

  private wakeIdle(): void {
    for (const f of [...this.idle]) {
      this.idle.delete(f);
      f();
    }
  }

  private spawn(): Worker {
    // run from the TypeScript sources (tsx, the tests): the worker thread needs tsx's loader too
    const dev = this.script.endsWith(".ts");
    const entry = dev
      ? `require(${JSON.stringify(require.resolve("tsx/cjs"))});require(${JSON.stringify(this.script)});`
      : this.script;
    const worker = new Worker(entry, {
      eval: dev,
      workerData: { options: this.options },
      resourceLimits: { maxOldGenerationSizeMb: this.plan.memoryMb },
      stdout: true,
      stderr: true,
    });
    worker.stdout.pipe(process.stderr);
    worker.stderr.pipe(process.stderr);
    this.live.add(worker);
    return worker;
  }

  private failure(e: unknown): string {
    return outOfMemory(e)
      ? `无法检查：工作簿太大，检查时内存不足（上限 ${this.plan.memoryMb} MB）。绩效目标表通常不到 1 MB，请删除无关的工作表、图片或数据后再检查。`
      : `检查时出错：${e instanceof Error ? e.message : String(e)}`;
  }

  private start(): void {
    const worker = this.spawn();
    let current: FileTask | null = null;
    let dead = false;
    const feed = () => {
      if (dead) return;
      if (this.nextTask >= this.tasks.length || this.nextTask - this.ordered.flushed >= this.ahead) {
        current = null;
        this.idle.add(feed);
        return;
      }
      current = this.tasks[this.nextTask++];
      this.hooks.onStart?.(current);
      worker.postMessage(current);
    };
    worker.on("message", (msg: WorkerMessage) => {
      const task = current;
      current = null;
      if (msg.ok) this.complete(msg.result);
      else if (task) this.complete(failedResult(task.index, task.given, `检查时出错：${msg.message}`));
      feed();
      this.wakeIdle();
    });
    // a worker that dies (out of memory on a huge workbook) fails only its file; a new one takes over
    const die = (e: unknown) => {
      if (dead) return;
      dead = true;
      this.live.delete(worker);
      this.idle.delete(feed);
      const task = current;
      current = null;
      if (task) this.complete(failedResult(task.index, task.given, this.failure(e)));
      if (this.nextTask < this.tasks.length) this.start();
      this.wakeIdle();
    };
    worker.on("error", die);
    worker.on("exit", (code) => {
      if (!dead && code !== 0) die(new Error(`工作线程意外退出（代码 ${code}）`));
      this.live.delete(worker);
    });
    feed();
  }
}

export async function runTasks(
  tasks: readonly FileTask[],
  plan: PoolPlan,
  options: RunOptions,
  hooks: RunHooks
): Promise<void> {
  const ordered = new Ordered(hooks);
  if (plan.workers === 0) {
    await runInMainThread(tasks, options, hooks, ordered);
    return ordered.done();
  }
  const pool = new WorkerPool(tasks, plan, options, hooks, ordered);
  const undo = onShutdown(() => pool.stop());
  try {
    await pool.run();
    await ordered.done();
  } finally {
    undo();
    await pool.stop();
  }
}
