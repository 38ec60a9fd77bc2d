/**
 * `perf-target check`: list the inputs, plan where the marked copies go (never onto an input, links
 * and hard links resolved), check every file (in worker threads or the main thread, results in input
 * order), print and write the reports, and say how it went (the exit code). An interrupted run
 * (Ctrl-C, SIGTERM) stops the workers, removes its temporary files and gives the cursor back.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { AddinSettings } from "../core/settings";
import type { CheckCommand } from "./args";
import { configFromOption } from "./config";
import { isOurTemp, makeDirectory, removeLiveTemps, writeFailureReason } from "./files";
import { packageVersion } from "./help";
import { listInputs, outputPaths, pathIdentity, sameFile, type InputFile } from "./inputs";
import { CheckOutput, printError } from "./output/check-output";
import { HtmlReport } from "./output/html";
import { colourFor, paint } from "./output/text";
import { visible } from "../core/text";
import { planPool, runTasks } from "./pool";
import type { FileTask } from "./process-file";
import { EXIT, exitCodeOf } from "./result";
import { onShutdown, shutdown } from "./shutdown";

const OVER_INPUT = "无法写入标注副本：副本的位置就是原文件本身（或它的链接），不能覆盖原文件；请换一个 --out 文件夹。";

/** The outputs that are an input under another name (a linked folder, a hard link) → null. */
async function guardOutputs(files: readonly InputFile[], outputs: (string | null)[]): Promise<(string | null)[]> {
  const inputs = await Promise.all(files.map((f) => pathIdentity(f.abs)));
  return Promise.all(
    outputs.map(async (o) => {
      if (o === null) return null;
      const id = await pathIdentity(o);
      return inputs.some((i) => sameFile(i, id)) ? null : o;
    })
  );
}

/** File systems that do not tell “A.xlsx” from “a.xlsx” (by default). */
const CASE_INSENSITIVE = process.platform === "win32" || process.platform === "darwin";

/**
 * Outputs that an earlier file's copy already takes (“表.xls”'s copy “表-已校验.xlsx” beside an
 * input of that name): why the later file's copy is not written, or null. Files not checked take none.
 */
function takenOutputs(files: readonly InputFile[], outputs: readonly (string | null)[]): (string | null)[] {
  const taken = new Map<string, string>();
  return outputs.map((o, i) => {
    if (o === null || files[i].problem) return null;
    const abs = path.resolve(o);
    const key = CASE_INSENSITIVE ? abs.toLowerCase() : abs;
    const first = taken.get(key);
    if (first === undefined) {
      taken.set(key, files[i].given);
      return null;
    }
    return `无法写入标注副本：副本的位置“${visible(o)}”已是“${visible(first)}”的标注副本，不能覆盖；请把其中一个文件改名后再检查。`;
  });
}

/**
 * The tasks for the files listed: where each marked copy goes (--out), or why it cannot be
 * written (the folder cannot be made; the copy would be the input itself, or another file's copy).
 */
export async function fileTasks(files: readonly InputFile[], out: string | null): Promise<FileTask[]> {
  let outputs: (string | null)[] | null = null;
  let outProblem: string | null = null;
  if (out) {
    try {
      await makeDirectory(out);
      outputs = await guardOutputs(files, outputPaths(files, out));
    } catch (e) {
      outputs = outputPaths(files, out);
      outProblem = `无法写入标注副本：输出文件夹“${visible(out)}”无法创建（${writeFailureReason(e)}）。`;
    }
  }
  const taken = outputs ? takenOutputs(files, outputs) : [];
  return files.map((f, index) => ({
    index,
    given: f.given,
    abs: f.abs,
    problem: f.problem,
    output: outputs?.[index] ?? null,
    outputProblem: outputs ? (outProblem ?? (outputs[index] === null ? OVER_INPUT : taken[index])) : null,
  }));
}

function reportSkipped(skipped: readonly string[]): void {
  if (!skipped.length) return;
  const shown = skipped.slice(0, 3).map(visible).join("、");
  const more = skipped.length > 3 ? " 等" : "";
  const pe = paint(colourFor(process.stderr));
  process.stderr.write(
    `${pe.dim(`已跳过 ${skipped.length} 个不是 .xlsx 或 .xls 工作簿的文件或空文件夹：${shown}${more}。`)}\n`
  );
}

