/**
 * `perf-target check`: list the inputs, plan where the marked copies go, check every file (in
 * worker threads or the main thread, results in input order), print and write the reports, and
 * say how it went (the exit code).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { AddinSettings } from "../core/settings";
import type { CheckCommand } from "./args";
import { configFromOption } from "./config";
import { writeFailureReason } from "./files";
import { packageVersion } from "./help";
import { listInputs, outputPaths, type InputFile } from "./inputs";
import { CheckOutput, printError } from "./output/check-output";
import { HtmlReport } from "./output/html";
import { colourFor, paint } from "./output/text";
import { planPool, runTasks } from "./pool";
import type { FileTask } from "./process-file";
import { EXIT } from "./result";

/**
 * The tasks for the files listed: where each marked copy goes (--out), or why it cannot be
 * written (the folder cannot be made; the copy would be the input itself).
 */
export async function fileTasks(files: readonly InputFile[], out: string | null): Promise<FileTask[]> {
  let outputs: (string | null)[] | null = null;
  let outProblem: string | null = null;
  if (out) {
    outputs = outputPaths(files, out);
    try {
      await fs.mkdir(path.resolve(out), { recursive: true });
    } catch (e) {
      outProblem = `无法写入标注副本：输出文件夹“${out}”无法创建（${writeFailureReason(e)}）。`;
    }
  }
  const overInput = "无法写入标注副本：副本的位置就是原文件本身，不能覆盖原文件；请换一个 --out 文件夹。";
  return files.map((f, index) => ({
    index,
    given: f.given,
    abs: f.abs,
    problem: f.problem,
    output: outputs?.[index] ?? null,
    outputProblem: outputs ? (outProblem ?? (outputs[index] === null ? overInput : null)) : null,
  }));
}

function reportSkipped(skipped: readonly string[]): void {
  if (!skipped.length) return;
  const shown = skipped.slice(0, 3).join("、");
  const more = skipped.length > 3 ? " 等" : "";
  const pe = paint(colourFor(process.stderr));
  process.stderr.write(
    `${pe.dim(`已跳过 ${skipped.length} 个不是 .xlsx 或 .xls 工作簿的文件或空文件夹：${shown}${more}。`)}\n`
  );
}

async function openHtml(target: string | null): Promise<{ html: HtmlReport | null; failed: boolean }> {
  if (!target) return { html: null, failed: false };
  try {
    return { html: await HtmlReport.open(target), failed: false };
  } catch (e) {
    printError((e as Error).message);
    return { html: null, failed: true };
  }
}

/** Runs the tasks; Ctrl-C puts the cursor back (the bar hides it) and leaves no temporary report behind. */
async function runAll(
  tasks: readonly FileTask[],
  files: readonly InputFile[],
  cmd: CheckCommand,
  settings: AddinSettings | null,
  output: CheckOutput
): Promise<void> {
  const interrupted = () => {
    output.progress.stop();
    void output.html?.abort().finally(() => process.exit(130));
    if (!output.html) process.exit(130);
  };
  process.once("SIGINT", interrupted);
  try {
    await runTasks(
      tasks,
      planPool(files, cmd.jobs),
      { settings, fix: cmd.fix },
      {
        onStart: (t) => output.progress.started(t.given),
        onResult: (r) => output.add(r),
      }
    );
  } finally {
    output.progress.stop();
    process.removeListener("SIGINT", interrupted);
  }
}

export async function runCheck(cmd: CheckCommand): Promise<number> {
  const started = new Date();
  const config = await configFromOption(cmd.config);
  if (cmd.json) {
    // nothing but the JSON document on stdout, even if a library prints
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  }
  const list = await listInputs(cmd.inputs, cmd.out);
  reportSkipped(list.skipped);
  const tasks = await fileTasks(list.files, cmd.out);
  const { html, failed } = await openHtml(cmd.html);
  const output = new CheckOutput(cmd.json, tasks.length, html, failed);
  await runAll(tasks, list.files, cmd, config?.settings ?? null, output);
  output.finish();
  if (output.html) {
    try {
      const seconds = (Date.now() - started.getTime()) / 1000;
      await output.html.finish(output.totals, { version: packageVersion(), started, seconds });
      if (!cmd.json) process.stdout.write(`网页报告：${cmd.html}\n`);
    } catch (e) {
      output.htmlFailed = true;
      printError((e as Error).message);
    }
  }
  const t = output.totals;
  if (t.files === 0) {
    printError("没有找到可检查的 .xlsx 或 .xls 文件。");
    return EXIT.trouble;
  }
  if (t.unreadable || t.writeFailed || output.htmlFailed) return EXIT.trouble;
  return t.counts.error > 0 ? EXIT.findings : EXIT.ok;
}
