/**
 * --fix on a cell with two safe fixes ("100%以上" under a rate: rate-out-of-range, then
 * nonstandard-operator): the second fix was built against the text before the first; it is built
 * again from the new text (or found no longer needed) instead of being reported as a failure.
 */
import fs from "node:fs";
import path from "node:path";
import { cleanWorkbook } from "./packages";
import { rmTemp, runCli, tempDir } from "./helpers";

describe("--fix with two safe fixes on one cell", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("fix-chain");
  });
  afterAll(() => rmTemp(dir));

  it("applies what is needed and reports no failure; the copy has neither finding left", async () => {
    const input = path.join(dir, "比率.xlsx");
    fs.writeFileSync(
      input,
      await cleanWorkbook(["项目"], (_s, rows) =>
        rows.map((row) => (row[2] === "培训合格率" ? [row[0], row[1], row[2], "100%以上", row[4]] : row))
      )
    );
    const before = JSON.parse((await runCli(["check", input, "--json"])).stdout) as {
      files: Array<{ findings: Array<{ rule: string; cell: string }> }>;
    };
    expect(before.files[0].findings.map((f) => [f.rule, f.cell])).toEqual([
      ["rate-out-of-range", "D7"],
      ["nonstandard-operator", "D7"],
    ]);
    const out = path.join(dir, "out");
    const r = await runCli(["check", input, "--out", out, "--fix"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("未能修复");
    expect(r.stdout).not.toContain("未能修复");
    expect(r.stdout).toMatch(/已在副本中修复 [12] 处（修复前：错误 0 · 警告 1 · 提示 1；/);
    const after = JSON.parse((await runCli(["check", path.join(out, "比率.xlsx"), "--json"])).stdout) as {
      files: Array<{ findings: unknown[] }>;
    };
    expect(after.files[0].findings).toEqual([]);
  });
});
