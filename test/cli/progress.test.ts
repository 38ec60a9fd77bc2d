/**
 * The progress bar: on a terminal (given by `script`), more than one file → cli-progress on stderr
 * with the file count and the current name; never when stderr is not a terminal.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { cliMain, rmTemp, runCli, SAMPLE, scriptCommand, tempDir } from "./helpers";

const script = scriptCommand();
const maybe = script ? it : it.skip;

describe("progress bar", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("progress");
    for (let i = 1; i <= 5; i++) fs.copyFileSync(SAMPLE, path.join(dir, `单位${i}.xlsx`));
  });
  afterAll(() => rmTemp(dir));

  maybe("is drawn on a terminal for several files, and the JSON on stdout stays clean", () => {
    const json = path.join(dir, "out.json");
    const command = `"${process.execPath}" "${cliMain()}" check "${dir}" --json > "${json}"`;
    const r = spawnSync(script!, ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("检查中 [");
    expect(r.stdout).toMatch(/\d\/5 个文件/);
    expect(r.stdout).toMatch(/\| 单位\d\.xlsx/);
    const doc = JSON.parse(fs.readFileSync(json, "utf8")) as { files: unknown[] };
    expect(doc.files).toHaveLength(5);
  });

  maybe("leaves the text report readable when stdout is the same terminal", () => {
    const command = `"${process.execPath}" "${cliMain()}" check "${dir}"`;
    const r = spawnSync(script!, ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const text = r.stdout.replace(/\r\n/g, "\n");
    for (let i = 1; i <= 5; i++)
      expect(text).toMatch(
        new RegExp(`✘ ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/单位${i}\\.xlsx {2}需修改后再提交`)
      );
    expect(text).toContain("共检查 5 个文件");
  });

  it("is not drawn when stderr is not a terminal", async () => {
    const r = await runCli(["check", dir, "--json"]);
    expect(r.stderr).not.toContain("检查中");
  });
});
