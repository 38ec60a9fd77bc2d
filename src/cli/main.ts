/**
 * perf-target: the command line (see README “命令行” and `perf-target --help`).
 *
 *   check <文件或文件夹>...  [--json] [--out 文件夹] [--html 文件] [--fix] [--config 文件] [--jobs N]
 *   templates [查询] [--level1 名称] [--level2 名称] [--json] [--config 文件]
 *   --rules [--json] [--config 文件]
 *
 * Exit codes: 0 no error-severity findings, 1 some, 2 a file could not be read or a result could
 * not be written (the other files are still checked and reported), or a usage error.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs, UsageError, type CheckCommand, type RulesCommand, type TemplatesCommand } from "./args";
import type { LoadedConfig } from "./config";
import { HELP, packageVersion, versionText } from "./help";
import { listInputs, outputPaths } from "./inputs";
import { HtmlReport } from "./output/html";
import { Progress } from "./output/progress";
import { addToTotals, colourFor, fileText, newTotals, paint, totalText, type Paint } from "./output/text";
import { planPool, runTasks } from "./pool";
import type { FileTask } from "./process-file";
import { fileJson, type FileResult } from "./result";
import { writeFailureReason } from "./write-error";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

function err(p: Paint, message: string): void {
  process.stderr.write(`${p.red("perf-target：")}${message}\n`);
}

async function configOrNull(file: string | null, p: Paint): Promise<LoadedConfig | null> {
  if (!file) return null;
  const { loadConfig } = await import("./config");
  const loaded = await loadConfig(file);
  for (const problem of loaded.problems) process.stderr.write(`${p.yellow("注意：")}${problem}\n`);
  return loaded;
}

async function runRules(cmd: RulesCommand): Promise<number> {
  const pe = paint(colourFor(process.stderr));
  const config = await configOrNull(cmd.config, pe);
  const { rulesJson, rulesText } = await import("./rules-list");
  process.stdout.write(
    cmd.json
      ? rulesJson(config?.settings ?? null)
      : rulesText(config?.settings ?? null, paint(colourFor(process.stdout)))
  );
  return EXIT_OK;
}

async function runTemplates(cmd: TemplatesCommand): Promise<number> {
  const pe = paint(colourFor(process.stderr));
  const config = await configOrNull(cmd.config, pe);
  const { findTemplates, templatesJson, templatesText } = await import("./templates");
  const q = { query: cmd.query, level1: cmd.level1, level2: cmd.level2, user: config?.userTemplates ?? [] };
  const list = findTemplates(q);
  process.stdout.write(cmd.json ? templatesJson(list) : templatesText(list, q, paint(colourFor(process.stdout))));
  return EXIT_OK;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function runCheck(cmd: CheckCommand): Promise<number> {
  const started = new Date();
  const t0 = Date.now();
  const p = paint(!cmd.json && colourFor(process.stdout));
  const pe = paint(colourFor(process.stderr));
  const config = await configOrNull(cmd.config, pe);
  if (cmd.json) {
    // nothing but the JSON document on stdout, even if a library prints
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  }

  const list = await listInputs(cmd.inputs, cmd.out);
  if (list.skipped.length) {
    const shown = list.skipped.slice(0, 3).join("、");
    process.stderr.write(
      `${pe.dim(`已跳过 ${list.skipped.length} 个不是 .xlsx 工作簿的文件或空文件夹：${shown}${list.skipped.length > 3 ? " 等" : ""}。`)}\n`
    );
  }
  // test hook: a pause between listing and reading (a test removes a file meanwhile)
  const pause = Number(process.env.PERF_TARGET_TEST_PAUSE_AFTER_LIST ?? 0);
  if (pause > 0) {
    process.stderr.write(`perf-target：已列出 ${list.files.length} 个文件。\n`);
    await sleep(pause);
  }

  let outputs: (string | null)[] | null = null;
  let outProblem: string | null = null;
  if (cmd.out) {
    outputs = outputPaths(list.files, cmd.out);
    try {
      await fs.mkdir(path.resolve(cmd.out), { recursive: true });
    } catch (e) {
      outProblem = `无法写入标注副本：输出文件夹“${cmd.out}”无法创建（${writeFailureReason(e)}）。`;
    }
  }
  const tasks: FileTask[] = list.files.map((f, index) => ({
    index,
    given: f.given,
    abs: f.abs,
    problem: f.problem,
    output: outputs?.[index] ?? null,
    outputProblem: outputs
      ? (outProblem ??
        (outputs[index] === null
          ? `无法写入标注副本：副本的位置就是原文件本身，不能覆盖原文件；请换一个 --out 文件夹。`
          : null))
      : null,
  }));

  let html: HtmlReport | null = null;
  let htmlFailed = false;
  if (cmd.html) {
    try {
      html = await HtmlReport.open(cmd.html);
    } catch (e) {
      htmlFailed = true;
      err(pe, (e as Error).message);
    }
  }

  const totals = newTotals();
  const progress = new Progress(tasks.length, tasks.length > 1 && process.stderr.isTTY === true);
  let first = true;
  if (cmd.json) process.stdout.write(`{"files":[`);

  const onResult = async (r: FileResult) => {
    progress.finished();
    addToTotals(totals, r);
    if (cmd.json) {
      progress.write(process.stdout, `${first ? "\n" : ",\n"}${JSON.stringify(fileJson(r))}`);
      first = false;
    } else if (!r.readError) progress.write(process.stdout, fileText(r, p));
    if (r.readError) progress.write(process.stderr, `${pe.red("✘")} ${r.file}  ${r.readError}\n`);
    if (r.writeError) progress.write(process.stderr, `${pe.red("✘")} ${r.file}  ${r.writeError}\n`);
    for (const w of r.warnings) progress.write(process.stderr, `${pe.yellow("注意：")}${r.file}：${w}\n`);
    // what could not be read: in the text report, and on stderr when stdout carries the JSON document
    if (cmd.json) for (const x of r.problems) progress.write(process.stderr, `${pe.yellow("注意：")}${r.file}：${x}\n`);
    for (const s of r.fix?.skipped ?? [])
      progress.write(
        process.stderr,
        `${pe.yellow("未能修复：")}${r.file} ${s.sheet}!${s.cell} [${s.rule}]：${s.reason}\n`
      );
    if (html) {
      try {
        await html.add(r);
      } catch (e) {
        htmlFailed = true;
        err(pe, (e as Error).message);
        await html.abort();
        html = null;
      }
    }
  };

  // Ctrl-C: put the cursor back (the bar hides it) and leave no temporary report behind
  const interrupted = () => {
    progress.stop();
    void html?.abort().finally(() => process.exit(130));
    if (!html) process.exit(130);
  };
  process.once("SIGINT", interrupted);
  const plan = planPool(list.files, cmd.jobs);
  try {
    await runTasks(
      tasks,
      plan,
      { settings: config?.settings ?? null, fix: cmd.fix },
      { onStart: (t) => progress.started(t.given), onResult }
    );
  } finally {
    progress.stop();
    process.removeListener("SIGINT", interrupted);
  }

  if (cmd.json) process.stdout.write(`${first ? "" : "\n"}]}\n`);
  else process.stdout.write(`\n${totalText(totals, p)}`);

  if (html) {
    try {
      await html.finish(totals, { version: packageVersion(), started, seconds: (Date.now() - t0) / 1000 });
      if (!cmd.json) process.stdout.write(`网页报告：${cmd.html}\n`);
    } catch (e) {
      htmlFailed = true;
      err(pe, (e as Error).message);
    }
  }
  if (totals.files === 0) {
    err(pe, "没有找到可检查的 .xlsx 文件。");
    return EXIT_TROUBLE;
  }
  if (totals.unreadable || totals.writeFailed || htmlFailed) return EXIT_TROUBLE;
  return totals.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const pe = paint(colourFor(process.stderr));
  try {
    const cmd = parseArgs(argv);
    switch (cmd.kind) {
      case "help":
        process.stdout.write(HELP);
        return EXIT_OK;
      case "version":
        process.stdout.write(versionText());
        return EXIT_OK;
      case "rules":
        return await runRules(cmd);
      case "templates":
        return await runTemplates(cmd);
      case "check":
        return await runCheck(cmd);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(pe, e.message);
      return EXIT_TROUBLE;
    }
    err(pe, `出错了：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_TROUBLE;
  }
}

/** The process around main(): exit code, a closed pipe (`| head`) ends quietly. */
export function cli(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perf-target：出错了：${String(e)}\n`);
      process.exitCode = EXIT_TROUBLE;
    }
  );
}

if (require.main === module) cli();
