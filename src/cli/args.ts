/**
 * Command-line parsing: `perf-target check …`, `perf-target templates …`, `--rules`, `--help`,
 * `--version`. No dependencies; every message is in Chinese. A usage error → UsageError (exit 2).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface CheckCommand {
  readonly kind: "check";
  /** Files and folders, as given. */
  readonly inputs: readonly string[];
  readonly json: boolean;
  readonly out: string | null;
  readonly html: string | null;
  readonly fix: boolean;
  readonly config: string | null;
  /** Worker threads (null: automatic). */
  readonly jobs: number | null;
}

export interface RulesCommand {
  readonly kind: "rules";
  readonly json: boolean;
  readonly config: string | null;
}

export interface TemplatesCommand {
  readonly kind: "templates";
  readonly query: string;
  readonly level1: string | null;
  readonly level2: string | null;
  readonly sector: string | null;
  readonly json: boolean;
  readonly config: string | null;
}

export type Command =
  { readonly kind: "help" } | { readonly kind: "version" } | CheckCommand | RulesCommand | TemplatesCommand;

type CommandName = "check" | "templates" | "rules";

interface OptionSpec {
  readonly value: string | null;
  /** Commands the option belongs to. */
  readonly commands: readonly CommandName[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "--json": { value: null, commands: ["check", "templates", "rules"] },
  "--out": { value: "文件夹", commands: ["check"] },
  "--html": { value: "文件", commands: ["check"] },
  "--fix": { value: null, commands: ["check"] },
  "--config": { value: "设置文件", commands: ["check", "templates", "rules"] },
  "--jobs": { value: "数量", commands: ["check"] },
  "--level1": { value: "一级指标名称", commands: ["templates"] },
  "--level2": { value: "二级指标名称", commands: ["templates"] },
  "--sector": { value: "领域名称", commands: ["templates"] },
};

const SHORT: Readonly<Record<string, string>> = { "-o": "--out", "-j": "--jobs" };

const COMMAND_LABEL: Readonly<Record<CommandName, string>> = {
  check: "check（检查）",
  templates: "templates（指标模板）",
  rules: "--rules（规则列表）",
};

const HINT = "运行 perf-target --help 查看用法。";

/** Parses the arguments after `node perf-target.js`. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: "help" };
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-V") || argv.includes("-v")) return { kind: "version" };

  let command: CommandName | null = null;
  let rest = argv;
  if (argv[0] === "check" || argv[0] === "templates" || argv[0] === "rules") {
    command = argv[0];
    rest = argv.slice(1);
  }

  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let rulesFlag = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--") {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg === "--rules") {
      rulesFlag = true;
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const rawName = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
      const name = SHORT[rawName] ?? rawName;
      const spec = OPTIONS[name];
      if (!spec) throw new UsageError(`未知选项“${arg}”。${HINT}`);
      if (spec.value === null) {
        if (eq > 0) throw new UsageError(`选项 ${name} 不带值。${HINT}`);
        flags.add(name);
        continue;
      }
      let value: string | undefined;
      if (arg.startsWith("--") && eq > 0) value = arg.slice(eq + 1);
      else {
        value = rest[i + 1];
        if (value === undefined || (value.startsWith("-") && value !== "-" && value.length > 1)) {
          throw new UsageError(`选项 ${name} 后面需要一个${spec.value}。${HINT}`);
        }
        i++;
      }
      if (value.trim() === "") throw new UsageError(`选项 ${name} 的${spec.value}不能为空。${HINT}`);
      if (values.has(name)) throw new UsageError(`选项 ${name} 只能给一次。${HINT}`);
      values.set(name, value);
      continue;
    }
    positional.push(arg);
  }

  if (rulesFlag) {
    if (command === "templates") throw new UsageError(`--rules 不能与 templates 一起使用。${HINT}`);
    command = "rules";
  }
  if (command === null) {
    // `perf-target 文件.xlsx` is `perf-target check 文件.xlsx`; a bare word that looks like a command is a typo
    const first = positional[0];
    if (first !== undefined && /^[a-z][a-z-]*$/i.test(first) && !/[./\\]/.test(first)) {
      throw new UsageError(`未知命令“${first}”。可用的命令：check、templates；选项 --rules。${HINT}`);
    }
    command = "check";
  }

  for (const name of [...flags, ...values.keys()]) {
    if (!OPTIONS[name].commands.includes(command)) {
      throw new UsageError(`选项 ${name} 不能用于 ${COMMAND_LABEL[command]}。${HINT}`);
    }
  }

  const json = flags.has("--json");
  const config = values.get("--config") ?? null;

  if (command === "rules") {
    if (positional.length) throw new UsageError(`--rules 不需要文件参数（多余的参数：“${positional[0]}”）。${HINT}`);
    return { kind: "rules", json, config };
  }
  if (command === "templates") {
    if (positional.length > 1)
      throw new UsageError(`templates 只接受一个查询词；含空格的查询请加引号，例如 "满意度 培训"。${HINT}`);
    return {
      kind: "templates",
      query: positional[0] ?? "",
      level1: values.get("--level1") ?? null,
      level2: values.get("--level2") ?? null,
      sector: values.get("--sector") ?? null,
      json,
      config,
    };
  }

  if (positional.length === 0)
    throw new UsageError(`请给出要检查的 .xlsx 文件或文件夹，例如：perf-target check 绩效目标表.xlsx。${HINT}`);
  const fix = flags.has("--fix");
  const out = values.get("--out") ?? null;
  if (fix && out === null) {
    throw new UsageError(`--fix 只修改 --out 写出的副本，从不修改原文件：请同时给出 --out <文件夹>。${HINT}`);
  }
  let jobs: number | null = null;
  const jobsText = values.get("--jobs");
  if (jobsText !== undefined) {
    if (!/^\d+$/.test(jobsText.trim()) || Number(jobsText) < 1 || Number(jobsText) > 64) {
      throw new UsageError(`--jobs 应为 1–64 之间的整数（现在是“${jobsText}”）。${HINT}`);
    }
    jobs = Number(jobsText);
  }
  return { kind: "check", inputs: positional, json, out, html: values.get("--html") ?? null, fix, config, jobs };
}
