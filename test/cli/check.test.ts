/**
 * perf-target check: the text report (verdict line, findings `工作表!单元格  [rule-id]  message`,
 * total), colours only on a terminal, exit codes, folders, unsupported formats, usage errors.
 */
import fs from "node:fs";
import path from "node:path";
import { rmTemp, ROOT, runCli, SAMPLE, tempDir } from "./helpers";

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[`);

describe("perf-target check (text)", () => {
  it("prints a verdict line with counts, the findings and a total; plain when piped; exit 1 on errors", async () => {
    const json = JSON.parse((await runCli(["check", "samples/liupanshui-2025.xlsx", "--json"])).stdout) as {
      files: Array<{
        findings: Array<{ rule: string; severity: string; sheet: string; cell: string; message: string }>;
      }>;
    };
    const findings = json.files[0].findings;
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const r = await runCli(["check", "samples/liupanshui-2025.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      `✘ samples/liupanshui-2025.xlsx  需修改后再提交  错误 ${count("error")} · 警告 ${count("warning")} · 提示 ${count("info")}（6 张表，111 个指标）`
    );
    // one line per finding, in order: 级别  工作表!单元格  [rule-id]  message
    const findingLines = lines.filter((l) => /^ {2}(错误|警告|提示) {2}/.test(l));
    expect(findingLines).toHaveLength(findings.length);
    findingLines.forEach((line, i) => {
      const f = findings[i];
      const label = { error: "错误", warning: "警告", info: "提示" }[f.severity];
      expect(line).toBe(`  ${label}  ${f.sheet}!${f.cell}  [${f.rule}]  ${f.message}`);
    });
    expect(r.stdout).toContain("  错误  部门整体支出!F62  [missing-explanation]  ");
    expect(r.stdout).toContain(
      `共检查 1 个文件：可以提交 0 个，需修改后再提交 1 个。\n问题合计：错误 ${count("error")} · 警告 ${count("warning")} · 提示 ${count("info")}。`
    );
    expect(r.stderr).toBe("");
  });

  it("colours on request (FORCE_COLOR) and never with NO_COLOR", async () => {
    const forced = await runCli(["check", "samples/liupanshui-2025.xlsx"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain(`${ESC}[31m需修改后再提交${ESC}[39m`);
    expect(forced.stdout).toContain(`${ESC}[31m错误${ESC}[39m  部门整体支出!F62`);
    const none = await runCli(["check", "samples/liupanshui-2025.xlsx"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(none.stdout).not.toMatch(ANSI);
  });

  it("exits 0 when the settings file switches the error rules off (可以提交)", async () => {
    const dir = tempDir("check-config");
    try {
      const config = path.join(dir, "设置.json");
      fs.writeFileSync(
        config,
        JSON.stringify({
          version: 1,
          rules: { "missing-explanation": "off", "blank-sample-size": { enabled: false }, "vague-value": "info" },
        })
      );
      const r = await runCli(["check", SAMPLE, "--config", config]);
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")[0]).toMatch(/^✔ .*liupanshui-2025\.xlsx {2}可以提交 {2}错误 0 · /);
      expect(r.stdout).not.toContain("[missing-explanation]");
      expect(r.stdout).not.toMatch(/警告 {2}\S+ {2}\[vague-value\]/);
    } finally {
      rmTemp(dir);
    }
  });

  it("reports problems inside the settings file in Chinese on stderr and refuses a file that is not JSON (exit 2)", async () => {
    const dir = tempDir("check-config-bad");
    try {
      const odd = path.join(dir, "odd.json");
      fs.writeFileSync(
        odd,
        JSON.stringify({ rules: { "no-such-rule": "off", "vague-value": { severity: "fatal" } }, budgetYear: "明年" })
      );
      const r = await runCli(["check", SAMPLE, "--config", odd]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("没有编号为“no-such-rule”的规则");
      expect(r.stderr).toContain("严重程度“fatal”无效");
      expect(r.stderr).toContain("预算年度“明年”无效");
      const broken = path.join(dir, "broken.json");
      fs.writeFileSync(broken, "{ rules: ");
      const b = await runCli(["check", SAMPLE, "--config", broken]);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain("不是有效的 JSON");
      expect(b.stdout).toBe("");
      const missing = await runCli(["check", SAMPLE, "--config", path.join(dir, "无.json")]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("无法读取设置文件");
    } finally {
      rmTemp(dir);
    }
  });

  it("searches folders recursively, checks .xlsx and .xls, reports .et/.csv as not supported with a hint, skips other files (exit 2)", async () => {
    const dir = tempDir("check-folder");
    try {
      fs.mkdirSync(path.join(dir, "县区", "钟山区"), { recursive: true });
      fs.copyFileSync(SAMPLE, path.join(dir, "县区", "钟山区", "表.xlsx"));
      fs.copyFileSync(SAMPLE, path.join(dir, "市本级.xlsx"));
      fs.copyFileSync(path.join(ROOT, "test", "fixtures", "xls", "liupanshui-2025.xls"), path.join(dir, "旧表.xls"));
      fs.writeFileSync(path.join(dir, "金山.et"), "x");
      fs.writeFileSync(path.join(dir, "导出.csv"), "a,b\n1,2\n");
      fs.writeFileSync(path.join(dir, "说明.docx"), "x");
      fs.writeFileSync(path.join(dir, "~$市本级.xlsx"), "lock");
      const r = await runCli(["check", dir]);
      expect(r.code).toBe(2);
      const checked = r.stdout.split("\n").filter((l) => /^[✔✘？] /.test(l));
      expect(checked.map((l) => l.split("  ")[0])).toEqual([
        `✘ ${path.join(dir, "县区", "钟山区", "表.xlsx")}`,
        `✘ ${path.join(dir, "市本级.xlsx")}`,
        `✘ ${path.join(dir, "旧表.xls")}`,
      ]);
      expect(r.stderr).toContain(
        `${path.join(dir, "金山.et")}  不支持 WPS 表格格式（.et），只能检查 .xlsx 和 .xls 工作簿。请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查。`
      );
      expect(r.stderr).toContain("不支持 CSV 文本文件");
      expect(r.stderr).toMatch(/已跳过 2 个不是 \.xlsx 或 \.xls 工作簿的文件/);
      expect(r.stdout).toContain("共检查 5 个文件：可以提交 0 个，需修改后再提交 3 个，无法读取 2 个。");
    } finally {
      rmTemp(dir);
    }
  });

  it("accepts `perf-target 文件.xlsx` without the word check, and a file named twice is checked once", async () => {
    const r = await runCli(["samples/liupanshui-2025.xlsx", path.join(ROOT, "samples", "liupanshui-2025.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("共检查 1 个文件");
  });

  it("says what is wrong with the command line, in Chinese, exit 2", async () => {
    const unknown = await runCli(["check", SAMPLE, "--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知选项“--frobnicate”");
    expect(unknown.stdout).toBe("");
    const fix = await runCli(["check", SAMPLE, "--fix"]);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain("--fix 只修改 --out 写出的副本");
    const noFiles = await runCli(["check"]);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain("请给出要检查的 .xlsx 文件或文件夹");
    const typo = await runCli(["chek", "a.xlsx"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("未知命令“chek”");
    const value = await runCli(["check", SAMPLE, "--out"]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain("选项 --out 后面需要一个文件夹");
    const wrong = await runCli(["templates", "--out", "x"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("选项 --out 不能用于 templates");
  });

  it("prints help and version in Chinese", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法：");
    expect(help.stdout).toContain("perf-target check <文件或文件夹>...");
    expect(help.stdout).toContain("退出码：");
    expect(help.stdout).toContain("检查 .xlsx、.xls 文件");
    expect(help.stdout).toContain(".xls 的副本存为 .xlsx");
    expect((await runCli(["-h"])).stdout).toBe(help.stdout);
    expect((await runCli([])).stdout).toBe(help.stdout);
    const version = await runCli(["--version"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`perf-target ${pkg.version}（绩效目标表助手 命令行）\n`);
  });
});