/** Why the HTML report may not go where asked (it would replace an input or a marked copy), or null. */
async function htmlClash(target: string, tasks: readonly FileTask[]): Promise<string | null> {
  const id = await pathIdentity(target);
  for (const t of tasks) {
    const what = sameFile(id, await pathIdentity(t.abs))
      ? "要检查的文件"
      : t.output && sameFile(id, await pathIdentity(t.output))
        ? "一份标注副本"
        : null;
    if (what)
      return `无法写入网页报告“${visible(target)}”：这个位置是${what}（${visible(t.given)}），不能覆盖；请换一个文件名。`;
  }
  return null;
}

async function openHtml(
  target: string | null,
  tasks: readonly FileTask[]
): Promise<{ html: HtmlReport | null; failed: boolean }> {
  if (!target) return { html: null, failed: false };
  const clash = await htmlClash(target, tasks);
  if (clash) {
    printError(clash);
    return { html: null, failed: true };
  }
  try {
    return { html: await HtmlReport.open(target), failed: false };
  } catch (e) {
    printError((e as Error).message);
    return { html: null, failed: true };
  }
}

/** Removes this process's temporary files beside the marked copies (those of stopped worker threads too). */
async function removeTemps(tasks: readonly FileTask[]): Promise<void> {
  removeLiveTemps();
  const dirs = new Set(tasks.flatMap((t) => (t.output ? [path.dirname(path.resolve(t.output))] : [])));
  for (const dir of dirs) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const n of names) if (isOurTemp(n)) await fs.rm(path.join(dir, n), { force: true }).catch(() => undefined);
  }
}

/** Runs the tasks; an interrupted run is cleaned up (shutdown.ts) and ends with 130 (Ctrl-C) or 143 (SIGTERM). */
async function runAll(
  tasks: readonly FileTask[],
  files: readonly InputFile[],
  cmd: CheckCommand,
  settings: AddinSettings | null,
  output: CheckOutput
): Promise<number> {
  let worst = 0;
  const undo = [
    onShutdown(() => removeTemps(tasks)),
    onShutdown(() => output.html?.abort()),
    onShutdown(() => output.progress.stop()),
  ];
  const onInt = () => void shutdown(130);
  const onTerm = () => void shutdown(143);
  process.once("SIGINT", onInt);
  process.once("SIGTERM", onTerm);
  try {
    await runTasks(
      tasks,
      planPool(files, cmd.jobs),
      { settings, fix: cmd.fix, workbookSettings: !cmd.ignoreWorkbookSettings },
      {
        onStart: (t) => output.progress.started(t.given),
        onResult: (r) => {
          worst = Math.max(worst, exitCodeOf(r));
          return output.add(r);
        },
      }
    );
  } finally {
    output.progress.stop();
    process.removeListener("SIGINT", onInt);
    process.removeListener("SIGTERM", onTerm);
    for (const u of undo) u();
  }
  return worst;
}

async function finishHtml(output: CheckOutput, cmd: CheckCommand, started: Date): Promise<void> {
  if (!output.html) return;
  try {
    const seconds = (Date.now() - started.getTime()) / 1000;
    await output.html.finish(output.totals, { version: packageVersion(), started, seconds });
    if (!cmd.json) process.stdout.write(`网页报告：${visible(cmd.html ?? "")}\n`);
  } catch (e) {
    output.htmlFailed = true;
    printError((e as Error).message);
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
  const { html, failed } = await openHtml(cmd.html, tasks);
  const output = new CheckOutput(cmd.json, tasks.length, html, failed);
  const worst = await runAll(tasks, list.files, cmd, config?.settings ?? null, output);
  output.finish();
  await finishHtml(output, cmd, started);
  if (output.totals.files === 0) {
    printError("没有找到可检查的 .xlsx 或 .xls 文件。");
    return EXIT.trouble;
  }
  return output.htmlFailed ? EXIT.trouble : worst;
}
