/**
 * The command line used as a hostile new user would (issue 16): reports aimed at the inputs or the
 * copies, output folders reached through links, paths where no folder can be made, a full disk,
 * SIGTERM in the middle of a batch, control characters in names and cells, a settings file with
 * wrong types, a folder given without `check`. The inputs are never changed; every problem is a
 * Chinese message.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cliMain, listFiles, rmTemp, runCli, SAMPLE, scriptCommand, sha256, tempDir } from "./helpers";
import { changePart, cleanWorkbook } from "./packages";

describe("perf-target check, used as a hostile user would", () => {
  let dir: string;
  let input: string;
  let hash: string;
  beforeEach(() => {
    dir = tempDir("hostile-files");
    fs.mkdirSync(path.join(dir, "in"));
    input = path.join(dir, "in", "a.xlsx");
    fs.copyFileSync(SAMPLE, input);
    hash = sha256(input);
  });
  afterEach(() => rmTemp(dir));

  it("--html onto an input is refused; the workbook is untouched", async () => {
    const r = await runCli(["check", input, "--html", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法写入网页报告“${input}”：这个位置是要检查的文件`);
    expect(sha256(input)).toBe(hash);
  });

  it("--out through a symbolic link to the inputs' folder (with --fix) is refused; the input is untouched", async () => {
    fs.symlinkSync(path.join(dir, "in"), path.join(dir, "inlink"));
    const r = await runCli(["check", input, "--out", path.join(dir, "inlink"), "--fix"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无法写入标注副本：副本的位置就是原文件本身（或它的链接）");
    expect(sha256(input)).toBe(hash);
    expect(listFiles(path.join(dir, "in"))).toEqual(["a.xlsx"]);
  });

  it("--out where the copy's name is a hard link to the input is refused too", async () => {
    fs.mkdirSync(path.join(dir, "out"));
    fs.linkSync(input, path.join(dir, "out", "a.xlsx"));
    const r = await runCli(["check", input, "--out", path.join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("副本的位置就是原文件本身（或它的链接）");
    expect(sha256(input)).toBe(hash);
  });

  it("--html onto one of the marked copies is refused; the copy is kept", async () => {
    const out = path.join(dir, "out");
    const r = await runCli(["check", input, "--out", out, "--html", path.join(out, "a.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("这个位置是一份标注副本");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, "a.xlsx"));
    expect(copy.getWorksheet("校验报告")).toBeDefined();
  });

  it("--out where no folder can be made (/proc/x): a Chinese error at once, exit 2", async () => {
    const started = Date.now();
    const r = await runCli(["check", input, "--out", "/proc/perf-target-x"], { timeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法写入标注副本：输出文件夹“\/proc\/perf-target-x”无法创建（[\u4e00-\u9fff]/);
    const html = await runCli(["check", input, "--html", "/proc/perf-target-x/报告.html"], { timeoutMs: 20_000 });
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/无法写入网页报告“\/proc\/perf-target-x\/报告\.html”：[\u4e00-\u9fff]/);
  });

  it("a full disk (stdout to /dev/full): a Chinese message, exit 2", () => {
    const fd = fs.openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [cliMain(), "check", input], {
        stdio: ["ignore", fd, "pipe"],
        encoding: "utf8",
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("无法写出结果到标准输出：磁盘空间不足。");
      expect(r.stderr).not.toMatch(/ENOSPC|at .*\.js:\d+/);
    } finally {
      fs.closeSync(fd);
    }
  });

  /** Copies of the sample, enough for a batch that is still running when it is interrupted. */
  const batch = (n: number) => {
    for (let i = 0; i < n; i++) fs.copyFileSync(SAMPLE, path.join(dir, "in", `u${i}.xlsx`));
  };

  it("SIGTERM during a batch: the same clean-up as Ctrl-C (no temporary report left), exit 143", async () => {
    batch(300);
    const html = path.join(dir, "report.html");
    const child = spawn(process.execPath, [cliMain(), "check", path.join(dir, "in"), "--html", html, "--jobs", "1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (out.includes("u1.xlsx") && !child.killed) child.kill("SIGTERM");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(143);
    expect(out).not.toContain("共检查"); // it was interrupted
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(fs.existsSync(html)).toBe(false);
  }, 60_000);

  const script = scriptCommand();
  (script ? it : it.skip)(
    "SIGTERM on a terminal gives the cursor back (the progress bar hid it)",
    () => {
      batch(600);
      // interrupted once the run is under way: its HTML report's temporary file exists
      const command =
        `"${process.execPath}" "${cliMain()}" check "${path.join(dir, "in")}" --jobs 1 --html "${path.join(dir, "r.html")}" > /dev/null & p=$!; ` +
        `while ! ls "${dir}"/.r.html.*.sections.tmp > /dev/null 2>&1; do sleep 0.05; done; sleep 0.3; ` +
        `kill -TERM $p; wait $p; echo "EXIT=$?"`;
      const r = spawnSync(script!, ["-qec", command, "/dev/null"], { encoding: "utf8", timeout: 60_000 });
      expect(r.stdout).toContain("EXIT=143");
      const hide = r.stdout.lastIndexOf("\x1b[?25l");
      expect(hide).toBeGreaterThanOrEqual(0);
      expect(r.stdout.indexOf("\x1b[?25h", hide)).toBeGreaterThan(hide);
      expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    },
    70_000
  );

  it("control characters in file names and cells are shown escaped, never sent to the terminal", async () => {
    const name = path.join(dir, "in", "a\nb\x1b[31m.xlsx");
    // Excel keeps control characters in text as _xHHHH_ escapes
    const book = await cleanWorkbook(["甲"], (_s, rows) =>
      rows.map((row) => (row[2] === "培训人次" ? [row[0], row[1], "培训〔ESC〕人次〔BEL〕〔NUL〕", row[3], ""] : row))
    );
    fs.writeFileSync(
      name,
      await changePart(book, "xl/sharedStrings.xml", (x) =>
        x.replace("〔ESC〕", "_x001B_[2J").replace("〔BEL〕", "_x0007_").replace("〔NUL〕", "_x0000_")
      )
    );
    const r = await runCli(["check", name]);
    // eslint-disable-next-line no-control-regex -- control characters are what the output must not have
    for (const stream of [r.stdout, r.stderr]) expect(stream).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain("a\\nb\\u001B[31m.xlsx");
    expect(r.stdout).toContain("培训\\u001B[2J人次\\u0007\\u0000");
    const json = JSON.parse((await runCli(["check", name, "--json"])).stdout) as { files: Array<{ file: string }> };
    expect(json.files[0].file).toBe(name);
  });

  it("--config with wrong types: a Chinese warning for each, as for unknown rule ids", async () => {
    const config = path.join(dir, "设置.json");
    fs.writeFileSync(
      config,
      JSON.stringify({ highlight: "yes", notes: 1, ignored: { a: 1 }, userTemplates: "x", colour: true, rules: {} })
    );
    const r = await runCli(["check", input, "--config", config]);
    expect(r.code).toBe(1);
    for (const key of ["highlight", "notes", "ignored", "userTemplates", "colour"])
      expect(r.stderr).toMatch(new RegExp(`注意：设置文件“.*设置\\.json”：.*“${key}”`));
  });

  it("a named pipe given as a workbook is refused at once instead of waiting for a writer", async () => {
    const fifo = path.join(dir, "管道.xlsx");
    spawnSync("mkfifo", [fifo]);
    const r = await runCli(["check", fifo, input], { timeoutMs: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法检查“${fifo}”：这不是普通文件`);
    expect(r.stdout).toContain(`${input}  需修改后再提交`);
  });

  it("a folder given without `check` is checked, as the README says `check` may be left out", async () => {
    const r = await runCli(["in"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join("in", "a.xlsx")}  需修改后再提交`);
  });
});
