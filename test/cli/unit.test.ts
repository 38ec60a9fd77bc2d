/** The command line's pure parts, in process: arguments, input lists and copy paths, byte sniffing, HTML escaping, widths. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { readFailureReason, workbookReadError, writeFailureReason, writeFileAtomic } from "../../src/cli/files";
import { listInputs, outputPaths } from "../../src/cli/inputs";
import { escapeHtml } from "../../src/core/text";
import { colourFor } from "../../src/cli/output/text";
import { columns, displayWidth } from "../../src/cli/output/width";
import { planPool } from "../../src/cli/pool";
import { rmTemp, SAMPLE, tempDir } from "./helpers";

describe("parseArgs", () => {
  it("reads check, its options and both option spellings", () => {
    expect(
      parseArgs([
        "check",
        "a.xlsx",
        "dir",
        "--json",
        "--out=o",
        "--html",
        "r.html",
        "--fix",
        "--config",
        "c.json",
        "-j",
        "3",
      ])
    ).toEqual({
      kind: "check",
      inputs: ["a.xlsx", "dir"],
      json: true,
      out: "o",
      html: "r.html",
      fix: true,
      config: "c.json",
      ignoreWorkbookSettings: false,
      jobs: 3,
    });
    expect(parseArgs(["a.xlsx"])).toMatchObject({ kind: "check", inputs: ["a.xlsx"] });
    expect(parseArgs(["check", "--", "--odd-name.xlsx"])).toMatchObject({ inputs: ["--odd-name.xlsx"] });
  });

  it("reads templates, rules, help and version", () => {
    expect(parseArgs(["templates", "满意度", "--level2", "服务对象满意度", "--json"])).toEqual({
      kind: "templates",
      query: "满意度",
      level1: null,
      level2: "服务对象满意度",
      sector: null,
      json: true,
      config: null,
    });
    expect(parseArgs(["--rules", "--json"])).toEqual({ kind: "rules", json: true, config: null });
    expect(parseArgs(["rules"])).toEqual({ kind: "rules", json: false, config: null });
    expect(parseArgs([])).toEqual({ kind: "help" });
    expect(parseArgs(["check", "x", "-h"])).toEqual({ kind: "help" });
    expect(parseArgs(["--version"])).toEqual({ kind: "version" });
  });

  it.each([
    [["check", "a.xlsx", "--nope"], "未知选项“--nope”"],
    [["check", "a.xlsx", "--fix"], "--fix 只修改 --out 写出的副本"],
    [["check", "a.xlsx", "--jobs", "0"], "--jobs 应为 1–64 之间的整数"],
    [["check", "a.xlsx", "--json=1"], "选项 --json 不带值"],
    [["check", "a.xlsx", "--out", "a", "--out", "b"], "选项 --out 只能给一次"],
    [["check", "a.xlsx", "--level2", "数量"], "选项 --level2 不能用于 check"],
    [["templates", "a", "b"], "templates 只接受一个查询词"],
    [["--rules", "x.xlsx"], "--rules 不需要文件参数"],
    [["lint", "x"], "未知命令“lint”"],
  ])("refuses %j in Chinese", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("listInputs / outputPaths", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("unit");
    fs.mkdirSync(path.join(dir, "a", "深"), { recursive: true });
    fs.mkdirSync(path.join(dir, "b"));
    fs.mkdirSync(path.join(dir, ".hidden"));
    fs.copyFileSync(SAMPLE, path.join(dir, "a", "表.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, "a", "深", "表.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, "b", "表.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(dir, ".hidden", "表.xlsx"));
    fs.writeFileSync(path.join(dir, "b", "旧.XLS"), "x");
    fs.writeFileSync(path.join(dir, "b", "金山.et"), "x");
    fs.writeFileSync(path.join(dir, "b", "~$表.xlsx"), "x");
    fs.writeFileSync(path.join(dir, "b", "说明.txt"), "x");
  });
  afterAll(() => rmTemp(dir));

  it("walks folders in name order, keeps .xlsx and .xls, reports other spreadsheets, skips the rest and hidden folders", async () => {
    const list = await listInputs([dir]);
    expect(list.files.map((f) => [path.relative(dir, f.abs), f.problem === null])).toEqual([
      [path.join("a", "深", "表.xlsx"), true],
      [path.join("a", "表.xlsx"), true],
      [path.join("b", "旧.XLS"), true],
      [path.join("b", "表.xlsx"), true],
      [path.join("b", "金山.et"), false],
    ]);
    expect(list.files[4].problem).toContain("不支持 WPS 表格格式（.et），只能检查 .xlsx 和 .xls 工作簿。");
    expect(list.files[0].given).toBe(`${dir}${path.sep}${path.join("a", "深", "表.xlsx")}`);
    expect(list.skipped.map((s) => path.basename(s))).toEqual(["~$表.xlsx", "说明.txt"]);
  });

  it("drops duplicates and the --out folder", async () => {
    const list = await listInputs([path.join(dir, "a"), path.join(dir, "a", "表.xlsx")], path.join(dir, "a", "深"));
    expect(list.files.map((f) => path.relative(dir, f.abs))).toEqual([path.join("a", "表.xlsx")]);
  });

  it("mirrors the inputs below their common folder, so equal names never collide", async () => {
    const list = await listInputs([dir]);
    const xlsx = list.files.filter((f) => f.problem === null);
    expect(outputPaths(xlsx, "out")).toEqual([
      path.join("out", "a", "深", "表.xlsx"),
      path.join("out", "a", "表.xlsx"),
      path.join("out", "b", "旧-已校验.xlsx"),
      path.join("out", "b", "表.xlsx"),
    ]);
    expect(outputPaths([xlsx[1]], "out")).toEqual([path.join("out", "表.xlsx")]);
    expect(outputPaths([xlsx[2]], "out")).toEqual([path.join("out", "旧-已校验.xlsx")]);
    expect(outputPaths([xlsx[1]], path.join(dir, "a"))).toEqual([null]);
  });
});

describe("files", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("files");
  });
  afterAll(() => rmTemp(dir));

  it("writes atomically: the bytes land under the name, no temporary file stays, a failed write leaves nothing", async () => {
    const file = path.join(dir, "副本.xlsx");
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    const blocked = path.join(dir, "副本.xlsx", "里面.xlsx"); // a file where a folder should be
    const err = await writeFileAtomic(blocked, new Uint8Array([4])).catch((e: unknown) => e);
    expect(writeFailureReason(err)).toBe("路径中有同名的文件挡住了文件夹");
    expect(fs.readdirSync(dir)).toEqual(["副本.xlsx"]);
  });

  it("says in Chinese why a file could not be read", async () => {
    const missing = await fs.promises.readFile(path.join(dir, "无此文件.xlsx")).catch((e: unknown) => e);
    expect(readFailureReason(missing)).toBe("文件不存在");
    expect(workbookReadError(missing)).toBe("文件不存在：可能在检查过程中被移动、改名或删除。");
    const folder = await fs.promises.readFile(dir).catch((e: unknown) => e);
    expect(workbookReadError(folder)).toBe("无法读取：这是一个文件夹。");
    // an error without its own wording: its code, never Node's English sentence
    const io = Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    expect(readFailureReason(io)).toBe("无法读取（EIO）");
    expect(workbookReadError(io)).toBe("无法读取：无法读取（EIO）。");
  });

  it("lists a path that cannot be opened with the same Chinese reasons", async () => {
    const loop = path.join(dir, "环.xlsx");
    fs.symlinkSync(loop, loop); // a link to itself: ELOOP
    const list = await listInputs([loop]);
    expect(list.files.map((f) => f.problem)).toEqual([`无法打开“${loop}”：路径中的符号链接循环。`]);
  });
});

describe("small helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<img src=x onerror=alert(1)> & "'`)).toBe(
      "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;"
    );
  });

  it("measures Chinese text as two columns a character", () => {
    expect(displayWidth("指标ab")).toBe(6);
    expect(displayWidth("\x1b[31m错误\x1b[39m")).toBe(4);
    expect(
      columns([
        ["编号", "名称"],
        ["missing-unit", "缺少计量单位"],
      ])
    ).toEqual(["编号          名称", "missing-unit  缺少计量单位"]);
  });

  it("colours only on a terminal, NO_COLOR wins, FORCE_COLOR forces", () => {
    expect(colourFor({ isTTY: true }, {})).toBe(true);
    expect(colourFor({ isTTY: false }, {})).toBe(false);
    expect(colourFor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colourFor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(colourFor({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });

  it("plans the pool: the main thread for a few small files, workers for many or for a large one", () => {
    expect(planPool([{ size: 1 }], null).workers).toBe(0);
    expect(planPool([{}, {}, {}], null).workers).toBe(0);
    // by default: one thread on 2 CPUs whatever the batch; workers from 4 CPUs and 64 files
    const files = (n: number) => Array.from({ length: n }, () => ({ size: 30_000 }));
    expect(planPool(files(520), null, 2).workers).toBe(0);
    expect(planPool(files(63), null, 8).workers).toBe(0);
    expect(planPool(files(130), null, 4).workers).toBe(3);
    expect(planPool(files(64), null, 8).workers).toBe(2);
    expect(planPool([{ size: 20 * 1024 * 1024 }], null).workers).toBe(1);
    expect(
      planPool(
        Array.from({ length: 10 }, () => ({})),
        3
      ).workers
    ).toBe(3);
    expect(
      planPool(
        Array.from({ length: 10 }, () => ({})),
        1
      ).workers
    ).toBe(0);
  });
});
