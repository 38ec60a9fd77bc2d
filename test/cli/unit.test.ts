/** The command line's pure parts, in process: arguments, input lists and copy paths, byte sniffing, HTML escaping, widths. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs, UsageError } from "../../src/cli/args";
import { listInputs, outputPaths } from "../../src/cli/inputs";
import { escapeHtml } from "../../src/cli/output/html";
import { colourFor } from "../../src/cli/output/text";
import { columns, displayWidth } from "../../src/cli/output/width";
import { planPool } from "../../src/cli/pool";
import { preflight, sheetBytes } from "../../src/cli/sniff";
import { encryptedOle, rmTemp, SAMPLE, tempDir } from "./helpers";

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
    fs.writeFileSync(path.join(dir, "b", "~$表.xlsx"), "x");
    fs.writeFileSync(path.join(dir, "b", "说明.txt"), "x");
  });
  afterAll(() => rmTemp(dir));

  it("walks folders in name order, keeps .xlsx, reports other spreadsheets, skips the rest and hidden folders", async () => {
    const list = await listInputs([dir]);
    expect(list.files.map((f) => [path.relative(dir, f.abs), f.problem === null])).toEqual([
      [path.join("a", "深", "表.xlsx"), true],
      [path.join("a", "表.xlsx"), true],
      [path.join("b", "旧.XLS"), false],
      [path.join("b", "表.xlsx"), true],
    ]);
    expect(list.files[2].problem).toContain("旧版 Excel 97-2003 格式（.xls）");
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
      path.join("out", "b", "表.xlsx"),
    ]);
    expect(outputPaths([xlsx[1]], "out")).toEqual([path.join("out", "表.xlsx")]);
    expect(outputPaths([xlsx[1]], path.join(dir, "a"))).toEqual([null]);
  });
});

describe("preflight", () => {
  it("recognises empty, encrypted, old binary, text, web page and non-zip bytes", () => {
    expect(preflight(new Uint8Array())).toMatch(/^文件是空的/);
    expect(preflight(encryptedOle())).toMatch(/受密码保护/);
    expect(preflight(Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)]))).toMatch(/旧版 \.xls/);
    expect(preflight(Buffer.from("a,b,c\n1,2,3\n"))).toMatch(/文本（CSV 等）文件/);
    expect(preflight(Buffer.from("<!DOCTYPE html><html>"))).toMatch(/网页（HTML）/);
    expect(preflight(Buffer.from([0, 1, 2, 3, 4, 5]))).toMatch(/不是 \.xlsx 工作簿/);
    expect(preflight(fs.readFileSync(SAMPLE))).toBeNull();
  });

  it("reads the worksheets' uncompressed size from the zip's central directory", () => {
    const size = sheetBytes(fs.readFileSync(SAMPLE));
    expect(size).toBeGreaterThan(30_000);
    expect(size).toBeLessThan(2_000_000);
    expect(sheetBytes(Buffer.from("PK not really a zip"))).toBeNull();
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
