/**
 * Command-line parsing: `perf-target check …`, `perf-target templates …`, `--rules`, `--help`,
 * `--version`. Node's own parser (node:util parseArgs) splits the arguments; what it would refuse
 * in English is checked here from its tokens, so every message is in Chinese. A usage error →
 * UsageError (exit 2).
 */
import { existsSync } from "node:fs";
import { parseArgs as parseTokens } from "node:util";

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
  /** Check with the default settings, not those the workbooks carry (--ignore-workbook-settings). */
  readonly ignoreWorkbookSettings: boolean;
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
  /** What the value is (Chinese), or null for a flag. */
  readonly value: string | null;
  readonly short?: string;
  /** Commands the option belongs to. */
  readonly commands: readonly CommandName[];
}

const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { value: null, commands: ["check", "templates", "rules"] },
  out: { value: "文件夹", short: "o", commands: ["check"] },
  html: { value: "文件", commands: ["check"] },
  fix: { value: null, commands: ["check"] },
  config: { value: "设置文件", commands: ["check", "templates", "rules"] },
  jobs: { value: "数量", short: "j", commands: ["check"] },
  "ignore-workbook-settings": { value: null, commands: ["check"] },
  level1: { value: "一级指标名称", commands: ["templates"] },
  level2: { value: "二级指标名称", commands: ["templates"] },
  sector: { value: "领域名称", commands: ["templates"] },
  rules: { value: null, commands: ["rules"] },
};

/** The options as node:util parseArgs takes them. */
const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, o]) => [
    name,
    { type: o.value === null ? ("boolean" as const) : ("string" as const), ...(o.short ? { short: o.short } : {}) },
  ])
);

const COMMAND_LABEL: Readonly<Record<CommandName, string>> = {
  check: "check（检查）",
  templates: "templates（指标模板）",
  rules: "--rules（规则列表）",
};

const HINT = "运行 perf-target --help 查看用法。";

function usage(message: string): UsageError {
  return new UsageError(`${message}${HINT}`);
}

interface Parsed {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
}

type Token = NonNullable<ReturnType<typeof parseTokens>["tokens"]>[number];

/** One option token, checked: known, a value where one is needed (and none where not), given once. */
function readOption(token: Token & { kind: "option" }, args: readonly string[], parsed: Parsed): void {
  const spec = Object.prototype.hasOwnProperty.call(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
  if (!spec) throw usage(`未知选项“${args[token.index]}”。`);
  const name = `--${token.name}`;
  if (spec.value === null) {
    if (token.inlineValue) throw usage(`选项 ${name} 不带值。`);
    parsed.flags.add(token.name);
    return;
  }
  const value = token.value;
  // node:util takes "--out --json" as out = "--json": a value that looks like an option is a missing value
  if (value === undefined || (!token.inlineValue && value.startsWith("-") && value.length > 1))
    throw usage(`选项 ${name} 后面需要一个${spec.value}。`);
  if (value.trim() === "") throw usage(`选项 ${name} 的${spec.value}不能为空。`);
  if (parsed.values.has(token.name)) throw usage(`选项 ${name} 只能给一次。`);
  parsed.values.set(token.name, value);
}

function split(args: readonly string[]): Parsed {
  const { tokens } = parseTokens({
    args: [...args],
    options: PARSE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const parsed: Parsed = { positional: [], values: new Map(), flags: new Set() };
  for (const token of tokens) {
    if (token.kind === "positional") parsed.positional.push(token.value);
    else if (token.kind === "option") readOption(token, args, parsed);
  }
  return parsed;
}

/** The command: the first word, --rules, or check (a bare word that looks like a command is a typo). */
function commandOf(first: CommandName | null, parsed: Parsed): CommandName {
  if (parsed.flags.has("rules")) {
    if (first === "templates") throw usage(`--rules 不能与 templates 一起使用。`);
    return "rules";
  }
  if (first !== null) return first;
  const word = parsed.positional[0];
  // a bare word is a typo of a command, unless it names a file or folder ("perf-target 报送" checks it)
  if (word !== undefined && /^[a-z][a-z-]*$/i.test(word) && !/[./\\]/.test(word) && !existsSync(word))
    throw usage(`未知命令“${word}”。可用的命令：check、templates；选项 --rules。`);
  return "check";
}

function checkCommand(parsed: Parsed, json: boolean, config: string | null): CheckCommand {
  if (parsed.positional.length === 0)
    throw usage(`请给出要检查的 .xlsx 文件或文件夹，例如：perf-target check 绩效目标表.xlsx。`);
  const fix = parsed.flags.has("fix");
  const out = parsed.values.get("out") ?? null;
  if (fix && out === null) throw usage(`--fix 只修改 --out 写出的副本，从不修改原文件：请同时给出 --out <文件夹>。`);
  let jobs: number | null = null;
  const jobsText = parsed.values.get("jobs");
  if (jobsText !== undefined) {
    if (!/^\d+$/.test(jobsText.trim()) || Number(jobsText) < 1 || Number(jobsText) > 64)
      throw usage(`--jobs 应为 1–64 之间的整数（现在是“${jobsText}”）。`);
    jobs = Number(jobsText);
  }
  const html = parsed.values.get("html") ?? null;
  const ignoreWorkbookSettings = parsed.flags.has("ignore-workbook-settings");
  return { kind: "check", inputs: parsed.positional, json, out, html, fix, config, ignoreWorkbookSettings, jobs };
}

/** Parses the arguments after `node perf-target.js`. */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: "help" };
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-V") || argv.includes("-v")) return { kind: "version" };

  const first = argv[0] === "check" || argv[0] === "templates" || argv[0] === "rules" ? argv[0] : null;
  const parsed = split(first ? argv.slice(1) : argv);
  const command = commandOf(first, parsed);
  for (const name of [...parsed.flags, ...parsed.values.keys()]) {
    if (name !== "rules" && !OPTIONS[name].commands.includes(command))
      throw usage(`选项 --${name} 不能用于 ${COMMAND_LABEL[command]}。`);
  }
  const json = parsed.flags.has("json");
  const config = parsed.values.get("config") ?? null;
  if (command === "rules") {
    if (parsed.positional.length) throw usage(`--rules 不需要文件参数（多余的参数：“${parsed.positional[0]}”）。`);
    return { kind: "rules", json, config };
  }
  if (command === "templates") {
    if (parsed.positional.length > 1)
      throw usage(`templates 只接受一个查询词；含空格的查询请加引号，例如 "满意度 培训"。`);
    const query = parsed.positional[0] ?? "";
    return {
      kind: "templates",
      query,
      level1: parsed.values.get("level1") ?? null,
      level2: parsed.values.get("level2") ?? null,
      sector: parsed.values.get("sector") ?? null,
      json,
      config,
    };
  }
  return checkCommand(parsed, json, config);
}
