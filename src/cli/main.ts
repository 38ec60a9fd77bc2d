/**
 * perf-target: the command line (see README “命令行” and `perf-target --help`).
 *
 *   check <文件或文件夹>...  [--json] [--out 文件夹] [--html 文件] [--fix] [--config 文件] [--jobs N]
 *   templates [查询] [--level1 名称] [--level2 名称] [--sector 领域] [--json] [--config 文件]
 *   --rules [--json] [--config 文件]
 *
 * Exit codes (EXIT in result.ts): 0 no error-severity findings, 1 some, 2 a file could not be read
 * or a result could not be written (the other files are still checked and reported), or a usage error.
 * The commands' modules are loaded when used, so `--help` starts at once.
 */
import { parseArgs, UsageError, type RulesCommand, type TemplatesCommand } from "./args";
import { HELP, versionText } from "./help";
import { printError } from "./output/check-output";
import { colourFor, paint } from "./output/text";
import { writeFailureReason } from "./files";
import { EXIT } from "./result";
import { shutdown } from "./shutdown";

async function runRules(cmd: RulesCommand): Promise<number> {
  const config = await (await import("./config")).configFromOption(cmd.config);
  const { rulesJson, rulesText } = await import("./rules-list");
  const settings = config?.settings ?? null;
  process.stdout.write(cmd.json ? rulesJson(settings) : rulesText(settings, paint(colourFor(process.stdout))));
  return EXIT.ok;
}

async function runTemplates(cmd: TemplatesCommand): Promise<number> {
  const config = await (await import("./config")).configFromOption(cmd.config);
  const { findTemplates, templatesJson, templatesText } = await import("./templates");
  const q = {
    query: cmd.query,
    level1: cmd.level1,
    level2: cmd.level2,
    sector: cmd.sector,
    user: config?.userTemplates ?? [],
  };
  const list = findTemplates(q);
  process.stdout.write(cmd.json ? templatesJson(list) : templatesText(list, q, paint(colourFor(process.stdout))));
  return EXIT.ok;
}

/** Runs the command; resolves to the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.kind) {
      case "help":
        process.stdout.write(HELP);
        return EXIT.ok;
      case "version":
        process.stdout.write(versionText());
        return EXIT.ok;
      case "rules":
        return await runRules(cmd);
      case "templates":
        return await runTemplates(cmd);
      case "check":
        return await (await import("./check")).runCheck(cmd);
    }
  } catch (e) {
    printError(
      e instanceof UsageError ? e.message : `出错了：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`
    );
    return EXIT.trouble;
  }
}

/**
 * The process around main(): exit code; a closed pipe (`| head`) ends quietly; an output that can no
 * longer be written (a full disk) ends the run with a Chinese message, cleaned up like Ctrl-C.
 */
export function cli(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    printError(`无法写出结果到标准输出：${writeFailureReason(e)}。`);
    void shutdown(EXIT.trouble);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perf-target：出错了：${String(e)}\n`);
      process.exitCode = EXIT.trouble;
    }
  );
}

if (require.main === module) cli();
